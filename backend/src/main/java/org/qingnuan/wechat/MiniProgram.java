package org.qingnuan.wechat;

import java.util.Map;

/**
 * What features may ask of the mini-program's server API. Only this package knows WxJava. Every
 * failure WeChat answers with an errcode is thrown as {@link MiniProgramException} carrying it, so
 * callers decide what is final (40029, 43101) and what may be retried (45011, -1).
 */
public interface MiniProgram {

    /** The answer of code2Session. The session key never leaves the server. */
    record LoginSession(String openId, String unionId, String sessionKey) {

        /** Never prints the session key (nor who it belongs to). */
        @Override
        public String toString() {
            return "LoginSession[...]";
        }
    }

    /** WeChat's verdict on user text (msgSecCheck v2, {@code result.suggest}). */
    enum ContentVerdict {
        PASS, REVIEW, RISKY
    }

    /** What the text is, for msgSecCheck's {@code scene}: 1 profile, 2 comment, 3 forum, 4 social log. */
    enum ContentScene {
        PROFILE(1), COMMENT(2), FORUM(3), SOCIAL_LOG(4);

        private final int code;

        ContentScene(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    /** @throws MiniProgramException 40029 for an invalid or used code, 45011 when rate limited */
    LoginSession login(String jsCode);

    /** The pure phone number (no country code) behind a getPhoneNumber button code, for the user. */
    String phoneNumber(String phoneCode, String openId);

    /** Checks user-written text; the user must have opened the mini-program within the last 2 h. */
    ContentVerdict checkText(String openId, ContentScene scene, String text);

    /**
     * Checks text no user wrote in the mini-program (staff's stories): msgSecCheck v1, which takes no openid and
     * answers only pass or risky (errcode 87014).
     *
     * @return {@link ContentVerdict#PASS} or {@link ContentVerdict#RISKY}
     */
    ContentVerdict checkTextWithoutUser(String text);

    /**
     * Submits a photo a mini-program user uploaded to WeChat's asynchronous media check (mediaCheckAsync v2,
     * media_type 2). WeChat fetches the URL itself, so it must stay valid for a while; the verdict arrives later
     * as the {@code wxa_media_check} push, published as {@link MediaCheckResult}.
     *
     * @return WeChat's trace_id, which the push carries
     */
    String checkImageAsync(String openId, ContentScene scene, String imageUrl);

    /** The same for a photo no mini-program user uploaded (staff's story photos): v1, without openid or scene. */
    String checkImageAsyncWithoutUser(String imageUrl);

    /**
     * Sends a subscribe message (one consumed consent of the user for this template).
     *
     * @throws MiniProgramException 43101 when the user refused or has no consent left (final)
     */
    void sendSubscribeMessage(String openId, String templateId, String page, Map<String, String> data);

    /** Whether an AppID and secret are configured; without them every call throws errcode -1. */
    boolean configured();
}
