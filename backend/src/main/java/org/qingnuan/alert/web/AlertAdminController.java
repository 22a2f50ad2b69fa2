package org.qingnuan.alert.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.qingnuan.alert.StaffAlert;
import org.qingnuan.alert.StaffAlerts;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@Tag(name = "提醒与值班专家")
@RestController
class AlertAdminController {

    private final StaffAlerts alerts;

    AlertAdminController(StaffAlerts alerts) {
        this.alerts = alerts;
    }

    @Operation(summary = "本辖区的提醒（心理危机求助等），最新 100 条；state: UNREAD 未读（不含已自动关闭的）、READ 已读或已自动关闭、ALL 全部（默认，未读在前）")
    @GetMapping("/api/admin/alerts")
    List<StaffAlert> alerts(@RequestParam(required = false) StaffAlerts.AlertState state) {
        return alerts.recent(state);
    }

    @PostMapping("/api/admin/alerts/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void read(@PathVariable long id) {
        alerts.markRead(id);
    }

    @Operation(summary = "值班心理专家（危机求助会立即通知本组织或最近上级组织的值班专家）")
    @GetMapping("/api/admin/duty-experts")
    List<StaffAlerts.DutyExpertView> experts() {
        return alerts.experts();
    }

    @PostMapping("/api/admin/duty-experts")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    StaffAlerts.DutyExpertView add(@Valid @RequestBody StaffAlerts.AddDutyExpert request) {
        return alerts.add(request);
    }

    @Operation(summary = "修改值班专家：姓名；手机号、OpenID 填写才修改；可清除 OpenID、恢复或移出值班")
    @PutMapping("/api/admin/duty-experts/{id}")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    StaffAlerts.DutyExpertView update(@PathVariable long id, @Valid @RequestBody StaffAlerts.UpdateDutyExpert request) {
        return alerts.update(id, request);
    }

    @DeleteMapping("/api/admin/duty-experts/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    void remove(@PathVariable long id) {
        alerts.deactivate(id);
    }
}
