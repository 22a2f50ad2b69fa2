package org.qingnuan.registry;

import cn.idev.excel.FastExcel;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingnuan.org.OrgType;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.registry.excel.WorkerSheet;
import org.qingnuan.staff.StaffRole;
import org.qingnuan.testing.Api.Response;
import org.qingnuan.testing.Fixtures;
import org.qingnuan.testing.IntegrationTest;
import org.qingnuan.testing.People;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The league's Excel: template, import with row-level errors, re-import, 20,000 rows, export, district table. */
class RegistryExcelIT extends IntegrationTest {

    OrgUnit city;
    OrgUnit district;
    OrgUnit sibling;
    String dispatcher;
    String siblingDispatcher;
    String hospital;
    String team;

    @BeforeEach
    void cityWithHospitalAndTeam() {
        city = fixtures.city("导入市");
        district = fixtures.child(city, "导入区" + Fixtures.unique(), OrgType.DISTRICT_LEAGUE);
        sibling = fixtures.city("邻市");
        String admin = api.login(fixtures.staff(city, StaffRole.ORG_ADMIN).getUsername(), Fixtures.PASSWORD);
        dispatcher = api.login(fixtures.staff(city, StaffRole.DISPATCHER).getUsername(), Fixtures.PASSWORD);
        siblingDispatcher = api.login(fixtures.staff(sibling, StaffRole.DISPATCHER).getUsername(), Fixtures.PASSWORD);
        hospital = "市人民医院" + Fixtures.unique();
        assertThat(api.post("/api/admin/hospitals", admin, Map.of("name", hospital, "city", city.getRegion(),
                "level", "CITY_RUN")).status()).isEqualTo(201);
        team = "导入市医疗队" + Fixtures.unique();
        assertThat(api.post("/api/admin/medical-teams", admin, Map.of("name", team, "destination", "湖北荆州",
                "aidingHubei", true, "batch", 2, "status", "DEPLOYED")).status()).isEqualTo(201);
    }

    @Test
    void shouldOfferATemplateLaidOutLikeAnnex2() {
        HttpResponse<byte[]> template = download("/api/admin/medical-workers/template", dispatcher);
        assertThat(template.statusCode()).isEqualTo(200);
        assertThat(template.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("attachment"));
        List<Map<Integer, String>> rows = FastExcel.read(new ByteArrayInputStream(template.body())).sheet(0).headRowNumber(0).doReadSync();
        assertThat(rows.get(0).get(0)).isEqualTo(WorkerSheet.TITLE);
        assertThat(rows.get(1).get(0)).startsWith("区县：");
        assertThat(List.copyOf(rows.get(2).values())).containsExactlyElementsOf(WorkerSheet.COLUMNS);
        assertThat(rows.get(2).get(WorkerSheet.OWN_PHONE)).isEqualTo("本人联系电话");
    }

    @Test
    void shouldListEveryBadCellAndImportNothingUnlessAskedForTheValidRows() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row(1, hospital, "张一", "男", People.mobile()));
        rows.add(row(2, "不存在医院", "张二", "女", "12345"));          // row 5: hospital and phone wrong
        rows.add(row(3, hospital, "张三", "未知", People.mobile()));    // row 6: gender wrong
        List<Object> fourth = row(4, hospital, "张四", "女", People.mobile());
        fourth.set(WorkerSheet.BATCH, "下一批");                        // row 7: batch wrong, point half given
        fourth.set(WorkerSheet.LATITUDE, "23.1");
        fourth.set(WorkerSheet.TEAM, team);
        rows.add(fourth);
        rows.add(row(5, hospital, "张一", "男", (String) rows.get(0).get(WorkerSheet.OWN_PHONE))); // row 8: same as row 4

        Response refused = importFile(sheet(rows), false);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(200);
        assertThat(refused.body().get("committed").asBoolean()).isFalse();
        assertThat(refused.body().get("created").asInt()).isZero();
        List<String> errors = new ArrayList<>();
        refused.body().get("errors").forEach(e -> errors.add(e.get("row").asInt() + " " + e.get("column").asText()));
        assertThat(errors).containsExactly("5 医院", "5 本人联系电话", "6 性别", "7 批次", "7 家庭位置经度", "8 姓名");
        assertThat(refused.body().get("errors").get(0).get("message").asText()).contains("不存在医院");
        assertThat(refused.body().get("errors").get(5).get("message").asText()).contains("第 4 行");
        assertThat(total()).isZero();

        Response partial = importFile(sheet(rows), true);
        assertThat(partial.body().get("committed").asBoolean()).isTrue();
        assertThat(partial.body().get("created").asInt()).isEqualTo(1);
        assertThat(partial.body().get("skipped").asInt()).isEqualTo(4);
        assertThat(total()).isEqualTo(1);
    }

    @Test
    void shouldNotDuplicateAnyoneWhenTheSameFileComesAgain() {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            List<Object> r = row(i, hospital, "王" + i + "号", i % 2 == 0 ? "女" : "男", People.mobile());
            r.set(WorkerSheet.HOME_ADDRESS, People.address("某市某区"));
            r.set(WorkerSheet.AIDED_HUBEI, i <= 10 ? "是" : "否");
            r.set(WorkerSheet.BATCH, i <= 10 ? "第一批" : "第二批");
            r.set(WorkerSheet.TEAM, i <= 10 ? team : "");
            if (i == 1) {
                r.set(WorkerSheet.LATITUDE, "23.135421");
                r.set(WorkerSheet.LONGITUDE, "113.327912");
            }
            rows.add(r);
        }
        byte[] file = sheet(rows);
        Response first = importFile(file, false);
        assertThat(first.body().get("created").asInt()).isEqualTo(30);
        Response again = importFile(file, false);
        assertThat(again.body().get("created").asInt()).isZero();
        assertThat(again.body().get("updated").asInt()).isEqualTo(30);
        assertThat(total()).isEqualTo(30);

        // each imported worker has a family at the worker's address, at the point the row gave
        JsonNode worker = api.get("/api/admin/medical-workers?keyword=王1号", dispatcher).body().get("items").get(0);
        JsonNode family = api.get("/api/admin/medical-workers/" + worker.get("id").asLong(), dispatcher).body().get("family");
        assertThat(family.get("address").asText()).isEqualTo("某市某区****");
        assertThat(family.get("latitude").decimalValue()).as("masked to ~1 km").isEqualByComparingTo("23.14");
        JsonNode revealed = api.post("/api/admin/medical-workers/" + worker.get("id").asLong() + "/reveal", dispatcher,
                Map.of("reason", "核对导入的位置")).body().get("family");
        assertThat(revealed.get("latitude").decimalValue()).isEqualByComparingTo("23.135421");
        assertThat(revealed.get("longitude").decimalValue()).isEqualByComparingTo("113.327912");

        // the same people registered in the sibling city are refused there, row by row
        Response elsewhere = importFile(file, false, siblingDispatcher);
        assertThat(elsewhere.body().get("committed").asBoolean()).isFalse();
        assertThat(elsewhere.body().get("errors")).hasSize(30);
        assertThat(elsewhere.body().get("errors").get(0).get("message").asText()).contains("其他辖区");
    }

    @Test
    void shouldImportTwentyThousandRowsInOneFile() {
        List<List<Object>> rows = new ArrayList<>(20_000);
        for (int i = 1; i <= 20_000; i++) {
            List<Object> r = row(i, hospital, "赵" + i, i % 2 == 0 ? "女" : "男",
                    "139" + String.format("%08d", i + 10_000_000 * (Math.abs(city.getId().intValue()) % 9)));
            r.set(WorkerSheet.HOME_ADDRESS, "某市某区某路" + i + "号");
            r.set(WorkerSheet.BATCH, i % 3 == 0 ? "第二批" : "第一批");
            rows.add(r);
        }
        long started = System.nanoTime();
        Response report = importFile(sheet(rows), false);
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        assertThat(report.status()).as(report.raw()).isEqualTo(200);
        assertThat(report.body().get("created").asInt()).isEqualTo(20_000);
        assertThat(report.body().get("errors")).isEmpty();
        assertThat(total()).isEqualTo(20_000);
        System.out.println("20,000-row import took " + seconds + " s");

        HttpResponse<byte[]> export = download("/api/admin/medical-workers/export", dispatcher);
        List<Map<Integer, String>> exported = FastExcel.read(new ByteArrayInputStream(export.body())).sheet(0)
                .headRowNumber(WorkerSheet.HEADER_ROWS).doReadSync();
        assertThat(exported).hasSize(20_000);
        assertThat(exported.get(0).get(WorkerSheet.OWN_PHONE)).matches("139\\*{4}\\d{4}");
        assertThat(exported.get(0).get(WorkerSheet.HOME_ADDRESS)).isEqualTo("某市某区****");
    }

    @Test
    void shouldRefuseFilesThatAreNotTheTemplate() {
        Response notExcel = multipart("/api/admin/medical-workers/import", "notes.txt", "hello".getBytes(StandardCharsets.UTF_8), dispatcher);
        assertThat(notExcel.status()).isEqualTo(400);
        assertThat(notExcel.code()).isEqualTo("IMPORT_FILE_UNREADABLE");
        Response garbage = multipart("/api/admin/medical-workers/import", "fake.xlsx", "not a zip".getBytes(StandardCharsets.UTF_8), dispatcher);
        assertThat(garbage.status()).isEqualTo(400);

        ByteArrayOutputStream other = new ByteArrayOutputStream();
        FastExcel.write(other).head(List.of(List.of("a"), List.of("b"), List.of("c"))).sheet("x")
                .doWrite(List.of(List.of("1", "2", "3")));
        Response wrongHeader = multipart("/api/admin/medical-workers/import", "other.xlsx", other.toByteArray(), dispatcher);
        assertThat(wrongHeader.code()).isEqualTo("IMPORT_HEADER_MISMATCH");
        assertThat(total()).isZero();
    }

    @Test
    void shouldCountFrontlineStaffPerDistrictLikeAnnex1() {
        OrgUnit second = fixtures.child(city, "第二区" + Fixtures.unique(), OrgType.DISTRICT_LEAGUE);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            List<Object> r = row(i, hospital, "孙" + i, "女", People.mobile());
            r.set(WorkerSheet.AIDED_HUBEI, i <= 2 ? "是" : "否");
            r.set(WorkerSheet.BATCH, i <= 3 ? "第一批" : "第二批");
            rows.add(r);
        }
        assertThat(importFile(sheet(rows), false, dispatcher, district.getId()).body().get("created").asInt()).isEqualTo(5);
        List<List<Object>> more = new ArrayList<>();
        List<Object> r = row(1, hospital, "周一", "男", People.mobile());
        r.set(WorkerSheet.AIDED_HUBEI, "是");
        r.set(WorkerSheet.BATCH, "第二批");
        more.add(r);
        more.add(row(2, hospital, "周二", "男", People.mobile()));
        assertThat(importFile(sheet(more), false, dispatcher, second.getId()).body().get("created").asInt()).isEqualTo(2);
        // a sibling's worker must not appear in our table
        importFile(sheet(List.of(row(1, hospital, "吴一", "男", People.mobile()))), false, siblingDispatcher, null);

        JsonNode table = api.get("/api/admin/statistics/districts", dispatcher).body();
        assertThat(table.get("batchLabels")).extracting(JsonNode::asText).containsExactly("第一批", "第二批");
        JsonNode rowsJson = table.get("rows");
        assertThat(rowsJson).hasSize(2);
        assertThat(rowsJson.get(0).get("district").asText()).isEqualTo(district.getRegion());
        assertThat(rowsJson.get(0).get("overall").get("total").asLong()).isEqualTo(5);
        assertThat(rowsJson.get(0).get("overall").get("aidedHubei").asLong()).isEqualTo(2);
        assertThat(rowsJson.get(0).get("batches").get(0).get("total").asLong()).isEqualTo(3);
        assertThat(rowsJson.get(0).get("batches").get(0).get("aidedHubei").asLong()).isEqualTo(2);
        assertThat(rowsJson.get(0).get("batches").get(1).get("total").asLong()).isEqualTo(2);
        assertThat(rowsJson.get(1).get("overall").get("total").asLong()).isEqualTo(2);
        assertThat(rowsJson.get(1).get("batches").get(1).get("aidedHubei").asLong()).isEqualTo(1);
        assertThat(table.get("total").get("overall").get("total").asLong()).isEqualTo(7);
        assertThat(table.get("total").get("overall").get("aidedHubei").asLong()).isEqualTo(3);
        assertThat(table.get("total").get("batches").get(1).get("total").asLong()).isEqualTo(3);

        HttpResponse<byte[]> excel = download("/api/admin/statistics/districts/excel", dispatcher);
        List<Map<Integer, String>> cells = FastExcel.read(new ByteArrayInputStream(excel.body())).sheet(0).headRowNumber(0).doReadSync();
        assertThat(cells.get(0).get(0)).isEqualTo(city.getRegion() + "一线医护人员信息统计表");
        assertThat(cells.get(1).get(0)).startsWith("（截至");
        assertThat(cells.get(2).get(2)).isEqualTo("共计");
        assertThat(cells.get(2).get(4)).isEqualTo("第一批");
        assertThat(cells.get(3).get(3)).isEqualTo("其中：支援湖北");
        assertThat(cells.get(4).get(1)).isEqualTo(district.getRegion());
        assertThat(cells.get(4).get(2)).isEqualTo("5");
        assertThat(cells.get(cells.size() - 1).get(1)).isEqualTo("合计");
        assertThat(cells.get(cells.size() - 1).get(2)).isEqualTo("7");
    }

    private long total() {
        return api.get("/api/admin/medical-workers?size=1", dispatcher).body().get("total").asLong();
    }

    private static List<Object> row(int seq, String hospital, String name, String gender, String phone) {
        List<Object> r = new ArrayList<>();
        for (int i = 0; i < WorkerSheet.COLUMNS.size(); i++) {
            r.add("");
        }
        r.set(WorkerSheet.SEQ, seq);
        r.set(WorkerSheet.HOSPITAL, hospital);
        r.set(WorkerSheet.NAME, name);
        r.set(WorkerSheet.GENDER, gender);
        r.set(WorkerSheet.POSITION, "医生");
        r.set(WorkerSheet.FRONTLINE_LOCATION, "湖北省武汉市某医院");
        r.set(WorkerSheet.OWN_PHONE, phone);
        // blank 是否支援湖北 / 批次 are row errors (issue 18)
        r.set(WorkerSheet.AIDED_HUBEI, "否");
        r.set(WorkerSheet.BATCH, "第一批");
        return r;
    }

    private static byte[] sheet(List<List<Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FastExcel.write(out).head(WorkerSheet.head(WorkerSheet.COLUMNS, WorkerSheet.TITLE, "区县：某区  填报人：某某  联系电话："))
                .sheet("一线医护人员").doWrite(rows);
        return out.toByteArray();
    }

    private Response importFile(byte[] file, boolean validOnly) {
        return importFile(file, validOnly, dispatcher, district.getId());
    }

    private Response importFile(byte[] file, boolean validOnly, String token) {
        return importFile(file, validOnly, token, null);
    }

    private Response importFile(byte[] file, boolean validOnly, String token, Long orgId) {
        String query = "?validOnly=" + validOnly + (orgId == null ? "" : "&orgId=" + orgId);
        return multipart("/api/admin/medical-workers/import" + query, "registry.xlsx", file, token);
    }

    private Response multipart(String path, String filename, byte[] content, String token) {
        String boundary = "qn" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.raw("POST", path, token, "multipart/form-data; boundary=" + boundary,
                HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    private HttpResponse<byte[]> download(String path, String token) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
