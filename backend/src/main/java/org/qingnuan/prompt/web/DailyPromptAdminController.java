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

    DailyPromptAdminController(DailyPrompts prompts, org.qingnuan.prompt.DemandReports reports, MedicalTeamService teams) {
        this.prompts = prompts;
        this.reports = reports;
        this.teams = teams;
    }

    @Operation(summary = "记录一项物资需求的送达数量及送达单位（可多次记录，累计）")
    @org.springframework.web.bind.annotation.PostMapping("/reports/items/{itemId}/deliveries")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    org.qingnuan.prompt.DemandItem recordDelivery(@PathVariable long teamId, @PathVariable long itemId,
            @Valid @RequestBody org.qingnuan.prompt.DemandReports.RecordDeliveryRequest request) {
        return reports.recordDelivery(teamId, itemId, request, org.qingnuan.staff.CurrentStaff.require().staffId());
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

    @Operation(summary = "最近 30 天的需求提示及每位接收人的送达状态")
    @GetMapping("/prompts")
    List<PromptView> list(@PathVariable long teamId) {
        teams.get(teamId);
        return prompts.of(teamId).stream().map(p -> new PromptView(p.getId(), p.getPromptDate(),
                prompts.reported(teamId, p.getPromptDate()), p.getRemindedAt(),
                prompts.deliveriesOf(p.getId()).stream().map(d -> new DeliveryView(
                        d.getOpenId().substring(0, Math.min(6, d.getOpenId().length())) + "…", d.getChannel(), d.getStatus(),
                        d.getAttempts(), d.getLastError(), d.getSentAt(), d.getNextAttemptAt())).toList())).toList();
    }
}
