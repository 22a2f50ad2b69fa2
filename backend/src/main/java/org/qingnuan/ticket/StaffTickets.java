package org.qingnuan.ticket;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import org.qingnuan.api.paging.PageQuery;
import org.qingnuan.api.paging.PageView;
import org.qingnuan.api.ticket.Channel;
import org.qingnuan.api.ticket.CloseReason;
import org.qingnuan.api.ticket.TicketCategory;
import org.qingnuan.api.ticket.TicketRequests;
import org.qingnuan.api.ticket.TicketStatus;
import org.qingnuan.api.ticket.TicketView;
import org.qingnuan.api.ticket.Urgency;
import org.qingnuan.privacy.Disclosures;
import org.qingnuan.shared.error.DomainException;
import org.qingnuan.shared.persistence.Pages;
import org.qingnuan.staff.CurrentStaff;
import org.qingnuan.staff.StaffPrincipal;
import org.qingnuan.ticket.internal.HelpTicketMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Help requests from the staff's side, within their jurisdiction (HelpTicket is org-scoped, so a
 * request of another city is simply not found). Lists mask address and phone; a reveal with a
 * reason shows them and writes the access log.
 */
@Service
public class StaffTickets {

    private final HelpTicketMapper tickets;
    private final TicketLifecycle lifecycle;
    private final TicketViews views;
    private final Disclosures disclosures;
    private final NewTickets newTickets;
    private final org.qingnuan.registry.FamilyDirectory directory;
    private final org.qingnuan.shared.idempotency.IdempotentCreation idempotent;
    private final org.springframework.transaction.support.TransactionTemplate transactions;
    private final StaffTicketRules rules;

    StaffTickets(HelpTicketMapper tickets, TicketLifecycle lifecycle, TicketViews views, Disclosures disclosures,
                 NewTickets newTickets, org.qingnuan.registry.FamilyDirectory directory,
                 org.qingnuan.shared.idempotency.IdempotentCreation idempotent,
                 org.springframework.transaction.support.TransactionTemplate transactions, StaffTicketRules rules) {
        this.rules = rules;
        this.newTickets = newTickets;
        this.directory = directory;
        this.idempotent = idempotent;
        this.transactions = transactions;
        this.tickets = tickets;
        this.lifecycle = lifecycle;
        this.views = views;
        this.disclosures = disclosures;
    }

    /**
     * Filters of the request board; {@code review=true}: only texts waiting for a staff check;
     * {@code assigned=mine}: only requests referred to the staff member's unit (or below it).
     */
    public record TicketQuery(TicketStatus status, TicketCategory category, Urgency urgency, Channel channel,
                              Boolean crisis, Boolean review, Boolean overdue, String district, String assigned,
                              @io.swagger.v3.oas.annotations.Parameter(description = "求助编号（可带 #）、医护人员或家属手机号、医护人员姓名或区名")
                              @jakarta.validation.constraints.Size(max = 32, message = "搜索内容最多 32 个字") String q,
                              @io.swagger.v3.oas.annotations.Parameter(description = "提交日期起（含）")
                              @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                              java.time.LocalDate from,
                              @io.swagger.v3.oas.annotations.Parameter(description = "提交日期止（含）")
                              @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                              java.time.LocalDate to) {
    }

    private static final java.util.regex.Pattern TICKET_NUMBER = java.util.regex.Pattern.compile("#?(\\d{1,10})");

    /**
     * A need taken on the 12355 hotline, from a WeChat group or on a visit: the same request, submitted and
     * accepted by the staff member who took it (a crisis is accepted by the system and alerts at once). An
     * Idempotency-Key, when sent, makes a double submit harmless.
     */
    public long intake(org.qingnuan.api.ticket.IntakeRequest r, String idempotencyKey) {
        if (r.channel() == org.qingnuan.api.ticket.Channel.MINI_PROGRAM || r.channel() == org.qingnuan.api.ticket.Channel.CARE_PLAN) {
            throw DomainException.onField(org.qingnuan.api.error.CommonError.VALIDATION_FAILED, "channel",
                    "工作人员受理的来源只能是 12355 热线、微信群或走访");
        }
        newTickets.requireNotPast(r.preferredTime());
        org.qingnuan.registry.FamilyDirectory.FamilyContact family = directory.contact(r.familyId())
                .orElseThrow(() -> new DomainException(org.qingnuan.registry.RegistryError.FAMILY_NOT_FOUND));
        StaffPrincipal staff = CurrentStaff.require();
        java.util.function.LongSupplier create = () -> {
            TicketActor actor = actor();
            HelpTicket t = newTickets.create(family, new NewTickets.Draft(r.channel(), r.category(), r.urgency(), r.description(),
                    r.address(), r.preferredTime(), r.contactMethod(), r.contactPhone()), HelpTicket.ContentCheck.PASS, ticket -> {
                        ticket.setSubmitterType(HelpTicket.Submitter.STAFF);
                        ticket.setSubmitterStaffId(staff.staffId());
                    }, actor);
            if (t.getStatus() == TicketStatus.SUBMITTED) {
                lifecycle.accept(t, actor, r.channel().label() + "受理"
                        + (r.reportedBy() == null || r.reportedBy().isBlank() ? "" : "（反映人：" + r.reportedBy().trim() + "）"));
            }
            return t.getId();
        };
        if (idempotencyKey == null) {
            return transactions.execute(status -> create.getAsLong());
        }
        return idempotent.create("staff:" + staff.staffId(), idempotencyKey, r, create).resourceId();
    }

    public PageView<TicketView> list(TicketQuery q, PageQuery paging) {
        LambdaQueryWrapper<HelpTicket> where = new LambdaQueryWrapper<HelpTicket>()
                .eq(q.status() != null, HelpTicket::getStatus, q.status())
                .eq(q.category() != null, HelpTicket::getCategory, q.category())
                .eq(q.urgency() != null, HelpTicket::getUrgency, q.urgency())
                .eq(q.channel() != null, HelpTicket::getChannel, q.channel())
                .eq(q.crisis() != null, HelpTicket::getCrisis, q.crisis())
                .eq(Boolean.TRUE.equals(q.review()), HelpTicket::getContentCheck, HelpTicket.ContentCheck.REVIEW)
                .eq(q.overdue() != null, HelpTicket::getOverdue, q.overdue())
                .eq(q.district() != null && !q.district().isBlank(), HelpTicket::getDistrict, q.district())
                // the path is made of ids only (checked where the principal is built), so it may be inlined
                .inSql("mine".equals(q.assigned()), HelpTicket::getAssignedOrgId,
                        "SELECT id FROM org_unit WHERE path LIKE '" + ownPath() + "%'")
                .ge(q.from() != null, HelpTicket::getCreatedAt, q.from() == null ? null : q.from().atStartOfDay())
                .lt(q.to() != null, HelpTicket::getCreatedAt, q.to() == null ? null : q.to().plusDays(1).atStartOfDay())
                // crises first, then the newest
                .orderByDesc(HelpTicket::getCrisis).orderByDesc(HelpTicket::getId);
        if (q.from() != null && q.to() != null && q.to().isBefore(q.from())) {
            throw DomainException.onField(org.qingnuan.api.error.CommonError.VALIDATION_FAILED, "to", "结束日期不能早于开始日期");
        }
        search(where, q.q());
        StaffPrincipal staff = CurrentStaff.require();
        return Pages.view(tickets.selectPage(Pages.of(paging), where)
                .convert(t -> staffView(t, TicketViews.Detail.SUMMARY, false, staff)));
    }

    /**
     * The board's search box: a request number ("#12" or "12"), else the families a phone or a worker's name
     * finds (the same look-up as hotline intake, so sealed contacts are matched through their blind index),
     * or a district.
     */
    private void search(LambdaQueryWrapper<HelpTicket> where, String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return;
        }
        java.util.regex.Matcher number = TICKET_NUMBER.matcher(t);
        if (number.matches() && !org.qingnuan.privacy.Phones.isValid(org.qingnuan.privacy.Phones.normalise(t))) {
            where.eq(HelpTicket::getId, Long.parseLong(number.group(1)));
            return;
        }
        List<Long> families = directory.search(t).stream().map(org.qingnuan.registry.FamilyDirectory.FamilyMatch::familyId)
                .distinct().toList();
        where.and(w -> w.like(HelpTicket::getDistrict, t).or(!families.isEmpty()).in(!families.isEmpty(), HelpTicket::getFamilyId, families));
    }

    private static String ownPath() {
        String path = CurrentStaff.require().orgPath();
        if (!org.qingnuan.jurisdiction.Jurisdiction.PATH.matcher(path).matches()) {
            throw new IllegalStateException("Malformed org path");
        }
        return path;
    }

    /**
     * List rows (masked, description shortened) of the given requests in the given order, as far as the
     * caller's jurisdiction shows them: for lists whose selection is made elsewhere, e.g. the ledger's drill-down.
     */
    public List<TicketView> summaries(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        java.util.Map<Long, HelpTicket> byId = new java.util.HashMap<>();
        tickets.selectBatchIds(ids).forEach(t -> byId.put(t.getId(), t));
        // the same rows as the request board: with the responsible unit and the deadline
        StaffPrincipal staff = CurrentStaff.require();
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull)
                .map(t -> staffView(t, TicketViews.Detail.SUMMARY, false, staff)).toList();
    }

    public TicketView detail(long id) {
        return staffView(get(id), TicketViews.Detail.MASKED, true, CurrentStaff.require());
    }

    /** A request as the signed-in staff member sees it in a list (masked, short), with its dispatch and their actions. */
    public TicketView listed(HelpTicket t) {
        return staffView(t, TicketViews.Detail.SUMMARY, false, CurrentStaff.require());
    }

    /** The request of this id within the caller's jurisdiction (family's org or responsible unit), or 404. */
    public HelpTicket ticket(long id) {
        return get(id);
    }

    /**
     * Refuses a step the staff member may not take: 409 when the state does not allow it, 403 when the
     * state does but their place (family's side, responsible unit, dispatcher) does not.
     */
    public StaffTicketRules.Standing require(HelpTicket t, TicketAction action) {
        if (!action.allowed(t.getStatus(), TicketActor.Kind.STAFF)) {
            throw TicketLifecycle.conflict(t.getStatus());
        }
        StaffTicketRules.Standing standing = rules.standing(t, CurrentStaff.require());
        if (!rules.may(t, CurrentStaff.require(), action, standing)) {
            throw new DomainException(TicketError.NOT_YOUR_STEP);
        }
        return standing;
    }

    private TicketView staffView(HelpTicket t, TicketViews.Detail detail, boolean withHistory, StaffPrincipal staff) {
        StaffTicketRules.Standing standing = rules.standing(t, staff);
        return views.view(t, detail, withHistory).forStaff(rules.dispatch(t, standing), rules.actions(t, staff, standing));
    }

    @Transactional
    public TicketView reveal(long id, String reason) {
        HelpTicket t = get(id);
        disclosures.record("HELP_TICKET", t.getId(), t.getOrgId(), List.of("address", "contactPhone"), reason);
        return staffView(t, TicketViews.Detail.CLEAR, true, CurrentStaff.require());
    }

    /** Accepting also clears a text that waited for review: the staff member has read it. */
    @Transactional
    public TicketView accept(long id, TicketRequests.Note request) {
        HelpTicket t = get(id);
        require(t, TicketAction.ACCEPT);
        return moved(lifecycle.accept(t, actor(), request.note()));
    }

    @Transactional
    public TicketView reject(long id, TicketRequests.Reject request) {
        HelpTicket t = get(id);
        require(t, TicketAction.REJECT);
        return moved(lifecycle.reject(t, actor(), request.reason()));
    }

    /**
     * Opening to volunteers is a staff member's decision after reading the request, so it clears a text
     * still under review (a crisis accepted by the system never passed a staff accept). Opened to "own
     * volunteers only", it shows on the board of volunteers of the responsible unit (or, undispatched, of the
     * staff member's org) and nobody else's.
     */
    @Transactional
    public TicketView open(long id, TicketRequests.Open request) {
        HelpTicket t = get(id);
        require(t, TicketAction.OPEN);
        Long ownOrg = Boolean.TRUE.equals(request.ownVolunteersOnly())
                ? (t.getAssignedOrgId() != null ? t.getAssignedOrgId() : CurrentStaff.require().orgId()) : null;
        return moved(lifecycle.open(t, actor(), request.note(), ownOrg));
    }

    @Transactional
    public TicketView close(long id, TicketRequests.Close request) {
        if (request.reason() == CloseReason.CANCELLED_BY_FAMILY || request.reason() == CloseReason.REJECTED_BY_STAFF) {
            throw DomainException.onField(org.qingnuan.api.error.CommonError.VALIDATION_FAILED, "reason",
                    "关闭原因只能是“重复提交”或“已由其他渠道解决”");
        }
        HelpTicket t = get(id);
        require(t, TicketAction.CLOSE);
        return moved(lifecycle.close(t, actor(), request.note(), request.reason()));
    }

    /** Staff (or their unit) did it themselves: the family is asked to confirm as usual. */
    @Transactional
    public TicketView complete(long id, TicketRequests.Complete request) {
        HelpTicket t = get(id);
        require(t, TicketAction.COMPLETE);
        return moved(lifecycle.complete(t, actor(), request.note(), null, null));
    }

    /** The request after a step, as the staff member who took it now sees it. */
    public TicketView moved(HelpTicket t) {
        return staffView(t, TicketViews.Detail.MASKED, true, CurrentStaff.require());
    }

    private HelpTicket get(long id) {
        HelpTicket t = tickets.selectById(id);
        if (t == null) {
            throw new DomainException(TicketError.TICKET_NOT_FOUND);
        }
        return t;
    }

    public static TicketActor actor() {
        StaffPrincipal staff = CurrentStaff.require();
        return TicketActor.staff(staff.staffId(), staff.displayName());
    }
}
