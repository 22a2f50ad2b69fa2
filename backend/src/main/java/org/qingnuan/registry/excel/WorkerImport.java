package org.qingnuan.registry.excel;

import cn.idev.excel.FastExcel;
import cn.idev.excel.context.AnalysisContext;
import cn.idev.excel.metadata.data.ReadCellData;
import cn.idev.excel.read.listener.ReadListener;
import org.qingnuan.api.error.CommonError;
import org.qingnuan.api.validation.Patterns;
import org.qingnuan.audit.AuditTrail;
import org.qingnuan.jurisdiction.Jurisdiction;
import org.qingnuan.org.OrgService;
import org.qingnuan.org.OrgType;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.privacy.PersonalDataCipher;
import org.qingnuan.privacy.Phones;
import org.qingnuan.registry.BatchList;
import org.qingnuan.registry.Gender;
import org.qingnuan.registry.Hospital;
import org.qingnuan.registry.MedicalTeam;
import org.qingnuan.registry.MedicalWorker;
import org.qingnuan.registry.RegistryError;
import org.qingnuan.registry.WorkerHistory;
import org.qingnuan.registry.WorkerRequests;
import org.qingnuan.registry.internal.HospitalMapper;
import org.qingnuan.registry.internal.MedicalTeamMapper;
import org.qingnuan.registry.internal.MedicalWorkerMapper;
import org.qingnuan.shared.error.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Imports a filled registry sheet ({@link WorkerSheet}), streamed: rows are read, checked, matched and
 * written {@value #CHUNK} at a time, so memory does not grow with the sheet (decision 242). Every bad
 * cell is reported; with errors (or on a dry run) the transaction is rolled back at the end, so nothing
 * is saved unless the caller asked for the valid rows only.
 *
 * <p>Each row goes to the district league named in its 区县 cell (else the sheet's "区县：" line, else
 * the org the import is for), which must lie inside that org's subtree. A person is matched on the ID
 * number when the row has one, else on hospital + name; a matched person whose 区县 changed moves, with
 * their family. The report says how each row matched.
 */
@Service
public class WorkerImport {

    public static final int MAX_ROWS = 20_000;
    static final int CHUNK = 500;
    private static final Pattern NAME = Pattern.compile(Patterns.NAME);
    private static final Pattern ID_NUMBER = Pattern.compile(WorkerRequests.ID_NUMBER);
    private static final Pattern FILLER_DISTRICT = Pattern.compile("区县[:：]\\s*([^\\s:：]+?)\\s*(填报人|联系电话|$)");
    static final String BY_ID_NUMBER = "ID_NUMBER";
    static final String BY_HOSPITAL_AND_NAME = "HOSPITAL_AND_NAME";

    private final MedicalWorkerMapper workers;
    private final HospitalMapper hospitals;
    private final MedicalTeamMapper teams;
    private final OrgService orgs;
    private final PersonalDataCipher cipher;
    private final AuditTrail auditTrail;
    private final BatchList batches;
    private final WorkerHistory history;
    private final Clock clock;
    /** qn_registry_import_rows_total{result}: rows of imported sheets, created / updated / skipped / refused */
    private final io.micrometer.core.instrument.MeterRegistry meters;

    WorkerImport(MedicalWorkerMapper workers, HospitalMapper hospitals, MedicalTeamMapper teams, OrgService orgs,
                 PersonalDataCipher cipher, AuditTrail auditTrail, BatchList batches, WorkerHistory history, Clock clock,
                 io.micrometer.core.instrument.MeterRegistry meters) {
        this.meters = meters;
        this.workers = workers;
        this.hospitals = hospitals;
        this.teams = teams;
        this.orgs = orgs;
        this.cipher = cipher;
        this.auditTrail = auditTrail;
        this.batches = batches;
        this.history = history;
        this.clock = clock;
    }

    /** The name a district league goes by in sheets: its region (万州区), else its name. */
    static String districtName(OrgUnit org) {
        return org.getRegion() != null && !org.getRegion().isBlank() ? org.getRegion() : org.getName();
    }

    /** The district leagues the caller sees, by the names a sheet may use (region and org name). */
    private Map<String, OrgUnit> districtsByName() {
        Map<String, OrgUnit> byName = new LinkedHashMap<>();
        for (OrgUnit org : orgs.visible()) {
            if (org.getType() == OrgType.DISTRICT_LEAGUE) {
                byName.putIfAbsent(districtName(org), org);
                byName.putIfAbsent(org.getName(), org);
            }
        }
        return byName;
    }

    /** Names of the caller's district leagues, in tree order (the template's 区县 drop-down). */
    public List<String> districtNames() {
        return orgs.visible().stream().filter(o -> o.getType() == OrgType.DISTRICT_LEAGUE)
                .map(WorkerImport::districtName).distinct().toList();
    }

    /** For each org, the district it belongs to (itself or its nearest district ancestor), by 区县 name. */
    public Map<Long, String> districtNamesOf(Collection<Long> orgIds) {
        Map<Long, OrgUnit> own = orgs.unscoped(orgIds);
        Set<Long> lineage = new HashSet<>();
        own.values().forEach(o -> lineage.addAll(pathIds(o)));
        Map<Long, OrgUnit> all = orgs.unscoped(lineage);
        Map<Long, String> names = new HashMap<>();
        for (OrgUnit org : own.values()) {
            List<Long> ids = pathIds(org);
            for (int i = ids.size() - 1; i >= 0; i--) {
                OrgUnit o = all.get(ids.get(i));
                if (o != null && o.getType() == OrgType.DISTRICT_LEAGUE) {
                    names.put(org.getId(), districtName(o));
                    break;
                }
            }
        }
        return names;
    }

    private static List<Long> pathIds(OrgUnit org) {
        return OrgUnit.idsOnPath(org.getPath());
    }

    /** A row that passed every check, ready to save, with the family's point if the row gave one. */
    private record ValidRow(int row, MedicalWorker worker, BigDecimal latitude, BigDecimal longitude) {
    }

    /** A valid row and the person already registered that it matched ({@code null}: a new person). */
    private record Paired(ValidRow row, MedicalWorker old) {
    }

    @Transactional
    public WorkerImportReport importSheet(InputStream in, Long orgId, boolean validOnly) {
        return importSheet(in, orgId, validOnly, false);
    }

    @Transactional
    public WorkerImportReport importSheet(InputStream in, Long orgId, boolean validOnly, boolean dryRun) {
        Jurisdiction mine = Jurisdiction.current().orElseThrow(() -> new DomainException(CommonError.UNAUTHENTICATED));
        OrgUnit target = orgs.get(orgId != null ? orgId : mine.orgId());
        Run run = new Run(mine, target);
        read(in, run);
        run.flush();
        run.errors.sort((a, b) -> a.row() != b.row() ? Integer.compare(a.row(), b.row())
                : Integer.compare(WorkerSheet.COLUMNS.indexOf(a.column()), WorkerSheet.COLUMNS.indexOf(b.column())));
        boolean refused = !run.errors.isEmpty() && !validOnly;
        int saved = run.created + run.updated;
        if (dryRun || refused) {
            // everything written so far goes: a dry run reports what would happen, a refused file saves nothing
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            int created = dryRun ? run.created : 0;
            int updated = dryRun ? run.updated : 0;
            WorkerImportReport report = new WorkerImportReport(false, dryRun, run.rows, created, updated,
                    dryRun ? run.moves.size() : 0, run.rows - saved, run.byId, run.byName, run.errors, run.matches, run.moves);
            return dryRun ? report : counted(report);
        }
        history.record();
        auditTrail.record("WORKERS_IMPORTED", "ORG", target.getId(), target.getId(),
                Map.of("rows", run.rows, "created", run.created, "updated", run.updated, "moved", run.moves.size(),
                        "skipped", run.rows - saved));
        return counted(new WorkerImportReport(true, false, run.rows, run.created, run.updated, run.moves.size(),
                run.rows - saved, run.byId, run.byName, run.errors, run.matches, run.moves));
    }

    /** A dry run counts nothing: only sheets that were imported or refused. */
    private WorkerImportReport counted(WorkerImportReport report) {
        meters.counter("qn.registry.import.rows", "result", "created").increment(report.created());
        meters.counter("qn.registry.import.rows", "result", "updated").increment(report.updated());
        meters.counter("qn.registry.import.rows", "result", "skipped").increment(report.skipped());
        meters.counter("qn.registry.import.rows", "result", "refused").increment(
                report.errors().stream().mapToInt(WorkerImportReport.RowError::row).distinct().count());
        return report;
    }

    /** One import's state: the lookups, what the file has seen so far, and the chunk being filled. */
    private final class Run {
        final Jurisdiction mine;
        final OrgUnit target;
        final Map<String, Hospital> hospitalsByName;
        final Map<String, MedicalTeam> teamsByName;
        final Map<String, OrgUnit> districts;
        final Map<Long, String> pathOfOrg = new HashMap<>();
        /** 区县 names of the orgs people move between, for the report */
        final Map<Long, String> orgNames = new HashMap<>();
        /** match key → first row of the file with it: the same person twice in one file is an error */
        final Map<String, Integer> firstRowOfKey = new HashMap<>();
        final List<Map.Entry<Integer, Map<Integer, String>>> chunk = new ArrayList<>(CHUNK);
        final List<WorkerImportReport.RowError> errors = new ArrayList<>();
        final List<WorkerImportReport.RowMatch> matches = new ArrayList<>();
        final List<WorkerImportReport.Move> moves = new ArrayList<>();
        /** the sheet's "区县：" line, when it names a district */
        String sheetDistrict;
        int rows;
        int created;
        int updated;
        int byId;
        int byName;

        Run(Jurisdiction mine, OrgUnit target) {
            this.mine = mine;
            this.target = target;
            hospitalsByName = hospitals.selectAllUnscoped().stream()
                    .collect(Collectors.toMap(Hospital::getName, Function.identity(), (a, b) -> a));
            teamsByName = teams.selectAllUnscoped().stream()
                    .collect(Collectors.toMap(MedicalTeam::getName, Function.identity(), (a, b) -> a));
            districts = districtsByName();
        }

        void add(int row, Map<Integer, String> cells) {
            if (++rows > MAX_ROWS) {
                throw new DomainException(RegistryError.IMPORT_TOO_MANY_ROWS);
            }
            chunk.add(Map.entry(row, cells));
            if (chunk.size() == CHUNK) {
                flush();
            }
        }

        /** Checks, matches and writes the rows read since the last flush. */
        void flush() {
            if (chunk.isEmpty()) {
                return;
            }
            List<ValidRow> valid = new ArrayList<>();
            for (Map.Entry<Integer, Map<Integer, String>> entry : chunk) {
                int row = entry.getKey();
                List<WorkerImportReport.RowError> rowErrors = new ArrayList<>();
                MedicalWorker w = parse(row, entry.getValue(), hospitalsByName, teamsByName, rowErrors);
                Cells c = new Cells(row, entry.getValue(), rowErrors);
                BigDecimal[] point = point(c);
                w.setOrgId(orgOf(c));
                if (rowErrors.isEmpty()) {
                    String key = w.getIdNumberIndex() != null ? "id|" + w.getIdNumberIndex()
                            : "hn|" + w.getHospitalId() + "|" + w.getName();
                    Integer first = firstRowOfKey.putIfAbsent(key, row);
                    if (first != null) {
                        c.error(w.getIdNumberIndex() != null ? WorkerSheet.ID_NUMBER : WorkerSheet.NAME,
                                "与第 " + first + " 行是同一人（" + (w.getIdNumberIndex() != null ? "身份证号相同" : "医院、姓名相同，且未填身份证号") + "）");
                    }
                }
                if (rowErrors.isEmpty()) {
                    valid.add(new ValidRow(row, w, point[0], point[1]));
                } else {
                    errors.addAll(rowErrors);
                }
            }
            chunk.clear();
            save(match(valid));
        }

        /** The org a row goes to: its 区县 cell, else the sheet's 区县 line, else the import's org. */
        private Long orgOf(Cells c) {
            String district = c.value(WorkerSheet.DISTRICT);
            if (district == null) {
                // the "区县：" line counts when it names one of the target's districts; a free-text line
                // ("某区", a county's old name) is ignored as before rather than refusing every row
                OrgUnit fromLine = sheetDistrict == null ? null : districts.get(sheetDistrict);
                return fromLine != null && fromLine.getPath().startsWith(target.getPath()) ? fromLine.getId() : target.getId();
            }
            OrgUnit org = districts.get(district);
            if (org == null) {
                c.error(WorkerSheet.DISTRICT, "没有名为“" + district + "”的区县团委，或不在您的管辖范围内；请从下拉列表中选择");
                return null;
            }
            if (!org.getPath().startsWith(target.getPath())) {
                c.error(WorkerSheet.DISTRICT, "“" + district + "”不属于" + target.getName() + "，不能导入到这里");
                return null;
            }
            return org.getId();
        }

        /** Pairs each valid row with the person already registered, if any; refuses other jurisdictions' people. */
        private List<Paired> match(List<ValidRow> valid) {
            Map<String, MedicalWorker> byIdIndex = new HashMap<>();
            List<String> idIndexes = valid.stream().map(v -> v.worker().getIdNumberIndex()).filter(java.util.Objects::nonNull).toList();
            if (!idIndexes.isEmpty()) {
                workers.selectByIdNumberIndexesUnscoped(idIndexes).forEach(w -> byIdIndex.put(w.getIdNumberIndex(), w));
            }
            Map<String, List<MedicalWorker>> byHospitalName = new HashMap<>();
            List<String> names = valid.stream().map(v -> v.worker().getName()).distinct().toList();
            if (!names.isEmpty()) {
                workers.selectByNamesUnscoped(names).forEach(w ->
                        byHospitalName.computeIfAbsent(w.getHospitalId() + "|" + w.getName(), k -> new ArrayList<>()).add(w));
            }
            List<Paired> paired = new ArrayList<>();
            for (ValidRow v : valid) {
                MedicalWorker w = v.worker();
                MedicalWorker old = null;
                String by = null;
                if (w.getIdNumberIndex() != null) {
                    old = byIdIndex.get(w.getIdNumberIndex());
                    by = old != null ? BY_ID_NUMBER : null;
                }
                if (old == null) {
                    List<MedicalWorker> same = byHospitalName.getOrDefault(w.getHospitalId() + "|" + w.getName(), List.of());
                    // with an ID number in the row, only someone registered without one can be the same person
                    List<MedicalWorker> candidates = w.getIdNumberIndex() == null ? same
                            : same.stream().filter(s -> s.getIdNumberIndex() == null).toList();
                    if (candidates.size() > 1) {
                        errors.add(new WorkerImportReport.RowError(v.row(), "身份证号",
                                "本医院已登记 " + candidates.size() + " 位名为“" + w.getName() + "”的人员，请填写身份证号以区分"));
                        continue;
                    }
                    if (candidates.size() == 1) {
                        old = candidates.get(0);
                        by = BY_HOSPITAL_AND_NAME;
                    }
                }
                if (old != null) {
                    String oldPath = pathOfOrg.computeIfAbsent(old.getOrgId(), orgs::pathUnscoped);
                    if (!mine.covers(oldPath)) {
                        errors.add(new WorkerImportReport.RowError(v.row(), "姓名", "此人已由其他辖区登记，请联系上级团委核实"));
                        continue;
                    }
                }
                paired.add(new Paired(v, old));
                matches.add(new WorkerImportReport.RowMatch(v.row(), old == null ? "CREATED" : "UPDATED", by,
                        old == null ? null : old.getId()));
                if (old != null) {
                    if (BY_ID_NUMBER.equals(by)) {
                        byId++;
                    } else {
                        byName++;
                    }
                }
            }
            return paired;
        }

        private void save(List<Paired> paired) {
            List<MedicalWorker> toCreate = new ArrayList<>();
            List<MedicalWorker> toUpdate = new ArrayList<>();
            List<Long> moved = new ArrayList<>();
            for (Paired pair : paired) {
                MedicalWorker w = pair.row().worker();
                MedicalWorker old = pair.old();
                if (old == null) {
                    toCreate.add(w);
                    continue;
                }
                w.setId(old.getId());
                w.setVersion(old.getVersion());
                w.setWithdrawnAt(old.getWithdrawnAt());
                w.setWithdrawReason(old.getWithdrawReason());
                if (w.getIdNumberIndex() == null) {
                    // a row without the ID number keeps the one registered
                    w.setIdNumberSealed(old.getIdNumberSealed());
                    w.setIdNumberIndex(old.getIdNumberIndex());
                }
                if (!w.getOrgId().equals(old.getOrgId())) {
                    moved.add(w.getId());
                    for (Long id : List.of(old.getOrgId(), w.getOrgId())) {
                        orgNames.computeIfAbsent(id, k -> districtName(orgs.unscoped(List.of(k)).get(k)));
                    }
                    moves.add(new WorkerImportReport.Move(pair.row().row(), w.getName(), orgNames.get(old.getOrgId()),
                            orgNames.get(w.getOrgId())));
                }
                toUpdate.add(w);
            }
            if (!toCreate.isEmpty()) {
                workers.insert(toCreate);
            }
            if (!toUpdate.isEmpty()) {
                workers.updateById(toUpdate);
            }
            created += toCreate.size();
            updated += toUpdate.size();
            if (!toCreate.isEmpty()) {
                workers.createMissingFamilies(toCreate.stream().map(MedicalWorker::getId).toList(), LocalDateTime.now(clock));
            }
            if (!moved.isEmpty()) {
                workers.moveFamiliesWithWorkers(moved);
                workers.moveMembersWithFamilies(moved);
            }
            for (Paired pair : paired) {
                ValidRow v = pair.row();
                // ids of new workers came back from the batch insert
                if (v.latitude() != null && v.worker().getId() != null) {
                    workers.placeFamily(v.worker().getId(), v.latitude(), v.longitude());
                }
            }
        }
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
        // a blank here would silently change annex 1 (seed 003: 援鄂第二批 counted as not aiding Hubei)
        String hubei = c.required(WorkerSheet.AIDED_HUBEI, "请填写是否支援湖北（是/否），不能留空");
        if ("是".equals(hubei)) {
            w.setAidedHubei(true);
        } else if ("否".equals(hubei)) {
            w.setAidedHubei(false);
        } else if (hubei != null) {
            c.error(WorkerSheet.AIDED_HUBEI, "应填“是”或“否”");
        }
        String batch = c.required(WorkerSheet.BATCH, "请填写批次（" + batches.spelled() + "），不能留空");
        if (batch != null) {
            Integer b = batches.parse(batch);
            if (b == null) {
                c.error(WorkerSheet.BATCH, "“" + batch + "”不是本系统设置的批次，应为" + batches.spelled() + "之一");
            }
            w.setBatch(b);
        }
        String idNumber = c.value(WorkerSheet.ID_NUMBER);
        if (idNumber != null) {
            idNumber = idNumber.toUpperCase();
            if (!ID_NUMBER.matcher(idNumber).matches()) {
                c.error(WorkerSheet.ID_NUMBER, "身份证号应为 18 位（最后一位可为 X）");
            } else {
                w.setIdNumberSealed(cipher.seal(idNumber));
                w.setIdNumberIndex(cipher.blindIndex(idNumber));
            }
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

    /** Streams the data rows, with their Excel row numbers (1-based, as Excel shows them), into the run. */
    private void read(InputStream in, Run run) {
        boolean[] headerOk = {false};
        try {
            FastExcel.read(in, new ReadListener<Map<Integer, String>>() {
                @Override
                public void invokeHead(Map<Integer, ReadCellData<?>> head, AnalysisContext context) {
                    int index = context.readRowHolder().getRowIndex();
                    if (index == 1) {
                        ReadCellData<?> line = head.get(0);
                        if (line != null && line.getStringValue() != null) {
                            Matcher m = FILLER_DISTRICT.matcher(line.getStringValue().trim());
                            if (m.find()) {
                                run.sheetDistrict = m.group(1);
                            }
                        }
                    }
                    if (index == WorkerSheet.HEADER_ROWS - 1) {
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
                        run.add(context.readRowHolder().getRowIndex() + 1, data);
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
