package org.qingnuan.dispatch;

import org.qingnuan.api.ticket.TicketView;
import org.qingnuan.org.OrgService;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.shared.error.DomainException;
import org.qingnuan.staff.CurrentStaff;
import org.qingnuan.staff.StaffPrincipal;
import org.qingnuan.ticket.HelpTicket;
import org.qingnuan.ticket.StaffTickets;
import org.qingnuan.ticket.TicketAction;
import org.qingnuan.ticket.TicketLifecycle;
import org.qingnuan.ticket.VolunteerActor;
import org.qingnuan.ticket.VolunteerTasks;
import org.qingnuan.volunteer.Volunteers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

/**
 * Referral of a request to a responsible unit (派单转介) and the unit's side of it: accept, pass back, and —
 * once accepted — open to volunteers, assign one, or complete it (the last two through the request board).
 * Every step goes through {@link TicketLifecycle}, so it is checked, conditional and in the history.
 */
@Service
public class Dispatches {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private final StaffTickets staffTickets;
    private final TicketLifecycle lifecycle;
    private final OrgService orgs;
    private final Volunteers volunteers;
    private final VolunteerTasks tasks;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    Dispatches(StaffTickets staffTickets, TicketLifecycle lifecycle, OrgService orgs, Volunteers volunteers,
               VolunteerTasks tasks, ApplicationEventPublisher publisher, Clock clock) {
        this.staffTickets = staffTickets;
        this.lifecycle = lifecycle;
        this.orgs = orgs;
        this.volunteers = volunteers;
        this.tasks = tasks;
        this.publisher = publisher;
        this.clock = clock;
    }

    public record Unit(long id, String name, String type, String typeLabel) {
    }

    /** Units a staff member may refer to: every org below their own, partner units included. */
    public List<Unit> units() {
        long own = CurrentStaff.require().orgId();
        return orgs.visible().stream().filter(o -> o.getId() != own)
                .map(o -> new Unit(o.getId(), o.getName(), o.getType().name(), o.getType().label())).toList();
    }

    @Transactional
    public TicketView dispatch(long ticketId, DispatchRequests.Dispatch r) {
        HelpTicket t = staffTickets.ticket(ticketId);
        staffTickets.require(t, TicketAction.DISPATCH);
        StaffPrincipal staff = CurrentStaff.require();
        OrgUnit unit = orgs.find(r.unitOrgId()).filter(o -> o.getId() != staff.orgId())
                .orElseThrow(() -> DomainException.onField(DispatchError.UNIT_NOT_IN_JURISDICTION, "unitOrgId",
                        DispatchError.UNIT_NOT_IN_JURISDICTION.message()));
        requireFuture(r.deadline(), LocalDateTime.now(clock));
        HelpTicket moved = lifecycle.dispatch(t, StaffTickets.actor(),
                "派给" + unit.getName() + "，" + r.deadline().format(WHEN) + " 前完成" + suffix(r.note()),
                new TicketLifecycle.Referral(unit.getId(), staff.orgId(), staff.staffId(), r.deadline()));
        publisher.publishEvent(new DispatchNotice(DispatchNotice.Kind.DISPATCHED, t.getId(), List.of(unit.getId()),
                "新派单：求助 #" + t.getId() + "（" + t.getCategory().label() + "），请在 " + r.deadline().format(WHEN) + " 前完成",
                unit.getName() + "，期限 " + r.deadline().format(WHEN), true));
        return staffTickets.moved(moved);
    }

    @Transactional
    public TicketView accept(long ticketId, String note) {
        HelpTicket t = staffTickets.ticket(ticketId);
        staffTickets.require(t, TicketAction.DISPATCH_ACCEPT);
        return staffTickets.moved(lifecycle.acceptDispatch(t, StaffTickets.actor(), note));
    }

    /** The unit cannot do it: back to the dispatcher, accepted and waiting for another referral. */
    @Transactional
    public TicketView passBack(long ticketId, String reason) {
        HelpTicket t = staffTickets.ticket(ticketId);
        staffTickets.require(t, TicketAction.PASS_BACK);
        Long dispatcherOrg = t.getDispatcherOrgId();
        HelpTicket moved = lifecycle.passBack(t, StaffTickets.actor(), reason);
        if (dispatcherOrg != null) {
            publisher.publishEvent(new DispatchNotice(DispatchNotice.Kind.PASSED_BACK, t.getId(), List.of(dispatcherOrg),
                    "求助 #" + t.getId() + " 被承办单位退回：" + reason, null, false));
        }
        return staffTickets.moved(moved);
    }

    @Transactional
    public TicketView changeDeadline(long ticketId, DispatchRequests.Deadline r) {
        HelpTicket t = staffTickets.ticket(ticketId);
        staffTickets.require(t, TicketAction.CHANGE_DEADLINE);
        requireFuture(r.deadline(), LocalDateTime.now(clock));
        return staffTickets.moved(lifecycle.changeDeadline(t, StaffTickets.actor(),
                "期限改为 " + r.deadline().format(WHEN) + suffix(r.note()), r.deadline()));
    }

    public record Candidate(long id, String name, Double distanceKm, long activeTasks, int maxActiveTasks) {
    }

    /** Volunteers of the staff member's unit who could take the request now, nearest first. */
    public List<Candidate> assignable(long ticketId) {
        HelpTicket t = staffTickets.ticket(ticketId);
        staffTickets.require(t, TicketAction.ASSIGN);
        return volunteers.onDutyFor(t.getCategory()).stream()
                .map(v -> new Candidate(v.volunteerId(), org.qingnuan.privacy.Masks.name(v.name()), distance(t, v),
                        tasks.activeTasks(v.volunteerId()), v.maxActiveTasks()))
                .filter(c -> c.activeTasks() < c.maxActiveTasks())
                .sorted(Comparator.comparing(Candidate::distanceKm, Comparator.nullsLast(Comparator.naturalOrder())))
                .limit(50).toList();
    }

    public TicketView assign(long ticketId, DispatchRequests.Assign r) {
        HelpTicket t = staffTickets.ticket(ticketId);
        staffTickets.require(t, TicketAction.ASSIGN);
        VolunteerActor v = volunteers.onDuty(r.volunteerId());
        return staffTickets.moved(tasks.assign(v, t, StaffTickets.actor(), r.note()));
    }

    private static Double distance(HelpTicket t, VolunteerActor v) {
        if (t.getLatitude() == null || v.latitude() == null) {
            return null;
        }
        double km = org.qingnuan.shared.geo.Distances.km(t.getLatitude().doubleValue(), t.getLongitude().doubleValue(),
                v.latitude().doubleValue(), v.longitude().doubleValue());
        return Math.round(km * 10) / 10.0;
    }

    private static void requireFuture(LocalDateTime deadline, LocalDateTime now) {
        if (!deadline.isAfter(now)) {
            throw DomainException.onField(DispatchError.DEADLINE_IN_PAST, "deadline", DispatchError.DEADLINE_IN_PAST.message());
        }
    }

    static String suffix(String note) {
        return note == null || note.isBlank() ? "" : "。" + note.trim();
    }
}
