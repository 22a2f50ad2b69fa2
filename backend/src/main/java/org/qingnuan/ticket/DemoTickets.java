package org.qingnuan.ticket;

import org.qingnuan.api.mini.MiniUserView.RoleKind;
import org.qingnuan.api.ticket.Channel;
import org.qingnuan.api.ticket.CloseReason;
import org.qingnuan.api.ticket.ContactMethod;
import org.qingnuan.api.ticket.TicketCategory;
import org.qingnuan.api.ticket.TicketStatus;
import org.qingnuan.api.ticket.Urgency;
import org.qingnuan.identity.RoleBindings;
import org.qingnuan.identity.UserRole;
import org.qingnuan.privacy.PersonalDataCipher;
import org.qingnuan.registry.Family;
import org.qingnuan.registry.FamilyDirectory;
import org.qingnuan.registry.MedicalWorker;
import org.qingnuan.ticket.internal.HelpTicketEventMapper;
import org.qingnuan.ticket.internal.HelpTicketMapper;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Demo help requests of the embedded default, one or more in every {@link TicketStatus}, across the demo
 * families, so the board, the dashboard and the ledger show something on first start. Written as rows (with
 * their history) rather than through {@code TicketLifecycle}: a demo needs requests as they stand after days of
 * work, at their times. Runs after the demo registry and volunteers; never outside the "embedded" profile.
 */
@Component
@Profile("embedded")
@Order(Ordered.LOWEST_PRECEDENCE)
class DemoTickets implements ApplicationRunner {

    private record Demo(TicketStatus status, TicketCategory category, Urgency urgency, String text, int hoursAgo) {
    }

    private static final List<Demo> DEMOS = List.of(
            new Demo(TicketStatus.SUBMITTED, TicketCategory.MEALS, Urgency.NORMAL, "两位老人在家，想请志愿者帮忙送几天午饭", 1),
            new Demo(TicketStatus.SUBMITTED, TicketCategory.DAILY_LIVING, Urgency.URGENT, "家里降压药快吃完了，想请人帮忙到医院代购", 2),
            new Demo(TicketStatus.ACCEPTED, TicketCategory.TUTORING, Urgency.NORMAL, "孩子初二，数学网课跟不上，希望有老师一对一辅导", 5),
            new Demo(TicketStatus.OPEN, TicketCategory.DAILY_LIVING, Urgency.NORMAL, "每周需要代买一次蔬菜水果，送到楼下即可", 6),
            new Demo(TicketStatus.DISPATCHED, TicketCategory.TRANSPORT, Urgency.URGENT, "老人周四要去医院复诊，需要有人接送", 8),
            new Demo(TicketStatus.CLAIMED, TicketCategory.CARE, Urgency.NORMAL, "独居老人，希望每天有人打电话问候一下", 20),
            new Demo(TicketStatus.IN_PROGRESS, TicketCategory.DAILY_LIVING, Urgency.NORMAL, "帮忙代购一周的米面油和日用品", 26),
            new Demo(TicketStatus.DONE, TicketCategory.MEALS, Urgency.NORMAL, "孩子一个人在家，需要送三天晚饭", 30),
            new Demo(TicketStatus.CONFIRMED, TicketCategory.SUPPLIES, Urgency.NORMAL, "家里口罩和消毒液用完了", 50),
            new Demo(TicketStatus.CANCELLED, TicketCategory.TRANSPORT, Urgency.NORMAL, "想请人接送家属去单位，已自行解决", 4),
            new Demo(TicketStatus.REJECTED, TicketCategory.OTHER, Urgency.NORMAL, "想咨询房屋出租事宜", 10),
            new Demo(TicketStatus.CLOSED, TicketCategory.PSYCHOLOGICAL, Urgency.NORMAL, "家属最近睡不好，想找人聊聊；已转心理热线跟进", 40));

    private final HelpTicketMapper tickets;
    private final HelpTicketEventMapper events;
    private final FamilyDirectory directory;
    private final RoleBindings roles;
    private final PersonalDataCipher cipher;
    private final OpenTaskIndex openTasks;
    private final Clock clock;

    DemoTickets(HelpTicketMapper tickets, HelpTicketEventMapper events, FamilyDirectory directory, RoleBindings roles,
                PersonalDataCipher cipher, OpenTaskIndex openTasks, Clock clock) {
        this.tickets = tickets;
        this.events = events;
        this.directory = directory;
        this.roles = roles;
        this.cipher = cipher;
        this.openTasks = openTasks;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (tickets.selectCount(null) > 0) {
            return;
        }
        List<Family> families = new ArrayList<>();
        for (MedicalWorker worker : directory.firstWorkers(48)) {
            directory.familyOfWorker(worker.getId()).ifPresent(families::add);
        }
        if (families.isEmpty()) {
            return;
        }
        List<UserRole> volunteers = roles.holdersOf(RoleKind.VOLUNTEER, 20);
        LocalDateTime now = LocalDateTime.now(clock);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < DEMOS.size(); i++) {
                // the second round lands in the other city (the families are listed district by district)
                Family family = families.get((i * 2 + round * 25) % families.size());
                create(DEMOS.get(i), family, volunteerOf(volunteers, family.getOrgId()), now.minusHours(DEMOS.get(i).hoursAgo() + round));
            }
        }
    }

    private static Optional<UserRole> volunteerOf(List<UserRole> volunteers, long orgId) {
        return volunteers.stream().filter(v -> v.getOrgId() == orgId).findFirst();
    }

    private void create(Demo demo, Family family, Optional<UserRole> volunteer, LocalDateTime at) {
        TicketStatus status = demo.status();
        if ((status == TicketStatus.CLAIMED || status == TicketStatus.IN_PROGRESS) && volunteer.isEmpty()) {
            status = TicketStatus.OPEN;
        }
        LocalDateTime step = at.plusMinutes(30);
        HelpTicket t = new HelpTicket();
        t.setOrgId(family.getOrgId());
        t.setFamilyId(family.getId());
        t.setChannel(demo.hoursAgo() % 4 == 0 ? Channel.HOTLINE_12355 : Channel.MINI_PROGRAM);
        t.setSubmitterType(HelpTicket.Submitter.FAMILY);
        t.setCategory(demo.category());
        t.setUrgency(demo.urgency());
        t.setStatus(status);
        t.setCrisis(false);
        t.setContentCheck(status == TicketStatus.SUBMITTED && demo.urgency() == Urgency.NORMAL
                ? HelpTicket.ContentCheck.REVIEW : HelpTicket.ContentCheck.PASS);
        t.setDescriptionSealed(cipher.seal(demo.text()));
        t.setAddressSealed(family.getAddressSealed());
        t.setDistrict(directory.districtOf(family.getOrgId()));
        t.setLatitude(family.getLatitude());
        t.setLongitude(family.getLongitude());
        t.setContactMethod(ContactMethod.PHONE_CALL);
        t.setOverdue(false);
        t.setVersion(0);
        t.setCreatedAt(at);
        t.setUpdatedAt(at);
        t.setStatusSince(step);
        if (status != TicketStatus.SUBMITTED && status != TicketStatus.REJECTED && status != TicketStatus.CANCELLED) {
            t.setAcceptedAt(step);
        }
        switch (status) {
            case DISPATCHED -> {
                t.setAssignedOrgId(family.getOrgId());
                t.setDispatcherOrgId(family.getOrgId());
                t.setDispatchState(HelpTicket.DispatchState.PENDING);
                t.setDispatchedAt(step);
                t.setDeadlineAt(step.plusDays(2));
            }
            case CLAIMED, IN_PROGRESS, DONE, CONFIRMED -> {
                volunteer.ifPresent(v -> {
                    t.setClaimedBy(v.getSubjectId());
                    t.setClaimedAt(step.plusMinutes(10));
                });
                if (status != TicketStatus.CLAIMED) {
                    t.setStartedAt(step.plusMinutes(40));
                }
                if (status == TicketStatus.DONE || status == TicketStatus.CONFIRMED) {
                    t.setDoneAt(step.plusHours(3));
                    t.setDoneNote("已送达，家属表示感谢");
                }
                if (status == TicketStatus.CONFIRMED) {
                    t.setConfirmedAt(step.plusHours(5));
                    t.setRating(5);
                    t.setRatingComment("志愿者很细心，谢谢！");
                }
            }
            case CANCELLED -> {
                t.setCloseReason(CloseReason.CANCELLED_BY_FAMILY);
                t.setClosedAt(step);
            }
            case REJECTED -> {
                t.setCloseReason(CloseReason.REJECTED_BY_STAFF);
                t.setClosedAt(step);
            }
            case CLOSED -> {
                t.setCloseReason(CloseReason.DONE_BY_OTHERS);
                t.setClosedAt(step.plusHours(2));
            }
            default -> {
            }
        }
        tickets.insert(t);
        event(t, TicketAction.SUBMIT, null, TicketStatus.SUBMITTED, TicketActor.Kind.FAMILY, "家属", at);
        TicketAction last = switch (status) {
            case SUBMITTED -> null;
            case ACCEPTED -> TicketAction.ACCEPT;
            case OPEN -> TicketAction.OPEN;
            case DISPATCHED -> TicketAction.DISPATCH;
            case CLAIMED -> TicketAction.CLAIM;
            case IN_PROGRESS -> TicketAction.START;
            case DONE -> TicketAction.COMPLETE;
            case CONFIRMED -> TicketAction.CONFIRM;
            case CANCELLED -> TicketAction.CANCEL;
            case REJECTED -> TicketAction.REJECT;
            case CLOSED -> TicketAction.CLOSE;
        };
        if (last != null) {
            if (t.getAcceptedAt() != null && last != TicketAction.ACCEPT) {
                event(t, TicketAction.ACCEPT, TicketStatus.SUBMITTED, TicketStatus.ACCEPTED, TicketActor.Kind.STAFF, "演示工作人员", step);
            }
            TicketActor.Kind actor = switch (last) {
                case CLAIM, START, COMPLETE -> TicketActor.Kind.VOLUNTEER;
                case CONFIRM, CANCEL -> TicketActor.Kind.FAMILY;
                default -> TicketActor.Kind.STAFF;
            };
            LocalDateTime when = t.getConfirmedAt() != null ? t.getConfirmedAt() : t.getDoneAt() != null ? t.getDoneAt()
                    : t.getClosedAt() != null ? t.getClosedAt() : step.plusMinutes(40);
            event(t, last, t.getAcceptedAt() != null ? TicketStatus.ACCEPTED : TicketStatus.SUBMITTED, status, actor,
                    actor == TicketActor.Kind.VOLUNTEER ? "演示志愿者" : actor == TicketActor.Kind.FAMILY ? "家属" : "演示工作人员", when);
        }
        if (status == TicketStatus.OPEN) {
            // on the volunteers' nearby board, as if staff had just opened it (the index reads the row)
            openTasks.onTransition(new TicketTransitioned(t.getId(), t.getFamilyId(), t.getOrgId(), t.getCategory(), TicketAction.OPEN,
                    TicketStatus.ACCEPTED, TicketStatus.OPEN, TicketActor.SYSTEM, null));
        }
    }

    private void event(HelpTicket t, TicketAction action, TicketStatus from, TicketStatus to, TicketActor.Kind actor,
                       String actorName, LocalDateTime at) {
        HelpTicketEvent e = new HelpTicketEvent();
        e.setTicketId(t.getId());
        e.setOrgId(t.getOrgId());
        e.setAction(action);
        e.setFromStatus(from);
        e.setToStatus(to);
        e.setActorType(actor);
        e.setActorName(actorName);
        e.setCreatedAt(at);
        events.insert(e);
    }
}
