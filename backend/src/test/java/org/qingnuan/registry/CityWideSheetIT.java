package org.qingnuan.registry;

import cn.idev.excel.FastExcel;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingnuan.org.OrgRequests;
import org.qingnuan.org.OrgService;
import org.qingnuan.org.OrgType;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.registry.excel.WorkerSheet;
import org.qingnuan.staff.StaffRole;
import org.qingnuan.testing.Api.Response;
import org.qingnuan.testing.Fixtures;
import org.qingnuan.testing.IntegrationTest;
import org.qingnuan.testing.People;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18 as a municipality's league works (seed 003, Chongqing): districts and counties directly under
 * the municipality, one city-wide sheet with a 区县 column, annex 1 row by row, moves on re-import with the
 * family, the match key, blank and unknown cells refused, withdrawal and 截至 from the history.
 */
class CityWideSheetIT extends IntegrationTest {

    @Autowired
    OrgService orgService;
    @Autowired
    JdbcTemplate jdbc;

    OrgUnit municipality;
    final Map<String, OrgUnit> districts = new LinkedHashMap<>();
    String admin;
    String wanzhouDispatcher;
    String hospital;

    @BeforeEach
    void municipalityWithDistricts() {
        String region = "渝" + Fixtures.unique() + "市";
        municipality = orgService.create(new OrgRequests.CreateOrgRequest(fixtures.province().getId(), "共青团" + region + "委员会",
                OrgType.MUNICIPALITY_LEAGUE, region));
        for (String name : List.of("万州区", "黔江区", "涪陵区", "渝中区", "城口县")) {
            // a district league directly under the municipality: no made-up city in between
            districts.put(name, orgService.create(new OrgRequests.CreateOrgRequest(municipality.getId(), name,
                    OrgType.DISTRICT_LEAGUE, name)));
        }
        admin = api.login(fixtures.staff(municipality, StaffRole.ORG_ADMIN).getUsername(), Fixtures.PASSWORD);
        wanzhouDispatcher = api.login(fixtures.staff(districts.get("万州区"), StaffRole.DISPATCHER).getUsername(), Fixtures.PASSWORD);
        hospital = "重庆医科大学附属第一医院" + Fixtures.unique();
        Response created = api.post("/api/admin/hospitals", admin, Map.of("name", hospital, "city", region,
                "level", "CITY_RUN", "designated", true));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        // a 市属 hospital of a municipality is the municipality's
        assertThat(created.body().get("orgId").asLong()).isEqualTo(municipality.getId());
    }

    @Test
    void shouldNotLetADistrictHangUnderTheProvinceOrAMunicipalityUnderACity() {
        Response district = api.post("/api/admin/orgs", admin, Map.of("parentId", municipality.getId(), "name", "两江新区",
                "type", "DISTRICT_LEAGUE", "region", "两江新区"));
        assertThat(district.status()).as(district.raw()).isEqualTo(201);
        Response wrong = api.post("/api/admin/orgs", admin, Map.of("parentId", districts.get("万州区").getId(),
                "name", "某直辖市", "type", "MUNICIPALITY_LEAGUE"));
        assertThat(wrong.code()).isEqualTo("ORG_TYPE_NOT_ALLOWED");
    }

    @Test
    void shouldPutEachRowOfOneCityWideSheetInItsDistrictAndMoveOnReimport() {
        // per district: total, of them aiding Hubei, batch 1, batch 1 aiding Hubei (batch 2 = the rest)
        Map<String, int[]> plan = new LinkedHashMap<>();
        plan.put("万州区", new int[]{5, 0, 5, 0});
        plan.put("黔江区", new int[]{4, 1, 4, 1});
        plan.put("涪陵区", new int[]{6, 3, 2, 1});
        plan.put("渝中区", new int[]{7, 4, 3, 2});
        plan.put("城口县", new int[]{3, 1, 3, 1});
        List<List<Object>> rows = new ArrayList<>();
        Map<String, String> idNumberOf = new LinkedHashMap<>();
        int seq = 0;
        for (Map.Entry<String, int[]> d : plan.entrySet()) {
            int[] p = d.getValue();
            for (int i = 0; i < p[0]; i++) {
                boolean batch1 = i < p[2];
                // aiding Hubei: the first p[3] of batch 1, then the first (p[1] - p[3]) of batch 2
                boolean hubei = batch1 ? i < p[3] : i - p[2] < p[1] - p[3];
                String name = d.getKey().substring(0, 2) + "医生" + (char) ('甲' + i);
                List<Object> r = row(++seq, name, People.mobile(), d.getKey(), hubei ? "是" : "否", batch1 ? "第一批" : "第二批");
                if (i == 0) {
                    String id = idNumber(seq);
                    r.set(WorkerSheet.ID_NUMBER, id);
                    idNumberOf.put(name, id);
                }
                rows.add(r);
            }
        }
        Response first = importFile(sheet(rows, "区县：            填报人：      联系电话："), "");
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(first.body().get("committed").asBoolean()).as(first.raw()).isTrue();
        assertThat(first.body().get("created").asInt()).isEqualTo(25);

        JsonNode table = api.get("/api/admin/statistics/districts", admin).body();
        assertThat(table.get("title").asText()).isEqualTo(municipality.getRegion() + "一线医护人员信息统计表");
        assertThat(table.get("batchLabels")).extracting(JsonNode::asText).containsExactly("第一批", "第二批");
        JsonNode tableRows = table.get("rows");
        assertThat(tableRows).hasSize(5);
        int n = 0;
        for (Map.Entry<String, int[]> d : plan.entrySet()) {
            JsonNode row = tableRows.get(n++);
            int[] p = d.getValue();
            assertThat(row.get("seq").asInt()).isEqualTo(n);
            assertThat(row.get("district").asText()).isEqualTo(d.getKey());
            assertThat(counts(row.get("overall"))).as(d.getKey()).isEqualTo(p[0] + "/" + p[1]);
            assertThat(counts(row.get("batches").get(0))).as(d.getKey()).isEqualTo(p[2] + "/" + p[3]);
            assertThat(counts(row.get("batches").get(1))).as(d.getKey()).isEqualTo((p[0] - p[2]) + "/" + (p[1] - p[3]));
        }
        assertThat(counts(table.get("total").get("overall"))).isEqualTo("25/9");
        assertThat(counts(table.get("total").get("batches").get(0))).isEqualTo("17/5");
        assertThat(counts(table.get("total").get("batches").get(1))).isEqualTo("8/4");

        // the first import happened "two days ago" as far as the history goes
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(jdbc.update("UPDATE medical_worker_span SET valid_from = valid_from - INTERVAL 2 DAY WHERE worker_id IN"
                + " (SELECT id FROM medical_worker WHERE hospital_id = (SELECT id FROM hospital WHERE name = ?))", hospital)).isEqualTo(25);
        assertThat(api.get("/api/admin/statistics/districts?asOf=" + today.minusDays(3), admin).body().get("total")
                .get("overall").get("total").asLong()).isZero();

        // give the first 万州区 person a family, then the corrected sheet moves them to 黔江区 with a new phone
        String wanzhouName = "万州医生甲";
        long workerId = workerId(wanzhouName, wanzhouDispatcher);
        JsonNode family = api.get("/api/admin/medical-workers/" + workerId, wanzhouDispatcher).body().get("family");
        assertThat(api.put("/api/admin/medical-workers/" + workerId + "/family", wanzhouDispatcher, Map.of("address", "万州区某路 1 号",
                "members", List.of(Map.of("relation", "PARENT", "ageBand", "ELDERLY", "elderlyAlone", true)),
                "version", family.get("version").asInt())).status()).isEqualTo(200);
        List<Object> movedRow = rows.get(0);
        movedRow.set(WorkerSheet.DISTRICT, "黔江区");
        movedRow.set(WorkerSheet.OWN_PHONE, People.mobile());
        List<Object> secondOfWanzhou = rows.get(1);
        secondOfWanzhou.set(WorkerSheet.DISTRICT, "城口县");
        secondOfWanzhou.set(WorkerSheet.OWN_PHONE, People.mobile());
        Response again = importFile(sheet(rows, "区县：            填报人：      联系电话："), "");
        assertThat(again.body().get("committed").asBoolean()).as(again.raw()).isTrue();
        assertThat(again.body().get("created").asInt()).as("a corrected phone updates, it does not duplicate").isZero();
        assertThat(again.body().get("updated").asInt()).isEqualTo(25);
        assertThat(again.body().get("moved").asInt()).isEqualTo(2);
        assertThat(again.body().get("matchedByIdNumber").asInt()).isEqualTo(5);
        assertThat(again.body().get("matchedByHospitalAndName").asInt()).isEqualTo(20);
        JsonNode match = again.body().get("matches").get(0);
        assertThat(match.get("row").asInt()).isEqualTo(WorkerSheet.HEADER_ROWS + 1);
        assertThat(match.get("matchedBy").asText()).isEqualTo("ID_NUMBER");
        assertThat(again.body().get("matches").get(1).get("matchedBy").asText()).isEqualTo("HOSPITAL_AND_NAME");
        JsonNode move = again.body().get("moves").get(0);
        assertThat(move.get("from").asText() + "→" + move.get("to").asText()).isEqualTo("万州区→黔江区");

        table = api.get("/api/admin/statistics/districts", admin).body();
        assertThat(counts(table.get("rows").get(0).get("overall"))).as("万州区").isEqualTo("3/0");
        assertThat(counts(table.get("rows").get(1).get("overall"))).as("黔江区").isEqualTo("5/1");
        assertThat(counts(table.get("rows").get(4).get("overall"))).as("城口县").isEqualTo("4/1");
        assertThat(counts(table.get("total").get("overall"))).isEqualTo("25/9");

        // the family moved with the worker: 万州区 no longer sees them, 黔江区 sees worker and family
        assertThat(api.get("/api/admin/medical-workers/" + workerId, wanzhouDispatcher).status()).isEqualTo(404);
        String qianjiang = api.login(fixtures.staff(districts.get("黔江区"), StaffRole.DISPATCHER).getUsername(), Fixtures.PASSWORD);
        JsonNode moved = api.get("/api/admin/medical-workers/" + workerId, qianjiang).body();
        assertThat(moved.get("family").isNull()).isFalse();
        assertThat(moved.get("family").get("members")).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM family_member m JOIN family f ON f.id = m.family_id"
                + " WHERE f.worker_id = ? AND m.org_id = ?", Long.class, workerId, districts.get("黔江区").getId())).isEqualTo(1);

        // withdrawn today: out of today's table, restorable; yesterday's table (from the history) still counts them
        Response withdrawn = api.post("/api/admin/medical-workers/" + workerId + "/withdraw", qianjiang, Map.of("reason", "已撤离一线"));
        assertThat(withdrawn.status()).as(withdrawn.raw()).isEqualTo(200);
        assertThat(withdrawn.body().get("withdrawReason").asText()).isEqualTo("已撤离一线");
        assertThat(counts(api.get("/api/admin/statistics/districts", admin).body().get("rows").get(1).get("overall"))).isEqualTo("4/1");
        assertThat(api.get("/api/admin/medical-workers?keyword=" + wanzhouName, qianjiang).body().get("total").asInt()).isZero();
        assertThat(api.get("/api/admin/medical-workers?status=WITHDRAWN&keyword=" + wanzhouName, qianjiang).body().get("total").asInt()).isEqualTo(1);
        JsonNode yesterday = api.get("/api/admin/statistics/districts?asOf=" + today.minusDays(1), admin).body();
        assertThat(yesterday.get("asOf").asText()).isEqualTo(today.minusDays(1).toString());
        assertThat(counts(yesterday.get("total").get("overall"))).isEqualTo("25/9");
        assertThat(counts(yesterday.get("rows").get(0).get("overall"))).as("万州区 before the move").isEqualTo("5/0");
        assertThat(counts(yesterday.get("rows").get(1).get("overall"))).as("黔江区 before the move").isEqualTo("4/1");
        assertThat(api.get("/api/admin/statistics/districts?asOf=" + today.plusDays(1), admin).code())
                .isEqualTo("STATISTICS_DATE_IN_FUTURE");
        assertThat(api.post("/api/admin/medical-workers/" + workerId + "/restore", qianjiang, Map.of("reason", "重返一线")).status()).isEqualTo(200);
        assertThat(counts(api.get("/api/admin/statistics/districts", admin).body().get("total").get("overall"))).isEqualTo("25/9");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE target_id = ? AND action IN ('WORKER_WITHDRAWN', 'WORKER_RESTORED')",
                Long.class, workerId)).isEqualTo(2);

        // an entry made by mistake is deleted (and audited); it leaves today's and past tables
        long mistake = workerId("城口医生" + (char) ('甲' + 2), admin);
        assertThat(api.post("/api/admin/medical-workers/" + mistake + "/delete", admin, Map.of("reason", "误录")).status()).isEqualTo(204);
        assertThat(api.get("/api/admin/medical-workers/" + mistake, admin).status()).isEqualTo(404);
        assertThat(counts(api.get("/api/admin/statistics/districts?asOf=" + today.minusDays(1), admin).body().get("total").get("overall")))
                .isEqualTo("24/9");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE target_id = ? AND action = 'WORKER_DELETED'",
                Long.class, mistake)).isEqualTo(1);
    }

    @Test
    void shouldLayAnnex1OutAsItIsHandedIn() throws Exception {
        OrgUnit wanzhou = districts.get("万州区");
        // a worker of the municipality itself: the （本级） row, unnumbered, after the districts
        List<List<Object>> rows = List.of(row(1, "市级甲", People.mobile(), "万州区", "是", "第一批"),
                row(2, "市级乙", People.mobile(), "", "否", "第二批"));
        assertThat(importFile(sheet(rows, "区县：  填报人：  联系电话："), "").body().get("created").asInt()).isEqualTo(2);
        HttpResponse<byte[]> excel = download("/api/admin/statistics/districts/excel", admin);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(excel.body()))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(municipality.getRegion() + "一线医护人员信息统计表");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).startsWith("（截至");
            assertThat(sheet.getRow(4).getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(4).getCell(0).getNumericCellValue()).isEqualTo(1);
            assertThat(sheet.getRow(4).getCell(1).getStringCellValue()).isEqualTo(wanzhou.getRegion());
            assertThat(sheet.getRow(4).getCell(2).getNumericCellValue()).isEqualTo(1);
            assertThat(sheet.getRow(4).getCell(2).getCellStyle().getBorderBottom()).isEqualTo(BorderStyle.THIN);
            // five districts, then the municipality's own row without a 序号, then 合计
            assertThat(sheet.getRow(9).getCell(1).getStringCellValue()).endsWith("（本级）");
            assertThat(sheet.getRow(9).getCell(0).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(sheet.getRow(10).getCell(1).getStringCellValue()).isEqualTo("合计");
            assertThat(sheet.getRow(10).getCell(2).getNumericCellValue()).isEqualTo(2);
            assertThat(sheet.getColumnWidth(1) / 256).isGreaterThanOrEqualTo(2 * sheet.getRow(9).getCell(1).getStringCellValue().length());
        }
    }

    @Test
    void shouldRefuseBlankOrUnknownCellsWithRowAndColumn() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row(1, "空白湖北", People.mobile(), "万州区", "", "第一批"));      // row 4
        rows.add(row(2, "空白批次", People.mobile(), "万州区", "是", ""));          // row 5
        rows.add(row(3, "第三批者", People.mobile(), "万州区", "否", "第三批"));    // row 6: only two batches configured
        rows.add(row(4, "外区县者", People.mobile(), "不存在区", "否", "第一批"));  // row 7
        rows.add(row(5, "正确的人", People.mobile(), "涪陵区", "否", "第二批"));
        Response dryRun = importFile(sheet(rows, "区县："), "&dryRun=true");
        assertThat(dryRun.body().get("dryRun").asBoolean()).isTrue();
        assertThat(dryRun.body().get("committed").asBoolean()).isFalse();
        List<String> errors = new ArrayList<>();
        dryRun.body().get("errors").forEach(e -> errors.add(e.get("row").asInt() + " " + e.get("column").asText()));
        assertThat(errors).containsExactly("4 是否支援湖北", "5 批次", "6 批次", "7 区县");
        assertThat(dryRun.body().get("errors").get(2).get("message").asText()).contains("第三批").contains("第一批、第二批");
        assertThat(dryRun.body().get("created").asInt()).as("what a real run would create").isEqualTo(1);

        Response refused = importFile(sheet(rows, "区县："), "");
        assertThat(refused.body().get("committed").asBoolean()).isFalse();
        assertThat(api.get("/api/admin/medical-workers?keyword=正确的人", admin).body().get("total").asInt())
                .as("neither the dry run nor the refused file saved anything").isZero();
        Response partial = importFile(sheet(rows, "区县："), "&validOnly=true");
        assertThat(partial.body().get("committed").asBoolean()).isTrue();
        assertThat(partial.body().get("created").asInt()).isEqualTo(1);

        // another municipality's district is outside this importer's subtree: unknown here
        OrgUnit other = orgService.create(new OrgRequests.CreateOrgRequest(fixtures.province().getId(), "别的直辖市" + Fixtures.unique(),
                OrgType.MUNICIPALITY_LEAGUE, "别市" + Fixtures.unique()));
        orgService.create(new OrgRequests.CreateOrgRequest(other.getId(), "外市区", OrgType.DISTRICT_LEAGUE, "外市区"));
        Response outside = importFile(sheet(List.of(row(1, "外市的人", People.mobile(), "外市区", "否", "第一批")), "区县："), "");
        assertThat(outside.body().get("errors").get(0).get("column").asText()).isEqualTo("区县");
    }

    @Test
    void shouldExportInClearOnlyWithAReasonAndShowActualPairings() {
        importFile(sheet(List.of(row(1, "导出甲", "13912345678", "万州区", "是", "第一批")), "区县："), "");
        HttpResponse<byte[]> masked = download("/api/admin/medical-workers/export", admin);
        List<Map<Integer, String>> maskedRows = FastExcel.read(new ByteArrayInputStream(masked.body())).sheet(0)
                .headRowNumber(WorkerSheet.HEADER_ROWS).doReadSync();
        assertThat(maskedRows.get(0).get(WorkerSheet.OWN_PHONE)).isEqualTo("139****5678");
        assertThat(maskedRows.get(0).get(WorkerSheet.DISTRICT)).isEqualTo("万州区");

        Response noReason = api.post("/api/admin/medical-workers/export-clear", admin, Map.of("reason", ""));
        assertThat(noReason.status()).isEqualTo(400);
        HttpResponse<byte[]> clear = post("/api/admin/medical-workers/export-clear", admin, "{\"reason\":\"报送市政府\"}");
        assertThat(clear.statusCode()).isEqualTo(200);
        List<Map<Integer, String>> clearRows = FastExcel.read(new ByteArrayInputStream(clear.body())).sheet(0)
                .headRowNumber(WorkerSheet.HEADER_ROWS).doReadSync();
        assertThat(clearRows.get(0).get(WorkerSheet.OWN_PHONE)).isEqualTo("13912345678");
        long id = workerId("导出甲", admin);
        JsonNode access = api.get("/api/admin/personal-data-access?subjectType=MEDICAL_WORKER&subjectId=" + id, admin).body();
        assertThat(access.get("items").get(0).get("reason").asText()).contains("报送市政府");

        String viewer = api.login(fixtures.staff(municipality, StaffRole.VIEWER).getUsername(), Fixtures.PASSWORD);
        assertThat(post("/api/admin/medical-workers/export-clear", viewer, "{\"reason\":\"看看\"}").statusCode()).isEqualTo(403);
    }

    private static String counts(JsonNode c) {
        return c.get("total").asLong() + "/" + c.get("aidedHubei").asLong();
    }

    /** A valid 18-digit resident ID (check digit computed) that differs per test run and row. */
    private static String idNumber(int seq) {
        String body = "500101199" + String.format("%08d", (int) (Math.abs(UUID.randomUUID().getMostSignificantBits()) % 90_000_000L) + seq);
        body = body.substring(0, 17);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    private long workerId(String name, String token) {
        JsonNode items = api.get("/api/admin/medical-workers?keyword=" + name, token).body().get("items");
        assertThat(items).as(name).hasSize(1);
        return items.get(0).get("id").asLong();
    }

    private List<Object> row(int seq, String name, String phone, String district, String hubei, String batch) {
        List<Object> r = new ArrayList<>();
        for (int i = 0; i < WorkerSheet.COLUMNS.size(); i++) {
            r.add("");
        }
        r.set(WorkerSheet.SEQ, seq);
        r.set(WorkerSheet.HOSPITAL, hospital);
        r.set(WorkerSheet.NAME, name);
        r.set(WorkerSheet.GENDER, "女");
        r.set(WorkerSheet.OWN_PHONE, phone);
        r.set(WorkerSheet.DISTRICT, district);
        r.set(WorkerSheet.AIDED_HUBEI, hubei);
        r.set(WorkerSheet.BATCH, batch);
        return r;
    }

    private static byte[] sheet(List<List<Object>> rows, String fillerLine) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FastExcel.write(out).head(WorkerSheet.head(WorkerSheet.COLUMNS, WorkerSheet.TITLE, fillerLine))
                .sheet("一线医护人员").doWrite(rows);
        return out.toByteArray();
    }

    private Response importFile(byte[] file, String query) {
        String boundary = "qn" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"city.xlsx\""
                + "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.raw("POST", "/api/admin/medical-workers/import?orgId=" + municipality.getId() + query, admin,
                "multipart/form-data; boundary=" + boundary, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    private HttpResponse<byte[]> download(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).build());
    }

    private HttpResponse<byte[]> post(String path, String token, String json) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
