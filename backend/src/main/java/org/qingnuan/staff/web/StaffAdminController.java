package org.qingnuan.staff.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.qingnuan.api.paging.PageQuery;
import org.qingnuan.api.paging.PageView;
import org.qingnuan.staff.StaffRequests.CreateStaffRequest;
import org.qingnuan.staff.StaffRequests.ResetPasswordRequest;
import org.qingnuan.staff.StaffRequests.StaffQuery;
import org.qingnuan.staff.StaffRequests.UpdateStaffRequest;
import org.qingnuan.staff.StaffRole;
import org.qingnuan.staff.StaffService;
import org.qingnuan.staff.StaffView;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

@Tag(name = "工作人员账号")
@RestController
@RequestMapping("/api/admin/staff")
class StaffAdminController {

    private final StaffService staff;

    StaffAdminController(StaffService staff) {
        this.staff = staff;
    }

    @Operation(summary = "分页查询本辖区的工作人员账号；orgId 只能缩小范围")
    @GetMapping
    PageView<StaffView> list(@Valid StaffQuery query, @Valid PageQuery paging) {
        return staff.list(query, paging);
    }

    @Operation(summary = "角色及其中文名称")
    @GetMapping("/roles")
    List<RoleOption> roles() {
        return Arrays.stream(StaffRole.values()).map(r -> new RoleOption(r, r.label())).toList();
    }

    @Operation(summary = "查看一个账号；不在辖区内的账号回答 404")
    @GetMapping("/{id}")
    StaffView get(@PathVariable long id) {
        return staff.view(id);
    }

    @Operation(summary = "在辖区内的组织下新建账号；首次登录须修改初始密码")
    @PostMapping
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN')")
    ResponseEntity<StaffView> create(@Valid @RequestBody CreateStaffRequest request) {
        StaffView created = staff.view(staff.create(request).getId());
        return ResponseEntity.created(URI.create("/api/admin/staff/" + created.id())).body(created);
    }

    @Operation(summary = "修改姓名和角色（需带上读取时的 version）")
    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN')")
    StaffView update(@PathVariable long id, @Valid @RequestBody UpdateStaffRequest request) {
        staff.update(id, request);
        return staff.view(id);
    }

    @Operation(summary = "停用账号，已登录的设备立即退出")
    @PostMapping("/{id}/disable")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN')")
    StaffView disable(@PathVariable long id) {
        staff.setEnabled(id, false);
        return staff.view(id);
    }

    @Operation(summary = "启用账号")
    @PostMapping("/{id}/enable")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN')")
    StaffView enable(@PathVariable long id) {
        staff.setEnabled(id, true);
        return staff.view(id);
    }

    @Operation(summary = "重置密码并解除锁定；本人下次登录须修改密码")
    @PostMapping("/{id}/password")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN')")
    ResponseEntity<Void> resetPassword(@PathVariable long id, @Valid @RequestBody ResetPasswordRequest request) {
        staff.resetPassword(id, request);
        return ResponseEntity.noContent().build();
    }

    record RoleOption(StaffRole value, String label) {
    }
}
