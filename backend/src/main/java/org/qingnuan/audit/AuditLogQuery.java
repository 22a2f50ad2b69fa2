package org.qingnuan.audit;

import jakarta.validation.constraints.Pattern;

/** Filters of the change log; all optional. */
public record AuditLogQuery(
        @Pattern(regexp = "^[A-Z_]{1,48}$", message = "操作类型格式不正确") String action,
        @Pattern(regexp = "^[A-Z_]{1,32}$", message = "对象类型格式不正确") String targetType,
        Long targetId,
        Long actorStaffId,
        @io.swagger.v3.oas.annotations.Parameter(description = "日期起（含）")
        @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
        java.time.LocalDate from,
        @io.swagger.v3.oas.annotations.Parameter(description = "日期止（含）")
        @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
        java.time.LocalDate to) {
}
