package org.qingnuan.wechat;

import java.time.Instant;
import java.util.Map;

/**
 * A message the application sent through the embedded default's WeChat stand-in, as staff see it in
 * 消息记录（演示）.
 *
 * @param kind       SUBSCRIBE (mini-program subscribe message), TEMPLATE (official-account template message),
 *                   CUSTOMER_SERVICE (official-account customer-service text)
 * @param toUser     the recipient's openid
 * @param templateId the template, for SUBSCRIBE and TEMPLATE
 * @param page       the mini-program page the message opens, when it opens one
 * @param data       the template's fields ({@code thing1 → …}), or {@code text} for CUSTOMER_SERVICE
 */
public record SentMessage(long id, Instant sentAt, String kind, String toUser, String templateId, String page,
                          Map<String, String> data) {
}
