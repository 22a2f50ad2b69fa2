package org.qingnuan.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.qingnuan.api.paging.PageQuery;
import org.qingnuan.api.paging.PageView;
import org.qingnuan.audit.AuditLabels;
import org.qingnuan.audit.AuditLog;
import org.qingnuan.audit.AuditLogQuery;
import org.qingnuan.audit.AuditTrail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@Tag(name = "操作日志")
@RestController
@RequestMapping("/api/admin/audit-logs")
@PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN')")
class AuditLogAdminController {

    private final AuditTrail auditTrail;

    AuditLogAdminController(AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
    }

    @Operation(summary = "本辖区的操作日志（谁在何时改了什么），最新的在前")
    @GetMapping
    PageView<AuditLog> list(@Valid AuditLogQuery query, @Valid PageQuery paging) {
        return auditTrail.list(query, paging);
    }

    /** The codes' Chinese names, for the filters. */
    record Labels(List<AuditLabels.Option> actions, List<AuditLabels.Option> targets) {
    }

    @Operation(summary = "操作类型和对象类型的中文名称（筛选用）")
    @GetMapping("/labels")
    Labels labels() {
        return new Labels(AuditLabels.actions(), AuditLabels.targets());
    }
}
