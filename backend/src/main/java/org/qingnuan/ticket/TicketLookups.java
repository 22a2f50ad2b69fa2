package org.qingnuan.ticket;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.metadata.IPage;
import org.qingnuan.api.paging.PageQuery;
import org.qingnuan.api.ticket.TicketStatus;
import org.qingnuan.shared.persistence.Pages;
import org.qingnuan.ticket.internal.HelpTicketMapper;
import org.springframework.stereotype.Service;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Reads of help requests that other modules make by their own criteria (dispatch's follow-up list, overdue scan
 * and take-overs), so that {@code help_ticket} is read and written only by the ticket module. Moves go through
 * {@link TicketLifecycle}.
 */
@Service
public class TicketLookups {

    private final HelpTicketMapper tickets;

    TicketLookups(HelpTicketMapper tickets) {
        this.tickets = tickets;
    }

    /** The request of this id if the caller's jurisdiction shows it. */
    public Optional<HelpTicket> find(long id) {
        return Optional.ofNullable(tickets.selectById(id));
    }

    /**
     * Locks the request whatever the caller's jurisdiction (or {@code null}): a unit asking to take over a request of
     * another unit may not see it, yet its request must be checked against the request's current state.
     */
    public HelpTicket lockUnscoped(long id) {
        return tickets.lockUnscoped(id);
    }

    /** Requests done before the given time and not confirmed yet, in the caller's jurisdiction, oldest first. */
    public IPage<HelpTicket> doneUnconfirmed(LocalDateTime doneBefore, PageQuery paging) {
        return tickets.selectPage(Pages.of(paging), new LambdaQueryWrapper<HelpTicket>()
                .eq(HelpTicket::getStatus, TicketStatus.DONE).lt(HelpTicket::getDoneAt, doneBefore)
                .orderByAsc(HelpTicket::getDoneAt));
    }

    /** Unfinished requests whose dispatch deadline has passed, of every org, earliest deadline first. */
    public List<HelpTicket> pastDeadline(LocalDateTime now, int limit) {
        return tickets.pastDeadline(now, limit);
    }

    /** Requests in the given state since before the given time, of every org, longest held first. */
    public List<HelpTicket> heldSince(TicketStatus status, LocalDateTime before, int limit) {
        return tickets.heldSince(status.name(), before, limit);
    }
}
