package org.qingnuan.ticket.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.qingnuan.api.paging.PageQuery;
import org.qingnuan.api.paging.PageView;
import org.qingnuan.api.ticket.TicketRequests;
import org.qingnuan.api.ticket.TicketView;
import org.qingnuan.privacy.RevealRequest;
import org.qingnuan.ticket.StaffTickets;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "求助工单")
@RestController
@RequestMapping("/api/admin/tickets")
class TicketAdminController {

    private final StaffTickets tickets;

    TicketAdminController(StaffTickets tickets) {
        this.tickets = tickets;
    }

    @Operation(summary = "本辖区的求助（含派给本单位承办的），危机在前；地址和电话已脱敏",
            description = "overdue=true 只看超时的；assigned=mine 只看派给本单位的；district 按区筛选")
    @GetMapping
    PageView<TicketView> list(@Valid StaffTickets.TicketQuery query, @Valid PageQuery paging) {
        return tickets.list(query, paging);
    }

    @Operation(summary = "工作人员受理需求（12355 热线、微信群、走访）：与小程序求助同一模型，受理人即为提交和受理人；危急求助立即通知值班专家",
            description = "先用 /api/admin/families/search 查找家庭。可带 Idempotency-Key 防止重复提交。")
    @PostMapping("/intake")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    org.springframework.http.ResponseEntity<TicketView> intake(
            @org.springframework.web.bind.annotation.RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
            @Valid @RequestBody org.qingnuan.api.ticket.IntakeRequest request) {
        long id = tickets.intake(request, idempotencyKey);
        return org.springframework.http.ResponseEntity.created(java.net.URI.create("/api/admin/tickets/" + id))
                .body(tickets.detail(id));
    }

    @Operation(summary = "求助详情和处理经过（已脱敏）")
    @GetMapping("/{id}")
    TicketView get(@PathVariable long id) {
        return tickets.detail(id);
    }

    @Operation(summary = "查看地址和联系电话原文；须填写原因，并记入个人信息查看记录")
    @PostMapping("/{id}/reveal")
    TicketView reveal(@PathVariable long id, @Valid @RequestBody RevealRequest request) {
        return tickets.reveal(id, request.reason());
    }

    @Operation(summary = "受理（同时视为已审核文字）")
    @PostMapping("/{id}/accept")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    TicketView accept(@PathVariable long id, @Valid @RequestBody TicketRequests.Note request) {
        return tickets.accept(id, request);
    }

    @Operation(summary = "不予受理（原因会告知家属）")
    @PostMapping("/{id}/reject")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    TicketView reject(@PathVariable long id, @Valid @RequestBody TicketRequests.Reject request) {
        return tickets.reject(id, request);
    }

    @Operation(summary = "发布给志愿者认领")
    @PostMapping("/{id}/open")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    TicketView open(@PathVariable long id, @Valid @RequestBody TicketRequests.Open request) {
        return tickets.open(id, request);
    }

    @Operation(summary = "关闭：重复提交，或已由其他渠道解决")
    @PostMapping("/{id}/close")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    TicketView close(@PathVariable long id, @Valid @RequestBody TicketRequests.Close request) {
        return tickets.close(id, request);
    }

    @Operation(summary = "由工作人员（或本单位）直接办结，等待家属确认")
    @PostMapping("/{id}/complete")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    TicketView complete(@PathVariable long id, @Valid @RequestBody TicketRequests.Complete request) {
        return tickets.complete(id, request);
    }
}
