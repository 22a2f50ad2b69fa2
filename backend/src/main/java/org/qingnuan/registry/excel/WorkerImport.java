package org.qingnuan.registry.excel;

import cn.idev.excel.FastExcel;
import cn.idev.excel.context.AnalysisContext;
import cn.idev.excel.metadata.data.ReadCellData;
import cn.idev.excel.read.listener.ReadListener;
import org.qingnuan.jurisdiction.Jurisdiction;
import org.qingnuan.org.OrgService;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.privacy.PersonalDataCipher;
import org.qingnuan.privacy.Phones;
import org.qingnuan.registry.Batches;
import org.qingnuan.registry.Gender;
import org.qingnuan.registry.Hospital;
import org.qingnuan.registry.MedicalTeam;
import org.qingnuan.registry.MedicalWorker;
import org.qingnuan.registry.RegistryError;
import org.qingnuan.registry.internal.HospitalMapper;
import org.qingnuan.registry.internal.MedicalTeamMapper;
import org.qingnuan.registry.internal.MedicalWorkerMapper;
import org.qingnuan.audit.AuditTrail;
import org.qingnuan.api.validation.Patterns;
import org.qingnuan.shared.error.DomainException;
import org.qingnuan.api.error.CommonError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Imports a filled registry sheet ({@link WorkerSheet}). Every row is checked first and every bad
 * cell reported; with errors nothing is saved unless the caller asks for the valid rows only. A
 * medical worker is identified by hospital + name + own phone, so importing the same file again
 * updates the same people instead of creating them twice. The whole import is one transaction.
 */
@Service
public class WorkerImport {

    public static final int MAX_ROWS = 20_000;
    private static final int CHUNK = 1_000;
    private static final Pattern NAME = Pattern.compile(Patterns.NAME);

    private final MedicalWorkerMapper workers;
    private final HospitalMapper hospitals;
    private final MedicalTeamMapper teams;
    private final OrgService orgs;
    private final PersonalDataCipher cipher;
    private final AuditTrail auditTrail;
    private final Clock clock;
    /** qn_registry_import_rows_total{result}: rows of imported sheets, created / updated / skipped / refused */
    private final io.micrometer.core.instrument.MeterRegistry meters;

    WorkerImport(MedicalWorkerMapper workers, HospitalMapper hospitals, MedicalTeamMapper teams, OrgService orgs,
                 PersonalDataCipher cipher, AuditTrail auditTrail, Clock clock,
                 io.micrometer.core.instrument.MeterRegistry meters) {
        this.meters = meters;
        this.workers = workers;
        this.hospitals = hospitals;
        this.teams = teams;
        this.orgs = orgs;
        this.cipher = cipher;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** A row that passed every check, ready to save, with the family's point if the row gave one. */
    private record ValidRow(int row, MedicalWorker worker, BigDecimal latitude, BigDecimal longitude) {
    }

    @Transactional
    public WorkerImportReport importSheet(InputStream in, Long orgId, boolean validOnly) {
        Jurisdiction mine = Jurisdiction.current().orElseThrow(() -> new DomainException(CommonError.UNAUTHENTICATED));
        OrgUnit org = orgs.get(orgId != null ? orgId : mine.orgId());
        List<Map.Entry<Integer, Map<Integer, String>>> rows = read(in);

        Map<String, Hospital> hospitalsByName = hospitals.selectAllUnscoped().stream()
                .collect(Collectors.toMap(Hospital::getName, Function.identity(), (a, b) -> a));
        Map<String, MedicalTeam> teamsByName = teams.selectAllUnscoped().stream()
                .collect(Collectors.toMap(MedicalTeam::getName, Function.identity(), (a, b) -> a));

        List<WorkerImportReport.RowError> errors = new ArrayList<>();
        List<ValidRow> valid = new ArrayList<>();
        Map<String, Integer> firstRowOfIdentity = new HashMap<>();
        for (Map.Entry<Integer, Map<Integer, String>> entry : rows) {
            int row = entry.getKey();
            List<WorkerImportReport.RowError> rowErrors = new ArrayList<>();
            MedicalWorker w = parse(row, entry.getValue(), hospitalsByName, teamsByName, rowErrors);
            BigDecimal[] point = point(new Cells(row, entry.getValue(), rowErrors));
            if (rowErrors.isEmpty()) {
                String identity = w.getHospitalId() + "|" + w.getName() + "|" + w.getOwnPhoneIndex();
                Integer first = firstRowOfIdentity.putIfAbsent(identity, row);
                if (first != null) {
                    rowErrors.add(new WorkerImportReport.RowError(row, "姓名", "与第 " + first + " 行是同一人（医院、姓名、本人电话相同）"));
                }
            }
            if (rowErrors.isEmpty()) {
                w.setOrgId(org.getId());
                valid.add(new ValidRow(row, w, point[0], point[1]));
            } else {
                errors.addAll(rowErrors);
            }
        }

        // people already registered: update ours, refuse those of another jurisdiction
        Map<String, MedicalWorker> existing = new HashMap<>();
        List<String> indexes = valid.stream().map(v -> v.worker().getOwnPhoneIndex()).distinct().toList();
        for (int i = 0; i < indexes.size(); i += CHUNK) {
            workers.selectByOwnPhoneIndexesUnscoped(indexes.subList(i, Math.min(indexes.size(), i + CHUNK)))
                    .forEach(w -> existing.put(w.getHospitalId() + "|" + w.getName() + "|" + w.getOwnPhoneIndex(), w));
        }
        Map<Long, String> pathOfOrg = new HashMap<>();
        List<MedicalWorker> toCreate = new ArrayList<>();
        List<MedicalWorker> toUpdate = new ArrayList<>();
        List<ValidRow> withPoint = new ArrayList<>();
        for (ValidRow v : valid) {
            MedicalWorker w = v.worker();
            MedicalWorker old = existing.get(w.getHospitalId() + "|" + w.getName() + "|" + w.getOwnPhoneIndex());
            if (v.latitude() != null) {
                withPoint.add(v);
            }
            if (old == null) {
                toCreate.add(w);
                continue;
            }
            String oldPath = pathOfOrg.computeIfAbsent(old.getOrgId(), orgs::pathUnscoped);
            if (!mine.covers(oldPath)) {
                errors.add(new WorkerImportReport.RowError(v.row(), "姓名", "此人已由其他辖区登记，请联系上级团委核实"));
                continue;
            }
            w.setId(old.getId());
            w.setOrgId(old.getOrgId());
            w.setVersion(old.getVersion());
            toUpdate.add(w);
        }
        errors.sort((a, b) -> a.row() != b.row() ? Integer.compare(a.row(), b.row())
                : Integer.compare(WorkerSheet.COLUMNS.indexOf(a.column()), WorkerSheet.COLUMNS.indexOf(b.column())));
        int skipped = rows.size() - toCreate.size() - toUpdate.size();
        if (!errors.isEmpty() && !validOnly) {
            return counted(new WorkerImportReport(false, rows.size(), 0, 0, rows.size(), errors));
        }
        for (int i = 0; i < toCreate.size(); i += CHUNK) {
            workers.insert(toCreate.subList(i, Math.min(toCreate.size(), i + CHUNK)));
        }
        for (int i = 0; i < toUpdate.size(); i += CHUNK) {
            workers.updateById(toUpdate.subList(i, Math.min(toUpdate.size(), i + CHUNK)));
        }
        workers.createMissingFamilies(org.getId(), LocalDateTime.now(clock));
        for (ValidRow v : withPoint) {
            // ids of new workers came back from the batch insert
            if (v.worker().getId() != null) {
                workers.placeFamily(v.worker().getId(), v.latitude(), v.longitude());
            }
        }
        auditTrail.record("WORKERS_IMPORTED", "ORG", org.getId(), org.getId(),
                Map.of("rows", rows.size(), "created", toCreate.size(), "updated", toUpdate.size(), "skipped", skipped));
        return counted(new WorkerImportReport(true, rows.size(), toCreate.size(), toUpdate.size(), skipped, errors));
    }

    private WorkerImportReport counted(WorkerImportReport report) {
        meters.counter("qn.registry.import.rows", "result", "created").increment(report.created());
        meters.counter("qn.registry.import.rows", "result", "updated").increment(report.updated());
        meters.counter("qn.registry.import.rows", "result", "skipped").increment(report.skipped());
        meters.counter("qn.registry.import.rows", "result", "refused").increment(
                report.errors().stream().mapToInt(WorkerImportReport.RowError::row).distinct().count());
        return report;
    }

    private MedicalWorker parse(int row, Map<Integer, String> cells, Map<String, Hospital> hospitalsByName,
                                Map<String, MedicalTeam> teamsByName, List<WorkerImportReport.RowError> errors) {
        Cells c = new Cells(row, cells, errors);
        MedicalWorker w = new MedicalWorker();
        String hospitalName = c.required(WorkerSheet.HOSPITAL, "请填写医院");
        if (hospitalName != null) {
            Hospital h = hospitalsByName.get(hospitalName);
            if (h == null) {
                c.error(WorkerSheet.HOSPITAL, "系统中没有名为“" + hospitalName + "”的医院，请先在医院列表中添加，或核对名称");
            } else {
                w.setHospitalId(h.getId());
            }
        }
        String name = c.required(WorkerSheet.NAME, "请填写姓名");
        if (name != null && (name.length() > 32 || !NAME.matcher(name).matches())) {
            c.error(WorkerSheet.NAME, "姓名只能包含文字，最多 32 个字");
        }
        w.setName(name);
        String gender = c.required(WorkerSheet.GENDER, "请填写性别（男/女）");
        if (gender != null) {
            Gender g = Gender.fromLabel(gender);
            if (g == null) {
                c.error(WorkerSheet.GENDER, "性别应填“男”或“女”");
            }
            w.setGender(g);
        }
        w.setPosition(c.text(WorkerSheet.POSITION, 32));
        w.setFrontlineLocation(c.text(WorkerSheet.FRONTLINE_LOCATION, 128));
        w.setHomeAddressSealed(cipher.seal(c.text(WorkerSheet.HOME_ADDRESS, 200)));
        String ownPhone = c.phone(WorkerSheet.OWN_PHONE, true);
        w.setOwnPhoneSealed(cipher.seal(ownPhone));
        w.setOwnPhoneIndex(cipher.blindIndex(ownPhone));
        String familyPhone = c.phone(WorkerSheet.FAMILY_PHONE, false);
        w.setFamilyPhoneSealed(cipher.seal(familyPhone));
        w.setFamilyPhoneIndex(cipher.blindIndex(familyPhone));
        w.setPairedVolunteer(c.text(WorkerSheet.PAIRED_VOLUNTEER, 32));
        w.setNotesSealed(cipher.seal(c.text(WorkerSheet.NOTES, 500)));
        String team = c.value(WorkerSheet.TEAM);
        if (team != null) {
            MedicalTeam t = teamsByName.get(team);
            if (t == null) {
                c.error(WorkerSheet.TEAM, "系统中没有名为“" + team + "”的医疗队，请核对名称或留空");
            } else {
                w.setTeamId(t.getId());
            }
        }
        String hubei = c.value(WorkerSheet.AIDED_HUBEI);
        if (hubei == null || hubei.equals("否")) {
            w.setAidedHubei(false);
        } else if (hubei.equals("是")) {
            w.setAidedHubei(true);
        } else {
            c.error(WorkerSheet.AIDED_HUBEI, "应填“是”或“否”");
        }
        String batch = c.value(WorkerSheet.BATCH);
        if (batch != null) {
            Integer b = Batches.parse(batch);
            if (b == null) {
                c.error(WorkerSheet.BATCH, "批次应写作“第一批”“第二批”或数字");
            }
            w.setBatch(b);
        }
        return w;
    }

    /** The family's point from the two optional columns: both or neither, within range. */
    private static BigDecimal[] point(Cells c) {
        String lat = c.value(WorkerSheet.LATITUDE);
        String lng = c.value(WorkerSheet.LONGITUDE);
        if (lat == null && lng == null) {
            return new BigDecimal[]{null, null};
        }
        if (lat == null || lng == null) {
            c.error(lat == null ? WorkerSheet.LATITUDE : WorkerSheet.LONGITUDE, "纬度和经度要一起填写");
            return new BigDecimal[]{null, null};
        }
        try {
            BigDecimal latitude = new BigDecimal(lat).setScale(6, java.math.RoundingMode.HALF_UP);
            BigDecimal longitude = new BigDecimal(lng).setScale(6, java.math.RoundingMode.HALF_UP);
            if (latitude.abs().compareTo(BigDecimal.valueOf(90)) > 0) {
                c.error(WorkerSheet.LATITUDE, "纬度应在 -90 到 90 之间，如 23.1291");
            } else if (longitude.abs().compareTo(BigDecimal.valueOf(180)) > 0) {
                c.error(WorkerSheet.LONGITUDE, "经度应在 -180 到 180 之间，如 113.2644");
            } else {
                return new BigDecimal[]{latitude, longitude};
            }
        } catch (NumberFormatException e) {
            c.error(WorkerSheet.LATITUDE, "纬度、经度应为数字，如 23.1291、113.2644");
        }
        return new BigDecimal[]{null, null};
    }

    /** Reads data rows with their Excel row numbers (1-based, as Excel shows them). */
    private List<Map.Entry<Integer, Map<Integer, String>>> read(InputStream in) {
        List<Map.Entry<Integer, Map<Integer, String>>> rows = new ArrayList<>();
        boolean[] headerOk = {false};
        try {
            FastExcel.read(in, new ReadListener<Map<Integer, String>>() {
                @Override
                public void invokeHead(Map<Integer, ReadCellData<?>> head, AnalysisContext context) {
                    if (context.readRowHolder().getRowIndex() == WorkerSheet.HEADER_ROWS - 1) {
                        headerOk[0] = true;
                        for (int i = 0; i < WorkerSheet.NOTES + 1; i++) {
                            ReadCellData<?> cell = head.get(i);
                            String text = cell == null || cell.getStringValue() == null ? "" : cell.getStringValue().trim();
                            if (!WorkerSheet.COLUMNS.get(i).equals(text.replaceAll("\\s", ""))) {
                                headerOk[0] = false;
                            }
                        }
                    }
                }

                @Override
                public void invoke(Map<Integer, String> data, AnalysisContext context) {
                    if (!headerOk[0]) {
                        throw new DomainException(RegistryError.IMPORT_HEADER_MISMATCH);
                    }
                    boolean blank = data.values().stream().allMatch(v -> v == null || v.isBlank());
                    if (!blank) {
                        if (rows.size() >= MAX_ROWS) {
                            throw new DomainException(RegistryError.IMPORT_TOO_MANY_ROWS);
                        }
                        rows.add(Map.entry(context.readRowHolder().getRowIndex() + 1, data));
                    }
                }

                @Override
                public void doAfterAllAnalysed(AnalysisContext context) {
                    if (!headerOk[0]) {
                        throw new DomainException(RegistryError.IMPORT_HEADER_MISMATCH);
                    }
                }
            }).sheet(0).headRowNumber(WorkerSheet.HEADER_ROWS).doRead();
        } catch (DomainException e) {
            throw e;
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause != null) {
                if (cause instanceof DomainException d) {
                    throw d;
                }
                cause = cause.getCause();
            }
            throw new DomainException(RegistryError.IMPORT_FILE_UNREADABLE);
        }
        return rows;
    }

    /** Cell access for one row, collecting errors instead of stopping at the first. */
    private static final class Cells {
        private final int row;
        private final Map<Integer, String> cells;
        private final List<WorkerImportReport.RowError> errors;

        Cells(int row, Map<Integer, String> cells, List<WorkerImportReport.RowError> errors) {
            this.row = row;
            this.cells = cells;
            this.errors = errors;
        }

        String value(int column) {
            String v = cells.get(column);
            return v == null || v.isBlank() ? null : v.trim();
        }

        String required(int column, String message) {
            String v = value(column);
            if (v == null) {
                error(column, message);
            }
            return v;
        }

        String text(int column, int max) {
            String v = value(column);
            if (v == null) {
                return null;
            }
            if (v.length() > max) {
                error(column, "最多 " + max + " 个字，现有 " + v.length() + " 个字");
            } else if (v.indexOf('<') >= 0 || v.indexOf('>') >= 0) {
                error(column, "不能包含 < > 符号");
            }
            return v;
        }

        String phone(int column, boolean required) {
            String v = required ? required(column, "请填写" + WorkerSheet.COLUMNS.get(column)) : value(column);
            if (v == null) {
                return null;
            }
            String normalised = Phones.normalise(v);
            if (!Phones.isValid(normalised)) {
                error(column, "电话号码格式不正确，应为 11 位手机号或带区号的固定电话");
            }
            return normalised;
        }

        void error(int column, String message) {
            errors.add(new WorkerImportReport.RowError(row, WorkerSheet.COLUMNS.get(column), message));
        }
    }
}
