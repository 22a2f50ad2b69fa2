package org.qingnuan.shared.session;

import jakarta.servlet.http.HttpServletRequest;
import org.qingnuan.api.error.CommonError;

/**
 * Why a request that carried a bearer token is not signed in, kept on the request by the token filters and
 * answered by the chains' entry points when the endpoint needs a user: the token ran out
 * ({@code SESSION_EXPIRED}), was ended on purpose ({@code SESSION_REVOKED}), or could not be checked because
 * Redis or the database is down (503). Open endpoints go on regardless.
 */
public final class SignInFailures {

    private static final String ATTRIBUTE = SignInFailures.class.getName();

    private SignInFailures() {
    }

    public static void mark(HttpServletRequest request, CommonError why) {
        request.setAttribute(ATTRIBUTE, why);
    }

    /** The answer of an entry point: the reason marked, else plain "sign in first". */
    public static CommonError answer(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof CommonError why ? why : CommonError.UNAUTHENTICATED;
    }
}
