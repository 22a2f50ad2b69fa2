package org.qingnuan.ticket;

import org.qingnuan.shared.error.DomainException;
import org.qingnuan.wechat.MiniProgram;
import org.qingnuan.wechat.MiniProgramException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * User text passes WeChat content security (msgSecCheck v2) before volunteers can see it: risky is
 * refused, review waits for staff. When WeChat cannot answer (not configured, rate limited, down)
 * the text waits for staff too: failing open would show unchecked text to strangers.
 */
@Component
class TicketContentCheck {

    private static final Logger log = LoggerFactory.getLogger(TicketContentCheck.class);

    private final MiniProgram miniProgram;

    TicketContentCheck(MiniProgram miniProgram) {
        this.miniProgram = miniProgram;
    }

    /**
     * Where a submission's text starts: PENDING, checked right after it is saved ({@link TicketTextChecks}); REVIEW at
     * once when no mini-program is configured (nothing could check it).
     */
    HelpTicket.ContentCheck beforeCheck() {
        return miniProgram.configured() ? HelpTicket.ContentCheck.PENDING : HelpTicket.ContentCheck.REVIEW;
    }

    /**
     * The verdict on a text already saved: PASS, or REVIEW for staff — also when WeChat calls it risky (the request is
     * kept, so that staff can reach a family who worded an urgent need badly) or cannot answer.
     */
    HelpTicket.ContentCheck afterSave(String openId, MiniProgram.ContentScene scene, String text) {
        if (!miniProgram.configured()) {
            return HelpTicket.ContentCheck.REVIEW;
        }
        try {
            return miniProgram.checkText(openId, scene, text) == MiniProgram.ContentVerdict.PASS
                    ? HelpTicket.ContentCheck.PASS : HelpTicket.ContentCheck.REVIEW;
        } catch (MiniProgramException e) {
            log.warn("Content security check unavailable (errcode {}); the request waits for staff review", e.errcode());
            return HelpTicket.ContentCheck.REVIEW;
        }
    }

    /** @throws DomainException CONTENT_RISKY when WeChat calls the text risky */
    HelpTicket.ContentCheck check(String openId, MiniProgram.ContentScene scene, String text) {
        if (!miniProgram.configured()) {
            return HelpTicket.ContentCheck.REVIEW;
        }
        try {
            return switch (miniProgram.checkText(openId, scene, text)) {
                case PASS -> HelpTicket.ContentCheck.PASS;
                case REVIEW -> HelpTicket.ContentCheck.REVIEW;
                case RISKY -> throw new DomainException(TicketError.CONTENT_RISKY);
            };
        } catch (MiniProgramException e) {
            log.warn("Content security check unavailable (errcode {}); the request waits for staff review", e.errcode());
            return HelpTicket.ContentCheck.REVIEW;
        }
    }
}
