package org.qingnuan.ticket;

import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import org.qingnuan.api.error.ApiError;
import org.qingnuan.api.ticket.CloseReason;
import org.qingnuan.api.ticket.TicketStatus;
import org.qingnuan.shared.error.DomainException;
import org.qingnuan.ticket.internal.HelpTicketEventMapper;
import org.qingnuan.ticket.internal.HelpTicketMapper;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
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

    // One method per move: each names the columns its move writes, so no caller can move a request and write
    // something else with it, or skip the table. All of them end in move(...), the conditional UPDATE.

    /** Accepted by staff or by a rule. A staff member's accept also clears a text waiting for review: they read it. */
    @Transactional
    public HelpTicket accept(HelpTicket ticket, TicketActor actor, String note) {
        // static SQL: every family's request is accepted, most of them automatically right after the text check
        boolean clears = clearsReview(ticket, actor);
        return moveBy(ticket, TicketAction.ACCEPT, actor, note,
                (from, to, now) -> tickets.accept(ticket.getId(), from, ticket.getVersion(), to, clears, now),
                (to, now) -> ticket.acceptedAs(to, clears, now));
    }

    @Transactional
    public HelpTicket reject(HelpTicket ticket, TicketActor actor, String reason) {
        return move(ticket, TicketAction.REJECT, actor, reason,
                u -> u.set(HelpTicket::getCloseReason, CloseReason.REJECTED_BY_STAFF));
    }

    /**
     * Opened to volunteers: to all of them, or only to those of {@code onlyForOrgId}'s subtree. Opening is a staff
     * member's decision after reading the request, so it clears a text still under review.
     */
    @Transactional
    public HelpTicket open(HelpTicket ticket, TicketActor actor, String note, Long onlyForOrgId) {
        return move(ticket, TicketAction.OPEN, actor, note, u -> u.set(clearsReview(ticket, actor),
                HelpTicket::getContentCheck, HelpTicket.ContentCheck.CLEARED).set(HelpTicket::getOpenToOrgId, onlyForOrgId));
    }

    /** Who refers a request to which unit, by when. */
    public record Referral(long unitOrgId, long dispatcherOrgId, long dispatchedBy, LocalDateTime deadline) {
    }

    /** Referred to a responsible unit (派单), which has yet to accept it. */
    @Transactional
    public HelpTicket dispatch(HelpTicket ticket, TicketActor actor, String note, Referral referral) {
        LocalDateTime now = LocalDateTime.now(clock);
        return move(ticket, TicketAction.DISPATCH, actor, note, u -> u
                .set(HelpTicket::getAssignedOrgId, referral.unitOrgId())
                .set(HelpTicket::getDispatchState, HelpTicket.DispatchState.PENDING)
                .set(HelpTicket::getDispatcherOrgId, referral.dispatcherOrgId())
                .set(HelpTicket::getDispatchedBy, referral.dispatchedBy())
                .set(HelpTicket::getDispatchedAt, now)
                .set(HelpTicket::getDeadlineAt, referral.deadline())
                .set(HelpTicket::getOpenToOrgId, null));
    }

    /** The responsible unit accepts the referral. */
    @Transactional
    public HelpTicket acceptDispatch(HelpTicket ticket, TicketActor actor, String note) {
        return move(ticket, TicketAction.DISPATCH_ACCEPT, actor, note,
                u -> u.set(HelpTicket::getDispatchState, HelpTicket.DispatchState.ACCEPTED));
    }

    /** The unit cannot do it: back to the dispatcher, accepted, without unit or deadline. */
    @Transactional
    public HelpTicket passBack(HelpTicket ticket, TicketActor actor, String reason) {
        return move(ticket, TicketAction.PASS_BACK, actor, reason, u -> u
                .set(HelpTicket::getAssignedOrgId, null).set(HelpTicket::getDispatchState, null)
                .set(HelpTicket::getDeadlineAt, null).set(HelpTicket::getOpenToOrgId, null));
    }

    /** A new deadline; an overdue mark of the old one is over. */
    @Transactional
    public HelpTicket changeDeadline(HelpTicket ticket, TicketActor actor, String note, LocalDateTime deadline) {
        return move(ticket, TicketAction.CHANGE_DEADLINE, actor, note,
                u -> u.set(HelpTicket::getDeadlineAt, deadline).set(HelpTicket::getOverdue, false));
    }

    /**
     * Another unit takes the request over; it wanted it, so it counts as accepted by them. Opened to the old unit's
     * volunteers only, it is now open to the new unit's only.
     */
    @Transactional
    public HelpTicket takeOver(HelpTicket ticket, TicketActor actor, String note, long toOrgId) {
        return move(ticket, TicketAction.TAKE_OVER, actor, note, u -> u.set(HelpTicket::getAssignedOrgId, toOrgId)
                .set(HelpTicket::getDispatchState, HelpTicket.DispatchState.ACCEPTED)
                .set(ticket.getOpenToOrgId() != null, HelpTicket::getOpenToOrgId, toOrgId));
    }

    /** Staff name the volunteer who does it. */
    @Transactional
    public HelpTicket assign(HelpTicket ticket, TicketActor actor, String note, long volunteerId) {
        return move(ticket, TicketAction.ASSIGN, actor, note, claimedBy(volunteerId));
    }

    /** A volunteer takes the task; of two at once, exactly one wins (the conditional UPDATE). */
    @Transactional
    public HelpTicket claim(HelpTicket ticket, TicketActor actor, long volunteerId) {
        // the task board's hot move, as static SQL: a wrapper's dynamic SQL cost more CPU than the statement (issue 19)
        // and without reading the row back: the static SQL says exactly what it wrote (HelpTicket.claimedAs)
        return moveBy(ticket, TicketAction.CLAIM, actor, null,
                (from, to, now) -> tickets.claim(ticket.getId(), from, ticket.getVersion(), to, volunteerId, now),
                (to, now) -> ticket.claimedAs(to, volunteerId, now));
    }

    /** The task goes back to the pool, by its volunteer or because it was not started in time. */
    @Transactional
    public HelpTicket release(HelpTicket ticket, TicketActor actor, String reason) {
        return move(ticket, TicketAction.RELEASE, actor, reason,
                u -> u.set(HelpTicket::getClaimedBy, null).set(HelpTicket::getClaimedAt, null));
    }

    @Transactional
    public HelpTicket start(HelpTicket ticket, TicketActor actor) {
        LocalDateTime now = LocalDateTime.now(clock);
        return move(ticket, TicketAction.START, actor, null, u -> u.set(HelpTicket::getStartedAt, now));
    }

    /**
     * Done, by the volunteer (with photos) or by staff themselves; the family is asked to confirm.
     *
     * @param noteCheck the volunteer's note's text check (REVIEW: kept from the family); null for staff's own note
     */
    @Transactional
    public HelpTicket complete(HelpTicket ticket, TicketActor actor, String note, String donePhotoKeysJson,
                               HelpTicket.ContentCheck noteCheck) {
        // a note waiting for review stays out of the history and the family's message: both reach the family
        String shown = noteCheck == HelpTicket.ContentCheck.REVIEW ? null : note;
        return move(ticket, TicketAction.COMPLETE, actor, shown, u -> u.set(HelpTicket::getDoneNote, note)
                .set(HelpTicket::getDoneNoteCheck, noteCheck)
                .set(donePhotoKeysJson != null, HelpTicket::getDonePhotoKeys, donePhotoKeysJson));
    }

    /** The family confirms in the mini-program, with a rating. */
    @Transactional
    public HelpTicket confirm(HelpTicket ticket, TicketActor actor, Integer rating, String comment) {
        return move(ticket, TicketAction.CONFIRM, actor, null,
                u -> u.set(HelpTicket::getRating, rating).set(HelpTicket::getRatingComment, comment));
    }

    /** Staff confirm for a family on the follow-up call, with the rating given on the phone, if any. */
    @Transactional
    public HelpTicket confirmByPhone(HelpTicket ticket, TicketActor actor, String note, Integer rating) {
        return move(ticket, TicketAction.CONFIRM_BY_PHONE, actor, note,
                u -> u.set(rating != null, HelpTicket::getRating, rating));
    }

    @Transactional
    public HelpTicket autoConfirm(HelpTicket ticket) {
        return move(ticket, TicketAction.AUTO_CONFIRM, TicketActor.SYSTEM, null, null);
    }

    @Transactional
    public HelpTicket cancel(HelpTicket ticket, TicketActor actor, String reason) {
        return move(ticket, TicketAction.CANCEL, actor, reason,
                u -> u.set(HelpTicket::getCloseReason, CloseReason.CANCELLED_BY_FAMILY));
    }

    @Transactional
    public HelpTicket close(HelpTicket ticket, TicketActor actor, String note, CloseReason reason) {
        return move(ticket, TicketAction.CLOSE, actor, note, u -> u.set(HelpTicket::getCloseReason, reason));
    }

    /**
     * Marks the request overdue (a flag for the board, not a state: status and version stay) and writes the
     * {@link TicketAction#OVERDUE} entry of its history; for the overdue scan, which runs for nobody.
     */
    @Transactional
    public void markOverdue(HelpTicket ticket, String note) {
        requireRemark(ticket, TicketAction.OVERDUE, TicketActor.SYSTEM);
        tickets.markOverdue(ticket.getId());
        record(ticket, TicketAction.OVERDUE, ticket.getStatus(), TicketActor.SYSTEM, note);
    }

    /** A follow-up call that did not confirm the request: an entry of its history, no move. */
    @Transactional
    public void followedUp(HelpTicket ticket, TicketActor actor, String note) {
        requireRemark(ticket, TicketAction.FOLLOW_UP, actor);
        record(ticket, TicketAction.FOLLOW_UP, ticket.getStatus(), actor, note);
    }

    /**
     * The state after {@code action} by {@code actor} from {@code from}, as the table {@link TicketAction} says;
     * anything it does not list is refused with 409 naming the current state.
     */
    static TicketStatus next(TicketStatus from, TicketAction action, TicketActor.Kind actor) {
        if (!action.allowed(from, actor)) {
            throw conflict(from);
        }
        return action.to(from);
    }

    /**
     * Moves the ticket (already read, in the caller's jurisdiction) by the action.
     *
     * @param changes the columns this move writes besides the state (a note, a rating …)
     */
    private HelpTicket move(HelpTicket ticket, TicketAction action, TicketActor actor, String note,
                            Consumer<LambdaUpdateWrapper<HelpTicket>> changes) {
        return moveBy(ticket, action, actor, note, (from, to, now) -> tickets.update(null, update(ticket, action, from, to, now, changes)),
                // read back whatever the caller's jurisdiction: a step may take the request out of it (passed back, taken over)
                (to, now) -> tickets.byIdUnscoped(ticket.getId()));
    }

    /** The generic move's conditional UPDATE: the state, the columns the new state stamps, and the move's own changes. */
    private static LambdaUpdateWrapper<HelpTicket> update(HelpTicket ticket, TicketAction action, TicketStatus from,
                                                          TicketStatus to, LocalDateTime now,
                                                          Consumer<LambdaUpdateWrapper<HelpTicket>> changes) {
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
            // a request passed back by its unit was accepted long ago: its first response stays where it was
            case ACCEPTED -> update.set(action != TicketAction.PASS_BACK, HelpTicket::getAcceptedAt, now);
            case DONE -> update.set(HelpTicket::getDoneAt, now);
            case CONFIRMED -> update.set(HelpTicket::getConfirmedAt, now);
            case CANCELLED, REJECTED, CLOSED -> update.set(HelpTicket::getClosedAt, now);
            default -> {
            }
        }
        if (changes != null) {
            changes.accept(update);
        }
        return update;
    }

    /** A move's conditional UPDATE, given the state it leaves and the state it enters; answers the rows changed. */
    @FunctionalInterface
    private interface ConditionalUpdate {
        int apply(TicketStatus from, TicketStatus to, LocalDateTime now);
    }

    /** The row after a move that changed it: read back, or as the move's static SQL says it wrote it. */
    @FunctionalInterface
    private interface AfterMove {
        HelpTicket moved(TicketStatus to, LocalDateTime now);
    }

    /**
     * Every move: checked against {@link TicketAction}, written by {@code update} on the condition that the request is
     * still in the state and version it was read in (else 409 naming its state now), then recorded.
     */
    private HelpTicket moveBy(HelpTicket ticket, TicketAction action, TicketActor actor, String note, ConditionalUpdate update,
                              AfterMove after) {
        TicketStatus from = ticket.getStatus();
        TicketStatus to = next(from, action, actor.kind());
        // the columns keep milliseconds (DATETIME(3), which cuts the rest): a row built here equals the row stored
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        if (update.apply(from, to, now) != 1) {
            HelpTicket current = tickets.selectById(ticket.getId());
            throw conflict(current == null ? from : current.getStatus());
        }
        HelpTicket moved = after.moved(to, now);
        record(moved, action, from, actor, note);
        return moved;
    }

    private Consumer<LambdaUpdateWrapper<HelpTicket>> claimedBy(long volunteerId) {
        LocalDateTime now = LocalDateTime.now(clock);
        return u -> u.set(HelpTicket::getClaimedBy, volunteerId).set(HelpTicket::getClaimedAt, now);
    }

    private static boolean clearsReview(HelpTicket ticket, TicketActor actor) {
        // a text still waiting for WeChat's verdict counts as read too: the verdict then finds nothing to change
        return actor.kind() == TicketActor.Kind.STAFF && (ticket.getContentCheck() == HelpTicket.ContentCheck.REVIEW
                || ticket.getContentCheck() == HelpTicket.ContentCheck.PENDING);
    }

    /** An entry of the history that does not move the request: its state and version stay as they are. */
    private static void requireRemark(HelpTicket ticket, TicketAction action, TicketActor actor) {
        if (action.to() != null) {
            throw new IllegalArgumentException(action + " moves the request");
        }
        next(ticket.getStatus(), action, actor.kind());
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
        // to the millisecond, as the column keeps it: a new request's first answer shows this row without reading it
        event.setCreatedAt(LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS));
        events.append(event);
        ticket.wrote(event);
        publisher.publishEvent(new TicketTransitioned(ticket.getId(), ticket.getFamilyId(), ticket.getOrgId(), ticket.getCategory(), action,
                from, action.to(from), actor, note));
    }

    static DomainException conflict(TicketStatus current) {
        return new DomainException(TicketError.TICKET_STATE_CONFLICT,
                "求助当前为“" + current.label() + "”，不能这样操作，请刷新后查看",
                List.of(new ApiError.FieldError("status", current.name())));
    }
}
