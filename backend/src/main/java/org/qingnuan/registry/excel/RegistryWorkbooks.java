package org.qingnuan.registry.excel;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.write.metadata.WriteSheet;
import cn.idev.excel.write.style.column.SimpleColumnWidthStyleStrategy;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.qingnuan.api.paging.PageQuery;
import org.qingnuan.registry.BatchList;
import org.qingnuan.registry.DistrictStatistics;
import org.qingnuan.registry.HospitalService;
import org.qingnuan.registry.MedicalWorkerService;
import org.qingnuan.registry.WorkerRequests.WorkerQuery;
import org.qingnuan.registry.WorkerView;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes the registry's Excel files: the import template, the registry export, the district table (annex 1). */
@Component
public class RegistryWorkbooks {

    /** the pagination interceptor caps pages at 500 rows */
    private static final int EXPORT_PAGE = 500;
    /** rows of the template that get the drop-down lists (the import takes up to 20,000) */
    private static final int VALIDATED_ROWS = WorkerImport.MAX_ROWS;
    private static final String OPTIONS_SHEET = "选项";

    private final MedicalWorkerService workers;
    private final HospitalService hospitals;
    private final WorkerImport importer;
    private final BatchList batches;
    private final Clock clock;

    RegistryWorkbooks(MedicalWorkerService workers, HospitalService hospitals, WorkerImport importer,
                      BatchList batches, Clock clock) {
        this.workers = workers;
        this.hospitals = hospitals;
        this.importer = importer;
        this.batches = batches;
        this.clock = clock;
    }

    /**
     * The empty sheet to fill in, laid out like seed 003 annex 2, with one example row and Excel drop-down
     * lists (data validation) for 性别, 是否支援湖北, 批次, 医院 and 区县. The long lists (hospitals, the
     * caller's districts) live on a hidden sheet: an inline list is limited to 255 characters.
     */
    public void template(OutputStream out) {
        List<String> hospitalNames = hospitals.options().stream().map(HospitalService.Option::name).toList();
        List<String> districts = importer.districtNames();
        try (Workbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("一线医护人员");
            Styles styles = new Styles(book);
            int last = WorkerSheet.COLUMNS.size() - 1;
            text(sheet.createRow(0), 0, WorkerSheet.TITLE, styles.title);
            text(sheet.createRow(1), 0, WorkerSheet.FILLER_LINE, null);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, last));
            Row head = sheet.createRow(2);
            for (int c = 0; c <= last; c++) {
                text(head, c, WorkerSheet.COLUMNS.get(c), styles.head);
                sheet.setColumnWidth(c, 256 * (c == WorkerSheet.HOSPITAL || c == WorkerSheet.HOME_ADDRESS
                        || c == WorkerSheet.FRONTLINE_LOCATION || c == WorkerSheet.ID_NUMBER ? 26 : 14));
            }
            List<Object> example = List.of(1, "（示例，导入前请删除）某某医院", "张三", "女", "护士长",
                    "湖北省武汉市某某医院 ICU", "广州市天河区某某路 1 号", "13800000000", "13900000000", "", "",
                    "", "是", batches.labels().get(0), "23.1291", "113.2644", districts.isEmpty() ? "" : districts.get(0), "");
            Row row = sheet.createRow(WorkerSheet.HEADER_ROWS);
            for (int c = 0; c < example.size(); c++) {
                if (example.get(c) instanceof Integer n) {
                    row.createCell(c).setCellValue(n);
                } else {
                    text(row, c, (String) example.get(c), null);
                }
            }

            Sheet options = book.createSheet(OPTIONS_SHEET);
            String hospitalsRange = optionColumn(options, 0, hospitalNames);
            String districtsRange = optionColumn(options, 1, districts);
            String batchesRange = optionColumn(options, 2, batches.labels());
            book.setSheetHidden(book.getSheetIndex(options), true);

            DataValidationHelper helper = sheet.getDataValidationHelper();
            dropDown(sheet, helper, WorkerSheet.GENDER, helper.createExplicitListConstraint(new String[]{"男", "女"}), "性别");
            dropDown(sheet, helper, WorkerSheet.AIDED_HUBEI, helper.createExplicitListConstraint(new String[]{"是", "否"}), "是否支援湖北");
            if (batchesRange != null) {
                dropDown(sheet, helper, WorkerSheet.BATCH, helper.createFormulaListConstraint(batchesRange), "批次");
            }
            if (hospitalsRange != null) {
                dropDown(sheet, helper, WorkerSheet.HOSPITAL, helper.createFormulaListConstraint(hospitalsRange), "医院");
            }
            if (districtsRange != null) {
                dropDown(sheet, helper, WorkerSheet.DISTRICT, helper.createFormulaListConstraint(districtsRange), "区县");
            }
            book.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String optionColumn(Sheet options, int column, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            Row row = options.getRow(i) != null ? options.getRow(i) : options.createRow(i);
            row.createCell(column).setCellValue(values.get(i));
        }
        if (values.isEmpty()) {
            return null;
        }
        String letter = String.valueOf((char) ('A' + column));
        return "'" + OPTIONS_SHEET + "'!$" + letter + "$1:$" + letter + "$" + values.size();
    }

    private static void dropDown(Sheet sheet, DataValidationHelper helper, int column, DataValidationConstraint constraint,
                                 String title) {
        DataValidation validation = helper.createValidation(constraint, new CellRangeAddressList(
                WorkerSheet.HEADER_ROWS, WorkerSheet.HEADER_ROWS + VALIDATED_ROWS - 1, column, column));
        validation.setShowErrorBox(true);
        validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
        validation.createErrorBox(title, "请从下拉列表中选择");
        sheet.addValidationData(validation);
    }

    /**
     * The caller's registry, page by page so that large exports stay small in memory. Masked unless
     * {@code clearReason} is given: then every exported worker's personal fields are in clear and each is
     * recorded as a disclosure with that reason, like a reveal. 结对志愿者 holds the actual active pairings.
     */
    public void export(WorkerQuery query, String clearReason, OutputStream out) {
        boolean clear = clearReason != null;
        List<String> columns = new ArrayList<>(WorkerSheet.COLUMNS);
        columns.add("登记单位");
        columns.add("状态");
        String line = "导出日期：" + LocalDate.now(clock) + (clear ? "    含个人信息原文，请妥善保管" : "    个人信息已脱敏");
        try (ExcelWriter writer = FastExcel.write(out).head(WorkerSheet.head(columns, WorkerSheet.TITLE, line))
                .registerWriteHandler(new SimpleColumnWidthStyleStrategy(18)).build()) {
            WriteSheet sheet = FastExcel.writerSheet("一线医护人员").build();
            int seq = 0;
            for (int page = 1; ; page++) {
                List<WorkerView> rows = workers.exportPage(query, new PageQuery(page, EXPORT_PAGE), clearReason);
                if (rows.isEmpty()) {
                    break;
                }
                Map<Long, String> partners = workers.pairedPartners(rows.stream().map(WorkerView::id).toList(), clear);
                Map<Long, String> districtOfOrg = importer.districtNamesOf(rows.stream().map(WorkerView::orgId).toList());
                List<List<Object>> data = new ArrayList<>(rows.size());
                for (WorkerView w : rows) {
                    String paired = partners.getOrDefault(w.id(), nz(w.pairedVolunteer()));
                    data.add(List.of(++seq, nz(w.hospitalName()), w.name(), w.genderLabel(), nz(w.position()),
                            nz(w.frontlineLocation()), nz(w.homeAddress()), nz(w.ownPhone()), nz(w.familyPhone()),
                            paired, clear ? nz(w.notes()) : w.hasNotes() ? "（有备注，已隐藏）" : "", nz(w.teamName()),
                            w.aidedHubei() ? "是" : "否", nz(w.batchLabel()), "", "",
                            nz(districtOfOrg.get(w.orgId())), clear ? nz(w.idNumber()) : w.hasIdNumber() ? "（已隐藏）" : "",
                            nz(w.orgName()), w.withdrawnAt() == null ? "在册" : "已撤出：" + nz(w.withdrawReason())));
                }
                writer.write(data, sheet);
                if (rows.size() < EXPORT_PAGE) {
                    break;
                }
            }
        }
    }

    /**
     * Seed 003 annex 1 as it is handed in: the region in the title, the 截至 line, 序号 as numbers (the
     * districts 1, 2, …; "（本级）" rows unnumbered after them), 区县, 共计 and each configured batch as
     * 总人数 / 其中：支援湖北, 备注, every cell bordered, columns wide enough for the longest county name.
     */
    public void districtTable(DistrictStatistics.Table table, OutputStream out) {
        List<String> groups = new ArrayList<>();
        groups.add("共计");
        groups.addAll(table.batchLabels());
        int columns = 2 + 2 * groups.size() + 1;
        try (Workbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("统计表");
            Styles styles = new Styles(book);
            text(sheet.createRow(0), 0, table.title(), styles.title);
            LocalDate d = table.asOf();
            text(sheet.createRow(1), 0, "（截至" + d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日）",
                    styles.centred);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, columns - 1));
            Row top = sheet.createRow(2);
            Row sub = sheet.createRow(3);
            for (int c = 0; c < columns; c++) {
                text(top, c, "", styles.head);
                text(sub, c, "", styles.head);
            }
            top.getCell(0).setCellValue("序号");
            top.getCell(1).setCellValue("区县");
            top.getCell(columns - 1).setCellValue("备注");
            for (int c : new int[]{0, 1, columns - 1}) {
                sheet.addMergedRegion(new CellRangeAddress(2, 3, c, c));
            }
            for (int g = 0; g < groups.size(); g++) {
                int c = 2 + 2 * g;
                top.getCell(c).setCellValue(groups.get(g));
                sheet.addMergedRegion(new CellRangeAddress(2, 2, c, c + 1));
                sub.getCell(c).setCellValue("总人数");
                sub.getCell(c + 1).setCellValue("其中：支援湖北");
            }
            int r = 4;
            int longest = 4;
            for (DistrictStatistics.Row row : table.rows()) {
                dataRow(sheet.createRow(r++), row, columns, styles);
                longest = Math.max(longest, row.district().length());
            }
            dataRow(sheet.createRow(r), table.total(), columns, styles);
            sheet.setColumnWidth(0, 256 * 6);
            // CJK characters are about two columns wide
            sheet.setColumnWidth(1, 256 * Math.min(60, 2 * longest + 4));
            for (int c = 2; c < columns - 1; c++) {
                sheet.setColumnWidth(c, 256 * (c % 2 == 0 ? 10 : 16));
            }
            sheet.setColumnWidth(columns - 1, 256 * 16);
            book.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void dataRow(Row out, DistrictStatistics.Row row, int columns, Styles styles) {
        Cell seq = out.createCell(0);
        seq.setCellStyle(styles.number);
        if (row.seq() != null) {
            seq.setCellValue(row.seq());
        }
        text(out, 1, row.district(), styles.cell);
        int c = 2;
        List<DistrictStatistics.Counts> all = new ArrayList<>();
        all.add(row.overall());
        all.addAll(row.batches());
        for (DistrictStatistics.Counts counts : all) {
            number(out, c++, counts.total(), styles.number);
            number(out, c++, counts.aidedHubei(), styles.number);
        }
        text(out, columns - 1, "", styles.cell);
    }

    private static void number(Row row, int column, long value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /** The few cell styles the two hand-in sheets use: thin borders all round, centred heads, a bold title. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle centred;
        final CellStyle head;
        final CellStyle cell;
        final CellStyle number;

        Styles(Workbook book) {
            Font bold = book.createFont();
            bold.setBold(true);
            Font big = book.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 16);
            title = book.createCellStyle();
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setFont(big);
            centred = book.createCellStyle();
            centred.setAlignment(HorizontalAlignment.CENTER);
            head = bordered(book);
            head.setAlignment(HorizontalAlignment.CENTER);
            head.setVerticalAlignment(VerticalAlignment.CENTER);
            head.setWrapText(true);
            head.setFont(bold);
            cell = bordered(book);
            number = bordered(book);
            number.setAlignment(HorizontalAlignment.CENTER);
        }

        private static CellStyle bordered(Workbook book) {
            CellStyle style = book.createCellStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
