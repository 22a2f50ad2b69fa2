package org.qingnuan.prompt.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.qingnuan.prompt.DailyPrompts;
import org.qingnuan.prompt.PromptDelivery;
import org.qingnuan.registry.MedicalTeam;
import org.qingnuan.registry.MedicalTeamService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

@Tag(name = "每日需求提示")
@RestController
@RequestMapping("/api/admin/medical-teams/{teamId}")
class DailyPromptAdminController {

    private final DailyPrompts prompts;
    private final org.qingnuan.prompt.DemandReports reports;
    private final MedicalTeamService teams;
    private final org.qingnuan.prompt.TeamBindings bindings;

    DailyPromptAdminController(DailyPrompts prompts, org.qingnuan.prompt.DemandReports reports, MedicalTeamService teams,
                               org.qingnuan.prompt.TeamBindings bindings) {
        this.bindings = bindings;
        this.prompts = prompts;
        this.reports = reports;
        this.teams = teams;
    }

    @Operation(summary = "记录一项物资需求的送达数量及送达单位（可多次记录，累计）；超出需求量时 overDelivered 为超出的数量，status 为 OVER_DELIVERED")
    @org.springframework.web.bind.annotation.PostMapping("/reports/items/{itemId}/deliveries")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    org.qingnuan.prompt.DemandReports.ItemView recordDelivery(@PathVariable long teamId, @PathVariable long itemId,
            @Valid @RequestBody org.qingnuan.prompt.DemandReports.RecordDeliveryRequest request) {
        return reports.recordDelivery(teamId, itemId, request, org.qingnuan.staff.CurrentStaff.require().staffId());
    }

    @Operation(summary = "办结一项需求（非物资需求已落实，或物资已不再需要），可附说明；已办结的保持首次办结")
    @org.springframework.web.bind.annotation.PostMapping("/reports/items/{itemId}/close")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    org.qingnuan.prompt.DemandReports.ItemView close(@PathVariable long teamId, @PathVariable long itemId,
            @Valid @RequestBody(required = false) org.qingnuan.prompt.DemandReports.CloseItemRequest request) {
        return reports.close(teamId, itemId, request, org.qingnuan.staff.CurrentStaff.require().staffId());
    }

    @Operation(summary = "一项物资需求的送达记录")
    @GetMapping("/reports/items/{itemId}/deliveries")
    List<org.qingnuan.prompt.DemandFulfilment> deliveries(@PathVariable long teamId, @PathVariable long itemId) {
        return reports.deliveriesOf(teamId, itemId);
    }

    @Operation(summary = "本队报告的一线需求（物资及数量、其他需求），最新的在前")
    @GetMapping("/reports")
    List<org.qingnuan.prompt.DemandReports.ReportView> reports(@PathVariable long teamId) {
        return reports.of(teamId);
    }

    /**
     * @param wecomWebhook the team's WeCom group robot webhook URL (or its key): null keeps the current one,
     *                     "" removes it
     */
    record ScheduleRequest(@NotNull(message = "请填写提示时间，如 09:00") LocalTime promptTime,
                           @NotNull(message = "请选择是否发送") Boolean enabled,
                           @jakarta.validation.constraints.Size(max = 200, message = "企业微信群机器人地址过长") String wecomWebhook) {
    }

    /** The key itself is never shown again: it lets anyone post to the group. */
    record Schedule(LocalTime promptTime, Boolean enabled, boolean wecomConfigured) {
    }

    @Operation(summary = "本队每日需求提示的时间（北京时间）、开关，以及是否同时发到本队企业微信群")
    @GetMapping("/prompt-schedule")
    Schedule schedule(@PathVariable long teamId) {
        MedicalTeam team = teams.get(teamId);
        return new Schedule(team.getPromptTime(), team.getPromptEnabled(), team.getWecomWebhookSealed() != null);
    }

    @PutMapping("/prompt-schedule")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    Schedule updateSchedule(@PathVariable long teamId, @Valid @RequestBody ScheduleRequest request) {
        prompts.reschedule(teamId, request.promptTime(), request.enabled(), request.wecomWebhook());
        return schedule(teamId);
    }

    record DeliveryView(String recipient, PromptDelivery.Channel channel, PromptDelivery.Status status, int attempts,
                        String lastError, LocalDateTime sentAt, LocalDateTime nextAttemptAt) {
    }

    /** @param reported whether the team sent a demand report that day; remindedAt when the evening reminder went out */
    record PromptView(long id, LocalDate date, boolean reported, LocalDateTime remindedAt, List<DeliveryView> deliveries) {
    }

    @Operation(summary = "最近 30 天的需求提示及每位接收人的送达状态（接收人：姓名与身份，未说明身份的显示关注者编号片段）")
    @GetMapping("/prompts")
    List<PromptView> list(@PathVariable long teamId) {
        teams.get(teamId);
        java.util.Map<String, org.qingnuan.prompt.TeamBindings.Receiver> receivers = bindings.receivers(teamId);
        return prompts.of(teamId).stream().map(p -> new PromptView(p.getId(), p.getPromptDate(),
                prompts.reported(teamId, p.getPromptDate()), p.getRemindedAt(),
                prompts.deliveriesOf(p.getId()).stream().map(d -> new DeliveryView(recipient(d, receivers), d.getChannel(),
                        d.getStatus(), d.getAttempts(), d.getLastError(), d.getSentAt(), d.getNextAttemptAt())).toList())).toList();
    }

    /** The team's group, a named lead or liaison ("张三（领队）"), or the shortened openid of one who has not said. */
    private static String recipient(PromptDelivery d, java.util.Map<String, org.qingnuan.prompt.TeamBindings.Receiver> receivers) {
        if (d.getChannel() == PromptDelivery.Channel.WECOM_ROBOT) {
            return "本队企业微信群";
        }
        org.qingnuan.prompt.TeamBindings.Receiver r = receivers.get(d.getOpenId());
        return r != null ? r.label() : "未说明身份（" + org.qingnuan.prompt.TeamBindings.shortened(d.getOpenId()) + "）";
    }
}
