package org.qingnuan.ticket;

import org.qingnuan.api.ticket.TicketStatus;

import java.util.EnumSet;
import java.util.Set;

import static org.qingnuan.api.ticket.TicketStatus.*;
import static org.qingnuan.ticket.TicketActor.Kind.*;

/**
 * Every move a help request can make: from which states, to which state, and who may make it.
 * {@link TicketLifecycle} refuses anything not listed here; this table is the whole state machine.
 */
public enum TicketAction {
    // SYSTEM: a family's standing plan (一家一策) submits its occurrences
    SUBMIT("提交求助", EnumSet.noneOf(TicketStatus.class), SUBMITTED, EnumSet.of(FAMILY, MEDICAL_WORKER, CADRE, STAFF, SYSTEM)),
    ACCEPT("受理", EnumSet.of(SUBMITTED), ACCEPTED, EnumSet.of(STAFF, SYSTEM)),
    REJECT("不予受理", EnumSet.of(SUBMITTED, ACCEPTED), REJECTED, EnumSet.of(STAFF)),
    // from DISPATCHED: the responsible unit opens it (to all volunteers, or to its own)
    OPEN("发布给志愿者", EnumSet.of(ACCEPTED, DISPATCHED), TicketStatus.OPEN, EnumSet.of(STAFF, SYSTEM)),
    DISPATCH("派单", EnumSet.of(ACCEPTED), DISPATCHED, EnumSet.of(STAFF)),
    DISPATCH_ACCEPT("承办单位接单", EnumSet.of(DISPATCHED), DISPATCHED, EnumSet.of(STAFF)),
    PASS_BACK("承办单位退回", EnumSet.of(DISPATCHED), ACCEPTED, EnumSet.of(STAFF)),
    // the deadline and the unit move on while the request keeps its state
    CHANGE_DEADLINE("调整完成期限", EnumSet.of(DISPATCHED, TicketStatus.OPEN, CLAIMED, IN_PROGRESS), null, EnumSet.of(STAFF)),
    // before a volunteer took it on: the unit changes, the state stays
    TAKE_OVER("转由其他单位承办", EnumSet.of(DISPATCHED, TicketStatus.OPEN), null, EnumSet.of(STAFF, SYSTEM)),
    // the unit names the volunteer (who need not press "claim")
    ASSIGN("指派志愿者", EnumSet.of(ACCEPTED, DISPATCHED, TicketStatus.OPEN), CLAIMED, EnumSet.of(STAFF)),
    CLAIM("认领", EnumSet.of(TicketStatus.OPEN, DISPATCHED), CLAIMED, EnumSet.of(VOLUNTEER, STAFF)),
    RELEASE("放弃认领", EnumSet.of(CLAIMED), TicketStatus.OPEN, EnumSet.of(VOLUNTEER, STAFF, SYSTEM)),
    START("开始服务", EnumSet.of(CLAIMED), IN_PROGRESS, EnumSet.of(VOLUNTEER, STAFF)),
    COMPLETE("完成服务", EnumSet.of(ACCEPTED, DISPATCHED, CLAIMED, IN_PROGRESS), DONE, EnumSet.of(VOLUNTEER, STAFF)),
    CONFIRM("家属确认", EnumSet.of(DONE), CONFIRMED, EnumSet.of(FAMILY, MEDICAL_WORKER, CADRE)),
    CONFIRM_BY_PHONE("回访确认", EnumSet.of(DONE), CONFIRMED, EnumSet.of(STAFF)),
    AUTO_CONFIRM("超过 72 小时自动确认", EnumSet.of(DONE), CONFIRMED, EnumSet.of(SYSTEM)),
    CANCEL("家属取消", EnumSet.of(SUBMITTED, ACCEPTED, TicketStatus.OPEN, DISPATCHED, CLAIMED), CANCELLED,
            EnumSet.of(FAMILY, MEDICAL_WORKER, CADRE)),
    CLOSE("关闭", EnumSet.of(SUBMITTED, ACCEPTED, TicketStatus.OPEN, DISPATCHED, CLAIMED, IN_PROGRESS), CLOSED, EnumSet.of(STAFF)),
    // entries of the history that record something about the request without moving it
    OVERDUE("超时未办结", EnumSet.of(SUBMITTED, ACCEPTED, TicketStatus.OPEN, DISPATCHED, CLAIMED, IN_PROGRESS), null,
            EnumSet.of(SYSTEM)),
    FOLLOW_UP("回访", EnumSet.of(DONE), null, EnumSet.of(STAFF));

    private final String label;
    private final Set<TicketStatus> from;
    private final TicketStatus to;
    private final Set<TicketActor.Kind> actors;

    TicketAction(String label, Set<TicketStatus> from, TicketStatus to, Set<TicketActor.Kind> actors) {
        this.label = label;
        this.from = from;
        this.to = to;
        this.actors = actors;
    }

    public String label() {
        return label;
    }

    /** The state it moves to; {@code null} when the request keeps its state (a deadline, a note in the history). */
    public TicketStatus to() {
        return to;
    }

    /** The state after this action from {@code from}. */
    public TicketStatus to(TicketStatus from) {
        return to == null ? from : to;
    }

    public boolean allowedFrom(TicketStatus status) {
        return from.contains(status);
    }

    public boolean allowedFor(TicketActor.Kind actor) {
        return actors.contains(actor);
    }

    /** Only COMPLETE by staff may skip the volunteer states; volunteers complete what they started. */
    public boolean allowed(TicketStatus status, TicketActor.Kind actor) {
        if (this == COMPLETE && actor == VOLUNTEER) {
            return status == IN_PROGRESS;
        }
        return allowedFrom(status) && allowedFor(actor);
    }
}
