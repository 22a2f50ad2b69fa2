package org.qingnuan.dispatch.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.qingnuan.api.paging.PageQuery;
import org.qingnuan.api.paging.PageView;
import org.qingnuan.api.ticket.TicketRequests;
import org.qingnuan.api.ticket.TicketView;
import org.qingnuan.dispatch.DispatchRequests;
import org.qingnuan.dispatch.Dispatches;
import org.qingnuan.dispatch.FollowUps;
import org.qingnuan.dispatch.Takeovers;
import org.qingnuan.dispatch.TicketTakeover;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@Tag(name = "派单转介与回访")
@RestController
@RequestMapping("/api/admin/tickets")
class DispatchAdminController {

    private final Dispatches dispatches;
    private final Takeovers takeovers;
    private final FollowUps followUps;

    DispatchAdminController(Dispatches dispatches, Takeovers takeovers, FollowUps followUps) {
        this.dispatches = dispatches;
        this.takeovers = takeovers;
        this.followUps = followUps;
    }

    @Operation(summary = "可以派单的单位：本单位以下的各级组织和合作单位")
    @GetMapping("/dispatch-units")
    List<Dispatches.Unit> units() {
        return dispatches.units();
    }

    @Operation(summary = "派单：把已受理的求助交给承办单位，并明确完成期限", description = "承办单位会收到提醒；期限须晚于现在")
    @PostMapping("/{id}/dispatch")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    TicketView dispatch(@PathVariable long id, @Valid @RequestBody DispatchRequests.Dispatch request) {
        return dispatches.dispatch(id, request);
    }

    @Operation(summary = "承办单位接单")
    @PostMapping("/{id}/dispatch/accept")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    TicketView accept(@PathVariable long id, @Valid @RequestBody TicketRequests.Note request) {
        return dispatches.accept(id, request.note());
    }

    @Operation(summary = "承办单位退回派单（须说明原因），求助回到派单单位")
    @PostMapping("/{id}/dispatch/pass-back")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    TicketView passBack(@PathVariable long id, @Valid @RequestBody DispatchRequests.PassBack request) {
        return dispatches.passBack(id, request.reason());
    }

    @Operation(summary = "派单单位调整完成期限")
    @PostMapping("/{id}/dispatch/deadline")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    TicketView deadline(@PathVariable long id, @Valid @RequestBody DispatchRequests.Deadline request) {
        return dispatches.changeDeadline(id, request);
    }

    @Operation(summary = "可以指派的志愿者：本单位在岗、技能相符、任务未满的志愿者，近的在前（姓名已脱敏）")
    @GetMapping("/{id}/assignable-volunteers")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    List<Dispatches.Candidate> assignable(@PathVariable long id) {
        return dispatches.assignable(id);
    }

    @Operation(summary = "指派志愿者承接")
    @PostMapping("/{id}/assign")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    TicketView assign(@PathVariable long id, @Valid @RequestBody DispatchRequests.Assign request) {
        return dispatches.assign(id, request);
    }

    @Operation(summary = "申请转办：由本单位承办另一单位的派单（按求助编号）",
            description = "当前承办单位或派单单位审批；超时未处理自动同意")
    @PostMapping("/takeovers")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    Takeovers.TakeoverView requestTakeover(@Valid @RequestBody DispatchRequests.Takeover request) {
        return takeovers.request(request);
    }

    @Operation(summary = "转办申请：本单位提出的、向本单位提出的和本辖区的")
    @GetMapping("/takeovers")
    List<Takeovers.TakeoverView> takeovers(@RequestParam(required = false) TicketTakeover.Status status) {
        return takeovers.list(status);
    }

    @Operation(summary = "同意转办")
    @PostMapping("/takeovers/{takeoverId}/approve")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    Takeovers.TakeoverView approve(@PathVariable long takeoverId, @Valid @RequestBody DispatchRequests.Decision request) {
        return takeovers.decide(takeoverId, true, request.note());
    }

    @Operation(summary = "不同意转办")
    @PostMapping("/takeovers/{takeoverId}/decline")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    Takeovers.TakeoverView decline(@PathVariable long takeoverId, @Valid @RequestBody DispatchRequests.Decision request) {
        return takeovers.decide(takeoverId, false, request.note());
    }

    @Operation(summary = "待回访：已完成超过 24 小时、家属尚未确认的求助，等得最久的在前")
    @GetMapping("/follow-ups")
    PageView<FollowUps.Row> followUps(@Valid PageQuery paging) {
        return followUps.list(paging);
    }

    @Operation(summary = "记录回访结果；家属电话确认时由工作人员代为确认（可带评分）")
    @PostMapping("/{id}/follow-ups")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    TicketView followUp(@PathVariable long id, @Valid @RequestBody DispatchRequests.FollowUpCall request) {
        return followUps.record(id, request);
    }
}
