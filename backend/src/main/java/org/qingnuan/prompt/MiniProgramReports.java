package org.qingnuan.prompt;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import org.qingnuan.api.mini.MiniUserView.RoleKind;
import org.qingnuan.api.report.DemandReportRequest;
import org.qingnuan.api.report.DemandReportView;
import org.qingnuan.api.ticket.Urgency;
import org.qingnuan.identity.UserPrincipal;
import org.qingnuan.prompt.internal.DemandItemMapper;
import org.qingnuan.prompt.internal.DemandReportMapper;
import org.qingnuan.registry.FamilyDirectory;
import org.qingnuan.registry.MedicalTeam;
import org.qingnuan.shared.error.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Demand reports sent from the mini-program's report page (the page the daily prompt opens) by a
 * user holding TEAM_CONTACT for the team. They land in the same ledger as replies to the official
 * account, and count as "reported" for the day's prompt.
 */
@Service
public class MiniProgramReports {

    private static final int RECENT_DAYS = 14;

    private final DemandReportMapper reports;
    private final DemandItemMapper items;
    private final FamilyDirectory directory;
    private final Clock clock;

    MiniProgramReports(DemandReportMapper reports, DemandItemMapper items, FamilyDirectory directory, Clock clock) {
        this.reports = reports;
        this.items = items;
        this.directory = directory;
        this.clock = clock;
    }

    @Transactional
    public DemandReportView report(UserPrincipal user, long teamId, DemandReportRequest request) {
        MedicalTeam team = teamOf(user, teamId);
        DemandReport report = new DemandReport();
        report.setTeamId(teamId);
        report.setOrgId(team.getOrgId());
        report.setReportDate(LocalDate.now(clock));
        report.setSource(DemandReport.Source.MINI_PROGRAM);
        report.setReporterUserId(user.userId());
        report.setRawText(summary(request));
        reports.insert(report);
        if (request.supplies() != null) {
            for (DemandReportRequest.Supply s : request.supplies()) {
                insert(report, team, DemandText.Kind.SUPPLY, s.name().trim(), s.quantity(), blankToNull(s.unit()),
                        blankToNull(s.spec()), s.urgency() == null ? Urgency.NORMAL : s.urgency());
            }
        }
        if (request.needs() != null) {
            for (String need : request.needs()) {
                insert(report, team, DemandText.Kind.OTHER, need.trim(), null, null, null, null);
            }
        }
        return view(report);
    }

    public List<DemandReportView> recent(UserPrincipal user, long teamId) {
        teamOf(user, teamId);
        return reports.selectList(new LambdaQueryWrapper<DemandReport>().eq(DemandReport::getTeamId, teamId)
                        .ge(DemandReport::getReportDate, LocalDate.now(clock).minusDays(RECENT_DAYS))
                        .isNull(DemandReport::getReplacedBy)
                        .orderByDesc(DemandReport::getId))
                .stream().map(this::view).toList();
    }

    private MedicalTeam teamOf(UserPrincipal user, long teamId) {
        boolean contact = user.grants().stream().anyMatch(g -> g.role() == RoleKind.TEAM_CONTACT && g.subjectId() == teamId);
        if (!contact) {
            throw new DomainException(ReportError.NOT_TEAM_CONTACT);
        }
        return directory.team(teamId).orElseThrow(() -> new DomainException(ReportError.NOT_TEAM_CONTACT));
    }

    private void insert(DemandReport report, MedicalTeam team, DemandText.Kind kind, String name, Integer quantity,
                        String unit, String spec, Urgency urgency) {
        DemandItem item = new DemandItem();
        item.setReportId(report.getId());
        item.setTeamId(team.getId());
        item.setOrgId(team.getOrgId());
        item.setKind(kind);
        item.setName(name);
        item.setQuantity(quantity);
        item.setUnit(unit);
        item.setSpec(spec);
        item.setUrgency(urgency);
        item.setDeliveredQuantity(0);
        items.insert(item);
    }

    private DemandReportView view(DemandReport report) {
        List<DemandReportView.Item> list = items.selectList(new LambdaQueryWrapper<DemandItem>()
                        .eq(DemandItem::getReportId, report.getId()).orderByAsc(DemandItem::getId)).stream()
                .map(i -> new DemandReportView.Item(i.getId(), i.getKind().name(), i.getName(), i.getQuantity(), i.getUnit(),
                        i.getSpec(), i.getUrgency(), i.getDeliveredQuantity() == null ? 0 : i.getDeliveredQuantity()))
                .toList();
        return new DemandReportView(report.getId(), report.getTeamId(), report.getReportDate(), report.getSource().name(), list);
    }

    /** The report as one line, like a reply to the official account, for staff reading the raw text. */
    private static String summary(DemandReportRequest r) {
        String supplies = r.supplies() == null ? "" : r.supplies().stream()
                .map(s -> s.name() + " " + s.quantity() + (s.unit() == null ? "" : s.unit())
                        + (s.spec() == null || s.spec().isBlank() ? "" : "（" + s.spec() + "）"))
                .collect(Collectors.joining("；"));
        String needs = r.needs() == null ? "" : String.join("；", r.needs());
        String text = "小程序报告：" + supplies + (supplies.isEmpty() || needs.isEmpty() ? "" : "；") + needs;
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
