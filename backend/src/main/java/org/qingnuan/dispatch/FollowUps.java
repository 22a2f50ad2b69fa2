package org.qingnuan.dispatch;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.qingnuan.api.paging.PageQuery;
import org.qingnuan.api.paging.PageView;
import org.qingnuan.api.ticket.TicketStatus;
import org.qingnuan.api.ticket.TicketView;
import org.qingnuan.dispatch.internal.FollowUpMapper;
import org.qingnuan.shared.error.DomainException;
import org.qingnuan.shared.persistence.Pages;
import org.qingnuan.staff.CurrentStaff;
import org.qingnuan.staff.StaffPrincipal;
import org.qingnuan.ticket.HelpTicket;
import org.qingnuan.ticket.StaffTickets;
import org.qingnuan.ticket.TicketAction;
import org.qingnuan.ticket.TicketLifecycle;
import org.qingnuan.ticket.TicketLookups;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Requests done but not confirmed by the family after {@code followUpAfter} wait for a call (回访). Each call's
 * outcome is recorded; when the family confirms on the phone, staff confirm for them (with the rating they
 * gave), which credits the volunteer's hours as a confirmation in the mini-program would.
 */
@Service
public class FollowUps {

    private final TicketLookups tickets;
    private final FollowUpMapper calls;
    private final StaffTickets staffTickets;
    private final TicketLifecycle lifecycle;
    private final DispatchProperties properties;
    private final Clock clock;

    FollowUps(TicketLookups tickets, FollowUpMapper calls, StaffTickets staffTickets, TicketLifecycle lifecycle,
              DispatchProperties properties, Clock clock) {
        this.tickets = tickets;
        this.calls = calls;
        this.staffTickets = staffTickets;
        this.lifecycle = lifecycle;
        this.properties = properties;
        this.clock = clock;
    }

    public record LastCall(String outcome, String outcomeLabel, String note, String staffName, LocalDateTime at) {
    }

    /** A row of the follow-up list: the request (as on the board) and the last call, if any. */
    public record Row(@JsonUnwrapped TicketView ticket, LastCall lastFollowUp) {
    }

    /** Oldest first: the family that has waited longest is called first. */
    public PageView<Row> list(PageQuery paging) {
        LocalDateTime before = LocalDateTime.now(clock).minus(properties.followUpAfter());
        var page = tickets.doneUnconfirmed(before, paging);
        Map<Long, FollowUp> last = new HashMap<>();
        List<Long> ids = page.getRecords().stream().map(HelpTicket::getId).toList();
        if (!ids.isEmpty()) {
            calls.selectList(new LambdaQueryWrapper<FollowUp>().in(FollowUp::getTicketId, ids).orderByAsc(FollowUp::getId))
                    .forEach(c -> last.put(c.getTicketId(), c));
        }
        return Pages.view(page.convert(t -> new Row(staffTickets.listed(t), lastCall(last.get(t.getId())))));
    }

    @Transactional
    public TicketView record(long ticketId, DispatchRequests.FollowUpCall call) {
        HelpTicket t = staffTickets.ticket(ticketId);
        if (t.getStatus() != TicketStatus.DONE) {
            throw new DomainException(DispatchError.NOT_FOR_FOLLOW_UP);
        }
        staffTickets.require(t, TicketAction.FOLLOW_UP);
        StaffPrincipal staff = CurrentStaff.require();
        FollowUp row = new FollowUp();
        row.setTicketId(t.getId());
        row.setOrgId(t.getOrgId());
        row.setOutcome(call.outcome());
        row.setNote(call.note() == null || call.note().isBlank() ? null : call.note().trim());
        row.setStaffId(staff.staffId());
        row.setStaffName(staff.displayName());
        row.setCreatedAt(LocalDateTime.now(clock));
        calls.insert(row);
        String note = call.outcome().label() + Dispatches.suffix(call.note());
        if (call.outcome() == FollowUp.Outcome.CONFIRMED) {
            return staffTickets.moved(lifecycle.confirmByPhone(t, StaffTickets.actor(), note, call.rating()));
        }
        lifecycle.followedUp(t, StaffTickets.actor(), note);
        return staffTickets.moved(staffTickets.ticket(ticketId));
    }

    private static LastCall lastCall(FollowUp c) {
        return c == null ? null : new LastCall(c.getOutcome().name(), c.getOutcome().label(), c.getNote(), c.getStaffName(),
                c.getCreatedAt());
    }
}
