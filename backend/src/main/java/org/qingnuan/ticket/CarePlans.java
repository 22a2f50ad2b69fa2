package org.qingnuan.ticket;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import org.qingnuan.api.ticket.Channel;
import org.qingnuan.api.ticket.ContactMethod;
import org.qingnuan.api.ticket.TicketCategory;
import org.qingnuan.api.ticket.TicketStatus;
import org.qingnuan.api.ticket.Urgency;
import org.qingnuan.audit.AuditTrail;
import org.qingnuan.privacy.PersonalDataCipher;
import org.qingnuan.registry.Family;
import org.qingnuan.registry.FamilyDirectory;
import org.qingnuan.registry.RegistryError;
import org.qingnuan.shared.error.DomainException;
import org.qingnuan.staff.CurrentStaff;
import org.qingnuan.ticket.internal.CarePlanMapper;
import org.qingnuan.ticket.internal.CarePlanRunMapper;
import org.qingnuan.ticket.internal.HelpTicketMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 一家一策: a family's standing plan creates its tasks on schedule, {@code leadHours} before each
 * service, already accepted and open to volunteers (staff wrote the plan; nobody needs to review it).
 * Each occurrence is one (plan, date) row inserted in the same transaction as its task, so however
 * many instances run the job, an occurrence creates one task.
 */
@Service
public class CarePlans {

    private final CarePlanMapper plans;
    private final CarePlanRunMapper runs;
    private final HelpTicketMapper tickets;
    private final TicketLifecycle lifecycle;
    private final FamilyDirectory directory;
    private final PersonalDataCipher cipher;
    private final AuditTrail auditTrail;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CarePlans(CarePlanMapper plans, CarePlanRunMapper runs, HelpTicketMapper tickets, TicketLifecycle lifecycle,
              FamilyDirectory directory, PersonalDataCipher cipher, AuditTrail auditTrail, TransactionTemplate transactions,
              Clock clock) {
        this.plans = plans;
        this.runs = runs;
        this.tickets = tickets;
        this.lifecycle = lifecycle;
        this.directory = directory;
        this.cipher = cipher;
        this.auditTrail = auditTrail;
        this.transactions = transactions;
        this.clock = clock;
    }

    public record PlanRequest(
            @jakarta.validation.constraints.NotNull(message = "请选择服务类别") TicketCategory category,
            @jakarta.validation.constraints.NotBlank(message = "请说明服务内容")
            @jakarta.validation.constraints.Size(min = 5, max = 500, message = "请用 5 到 500 个字说明服务内容")
            @org.qingnuan.api.validation.PlainText String description,
            @jakarta.validation.constraints.NotEmpty(message = "请选择每周哪几天")
            Set<@jakarta.validation.constraints.Min(value = 1, message = "星期为 1（周一）到 7（周日）")
                @jakarta.validation.constraints.Max(value = 7, message = "星期为 1（周一）到 7（周日）") Integer> daysOfWeek,
            @jakarta.validation.constraints.NotNull(message = "请填写服务时间，如 09:00") LocalTime serviceTime,
            @jakarta.validation.constraints.Min(value = 15, message = "服务时长至少 15 分钟")
            @jakarta.validation.constraints.Max(value = 480, message = "服务时长最多 8 小时") Integer durationMinutes,
            @jakarta.validation.constraints.Min(value = 1, message = "至少提前 1 小时发布")
            @jakarta.validation.constraints.Max(value = 72, message = "最多提前 72 小时发布") Integer leadHours) {
    }

    public record PlanView(long id, long familyId, TicketCategory category, String categoryLabel, String description,
                           List<Integer> daysOfWeek, LocalTime serviceTime, int durationMinutes, int leadHours, boolean active,
                           LocalDateTime createdAt) {
    }

    // --- staff side (jurisdiction applies) ---

    public PlanView create(long familyId, PlanRequest r) {
        Family family = directory.family(familyId).orElseThrow(() -> new DomainException(RegistryError.FAMILY_NOT_FOUND));
        CarePlan plan = new CarePlan();
        plan.setFamilyId(familyId);
        plan.setOrgId(family.getOrgId());
        plan.setCategory(r.category());
        plan.setDescriptionSealed(cipher.seal(r.description().trim()));
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        r.daysOfWeek().forEach(d -> days.add(DayOfWeek.of(d)));
        plan.assignDays(days);
        plan.setServiceTime(r.serviceTime());
        plan.setDurationMinutes(r.durationMinutes() == null ? 60 : r.durationMinutes());
        plan.setLeadHours(r.leadHours() == null ? 24 : r.leadHours());
        plan.setActive(true);
        plan.setCreatedBy(CurrentStaff.require().staffId());
        plans.insert(plan);
        auditTrail.record("CARE_PLAN_CREATED", "FAMILY", familyId, family.getOrgId(), Map.of("planId", plan.getId()));
        return view(plans.selectById(plan.getId()));
    }

    public List<PlanView> of(long familyId) {
        directory.family(familyId).orElseThrow(() -> new DomainException(RegistryError.FAMILY_NOT_FOUND));
        return plans.selectList(new LambdaQueryWrapper<CarePlan>().eq(CarePlan::getFamilyId, familyId)
                .orderByDesc(CarePlan::getActive).orderByDesc(CarePlan::getId)).stream().map(this::view).toList();
    }

    public PlanView stop(long planId) {
        CarePlan plan = plans.selectById(planId);
        if (plan == null) {
            throw new DomainException(org.qingnuan.api.error.CommonError.NOT_FOUND);
        }
        plans.update(null, new LambdaUpdateWrapper<CarePlan>().set(CarePlan::getActive, false).eq(CarePlan::getId, planId));
        auditTrail.record("CARE_PLAN_STOPPED", "FAMILY", plan.getFamilyId(), plan.getOrgId(), Map.of("planId", planId));
        return view(plans.selectById(planId));
    }

    // --- the job ---

    /** Creates the tasks of occurrences whose opening time has come; returns how many this run created. */
    public int createDue() {
        LocalDateTime now = LocalDateTime.now(clock);
        int created = 0;
        for (CarePlan plan : plans.selectList(new LambdaQueryWrapper<CarePlan>().eq(CarePlan::getActive, true))) {
            LocalDate lastDay = now.plusHours(plan.getLeadHours()).toLocalDate();
            for (LocalDate day = now.toLocalDate(); !day.isAfter(lastDay); day = day.plusDays(1)) {
                LocalDateTime service = day.atTime(plan.getServiceTime());
                boolean due = plan.days().contains(day.getDayOfWeek()) && service.isAfter(now)
                        && !service.minusHours(plan.getLeadHours()).isAfter(now)
                        // no occurrences from before the plan existed
                        && service.isAfter(plan.getCreatedAt());
                if (due && occur(plan, day, service)) {
                    created++;
                }
            }
        }
        return created;
    }

    private boolean occur(CarePlan plan, LocalDate day, LocalDateTime service) {
        Boolean made = transactions.execute(status -> {
            CarePlanRun run = new CarePlanRun();
            run.setPlanId(plan.getId());
            run.setServiceDate(day);
            try {
                runs.insert(run);
            } catch (DuplicateKeyException anotherInstanceWasFirst) {
                return false;
            }
            FamilyDirectory.FamilyContact family = directory.contact(plan.getFamilyId()).orElse(null);
            if (family == null || family.address() == null) {
                // the family's registration lost its address: staff see the run without a task
                return true;
            }
            HelpTicket t = new HelpTicket();
            t.setOrgId(plan.getOrgId());
            t.setFamilyId(plan.getFamilyId());
            t.setChannel(Channel.CARE_PLAN);
            t.setSubmitterType(HelpTicket.Submitter.STAFF);
            t.setSubmitterStaffId(plan.getCreatedBy());
            t.setCategory(plan.getCategory());
            t.setUrgency(Urgency.NORMAL);
            t.setStatus(TicketStatus.SUBMITTED);
            t.setCrisis(false);
            t.setContentCheck(HelpTicket.ContentCheck.PASS);
            t.setDescriptionSealed(plan.getDescriptionSealed());
            t.setAddressSealed(cipher.seal(family.address()));
            t.setDistrict(directory.districtOf(plan.getOrgId()));
            t.setLatitude(family.latitude());
            t.setLongitude(family.longitude());
            t.setWindowStart(service);
            t.setWindowEnd(service.plusMinutes(plan.getDurationMinutes()));
            t.setContactMethod(ContactMethod.PHONE_CALL);
            t.setContactPhoneSealed(family.contactPhone() == null ? null : cipher.seal(family.contactPhone()));
            t.setVersion(0);
            tickets.insert(t);
            TicketActor plannedBy = new TicketActor(TicketActor.Kind.SYSTEM, plan.getId(), "一家一策（计划 #" + plan.getId() + "）");
            lifecycle.submitted(t, plannedBy);
            HelpTicket accepted = lifecycle.accept(t, plannedBy, "按家庭服务计划自动受理");
            lifecycle.open(accepted, plannedBy, null, null);
            runs.update(null, new LambdaUpdateWrapper<CarePlanRun>().set(CarePlanRun::getTicketId, t.getId())
                    .eq(CarePlanRun::getId, run.getId()));
            return true;
        });
        return Boolean.TRUE.equals(made);
    }

    private PlanView view(CarePlan p) {
        return new PlanView(p.getId(), p.getFamilyId(), p.getCategory(), p.getCategory().label(), cipher.open(p.getDescriptionSealed()),
                p.days().stream().map(DayOfWeek::getValue).toList(), p.getServiceTime(), p.getDurationMinutes(), p.getLeadHours(),
                Boolean.TRUE.equals(p.getActive()), p.getCreatedAt());
    }
}
