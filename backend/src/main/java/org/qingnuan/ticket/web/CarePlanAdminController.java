package org.qingnuan.ticket.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.qingnuan.ticket.CarePlans;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@Tag(name = "一家一策")
@RestController
class CarePlanAdminController {

    private final CarePlans plans;

    CarePlanAdminController(CarePlans plans) {
        this.plans = plans;
    }

    @Operation(summary = "家庭的服务计划")
    @GetMapping("/api/admin/families/{familyId}/care-plans")
    List<CarePlans.PlanView> list(@PathVariable long familyId) {
        return plans.of(familyId);
    }

    @Operation(summary = "新建服务计划：每周哪几天（1=周一…7=周日）、几点、多长时间；按计划提前若干小时自动生成任务并发布给志愿者")
    @PostMapping("/api/admin/families/{familyId}/care-plans")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    CarePlans.PlanView create(@PathVariable long familyId, @Valid @RequestBody CarePlans.PlanRequest request) {
        return plans.create(familyId, request);
    }

    @Operation(summary = "停止服务计划（已生成的任务不受影响）")
    @PostMapping("/api/admin/care-plans/{id}/stop")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    CarePlans.PlanView stop(@PathVariable long id) {
        return plans.stop(id);
    }
}
