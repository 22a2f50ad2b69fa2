package org.qingnuan.ticket;

import org.qingnuan.api.ticket.TicketStatus;
import org.qingnuan.api.ticket.TicketView;
import org.qingnuan.org.OrgService;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.staff.StaffPrincipal;
import org.qingnuan.staff.StaffRole;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.qingnuan.api.ticket.TicketStatus.*;

/**
 * Which staff member may take which step on a request, beyond the state table: the family's side (the
 * family's org or above) accepts, dispatches and closes; the responsible unit's own staff (the unit or below)
 * accept the referral, pass it back, and — once they accepted it — open, assign or complete it; the
 * dispatcher's side moves the deadline. The board shows exactly these actions and the API enforces them.
 */
@Component
public class StaffTicketRules {

    private static final Set<StaffRole> WRITERS = EnumSet.of(StaffRole.SUPER_ADMIN, StaffRole.ORG_ADMIN, StaffRole.DISPATCHER);
    private static final Set<TicketStatus> WORKING = EnumSet.of(DISPATCHED, OPEN, CLAIMED, IN_PROGRESS);

    private final OrgService orgs;

    StaffTicketRules(OrgService orgs) {
        this.orgs = orgs;
    }

    /** The request's orgs as a staff member stands to them. */
    public record Standing(boolean familySide, boolean unitMember, boolean dispatcherSide, Map<Long, OrgUnit> orgs) {
    }

    public Standing standing(HelpTicket t, StaffPrincipal staff) {
        List<Long> ids = new ArrayList<>(List.of(t.getOrgId()));
        if (t.getAssignedOrgId() != null) {
            ids.add(t.getAssignedOrgId());
        }
        if (t.getDispatcherOrgId() != null) {
            ids.add(t.getDispatcherOrgId());
        }
        Map<Long, OrgUnit> byId = orgs.unscoped(ids);
        boolean familySide = staff.covers(pathOf(byId.get(t.getOrgId())));
        OrgUnit unit = t.getAssignedOrgId() == null ? null : byId.get(t.getAssignedOrgId());
        // a member of the unit: the staff member's own org is the unit or below it
        boolean unitMember = staff.within(pathOf(unit));
        boolean dispatcherSide = t.getDispatcherOrgId() != null && staff.covers(pathOf(byId.get(t.getDispatcherOrgId())));
        return new Standing(familySide, unitMember, dispatcherSide, byId);
    }

    private static String pathOf(OrgUnit org) {
        return org == null ? null : org.getPath();
    }

    /** Whether the staff member may take the action now (the state table is checked as well). */
    public boolean may(HelpTicket t, StaffPrincipal staff, TicketAction action, Standing s) {
        if (staff.roles().stream().noneMatch(WRITERS::contains) || !action.allowed(t.getStatus(), TicketActor.Kind.STAFF)) {
            return false;
        }
        TicketStatus status = t.getStatus();
        boolean assigned = t.getAssignedOrgId() != null;
        boolean unitAccepted = t.getDispatchState() == HelpTicket.DispatchState.ACCEPTED;
        // who does the work: the unit once it accepted a referral, else the family's side
        boolean worker = assigned ? s.unitMember() && unitAccepted : s.familySide();
        return switch (action) {
            case ACCEPT, REJECT, DISPATCH -> s.familySide() && !assigned;
            case DISPATCH_ACCEPT -> status == DISPATCHED && !unitAccepted && s.unitMember();
            case PASS_BACK -> status == DISPATCHED && s.unitMember();
            case CHANGE_DEADLINE -> assigned && WORKING.contains(status) && s.dispatcherSide();
            case OPEN, ASSIGN, COMPLETE -> worker;
            case CLOSE -> s.familySide() || s.dispatcherSide();
            case FOLLOW_UP, CONFIRM_BY_PHONE -> s.familySide() || s.unitMember();
            default -> false;
        };
    }

    /** The actions the board offers this staff member on this request. */
    public List<String> actions(HelpTicket t, StaffPrincipal staff, Standing s) {
        List<String> result = new ArrayList<>();
        for (TicketAction a : new TicketAction[] {TicketAction.ACCEPT, TicketAction.REJECT, TicketAction.DISPATCH,
                TicketAction.DISPATCH_ACCEPT, TicketAction.PASS_BACK, TicketAction.CHANGE_DEADLINE, TicketAction.OPEN,
                TicketAction.ASSIGN, TicketAction.COMPLETE, TicketAction.CLOSE, TicketAction.FOLLOW_UP}) {
            if (may(t, staff, a, s)) {
                result.add(a.name());
            }
        }
        return result;
    }

    public TicketView.Dispatch dispatch(HelpTicket t, Standing s) {
        if (t.getAssignedOrgId() == null) {
            return null;
        }
        OrgUnit unit = s.orgs().get(t.getAssignedOrgId());
        OrgUnit dispatcher = t.getDispatcherOrgId() == null ? null : s.orgs().get(t.getDispatcherOrgId());
        boolean pending = t.getDispatchState() != HelpTicket.DispatchState.ACCEPTED;
        return new TicketView.Dispatch(t.getAssignedOrgId(), unit == null ? null : unit.getName(),
                pending ? "PENDING" : "ACCEPTED", pending ? "待接单" : "已接单", t.getDispatcherOrgId(),
                dispatcher == null ? null : dispatcher.getName(), t.getDispatchedAt(), t.getDeadlineAt(),
                Boolean.TRUE.equals(t.getOverdue()), t.getOpenToOrgId() != null);
    }
}
