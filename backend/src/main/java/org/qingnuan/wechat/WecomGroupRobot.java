package org.qingnuan.wechat;

/** A WeCom (企业微信) group robot: posts to a group through its webhook. Only this package knows WxJava. */
public interface WecomGroupRobot {

    /** The webhook key is not valid (the robot was removed from the group): final. */
    int INVALID_WEBHOOK = 93000;

    /**
     * Posts a markdown message to the group of the webhook.
     *
     * @param webhookKey the {@code key} of the robot's webhook URL
     * @throws OfficialAccountException with WeCom's errcode when it refuses (-1 when unreachable)
     */
    void sendMarkdown(String webhookKey, String markdown);

    /** The key of a webhook URL ({@code https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…}) or the key itself; null if neither. */
    static String keyOf(String webhook) {
        if (webhook == null) {
            return null;
        }
        String value = webhook.trim();
        int at = value.indexOf("key=");
        if (at >= 0) {
            value = value.substring(at + 4);
            int end = value.indexOf('&');
            value = end >= 0 ? value.substring(0, end) : value;
        }
        return value.matches("^[A-Za-z0-9-]{8,64}$") ? value : null;
    }
}
