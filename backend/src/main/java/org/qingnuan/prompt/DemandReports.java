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
 * Demand reports from the front line. A bound lead writes to the official account in plain language — any
 * message, "N95口罩 100个" as well as "需求 N95口罩 200个；防护服 50套" — and what was read becomes the team's report
 * of the day, read back to the lead with what was not understood. A second message the same day from the same lead
 * is a correction: it replaces their earlier report (decision 271), and the reply says so.
 */
@Service
public class DemandReports {

    private static final String EXAMPLE = "N95口罩 200个；防护服 50套；需要心理疏导";
    private static final java.time.format.DateTimeFormatter CLOCK = java.time.format.DateTimeFormatter.ofPattern("HH:mm");

    private final DemandReportMapper reports;
    private final DemandItemMapper items;
    private final org.qingnuan.prompt.internal.DemandFulfilmentMapper fulfilments;
    private final DailyPromptMapper teams;
    private final MedicalTeamService teamService;
    private final OfficialAccount officialAccount;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final org.qingnuan.audit.AuditTrail auditTrail;

    DemandReports(DemandReportMapper reports, DemandItemMapper items,
                  org.qingnuan.prompt.internal.DemandFulfilmentMapper fulfilments, DailyPromptMapper teams,
                  MedicalTeamService teamService, OfficialAccount officialAccount, TransactionTemplate transaction, Clock clock,
                  org.qingnuan.audit.AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
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
        if (!"text".equals(message.msgType()) || message.content() == null || message.content().isBlank()
                || DemandText.isCommand(message.content())) {
            return;
        }
        List<Long> boundTo = reports.teamsOf(message.openId());
        if (boundTo.isEmpty()) {
            // any follower may chat with the account; only someone who says they report is told how to bind
            if (DemandText.isReport(message.content())) {
                officialAccount.sendText(message.openId(), "您还没有绑定医疗队，请先扫描医疗队二维码或发送“绑定 邀请码”，再报告需求。");
            }
            return;
        }
        DemandText.Reading reading = DemandText.read(message.content());
        if (reading.items().isEmpty()) {
            officialAccount.sendText(message.openId(), "没有读到需求，未作记录。请按“物资 数量单位”发送，几项之间用分号或逗号隔开，如："
                    + EXAMPLE + "。");
            return;
        }
        // a follower bound to several teams reports for the one they bound to most recently
        MedicalTeam team = teams.team(boundTo.get(boundTo.size() - 1));
        Saved saved = transaction.execute(status -> save(team, message, reading.items()));
        officialAccount.sendText(message.openId(), reply(team, reading, saved));
    }

    /**
     * @param replaced the lead's earlier reports of the day this one replaced (empty for the day's first)
     * @param kept     items of those reports that already had deliveries or were closed and are not in the correction:
     *                 they stay, so no delivery record is lost
     */
    record Saved(DemandReport report, List<DemandReport> replaced, int replacedItems, List<DemandItem> kept) {
    }

    private static String reply(MedicalTeam team, DemandText.Reading reading, Saved saved) {
        String listed = reading.items().stream().map(DemandText.Item::describe).collect(Collectors.joining("；"));
        StringBuilder text = new StringBuilder();
        if (saved.replaced().isEmpty()) {
            text.append("已记录「").append(team.getName()).append("」今日需求 ").append(reading.items().size()).append(" 项：")
                    .append(listed).append("。");
        } else {
            text.append("已更正「").append(team.getName()).append("」今日需求：以这一条为准，替换了您今天 ")
                    .append(saved.replaced().stream().map(r -> r.getCreatedAt().format(CLOCK)).collect(Collectors.joining("、")))
                    .append(" 发送的 ").append(saved.replacedItems()).append(" 项。现为 ").append(reading.items().size()).append(" 项：")
                    .append(listed).append("。");
            if (!saved.kept().isEmpty()) {
                text.append("已有送达记录的「").append(saved.kept().stream().map(DemandItem::getName).collect(Collectors.joining("、")))
                        .append("」仍保留。");
            }
        }
        if (!reading.notUnderstood().isEmpty()) {
            text.append("以下内容没有读懂，未记录：「").append(String.join("」「", reading.notUnderstood()))
                    .append("」，请按“物资 数量单位”写，如：护目镜 30副。");
        }
        text.append("如需更正，请在今天重新发送完整的需求，新的一条将替换这一条。");
        return text.toString();
    }

    private Saved save(MedicalTeam team, OfficialAccountMessage message, List<DemandText.Item> parsed) {
        LocalDate today = LocalDate.now(clock);
        List<DemandReport> earlier = reports.selectList(new LambdaQueryWrapper<DemandReport>()
                .eq(DemandReport::getTeamId, team.getId()).eq(DemandReport::getReportDate, today)
                .eq(DemandReport::getSource, DemandReport.Source.WECHAT_TEXT)
                .eq(DemandReport::getReporterOpenId, message.openId()).isNull(DemandReport::getReplacedBy)
                .orderByAsc(DemandReport::getId));
        DemandReport report = new DemandReport();
        report.setTeamId(team.getId());
        report.setOrgId(team.getOrgId());
        report.setReportDate(today);
        report.setSource(DemandReport.Source.WECHAT_TEXT);
        report.setReporterOpenId(message.openId());
        String raw = message.content();
        report.setRawText(raw.length() > 1000 ? raw.substring(0, 1000) : raw);
        reports.insert(report);
        List<DemandItem> created = new java.util.ArrayList<>();
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
            created.add(item);
        }
        int replacedItems = 0;
        List<DemandItem> kept = new java.util.ArrayList<>();
        for (DemandReport old : earlier) {
            for (DemandItem before : items.selectList(new LambdaQueryWrapper<DemandItem>().eq(DemandItem::getReportId, old.getId()))) {
                replacedItems++;
                boolean worked = (before.getDeliveredQuantity() != null && before.getDeliveredQuantity() > 0)
                        || before.getClosedAt() != null;
                if (worked) {
                    carryOver(before, created, report).ifPresent(kept::add);
                }
            }
            reports.update(null, new com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper<DemandReport>()
                    .set(DemandReport::getReplacedBy, report.getId()).eq(DemandReport::getId, old.getId()));
        }
        return new Saved(report, earlier, replacedItems, kept);
    }

    /**
     * Deliveries (and a closing) recorded against an item of the replaced report follow it: to the correction's item
     * of the same kind and name, else the item itself moves into the correction. Returns the item when it moved.
     */
    private java.util.Optional<DemandItem> carryOver(DemandItem before, List<DemandItem> created, DemandReport report) {
        DemandItem same = created.stream().filter(c -> c.getKind() == before.getKind() && c.getName().equals(before.getName()))
                .findFirst().orElse(null);
        if (same == null) {
            items.update(null, new com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper<DemandItem>()
                    .set(DemandItem::getReportId, report.getId()).eq(DemandItem::getId, before.getId()));
            return java.util.Optional.of(before);
        }
        items.update(null, new com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper<DemandItem>()
                .set(DemandItem::getDeliveredQuantity, before.getDeliveredQuantity())
                .set(before.getClosedAt() != null, DemandItem::getClosedAt, before.getClosedAt())
                .set(before.getClosedAt() != null, DemandItem::getClosedBy, before.getClosedBy())
                .set(before.getClosedAt() != null, DemandItem::getCloseNote, before.getCloseNote())
                .eq(DemandItem::getId, same.getId()));
        fulfilments.update(null, new com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper<DemandFulfilment>()
                .set(DemandFulfilment::getItemId, same.getId()).eq(DemandFulfilment::getItemId, before.getId()));
        items.update(null, new com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper<DemandItem>()
                .set(DemandItem::getDeliveredQuantity, 0).eq(DemandItem::getId, before.getId()));
        return java.util.Optional.empty();
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
    public ItemView recordDelivery(long teamId, long itemId, RecordDeliveryRequest r, long staffId) {
        DemandItem item = item(teamId, itemId);
        if (item.getKind() != DemandText.Kind.SUPPLY) {
            throw org.qingnuan.shared.error.DomainException.onField(org.qingnuan.api.error.CommonError.VALIDATION_FAILED,
                    "quantity", "这是一项非物资需求，没有数量可记录；办妥后请点“办结”");
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
        return ItemView.of(items.selectById(itemId));
    }

    public record CloseItemRequest(
            @jakarta.validation.constraints.Size(max = 100, message = "说明最多 100 个字")
            @org.qingnuan.api.validation.PlainText String note) {
    }

    /**
     * Closes an item no delivery closes: a need in words that was met (心理疏导 arranged), or a supply no longer
     * needed. Closing twice keeps the first closing.
     */
    @org.springframework.transaction.annotation.Transactional
    public ItemView close(long teamId, long itemId, CloseItemRequest r, long staffId) {
        DemandItem item = item(teamId, itemId);
        String note = r == null || r.note() == null || r.note().isBlank() ? null : r.note().trim();
        if (items.update(null, new com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper<DemandItem>()
                .set(DemandItem::getClosedAt, java.time.LocalDateTime.now(clock)).set(DemandItem::getClosedBy, staffId)
                .set(DemandItem::getCloseNote, note).eq(DemandItem::getId, itemId).isNull(DemandItem::getClosedAt)) == 1) {
            auditTrail.record("DEMAND_ITEM_CLOSED", "MEDICAL_TEAM", teamId, item.getOrgId(), java.util.Map.of("itemId", itemId));
        }
        return ItemView.of(items.selectById(itemId));
    }

    private DemandItem item(long teamId, long itemId) {
        teamService.get(teamId);
        DemandItem item = items.selectById(itemId);
        if (item == null || !item.getTeamId().equals(teamId)) {
            throw new org.qingnuan.shared.error.DomainException(org.qingnuan.api.error.CommonError.NOT_FOUND);
        }
        return item;
    }

    /** Where an item stands, as staff read it. */
    public enum ItemStatus {
        OPEN("待办"), IN_PROGRESS("部分送达"), DELIVERED("已送达"), OVER_DELIVERED("超量送达"), CLOSED("已办结");

        private final String label;

        ItemStatus(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One item as staff see it.
     *
     * @param overDelivered how much more arrived than was asked for (220 of 200 → 20); 0 when not over
     */
    public record ItemView(long id, long reportId, DemandText.Kind kind, String name, Integer quantity, String unit, String spec,
                           org.qingnuan.api.ticket.Urgency urgency, int deliveredQuantity, int overDelivered, ItemStatus status,
                           String statusLabel, java.time.LocalDateTime closedAt, String closeNote) {

        static ItemView of(DemandItem i) {
            int delivered = i.getDeliveredQuantity() == null ? 0 : i.getDeliveredQuantity();
            int over = i.getKind() == DemandText.Kind.SUPPLY && i.getQuantity() != null ? Math.max(0, delivered - i.getQuantity()) : 0;
            ItemStatus status;
            if (i.getClosedAt() != null) {
                status = ItemStatus.CLOSED;
            } else if (over > 0) {
                status = ItemStatus.OVER_DELIVERED;
            } else if (i.getKind() == DemandText.Kind.SUPPLY && i.getQuantity() != null && delivered >= i.getQuantity()) {
                status = ItemStatus.DELIVERED;
            } else if (delivered > 0) {
                status = ItemStatus.IN_PROGRESS;
            } else {
                status = ItemStatus.OPEN;
            }
            return new ItemView(i.getId(), i.getReportId(), i.getKind(), i.getName(), i.getQuantity(), i.getUnit(), i.getSpec(),
                    i.getUrgency(), delivered, over, status, status.label(), i.getClosedAt(), i.getCloseNote());
        }
    }

    public List<DemandFulfilment> deliveriesOf(long teamId, long itemId) {
        teamService.get(teamId);
        return fulfilments.selectList(new LambdaQueryWrapper<DemandFulfilment>().eq(DemandFulfilment::getItemId, itemId)
                .eq(DemandFulfilment::getTeamId, teamId).orderByAsc(DemandFulfilment::getId));
    }

    /**
     * @param corrections how many earlier reports of the same lead corrections replaced that day (0: none); those are
     *                    not listed, so each item shows once
     */
    public record ReportView(long id, LocalDate date, DemandReport.Source source, String text, java.time.LocalDateTime sentAt,
                             int corrections, List<ItemView> items) {
    }

    /** The same lead's reports of that day that corrections replaced, up to this one. */
    private int corrections(DemandReport r) {
        if (r.getReporterOpenId() == null) {
            return 0;
        }
        return Math.toIntExact(reports.selectCount(new LambdaQueryWrapper<DemandReport>().eq(DemandReport::getTeamId, r.getTeamId())
                .eq(DemandReport::getReportDate, r.getReportDate()).eq(DemandReport::getReporterOpenId, r.getReporterOpenId())
                .isNotNull(DemandReport::getReplacedBy).lt(DemandReport::getId, r.getId())));
    }

    /** A team's current reports (jurisdiction applies), newest first; reports replaced by a correction are left out. */
    public List<ReportView> of(long teamId) {
        teamService.get(teamId);
        return reports.selectList(new LambdaQueryWrapper<DemandReport>().eq(DemandReport::getTeamId, teamId)
                        .isNull(DemandReport::getReplacedBy).orderByDesc(DemandReport::getId).last("LIMIT 100")).stream()
                .map(r -> new ReportView(r.getId(), r.getReportDate(), r.getSource(), r.getRawText(), r.getCreatedAt(),
                        corrections(r),
                        items.selectList(new LambdaQueryWrapper<DemandItem>().eq(DemandItem::getReportId, r.getId())
                                .orderByAsc(DemandItem::getId)).stream().map(ItemView::of).toList()))
                .toList();
    }
}
