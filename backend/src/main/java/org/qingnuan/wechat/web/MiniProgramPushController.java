package org.qingnuan.wechat.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.qingnuan.wechat.MiniProgramPush;
import org.qingnuan.wechat.WechatError;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mini-program's message push URL (data format JSON). Refusals answer the API's JSON error like the
 * official account's callback: 403 {@code CALLBACK_REFUSED} for who sent it (signature, timestamp, safe mode,
 * AppID), 400 {@code PUSH_MALFORMED} for a signed body that is not a push. Anything accepted — including a
 * verdict for a photo we do not know — is answered "success", so WeChat does not push it again.
 */
@Hidden
@RestController
@RequestMapping("/wx/mini/callback")
class MiniProgramPushController {


    private final MiniProgramPush push;

    MiniProgramPushController(MiniProgramPush push) {
        this.push = push;
    }

    /** WeChat's URL check when the push address is saved in the console. */
    @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    String verify(@RequestParam(required = false) String signature, @RequestParam(required = false) String timestamp,
                  @RequestParam(required = false) String nonce, @RequestParam(required = false) String echostr) {
        refuseUnless(() -> push.verifySignature(timestamp, nonce, signature));
        return echostr == null ? "" : echostr;
    }

    @PostMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    String receive(@RequestBody(required = false) String body,
                   @RequestParam(required = false) String signature, @RequestParam(required = false) String timestamp,
                   @RequestParam(required = false) String nonce,
                   @RequestParam(name = "encrypt_type", required = false) String encryptType,
                   @RequestParam(name = "msg_signature", required = false) String msgSignature) {
        refuseUnless(() -> push.receive(body, timestamp, nonce, signature, encryptType, msgSignature));
        return "success";
    }

    private static void refuseUnless(Runnable check) {
        CallbackAnswers.refuseUnless("Mini-program push", WechatError.PUSH_MALFORMED, check);
    }
}
