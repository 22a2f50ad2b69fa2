package org.qingnuan.prompt;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import org.qingnuan.prompt.internal.DailyPromptMapper;
import org.qingnuan.prompt.internal.DemandItemMapper;
import org.qingnuan.prompt.internal.DemandReportMapper;
import org.qingnuan.registry.MedicalTeam;
import org.qingnuan.registry.MedicalTeamService;
import org.qingnuan.wechat.OfficialAccount;
import org.qingnuan.wechat.OfficialAccountMessage;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Demand reports from the front line. A bound lead replies to the official account in plain
 * language ("需求 N95口罩 200个；防护服 50套"); the reply is read into items, saved as the team's
 * report of the day, and read back to the lead so they can correct it by sending it again.
 */
@Service
public class DemandReports {

    private final DemandReportMapper reports;
    private final DemandItemMapper items;
    private final org.qingnuan.prompt.internal.DemandFulfilmentMapper fulfilments;
    private final DailyPromptMapper teams;
    private final MedicalTeamService teamService;
    private final OfficialAccount officialAccount;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemandReports(DemandReportMapper reports, DemandItemMapper items,
                  org.qingnuan.prompt.internal.DemandFulfilmentMapper fulfilments, DailyPromptMapper teams,
                  MedicalTeamService teamService, OfficialAccount officialAccount, TransactionTemplate transaction, Clock clock) {
        this.reports = reports;
        this.items = items;
        this.fulfilments = fulfilments;
        this.teams = teams;
        this.teamService = teamService;
        this.officialAccount = officialAccount;
        this.transaction = transaction;
        this.clock = clock;
    }

    @EventListener
    public void on(OfficialAccountMessage message) {
        if (!"text".equals(message.msgType()) || !DemandText.isReport(message.content())) {
            return;
        }
        List<Long> boundTo = reports.teamsOf(message.openId());
        if (boundTo.isEmpty()) {
            officialAccount.sendText(message.openId(), "您还没有绑定医疗队，请先扫描医疗队二维码或发送“绑定 邀请码”，再报告需求。");
            return;
        }
        List<DemandText.Item> parsed = DemandText.parse(message.content());
        if (parsed.isEmpty()) {
            officialAccount.sendText(message.openId(), "没有读到具体需求，请这样发送：需求 N95口罩 200个；防护服 50套；需要心理疏导");
            return;
        }
        // a follower bound to several teams reports for the one they bound to most recently
        MedicalTeam team = teams.team(boundTo.get(boundTo.size() - 1));
        transaction.executeWithoutResult(status -> save(team, message, parsed));
        officialAccount.sendText(message.openId(), "已记录「" + team.getName() + "」今日 " + parsed.size() + " 项需求："
                + parsed.stream().map(DemandText.Item::describe).collect(Collectors.joining("；"))
                + "。如有出入，请重新发送完整的需求。");
    }

    private void save(MedicalTeam team, OfficialAccountMessage message, List<DemandText.Item> parsed) {
        DemandReport report = new DemandReport();
        report.setTeamId(team.getId());
        report.setOrgId(team.getOrgId());
        report.setReportDate(LocalDate.now(clock));
        report.setSource(DemandReport.Source.WECHAT_TEXT);
        report.setReporterOpenId(message.openId());
        String raw = message.content();
        report.setRawText(raw.length() > 1000 ? raw.substring(0, 1000) : raw);
        reports.insert(report);
        for (DemandText.Item i : parsed) {
            DemandItem item = new DemandItem();
            item.setReportId(report.getId());
            item.setTeamId(team.getId());
            item.setOrgId(team.getOrgId());
            item.setKind(i.kind());
            item.setName(i.name());
            item.setQuantity(i.quantity());
            item.setUnit(i.unit());
            item.setDeliveredQuantity(0);
            items.insert(item);
        }
    }

    public record RecordDeliveryRequest(
            @jakarta.validation.constraints.NotNull(message = "请填写送达数量")
            @jakarta.validation.constraints.Min(value = 1, message = "送达数量至少为 1")
            @jakarta.validation.constraints.Max(value = 9_999_999, message = "送达数量过大") Integer quantity,
            @jakarta.validation.constraints.NotBlank(message = "请填写由谁送达，如：省青少年发展基金会")
            @jakarta.validation.constraints.Size(max = 64, message = "送达单位最多 64 个字")
            @org.qingnuan.api.validation.PlainText String deliveredBy) {
    }

    /** Records supplies delivered against an item of a team's report (jurisdiction applies). */
    @org.springframework.transaction.annotation.Transactional
    public DemandItem recordDelivery(long teamId, long itemId, RecordDeliveryRequest r, long staffId) {
        teamService.get(teamId);
        DemandItem item = items.selectById(itemId);
        if (item == null || !item.getTeamId().equals(teamId)) {
            throw new org.qingnuan.shared.error.DomainException(org.qingnuan.api.error.CommonError.NOT_FOUND);
        }
        if (item.getKind() != DemandText.Kind.SUPPLY) {
            throw org.qingnuan.shared.error.DomainException.onField(org.qingnuan.api.error.CommonError.VALIDATION_FAILED,
                    "quantity", "这是一项非物资需求，没有数量可记录");
        }
        DemandFulfilment f = new DemandFulfilment();
        f.setItemId(itemId);
        f.setTeamId(teamId);
        f.setOrgId(item.getOrgId());
        f.setQuantity(r.quantity());
        f.setDeliveredBy(r.deliveredBy().trim());
        f.setRecordedBy(staffId);
        fulfilments.insert(f);
        fulfilments.addDelivered(itemId, r.quantity(), java.time.LocalDateTime.now(clock));
        return items.selectById(itemId);
    }

    public List<DemandFulfilment> deliveriesOf(long teamId, long itemId) {
        teamService.get(teamId);
        return fulfilments.selectList(new LambdaQueryWrapper<DemandFulfilment>().eq(DemandFulfilment::getItemId, itemId)
                .eq(DemandFulfilment::getTeamId, teamId).orderByAsc(DemandFulfilment::getId));
    }

    public record ReportView(long id, LocalDate date, DemandReport.Source source, String text, List<DemandItem> items) {
    }

    /** A team's reports (jurisdiction applies), newest first. */
    public List<ReportView> of(long teamId) {
        teamService.get(teamId);
        return reports.selectList(new LambdaQueryWrapper<DemandReport>().eq(DemandReport::getTeamId, teamId)
                        .orderByDesc(DemandReport::getId).last("LIMIT 100")).stream()
                .map(r -> new ReportView(r.getId(), r.getReportDate(), r.getSource(), r.getRawText(),
                        items.selectList(new LambdaQueryWrapper<DemandItem>().eq(DemandItem::getReportId, r.getId())
                                .orderByAsc(DemandItem::getId))))
                .toList();
    }
}
