package org.qingnuan.audit;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.qingnuan.api.paging.PageQuery;
import org.qingnuan.api.paging.PageView;
import org.qingnuan.shared.persistence.Pages;
import org.qingnuan.audit.internal.AuditLogMapper;
import org.qingnuan.shared.web.TraceIdFilter;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Map;

/**
 * Records who changed what. Called inside the transaction of the change, so a change and its
 * record are saved together or not at all. Details name fields and non-secret values only:
 * never passwords, tokens or personal data.
 */
@Service
public class AuditTrail {

    private static final int MAX_DETAIL = 2000;

    private final AuditLogMapper mapper;
    private final ObjectMapper objectMapper;

    AuditTrail(AuditLogMapper mapper, ObjectMapper objectMapper) {
        this.mapper = mapper;
        this.objectMapper = objectMapper;
    }

    /** Records an action of the signed-in staff member. */
    public void record(String action, String targetType, Long targetId, long orgId, Map<String, ?> detail) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        AuditActor actor = auth != null && auth.getPrincipal() instanceof AuditActor a ? a : null;
        record(actor, action, targetType, targetId, orgId, detail);
    }

    /** Records an action of a given actor ({@code null} for the system), e.g. before sign-in completes. */
    public void record(AuditActor actor, String action, String targetType, Long targetId, long orgId, Map<String, ?> detail) {
        AuditLog row = new AuditLog();
        row.setOrgId(orgId);
        if (actor != null) {
            row.setActorStaffId(actor.staffId());
            row.setActorName(actor.displayName());
        } else {
            row.setActorName("系统");
        }
        row.setAction(action);
        row.setTargetType(targetType);
        row.setTargetId(targetId);
        row.setDetail(toJson(detail));
        row.setTraceId(MDC.get(TraceIdFilter.MDC_KEY));
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            row.setClientIp(attrs.getRequest().getRemoteAddr());
        }
        mapper.insert(row);
    }

    /** The change log of the caller's jurisdiction, newest first. */
    public PageView<AuditLog> list(AuditLogQuery query, PageQuery paging) {
        LambdaQueryWrapper<AuditLog> where = new LambdaQueryWrapper<AuditLog>()
                .eq(query.action() != null, AuditLog::getAction, query.action())
                .eq(query.targetType() != null, AuditLog::getTargetType, query.targetType())
                .eq(query.targetId() != null, AuditLog::getTargetId, query.targetId())
                .eq(query.actorStaffId() != null, AuditLog::getActorStaffId, query.actorStaffId())
                .ge(query.from() != null, AuditLog::getCreatedAt, query.from() == null ? null : query.from().atStartOfDay())
                .lt(query.to() != null, AuditLog::getCreatedAt, query.to() == null ? null : query.to().plusDays(1).atStartOfDay())
                .orderByDesc(AuditLog::getId);
        if (query.from() != null && query.to() != null && query.to().isBefore(query.from())) {
            throw org.qingnuan.shared.error.DomainException.onField(org.qingnuan.api.error.CommonError.VALIDATION_FAILED, "to",
                    "结束日期不能早于开始日期");
        }
        Page<AuditLog> page = mapper.selectPage(Pages.of(paging), where);
        return Pages.view(page);
    }

    private String toJson(Map<String, ?> detail) {
        if (detail == null || detail.isEmpty()) {
            return null;
        }
        try {
            String json = objectMapper.writeValueAsString(detail);
            return json.length() <= MAX_DETAIL ? json : json.substring(0, MAX_DETAIL);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit detail is not serialisable", e);
        }
    }
}
