package org.qingnuan.ticket;

import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import org.qingnuan.api.error.ApiError;
import org.qingnuan.api.ticket.TicketStatus;
import org.qingnuan.shared.error.DomainException;
import org.qingnuan.ticket.internal.HelpTicketEventMapper;
import org.qingnuan.ticket.internal.HelpTicketMapper;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one place a help request changes state. A move is checked against {@link TicketAction},
 * written with a conditional UPDATE (same status and version as read), so two people pressing at
 * once cannot both succeed, and recorded in the history with who made it and when. A refused move
 * answers 409 naming the request's current state.
 */
@Component
public class TicketLifecycle {

    private final HelpTicketMapper tickets;
    private final HelpTicketEventMapper events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    TicketLifecycle(HelpTicketMapper tickets, HelpTicketEventMapper events, ApplicationEventPublisher publisher, Clock clock) {
        this.tickets = tickets;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Records the SUBMIT step of a ticket just inserted. */
    @Transactional
    public void submitted(HelpTicket ticket, TicketActor actor) {
        record(ticket, TicketAction.SUBMIT, null, actor, null);
    }

    /**
     * Moves the ticket (already read, in the caller's jurisdiction) by the action.
     *
     * @param changes further columns to set with the move (a note, a rating …)
     */
    @Transactional
    public HelpTicket apply(HelpTicket ticket, TicketAction action, TicketActor actor, String note,
                            Consumer<LambdaUpdateWrapper<HelpTicket>> changes) {
        TicketStatus from = ticket.getStatus();
        if (!action.allowed(from, actor.kind())) {
            throw conflict(from);
        }
        LocalDateTime now = LocalDateTime.now(clock);
        TicketStatus to = action.to(from);
        LambdaUpdateWrapper<HelpTicket> update = new LambdaUpdateWrapper<HelpTicket>()
                .set(HelpTicket::getStatus, to)
                .set(HelpTicket::getVersion, ticket.getVersion() + 1)
                .set(HelpTicket::getUpdatedAt, now)
                .eq(HelpTicket::getId, ticket.getId())
                .eq(HelpTicket::getStatus, from)
                .eq(HelpTicket::getVersion, ticket.getVersion());
        if (to != from) {
            // a new state: its "too long" limit counts from now, and an overdue mark of the old one is over
            update.set(HelpTicket::getStatusSince, now).set(HelpTicket::getOverdue, false);
        }
        switch (to) {
            case ACCEPTED -> update.set(HelpTicket::getAcceptedAt, now);
            case DONE -> update.set(HelpTicket::getDoneAt, now);
            case CONFIRMED -> update.set(HelpTicket::getConfirmedAt, now);
            case CANCELLED, REJECTED, CLOSED -> update.set(HelpTicket::getClosedAt, now);
            default -> {
            }
        }
        if (changes != null) {
            changes.accept(update);
        }
        if (tickets.update(null, update) != 1) {
            HelpTicket current = tickets.selectById(ticket.getId());
            throw conflict(current == null ? from : current.getStatus());
        }
        // read back whatever the caller's jurisdiction: a step may take the request out of it (passed back, taken over)
        HelpTicket moved = tickets.byIdUnscoped(ticket.getId());
        record(moved, action, from, actor, note);
        return moved;
    }

    /**
     * Writes an entry of the history that does not move the request ({@link TicketAction#OVERDUE},
     * {@link TicketAction#FOLLOW_UP}); the request's state and version stay as they are.
     */
    @Transactional
    public void remark(HelpTicket ticket, TicketAction action, TicketActor actor, String note) {
        if (action.to() != null || !action.allowed(ticket.getStatus(), actor.kind())) {
            throw conflict(ticket.getStatus());
        }
        record(ticket, action, ticket.getStatus(), actor, note);
    }

    private void record(HelpTicket ticket, TicketAction action, TicketStatus from, TicketActor actor, String note) {
        HelpTicketEvent event = new HelpTicketEvent();
        event.setTicketId(ticket.getId());
        event.setOrgId(ticket.getOrgId());
        event.setAction(action);
        event.setFromStatus(from);
        event.setToStatus(action.to(from));
        event.setActorType(actor.kind());
        event.setActorId(actor.id());
        event.setActorName(actor.name());
        event.setNote(note);
        events.insert(event);
        publisher.publishEvent(new TicketTransitioned(ticket.getId(), ticket.getFamilyId(), ticket.getOrgId(), action,
                from, action.to(from), actor, note));
    }

    static DomainException conflict(TicketStatus current) {
        return new DomainException(TicketError.TICKET_STATE_CONFLICT,
                "求助当前为“" + current.label() + "”，不能这样操作，请刷新后查看",
                List.of(new ApiError.FieldError("status", current.name())));
    }
}
