package org.qingnuan.privacy;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import org.qingnuan.api.error.CommonError;
import org.qingnuan.api.paging.PageQuery;
import org.qingnuan.api.paging.PageView;
import org.qingnuan.shared.persistence.Pages;
import org.qingnuan.privacy.internal.PersonalDataAccessMapper;
import org.qingnuan.shared.error.DomainException;
import org.qingnuan.shared.web.TraceIdFilter;
import org.qingnuan.audit.AuditActor;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Set;

/**
 * Every reveal of personal data in clear goes through here: it checks the caller may see personal
 * data at all and writes the access record in the caller's transaction, so there is no clear value
 * shown without its record.
 */
@Service
public class Disclosures {

    /** Roles that may reveal personal data (viewers may not). */
    private static final Set<String> ENTITLED = Set.of("ROLE_SUPER_ADMIN", "ROLE_ORG_ADMIN", "ROLE_DISPATCHER");

    private final PersonalDataAccessMapper mapper;
    private final Clock clock;

    Disclosures(PersonalDataAccessMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    public void record(String subjectType, long subjectId, long subjectOrgId, Collection<String> fields, String reason) {
        mapper.insert(row(entitledActor(), subjectType, subjectId, subjectOrgId, fields, reason));
    }

    /**
     * Many subjects shown in clear at once (an export in clear): one access record per subject, as if
     * each had been revealed, written in one batch. {@code subjects} maps subject id to its org.
     */
    public void recordEach(String subjectType, java.util.Map<Long, Long> subjects, Collection<String> fields, String reason) {
        AuditActor actor = entitledActor();
        if (subjects.isEmpty()) {
            return;
        }
        java.util.List<PersonalDataAccess> rows = new java.util.ArrayList<>(subjects.size());
        subjects.forEach((id, orgId) -> rows.add(row(actor, subjectType, id, orgId, fields, reason)));
        mapper.insert(rows);
    }

    /** Throws unless the caller's role may see personal data in clear. */
    public void requireEntitled() {
        entitledActor();
    }

    private static AuditActor entitledActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean entitled = auth != null && auth.getAuthorities().stream().anyMatch(a -> ENTITLED.contains(a.getAuthority()));
        if (!entitled || !(auth.getPrincipal() instanceof AuditActor actor)) {
            throw new DomainException(CommonError.FORBIDDEN, "您的角色不能查看个人信息原文");
        }
        return actor;
    }

    private static PersonalDataAccess row(AuditActor actor, String subjectType, long subjectId, long subjectOrgId,
                                          Collection<String> fields, String reason) {
        PersonalDataAccess row = new PersonalDataAccess();
        row.setOrgId(subjectOrgId);
        row.setStaffId(actor.staffId());
        row.setStaffName(actor.displayName());
        row.setAccessorType("STAFF");
        row.setSubjectType(subjectType);
        row.setSubjectId(subjectId);
        row.setFields(String.join(",", fields));
        row.setReason(reason);
        row.setTraceId(MDC.get(TraceIdFilter.MDC_KEY));
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            row.setClientIp(attrs.getRequest().getRemoteAddr());
        }
        return row;
    }

    /**
     * A volunteer saw a family's address and phone on a task that is theirs (entitlement was checked by
     * the task board: the task is claimed by them and not finished).
     */
    public void recordVolunteerView(long volunteerId, String volunteerName, String subjectType, long subjectId,
                                    long subjectOrgId, Collection<String> fields) {
        PersonalDataAccess row = new PersonalDataAccess();
        row.setOrgId(subjectOrgId);
        row.setStaffId(volunteerId);
        row.setStaffName("志愿者 " + volunteerName);
        row.setAccessorType("VOLUNTEER");
        row.setSubjectType(subjectType);
        row.setSubjectId(subjectId);
        row.setFields(String.join(",", fields));
        row.setReason("查看本人认领的任务");
        row.setTraceId(MDC.get(TraceIdFilter.MDC_KEY));
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            row.setClientIp(attrs.getRequest().getRemoteAddr());
        }
        row.setCreatedAt(LocalDateTime.now(clock));
        mapper.append(row);
    }

    public PageView<PersonalDataAccess> list(String subjectType, Long subjectId, Long staffId, PageQuery paging) {
        LambdaQueryWrapper<PersonalDataAccess> where = new LambdaQueryWrapper<PersonalDataAccess>()
                .eq(subjectType != null, PersonalDataAccess::getSubjectType, subjectType)
                .eq(subjectId != null, PersonalDataAccess::getSubjectId, subjectId)
                .eq(staffId != null, PersonalDataAccess::getStaffId, staffId)
                .orderByDesc(PersonalDataAccess::getId);
        Page<PersonalDataAccess> page = mapper.selectPage(Pages.of(paging), where);
        return Pages.view(page);
    }
}
