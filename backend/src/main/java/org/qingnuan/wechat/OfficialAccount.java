package org.qingnuan.wechat;

import java.util.Optional;

/**
 * What features may ask of the official account. Only this package knows WxJava; features depend
 * on this interface, and a WeChat outage never fails their own transaction.
 */
public interface OfficialAccount {

    /** A permanent parametric QR code for the scene, as an image URL; empty when WeChat refused or is not configured. */
    Optional<String> qrCodeUrl(String scene);

    /** A customer-service text message to a follower (allowed within 48 h of their last message); false when not sent. */
    boolean sendText(String openId, String text);

    /**
     * A template message that opens a mini-program page.
     *
     * @throws OfficialAccountException with WeChat's errcode when it refuses or cannot be reached
     */
    void sendTemplate(String openId, String templateId, String miniProgramPage, java.util.Map<String, String> data);
}
