package org.qingnuan.ticket;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import org.qingnuan.api.ticket.TicketStatus;
import org.qingnuan.identity.WechatUsers;
import org.qingnuan.privacy.PersonalDataCipher;
import org.qingnuan.shared.persistence.AfterCommit;
import org.qingnuan.ticket.internal.HelpTicketMapper;
import org.qingnuan.wechat.MiniProgram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A family's submission is saved PENDING and answered 201 at once; its text goes to WeChat's check right after the
 * commit, off the request's thread (issue 19: the WeChat round trip was inside every submission). Until the verdict
 * the request is SUBMITTED and nobody outside staff sees it; auto-accepting waits for PASS. The text travels to the
 * check in memory only (the event registry would keep it in plain text); a check lost with its instance is made by
 * {@link #checkOverdue} from the saved request (description and address) a minute later. The verdict is written with a
 * conditional UPDATE, so a late or repeated check changes nothing once a verdict or a staff member's reading is there.
 */
@Component
class TicketTextChecks {

    private static final Logger log = LoggerFactory.getLogger(TicketTextChecks.class);
    /** A PENDING request older than this lost its after-commit check (the instance stopped, or the pool was full). */
    static final Duration OVERDUE = Duration.ofMinutes(1);

    private final HelpTicketMapper tickets;
    private final TicketContentCheck contentCheck;
    private final TicketLifecycle lifecycle;
    private final TicketProperties properties;
    private final PersonalDataCipher cipher;
    private final WechatUsers users;
    private final TaskExecutor executor;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TicketTextChecks(HelpTicketMapper tickets, TicketContentCheck contentCheck, TicketLifecycle lifecycle,
                     TicketProperties properties, PersonalDataCipher cipher, WechatUsers users,
                     TaskExecutor applicationTaskExecutor, TransactionTemplate transactions, Clock clock) {
        this.tickets = tickets;
        this.contentCheck = contentCheck;
        this.lifecycle = lifecycle;
        this.properties = properties;
        this.cipher = cipher;
        this.users = users;
        this.executor = applicationTaskExecutor;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Called in the submission's transaction: the check runs once it has committed. */
    void afterCommit(long ticketId, String openId, String text) {
        AfterCommit.run(() -> {
            try {
                executor.execute(() -> check(ticketId, openId, text));
            } catch (TaskRejectedException busy) {
                log.info("Text check of request {} left to the overdue scan", ticketId);
            }
        });
    }

    void check(long ticketId, String openId, String text) {
        try {
            apply(ticketId, contentCheck.afterSave(openId, MiniProgram.ContentScene.FORUM, text));
        } catch (RuntimeException e) {
            // the database went away meanwhile: the overdue scan takes it up
            log.warn("Text check of request {} not recorded ({}); left to the overdue scan", ticketId, e.getClass().getSimpleName());
        }
    }

    /** Checks the requests whose after-commit check never recorded a verdict; returns how many. */
    int checkOverdue() {
        LocalDateTime before = LocalDateTime.now(clock).minus(OVERDUE);
        List<HelpTicket> overdue = tickets.selectList(new LambdaQueryWrapper<HelpTicket>()
                .eq(HelpTicket::getContentCheck, HelpTicket.ContentCheck.PENDING)
                .lt(HelpTicket::getStatusSince, before)
                .orderByAsc(HelpTicket::getId).last("LIMIT 200"));
        for (HelpTicket t : overdue) {
            String openId = t.getSubmitterUserId() == null ? null : users.openIdOf(t.getSubmitterUserId()).orElse(null);
            String address = cipher.open(t.getAddressSealed());
            String description = cipher.open(t.getDescriptionSealed());
            check(t.getId(), openId, address == null || address.isBlank() ? description : description + "\n" + address);
        }
        return overdue.size();
    }

    private void apply(long ticketId, HelpTicket.ContentCheck verdict) {
        if (verdict != HelpTicket.ContentCheck.PASS || !properties.autoAccept()) {
            // one statement, nothing to keep together with it: no transaction's three extra round trips (issue 19)
            tickets.recordTextVerdict(ticketId, verdict);
            return;
        }
        // the verdict and the acceptance it allows commit together, or neither does (the overdue scan finds it PENDING)
        transactions.executeWithoutResult(status -> {
            if (tickets.recordTextVerdict(ticketId, verdict) == 0) {
                return;
            }
            HelpTicket t = tickets.byIdUnscoped(ticketId);
            if (t != null && t.getStatus() == TicketStatus.SUBMITTED) {
                lifecycle.accept(t, TicketActor.SYSTEM, "按规则自动受理");
            }
        });
    }
}
