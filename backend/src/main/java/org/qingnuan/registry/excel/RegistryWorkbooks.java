package org.qingnuan.registry.excel;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.write.metadata.WriteSheet;
import cn.idev.excel.write.style.column.SimpleColumnWidthStyleStrategy;
import org.qingnuan.api.paging.PageQuery;
import org.qingnuan.registry.DistrictStatistics;
import org.qingnuan.registry.MedicalWorkerService;
import org.qingnuan.registry.WorkerRequests.WorkerQuery;
import org.qingnuan.registry.WorkerView;
import org.springframework.stereotype.Component;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Writes the registry's Excel files: the import template, the registry export, the district table. */
@Component
public class RegistryWorkbooks {

    /** the pagination interceptor caps pages at 500 rows */
    private static final int EXPORT_PAGE = 500;

    private final MedicalWorkerService workers;
    private final DistrictStatistics statistics;

    RegistryWorkbooks(MedicalWorkerService workers, DistrictStatistics statistics) {
        this.workers = workers;
        this.statistics = statistics;
    }

    /** The empty sheet to fill in, laid out like seed 003 annex 2, with one example row. */
    public void template(OutputStream out) {
        List<List<Object>> example = List.of(List.of(1, "（示例，导入前请删除）某某医院", "张三", "女", "护士长",
                "湖北省武汉市某某医院 ICU", "广州市天河区某某路 1 号", "13800000000", "13900000000", "", "",
                "", "是", "第一批", "23.1291", "113.2644"));
        // fixed widths: fitting to the longest cell would size every column to the merged title
        FastExcel.write(out).head(WorkerSheet.head(WorkerSheet.COLUMNS, WorkerSheet.TITLE, WorkerSheet.FILLER_LINE))
                .registerWriteHandler(new SimpleColumnWidthStyleStrategy(18))
                .sheet("一线医护人员").doWrite(example);
    }

    /** The caller's registry, personal fields masked, page by page so that large exports stay small in memory. */
    public void export(WorkerQuery query, OutputStream out) {
        List<String> columns = new ArrayList<>(WorkerSheet.COLUMNS);
        columns.add("登记单位");
        String line = "导出日期：" + LocalDate.now() + "    个人信息已脱敏";
        try (ExcelWriter writer = FastExcel.write(out).head(WorkerSheet.head(columns, WorkerSheet.TITLE, line))
                .registerWriteHandler(new SimpleColumnWidthStyleStrategy(18)).build()) {
            WriteSheet sheet = FastExcel.writerSheet("一线医护人员").build();
            int seq = 0;
            for (int page = 1; ; page++) {
                List<WorkerView> rows = workers.list(query, new PageQuery(page, EXPORT_PAGE)).items();
                if (rows.isEmpty()) {
                    break;
                }
                List<List<Object>> data = new ArrayList<>(rows.size());
                for (WorkerView w : rows) {
                    data.add(List.of(++seq, nz(w.hospitalName()), w.name(), w.genderLabel(), nz(w.position()),
                            nz(w.frontlineLocation()), nz(w.homeAddress()), nz(w.ownPhone()), nz(w.familyPhone()),
                            nz(w.pairedVolunteer()), w.hasNotes() ? "（有备注，已隐藏）" : "", nz(w.teamName()),
                            w.aidedHubei() ? "是" : "否", nz(w.batchLabel()), "", "", nz(w.orgName())));
                }
                writer.write(data, sheet);
                if (rows.size() < EXPORT_PAGE) {
                    break;
                }
            }
        }
    }

    /** Seed 003 annex 1: 序号, 区县, 共计 (总人数, 其中：支援湖北), each batch the same, 备注. */
    public void districtTable(OutputStream out) {
        DistrictStatistics.Table table = statistics.table();
        String title = "一线医护人员信息统计表";
        String asOf = "（截至" + table.asOf().getYear() + "年" + table.asOf().getMonthValue() + "月"
                + table.asOf().getDayOfMonth() + "日）";
        List<List<String>> head = new ArrayList<>();
        head.add(List.of(title, asOf, "序号", "序号"));
        head.add(List.of(title, asOf, "区县", "区县"));
        head.add(List.of(title, asOf, "共计", "总人数"));
        head.add(List.of(title, asOf, "共计", "其中：支援湖北"));
        for (String batch : table.batchLabels()) {
            head.add(List.of(title, asOf, batch, "总人数"));
            head.add(List.of(title, asOf, batch, "其中：支援湖北"));
        }
        head.add(List.of(title, asOf, "备注", "备注"));
        List<List<Object>> data = new ArrayList<>();
        for (DistrictStatistics.Row row : table.rows()) {
            data.add(cells(String.valueOf(row.seq()), row));
        }
        data.add(cells("", table.total()));
        FastExcel.write(out).head(head).registerWriteHandler(new SimpleColumnWidthStyleStrategy(14))
                .sheet("统计表").doWrite(data);
    }

    private static List<Object> cells(String seq, DistrictStatistics.Row row) {
        List<Object> cells = new ArrayList<>();
        cells.add(seq);
        cells.add(row.district());
        cells.add(row.overall().total());
        cells.add(row.overall().aidedHubei());
        for (DistrictStatistics.Counts c : row.batches()) {
            cells.add(c.total());
            cells.add(c.aidedHubei());
        }
        cells.add("");
        return cells;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
