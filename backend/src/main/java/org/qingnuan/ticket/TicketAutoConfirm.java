package org.qingnuan.ticket;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import org.qingnuan.api.ticket.TicketStatus;
import org.qingnuan.shared.error.DomainException;
import org.qingnuan.ticket.internal.HelpTicketMapper;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDateTime;

/**
 * Confirms requests done 72 h ago that the family did not confirm. Each move is conditional, so
 * two instances running this at once confirm each request once; the loser's conflict is skipped.
 */
@Component
public class TicketAutoConfirm {

    private static final int BATCH = 200;

    private final HelpTicketMapper tickets;
    private final TicketLifecycle lifecycle;
    private final TicketProperties properties;
    private final Clock clock;

    TicketAutoConfirm(HelpTicketMapper tickets, TicketLifecycle lifecycle, TicketProperties properties, Clock clock) {
        this.tickets = tickets;
        this.lifecycle = lifecycle;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return how many requests this run confirmed */
    public int run() {
        LocalDateTime cutoff = LocalDateTime.now(clock).minus(properties.autoConfirmAfter());
        int confirmed = 0;
        for (HelpTicket t : tickets.selectList(new LambdaQueryWrapper<HelpTicket>()
                .eq(HelpTicket::getStatus, TicketStatus.DONE).le(HelpTicket::getDoneAt, cutoff)
                .orderByAsc(HelpTicket::getDoneAt).last("LIMIT " + BATCH))) {
            try {
                lifecycle.autoConfirm(t);
                confirmed++;
            } catch (DomainException movedMeanwhile) {
                // the family confirmed, or another instance did, between the read and the move
            }
        }
        return confirmed;
    }
}
