package org.qingnuan.dispatch;

import java.util.List;

/**
 * Staff of these orgs must hear about a step of a referred request: a new referral for the unit, a referral
 * passed back, a take-over to decide, a missed deadline. Alerts in the admin web for all of them, and an
 * official-account message to those who bound their WeChat when {@code wechat} is set.
 *
 * @param detail one line for the WeChat message (the unit, the deadline); never personal data
 */
public record DispatchNotice(Kind kind, long ticketId, List<Long> orgIds, String title, String detail, boolean wechat) {

    public enum Kind { DISPATCHED, PASSED_BACK, TAKEOVER, OVERDUE, ESCALATED }
}
