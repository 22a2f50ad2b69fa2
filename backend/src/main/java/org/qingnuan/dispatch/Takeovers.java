package org.qingnuan.dispatch;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import org.qingnuan.api.ticket.TicketStatus;
import org.qingnuan.dispatch.internal.TicketTakeoverMapper;
import org.qingnuan.org.OrgService;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.shared.error.DomainException;
import org.qingnuan.staff.CurrentStaff;
import org.qingnuan.staff.StaffPrincipal;
import org.qingnuan.ticket.HelpTicket;
import org.qingnuan.ticket.StaffTickets;
import org.qingnuan.ticket.TicketActor;
import org.qingnuan.ticket.TicketLifecycle;
import org.qingnuan.ticket.TicketLookups;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A unit asks to take over a request referred to another unit (its volunteers are nearer, it has the
 * vehicle …). The request is named by its number, as in the WeChat group where this is arranged: the asking
 * unit may not see it. Only a unit the dispatcher could have chosen may ask, one request at a time per
 * request. The current unit or the dispatcher's side approves or declines; unanswered, it is approved after
 * {@code takeoverApprovedAfter} — a request must not wait on a unit that does not answer.
 */
@Service
public class Takeovers {

    private static final Set<TicketStatus> TAKEABLE = Set.of(TicketStatus.DISPATCHED, TicketStatus.OPEN);

    private final TicketTakeoverMapper takeovers;
    private final TicketLookups tickets;
    private final TicketLifecycle lifecycle;
    private final OrgService orgs;
    private final DispatchProperties properties;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    Takeovers(TicketTakeoverMapper takeovers, TicketLookups tickets, TicketLifecycle lifecycle, OrgService orgs,
              DispatchProperties properties, TransactionTemplate transactions, ApplicationEventPublisher publisher, Clock clock) {
        this.takeovers = takeovers;
        this.tickets = tickets;
        this.lifecycle = lifecycle;
        this.orgs = orgs;
        this.properties = properties;
        this.transactions = transactions;
        this.publisher = publisher;
        this.clock = clock;
    }

    public record TakeoverView(long id, long ticketId, long fromOrgId, String fromOrgName, long toOrgId, String toOrgName,
                               String requestedByName, String reason, String status, String statusLabel,
                               LocalDateTime createdAt, LocalDateTime autoApproveAt, boolean decidable,
                               String decidedByName, String decisionNote, LocalDateTime decidedAt) {
    }

    @Transactional
    public TakeoverView request(DispatchRequests.Takeover r) {
        StaffPrincipal staff = CurrentStaff.require();
        HelpTicket t = tickets.lockUnscoped(r.ticketId());
        if (t == null || t.getAssignedOrgId() == null || !TAKEABLE.contains(t.getStatus())) {
            throw notPossible();
        }
        Map<Long, OrgUnit> known = orgs.unscoped(List.of(t.getAssignedOrgId(), t.getDispatcherOrgId(), staff.orgId()));
        OrgUnit holder = known.get(t.getAssignedOrgId());
        OrgUnit dispatcher = known.get(t.getDispatcherOrgId());
        boolean alreadyOurs = holder != null && staff.within(holder.getPath());
        // only a unit the dispatcher could have referred it to
        boolean withinDispatcher = dispatcher != null && staff.within(dispatcher.getPath())
                && staff.orgId() != dispatcher.getId();
        if (alreadyOurs || !withinDispatcher) {
            throw notPossible();
        }
        if (takeovers.selectCount(new LambdaQueryWrapper<TicketTakeover>().eq(TicketTakeover::getTicketId, t.getId())
                .eq(TicketTakeover::getStatus, TicketTakeover.Status.PENDING)) > 0) {
            throw new DomainException(DispatchError.TAKEOVER_NOT_POSSIBLE, "这件求助已有一条待审批的转办申请，请等待处理结果");
        }
        TicketTakeover take = new TicketTakeover();
        take.setTicketId(t.getId());
        take.setOrgId(t.getOrgId());
        take.setFromOrgId(t.getAssignedOrgId());
        take.setToOrgId(staff.orgId());
        take.setRequestedBy(staff.staffId());
        take.setRequestedByName(staff.displayName());
        take.setReason(r.reason().trim());
        take.setStatus(TicketTakeover.Status.PENDING);
        takeovers.insert(take);
        OrgUnit asking = known.get(staff.orgId());
        publisher.publishEvent(new DispatchNotice(DispatchNotice.Kind.TAKEOVER, t.getId(),
                List.of(t.getAssignedOrgId(), t.getDispatcherOrgId()).stream().distinct().toList(),
                (asking == null ? "其他单位" : asking.getName()) + " 申请转办求助 #" + t.getId() + "：" + take.getReason()
                        + "（" + properties.takeoverApprovedAfter().toMinutes() + " 分钟内不处理将自动同意）", null, false));
        return views(List.of(takeovers.selectById(take.getId()))).get(0);
    }

    /** Take-overs the staff member can see: asked by their unit, asked of their unit, or in their jurisdiction. */
    public List<TakeoverView> list(TicketTakeover.Status status) {
        return views(takeovers.selectList(new LambdaQueryWrapper<TicketTakeover>().eq(status != null, TicketTakeover::getStatus, status)
                .orderByAsc(TicketTakeover::getStatus).orderByDesc(TicketTakeover::getId).last("LIMIT 200")));
    }

    @Transactional
    public TakeoverView decide(long id, boolean approve, String note) {
        TicketTakeover take = takeovers.selectById(id);
        if (take == null) {
            throw new DomainException(DispatchError.TAKEOVER_NOT_FOUND);
        }
        if (take.getStatus() != TicketTakeover.Status.PENDING) {
            throw new DomainException(DispatchError.TAKEOVER_DECIDED);
        }
        StaffPrincipal staff = CurrentStaff.require();
        HelpTicket t = tickets.lockUnscoped(take.getTicketId());
        if (!decidable(take, t, staff)) {
            throw new DomainException(DispatchError.NOT_THE_OWNER);
        }
        settle(take, t, approve ? TicketTakeover.Status.APPROVED : TicketTakeover.Status.DECLINED,
                StaffTickets.actor(), staff.staffId(), note);
        return views(List.of(takeovers.selectById(id))).get(0);
    }

    /** Approves take-overs their owners left unanswered; each once, whichever instance gets there first. */
    public int approveUnanswered() {
        LocalDateTime before = LocalDateTime.now(clock).minus(properties.takeoverApprovedAfter());
        int approved = 0;
        for (TicketTakeover take : takeovers.selectList(new LambdaQueryWrapper<TicketTakeover>()
                .eq(TicketTakeover::getStatus, TicketTakeover.Status.PENDING).lt(TicketTakeover::getCreatedAt, before)
                .last("LIMIT 200"))) {
            Boolean done = transactions.execute(s -> {
                HelpTicket t = tickets.lockUnscoped(take.getTicketId());
                TicketTakeover current = takeovers.selectById(take.getId());
                if (current.getStatus() != TicketTakeover.Status.PENDING) {
                    return false;
                }
                return settle(current, t, TicketTakeover.Status.AUTO_APPROVED, TicketActor.SYSTEM, null,
                        "承办单位 " + properties.takeoverApprovedAfter().toMinutes() + " 分钟内未处理，自动同意");
            });
            if (Boolean.TRUE.equals(done)) {
                approved++;
            }
        }
        return approved;
    }

    /**
     * Decides with a conditional update. A request that moved on meanwhile (a volunteer took it, it was passed
     * back) lapses the take-over instead, and the answer says so (已失效).
     */
    private boolean settle(TicketTakeover take, HelpTicket t, TicketTakeover.Status decision, TicketActor actor,
                           Long staffId, String note) {
        boolean stillHeld = t != null && take.getFromOrgId().equals(t.getAssignedOrgId()) && TAKEABLE.contains(t.getStatus());
        TicketTakeover.Status outcome = decision != TicketTakeover.Status.DECLINED && !stillHeld ? TicketTakeover.Status.LAPSED : decision;
        LocalDateTime now = LocalDateTime.now(clock);
        int changed = takeovers.update(null, new LambdaUpdateWrapper<TicketTakeover>()
                .set(TicketTakeover::getStatus, outcome).set(TicketTakeover::getDecidedBy, staffId)
                .set(TicketTakeover::getDecidedByName, actor.name()).set(TicketTakeover::getDecisionNote, note)
                .set(TicketTakeover::getDecidedAt, now)
                .eq(TicketTakeover::getId, take.getId()).eq(TicketTakeover::getStatus, TicketTakeover.Status.PENDING));
        if (changed != 1) {
            return false;
        }
        if (outcome == TicketTakeover.Status.APPROVED || outcome == TicketTakeover.Status.AUTO_APPROVED) {
            String toName = orgs.unscoped(List.of(take.getToOrgId())).values().stream().map(OrgUnit::getName).findFirst().orElse("");
            lifecycle.takeOver(t, actor, "转由" + toName + "承办：" + take.getReason() + Dispatches.suffix(note),
                    take.getToOrgId());
        }
        publisher.publishEvent(new DispatchNotice(DispatchNotice.Kind.TAKEOVER, take.getTicketId(), List.of(take.getToOrgId()),
                "转办申请（求助 #" + take.getTicketId() + "）" + outcome.label(), null, false));
        return true;
    }

    private boolean decidable(TicketTakeover take, HelpTicket t, StaffPrincipal staff) {
        if (t == null) {
            return false;
        }
        Map<Long, OrgUnit> known = orgs.unscoped(List.of(take.getFromOrgId(), t.getDispatcherOrgId() == null ? take.getFromOrgId() : t.getDispatcherOrgId()));
        OrgUnit holder = known.get(take.getFromOrgId());
        OrgUnit dispatcher = t.getDispatcherOrgId() == null ? null : known.get(t.getDispatcherOrgId());
        boolean holderMember = holder != null && staff.within(holder.getPath());
        boolean dispatcherSide = dispatcher != null && staff.covers(dispatcher.getPath());
        return staff.orgId() != take.getToOrgId() && (holderMember || dispatcherSide);
    }

    private List<TakeoverView> views(List<TicketTakeover> list) {
        List<Long> ids = new ArrayList<>();
        list.forEach(t -> {
            ids.add(t.getFromOrgId());
            ids.add(t.getToOrgId());
        });
        Map<Long, OrgUnit> names = orgs.unscoped(ids);
        StaffPrincipal staff = CurrentStaff.require();
        return list.stream().map(t -> {
            boolean decidable = t.getStatus() == TicketTakeover.Status.PENDING
                    && decidable(t, tickets.find(t.getTicketId()).orElse(null), staff);
            return new TakeoverView(t.getId(), t.getTicketId(), t.getFromOrgId(), name(names, t.getFromOrgId()), t.getToOrgId(),
                    name(names, t.getToOrgId()), t.getRequestedByName(), t.getReason(), t.getStatus().name(),
                    t.getStatus().label(), t.getCreatedAt(), t.getCreatedAt().plus(properties.takeoverApprovedAfter()),
                    decidable, t.getDecidedByName(), t.getDecisionNote(), t.getDecidedAt());
        }).toList();
    }

    private static String name(Map<Long, OrgUnit> names, long id) {
        OrgUnit o = names.get(id);
        return o == null ? null : o.getName();
    }

    private static DomainException notPossible() {
        return DomainException.onField(DispatchError.TAKEOVER_NOT_POSSIBLE, "ticketId",
                "没有找到可以申请转办的求助：只能申请派给本辖区其他单位、还没有志愿者接手的求助，请核对编号");
    }
}
