package org.qingnuan.registry.excel;

import cn.idev.excel.FastExcel;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.qingnuan.registry.HospitalLevel;
import org.qingnuan.registry.HospitalRequests.SaveHospitalRequest;
import org.qingnuan.registry.HospitalService;
import org.qingnuan.registry.RegistryError;
import org.qingnuan.shared.error.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hospitals from a sheet (seed 003: 77 hospitals in Chongqing, one form each was tedium): one row per
 * hospital — 医院名称, 所在城市, 区县, 隶属层级, 是否定点收治. Each row is created as the form would
 * (same checks, same responsible-league rule); a name already registered is left as it is, so the same
 * sheet can come again. Errors are reported by row and column; with errors, or on a dry run, nothing is saved.
 */
@Service
public class HospitalImport {

    public static final List<String> COLUMNS = List.of("医院名称", "所在城市", "区县", "隶属层级", "是否定点收治");
    static final int MAX_ROWS = 2_000;
    private static final Map<String, Integer> COLUMN_OF_FIELD = Map.of("name", 0, "city", 1, "district", 2, "level", 3,
            "designated", 4, "orgId", 3);

    private final HospitalService hospitals;
    private final Validator validator;

    HospitalImport(HospitalService hospitals, Validator validator) {
        this.hospitals = hospitals;
        this.validator = validator;
    }

    /**
     * @param created  hospitals added
     * @param existing rows naming a hospital already registered (left unchanged)
     */
    public record Report(boolean committed, boolean dryRun, int rows, int created, int existing,
                         List<WorkerImportReport.RowError> errors) {
    }

    /** The sheet to fill in: the head row, one example, drop-down lists for 隶属层级 and 是否定点收治. */
    public void template(OutputStream out) {
        try (Workbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("医院");
            Row head = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                head.createCell(c).setCellValue(COLUMNS.get(c));
                sheet.setColumnWidth(c, 256 * (c == 0 ? 32 : 14));
            }
            Row example = sheet.createRow(1);
            List<String> values = List.of("（示例，导入前请删除）某某区人民医院", "重庆市", "万州区", HospitalLevel.COUNTY_RUN.label(), "是");
            for (int c = 0; c < values.size(); c++) {
                example.createCell(c).setCellValue(values.get(c));
            }
            DataValidationHelper helper = sheet.getDataValidationHelper();
            String[] levels = Arrays.stream(HospitalLevel.values()).map(HospitalLevel::label).toArray(String[]::new);
            for (int[] col : new int[][]{{3}, {4}}) {
                DataValidation v = helper.createValidation(col[0] == 3 ? helper.createExplicitListConstraint(levels)
                                : helper.createExplicitListConstraint(new String[]{"是", "否"}),
                        new CellRangeAddressList(1, MAX_ROWS, col[0], col[0]));
                v.setShowErrorBox(true);
                v.createErrorBox(COLUMNS.get(col[0]), "请从下拉列表中选择");
                sheet.addValidationData(v);
            }
            book.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Transactional
    public Report importSheet(InputStream in, boolean validOnly, boolean dryRun) {
        List<Map<Integer, String>> rows;
        try {
            rows = FastExcel.read(in).sheet(0).headRowNumber(1).doReadSync();
        } catch (RuntimeException e) {
            throw new DomainException(RegistryError.IMPORT_FILE_UNREADABLE);
        }
        List<WorkerImportReport.RowError> errors = new ArrayList<>();
        Map<String, Integer> firstRowOfName = new HashMap<>();
        int created = 0;
        int existing = 0;
        int read = 0;
        for (int i = 0; i < rows.size(); i++) {
            Map<Integer, String> cells = rows.get(i);
            if (cells.values().stream().allMatch(v -> v == null || v.isBlank())) {
                continue;
            }
            if (++read > MAX_ROWS) {
                throw new DomainException(RegistryError.IMPORT_TOO_MANY_ROWS);
            }
            int row = i + 2;
            List<WorkerImportReport.RowError> rowErrors = new ArrayList<>();
            String levelText = cell(cells, 3);
            HospitalLevel level = HospitalLevel.fromLabel(levelText);
            if (levelText != null && level == null) {
                rowErrors.add(error(row, 3, "隶属层级应为部属、省属、市属或县（区）属"));
            }
            String designatedText = cell(cells, 4);
            if (designatedText != null && !designatedText.equals("是") && !designatedText.equals("否")) {
                rowErrors.add(error(row, 4, "应填“是”或“否”"));
            }
            SaveHospitalRequest request = new SaveHospitalRequest(cell(cells, 0), cell(cells, 1), cell(cells, 2), level,
                    "是".equals(designatedText), null, null);
            for (ConstraintViolation<SaveHospitalRequest> v : validator.validate(request)) {
                String field = v.getPropertyPath().toString();
                if (!(field.equals("level") && levelText != null)) {
                    rowErrors.add(error(row, COLUMN_OF_FIELD.getOrDefault(field, 0), v.getMessage()));
                }
            }
            if (rowErrors.isEmpty()) {
                Integer first = firstRowOfName.putIfAbsent(request.name(), row);
                if (first != null) {
                    rowErrors.add(error(row, 0, "与第 " + first + " 行是同一家医院"));
                } else if (hospitals.nameTaken(request.name())) {
                    existing++;
                } else {
                    // checked outside the creating transaction: a refusal thrown inside it would doom the whole import
                    try {
                        hospitals.checkCreate(request);
                    } catch (DomainException e) {
                        String message = e.fieldErrors().isEmpty() ? e.userMessage() : e.fieldErrors().get(0).message();
                        String field = e.fieldErrors().isEmpty() ? "orgId" : e.fieldErrors().get(0).field();
                        rowErrors.add(error(row, COLUMN_OF_FIELD.getOrDefault(field, 3), message));
                    }
                    if (rowErrors.isEmpty()) {
                        hospitals.create(request);
                        created++;
                    }
                }
            }
            errors.addAll(rowErrors);
        }
        boolean refused = !errors.isEmpty() && !validOnly;
        if (dryRun || refused) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return new Report(false, dryRun, read, dryRun ? created : 0, existing, errors);
        }
        return new Report(true, false, read, created, existing, errors);
    }

    private static String cell(Map<Integer, String> cells, int column) {
        String v = cells.get(column);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static WorkerImportReport.RowError error(int row, int column, String message) {
        return new WorkerImportReport.RowError(row, COLUMNS.get(column), message);
    }
}
