package org.qingnuan.wechat.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.qingnuan.shared.error.DomainException;
import org.qingnuan.wechat.OfficialAccountCrypto;
import org.qingnuan.wechat.OfficialAccountInbox;
import org.qingnuan.wechat.WechatError;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The official account's server URL. Every call's signature is checked; safe mode is decrypted and
 * its AppID checked, and with an EncodingAESKey configured plain messages are refused (unless compatible
 * mode is switched on); XML with a DOCTYPE is refused; the message is queued and answered with
 * "success" at once, and a redelivery (same MsgId) is answered without doing the work again.
 */
@Hidden
@RestController
@RequestMapping("/wx/mp/callback")
class OfficialAccountCallbackController {


    private final OfficialAccountCrypto crypto;
    private final OfficialAccountInbox inbox;

    OfficialAccountCallbackController(OfficialAccountCrypto crypto, OfficialAccountInbox inbox) {
        this.crypto = crypto;
        this.inbox = inbox;
    }

    /** WeChat's URL check when the server address is saved in the console. */
    @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    String verify(@RequestParam(required = false) String signature, @RequestParam(required = false) String timestamp,
                  @RequestParam(required = false) String nonce, @RequestParam(required = false) String echostr) {
        refuseUnless(() -> crypto.verifySignature(timestamp, nonce, signature));
        return echostr == null ? "" : echostr;
    }

    @PostMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    String receive(@RequestBody(required = false) String body,
                   @RequestParam(required = false) String signature, @RequestParam(required = false) String timestamp,
                   @RequestParam(required = false) String nonce,
                   @RequestParam(name = "encrypt_type", required = false) String encryptType,
                   @RequestParam(name = "msg_signature", required = false) String msgSignature) {
        String xml = body == null ? "" : body;
        if (xml.toUpperCase().contains("<!DOCTYPE") || xml.toUpperCase().contains("<!ENTITY")) {
            throw new DomainException(WechatError.XML_NOT_ALLOWED);
        }
        String[] message = new String[1];
        refuseUnless(() -> message[0] = crypto.open(xml, timestamp, nonce, signature, encryptType, msgSignature));
        refuseUnless(() -> inbox.accept(message[0]));
        // the reply is sent later (customer-service or template message), never in this response
        return "success";
    }

    private static void refuseUnless(Runnable check) {
        CallbackAnswers.refuseUnless("Official-account callback", WechatError.CALLBACK_MALFORMED, check);
    }
}
