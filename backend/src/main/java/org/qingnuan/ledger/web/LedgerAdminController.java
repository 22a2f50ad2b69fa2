package org.qingnuan.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.qingnuan.api.paging.PageQuery;
import org.qingnuan.api.paging.PageView;
import org.qingnuan.api.ticket.TicketView;
import org.qingnuan.ledger.Ledger;
import org.qingnuan.ledger.Ledgers;
import org.qingnuan.ledger.excel.LedgerWorkbook;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** The daily ledger (工作台账): any staff role reads it, for their subtree or an org inside it. */
@Tag(name = "工作台账")
@RestController
@RequestMapping("/api/admin/ledger")
class LedgerAdminController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Ledgers ledgers;
    private final Clock clock;

    LedgerAdminController(Ledgers ledgers, Clock clock) {
        this.ledgers = ledgers;
        this.clock = clock;
    }

    @Operation(summary = "某天的工作台账：新增需求（按类别、来源）、受理、派单、认领、办结、确认、超时、日终未办结、响应与办结时长中位数、平均满意度；默认今天、本单位")
    @GetMapping
    Ledger ledger(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                  @RequestParam(required = false) Long orgId) {
        return ledgers.ledger(date, orgId);
    }

    @Operation(summary = "台账某个数字背后的求助（列表行，个人信息已脱敏）；figure: new、accepted、dispatched、claimed、done、confirmed、overdue、openAtEnd、category:类别、channel:来源")
    @GetMapping("/drill")
    PageView<TicketView> drill(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                               @RequestParam(required = false) Long orgId, @RequestParam String figure,
                               @Valid PageQuery paging) {
        return ledgers.drill(date, orgId, figure, paging);
    }

    @Operation(summary = "下载台账 Excel：第 1 页台账数字，第 2 页当日新增需求明细（已脱敏）")
    @GetMapping("/excel")
    void excel(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
               @RequestParam(required = false) Long orgId, HttpServletResponse response) throws IOException {
        Ledger ledger = ledgers.ledger(date, orgId);
        String filename = "工作台账-" + ledger.orgName() + "-" + ledger.date() + ".xlsx";
        response.setContentType(XLSX);
        // RFC 5987 for the Chinese name, with a plain fallback for old clients
        response.setHeader("Content-Disposition", "attachment; filename=\"ledger-" + ledger.date() + ".xlsx\"; filename*=UTF-8''"
                + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20"));
        LedgerWorkbook.write(ledger, LocalDateTime.now(clock),
                page -> ledgers.drill(ledger.date(), ledger.orgId(), "new", page), response.getOutputStream());
    }

    @Operation(summary = "最近若干天（默认 14 天）的趋势：新增、办结、确认、超时、日终未办结")
    @GetMapping("/trend")
    List<Ledger.TrendPoint> trend(@RequestParam(defaultValue = "14") int days, @RequestParam(required = false) Long orgId) {
        return ledgers.trend(days, orgId);
    }

    @Operation(summary = "当前在办的求助按状态计数（已完成待确认、已确认、已取消、未受理、已关闭的不计）")
    @GetMapping("/status")
    List<Ledger.StatusCount> status(@RequestParam(required = false) Long orgId) {
        return ledgers.status(orgId);
    }
}
