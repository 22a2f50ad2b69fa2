package org.qingnuan.ledger.excel;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.write.metadata.WriteSheet;
import cn.idev.excel.write.style.column.SimpleColumnWidthStyleStrategy;
import org.qingnuan.api.paging.PageQuery;
import org.qingnuan.api.paging.PageView;
import org.qingnuan.api.ticket.TicketView;
import org.qingnuan.ledger.Ledger;

import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The ledger as the league keeps it on paper: sheet 1 the day's figures (序号, 项目, 数量, 说明) under a
 * title naming the unit and the day, sheet 2 the day's new requests, personal data masked. Written with the
 * registry's conventions (merged multi-line head, fixed column widths, page-by-page rows).
 */
public final class LedgerWorkbook {

    /** the pagination interceptor caps pages at 500 rows */
    private static final int PAGE = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private LedgerWorkbook() {
    }

    /** @param dayTickets pages of the day's new requests (masked list rows) */
    public static void write(Ledger ledger, LocalDateTime now, Function<PageQuery, PageView<TicketView>> dayTickets,
                             OutputStream out) {
        try (ExcelWriter writer = FastExcel.write(out).registerWriteHandler(new SimpleColumnWidthStyleStrategy(16)).build()) {
            writeFigures(writer, ledger, now);
            writeTickets(writer, ledger, dayTickets);
        }
    }

    private static void writeFigures(ExcelWriter writer, Ledger l, LocalDateTime now) {
        String title = "工作台账";
        String line = "单位：" + l.orgName() + "    日期：" + l.date().getYear() + "年" + l.date().getMonthValue() + "月"
                + l.date().getDayOfMonth() + "日    " + (l.live() ? "（实时数据，截至 " + TIME.format(now) + "）" : "（日终存档）");
        List<List<String>> head = new ArrayList<>();
        for (String column : List.of("序号", "项目", "数量", "说明")) {
            head.add(List.of(title, line, column));
        }
        List<List<Object>> rows = new ArrayList<>();
        int seq = 0;
        rows.add(row(++seq, "新增需求", l.newTotal(), "当天登记的求助（含小程序提交、热线等受理登记）"));
        for (Ledger.Count c : l.newByCategory()) {
            rows.add(row(null, "  其中：" + c.label(), c.count(), "按类别"));
        }
        for (Ledger.Count c : l.newByChannel()) {
            rows.add(row(null, "  其中：" + c.label(), c.count(), "按来源"));
        }
        rows.add(row(++seq, "受理", l.accepted(), "当天受理的求助"));
        rows.add(row(++seq, "派单转介", l.dispatched(), "当天派给承办单位的求助"));
        rows.add(row(++seq, "认领/指派", l.claimed(), "当天由志愿者认领或指派志愿者的求助"));
        rows.add(row(++seq, "办结", l.done(), "当天完成服务的求助"));
        rows.add(row(++seq, "家属确认", l.confirmed(), "当天家属确认、回访确认或自动确认的求助"));
        rows.add(row(++seq, "超时", l.overdue(), "当天发现超过期限或停留过久的求助"));
        rows.add(row(++seq, "日终未办结", l.openAtEnd(), "当天结束时仍在办理中的求助（今天为当前数）"));
        rows.add(row(++seq, "首次响应时长中位数（分钟）", number(l.medianFirstResponseMinutes()), "当天受理的求助，从提交到受理"));
        rows.add(row(++seq, "办结时长中位数（分钟）", number(l.medianDoneMinutes()), "当天办结的求助，从提交到办结"));
        rows.add(row(++seq, "平均满意度（星）", number(l.averageRating()), "当天确认并打分的求助，共 " + l.ratedCount() + " 条评分"));
        WriteSheet sheet = FastExcel.writerSheet(0, "台账").head(head).build();
        writer.write(rows, sheet);
    }

    private static void writeTickets(ExcelWriter writer, Ledger l, Function<PageQuery, PageView<TicketView>> dayTickets) {
        String title = "当日新增需求明细（个人信息已脱敏）";
        List<List<String>> head = new ArrayList<>();
        for (String column : List.of("序号", "编号", "类别", "来源", "紧急程度", "状态", "区县", "需求摘要", "服务地址", "联系电话", "登记时间")) {
            head.add(List.of(title, column));
        }
        WriteSheet sheet = FastExcel.writerSheet(1, "需求明细").head(head).build();
        int seq = 0;
        for (int page = 1; ; page++) {
            List<TicketView> items = dayTickets.apply(new PageQuery(page, PAGE)).items();
            List<List<Object>> rows = new ArrayList<>(items.size());
            for (TicketView t : items) {
                rows.add(List.of(++seq, t.id(), t.categoryLabel(), t.channelLabel(), t.urgencyLabel(), t.statusLabel(),
                        nz(t.district()), nz(t.description()), nz(t.address()), nz(t.contactPhone()), TIME.format(t.createdAt())));
            }
            // an empty day still gets its head row
            writer.write(rows, sheet);
            if (items.size() < PAGE) {
                break;
            }
        }
    }

    private static List<Object> row(Integer seq, String item, Object value, String note) {
        List<Object> row = new ArrayList<>(4);
        row.add(seq == null ? "" : seq);
        row.add(item);
        row.add(value);
        row.add(note);
        return row;
    }

    private static Object number(Double value) {
        return value == null ? "—" : value;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
