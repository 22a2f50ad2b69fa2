package org.qingnuan.wechat.web;

import org.qingnuan.shared.error.DomainException;
import org.qingnuan.wechat.CallbackMalformed;
import org.qingnuan.wechat.CallbackRefused;
import org.qingnuan.wechat.WechatError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How both WeChat pushes (official-account callback, mini-program message push) answer a check that failed: a
 * refused push (signature, timestamp, safe mode) is 403 {@code CALLBACK_REFUSED}, a signed one that cannot be read
 * the push's own 400 code; one warning line without the body.
 */
final class CallbackAnswers {

    private static final Logger log = LoggerFactory.getLogger(CallbackAnswers.class);

    private CallbackAnswers() {
    }

    static void refuseUnless(String push, WechatError malformed, Runnable check) {
        try {
            check.run();
        } catch (CallbackMalformed e) {
            log.warn("{} malformed: {}", push, e.getMessage());
            throw new DomainException(malformed);
        } catch (CallbackRefused e) {
            log.warn("{} refused: {}", push, e.getMessage());
            throw new DomainException(WechatError.CALLBACK_REFUSED);
        }
    }
}
