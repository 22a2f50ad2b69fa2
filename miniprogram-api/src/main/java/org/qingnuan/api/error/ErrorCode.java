package org.qingnuan.api.error;

/**
 * A stable, machine-readable failure reason. Every feature keeps its own enum implementing this
 * interface; {@link #name()} is what clients receive as {@code code}, so constants are never renamed.
 * The enums are the one source of the error-code catalogue ({@code docs/error-codes.md}, the OpenAPI
 * document's {@code x-error-codes}, {@code GET /api/public/error-codes}).
 */
public interface ErrorCode {

    /** Stable identifier sent to clients, e.g. {@code VALIDATION_FAILED}. */
    String name();

    /** HTTP status the failure is answered with. */
    int httpStatus();

    /** Default Chinese message, phrased so that the person reading it knows what to do next. */
    String message();

    /**
     * What a client program should do on this code (for developers, in English). Enums override it
     * where the status alone does not say enough.
     */
    default String clientAction() {
        return defaultAction(httpStatus());
    }

    /** The action that fits a status when a code has nothing more specific to say. */
    static String defaultAction(int httpStatus) {
        return switch (httpStatus) {
            case 400 -> "Show message (and each fieldErrors entry at its field); let the user correct and resend.";
            case 401 -> "Sign in again (mini-program: wx.login, then POST /api/mini/auth/login) and repeat the call.";
            case 403 -> "Show message; do not retry: the user lacks the role or condition for this.";
            case 404 -> "Show message; drop the item from lists and go back: it does not exist or is not visible to the user.";
            case 409 -> "Show message; reload the object and let the user decide again: its state changed.";
            case 410 -> "Show message; ask the user for a new code.";
            case 413, 415 -> "A client bug: the request is too large or not JSON. Fix the client.";
            case 422 -> "Show message; let the user change the content and resubmit.";
            case 429 -> "Show message; wait before trying again, do not retry automatically at once.";
            case 503 -> "Show message; retry later (a dependency is down); nothing was saved.";
            default -> httpStatus >= 500 ? "Show message and traceId; the user may retry later or report the traceId."
                    : "Show message.";
        };
    }
}
