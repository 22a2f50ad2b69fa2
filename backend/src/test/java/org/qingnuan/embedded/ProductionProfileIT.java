package org.qingnuan.embedded;

import org.junit.jupiter.api.Test;
import org.qingnuan.QingnuanApplication;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.org.internal.OrgUnitMapper;
import org.qingnuan.staff.StaffAccount;
import org.qingnuan.staff.StaffRole;
import org.qingnuan.staff.internal.StaffAccountMapper;
import org.qingnuan.testing.IntegrationTest;
import org.qingnuan.testing.Api.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;

import static com.baomidou.mybatisplus.core.toolkit.Wrappers.lambdaQuery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The production profile: no demo data ever; a first administrator only when asked for. */
class ProductionProfileIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StaffAccountMapper staffMapper;
    @Autowired
    OrgUnitMapper orgMapper;

    @Test
    void shouldNeverLoadTheDemoData() {
        Integer demoMigrations = jdbc.queryForObject(
                "SELECT COUNT(*) FROM flyway_schema_history WHERE script LIKE '%demo%'", Integer.class);
        assertThat(demoMigrations).isZero();
        assertThat(staffMapper.selectCount(lambdaQuery(StaffAccount.class).likeRight(StaffAccount::getUsername, "gz-"))).isZero();
        assertThat(api.post("/api/admin/auth/login", null, Map.of("username", "admin", "password", "qingnuan-demo")).status())
                .isEqualTo(401);
    }

    @Test
    void shouldBootstrapTheRootOrgAndOneSuperAdminWhoMustChangeThePassword() {
        assertThat(orgMapper.selectCount(lambdaQuery(OrgUnit.class).isNull(OrgUnit::getParentId))).isEqualTo(1);
        StaffAccount admin = staffMapper.selectOne(lambdaQuery(StaffAccount.class).eq(StaffAccount::getUsername, "admin"));
        assertThat(admin.roleSet()).containsExactly(StaffRole.SUPER_ADMIN);
        assertThat(admin.getMustChangePassword()).isTrue();

        Response login = api.post("/api/admin/auth/login", null, Map.of("username", "admin", "password", BOOTSTRAP_PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body().get("staff").get("mustChangePassword").asBoolean()).isTrue();
    }

    @Test
    void shouldRefuseToStartWithBothTheEmbeddedAndTheProductionProfile() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(QingnuanApplication.class)
                .profiles("prod", "embedded").run("--server.port=0"))
                .hasStackTraceContaining("cannot be active together");
    }

    @Test
    void shouldRefuseToStartWithTheStandInsForWechatAndOss() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(QingnuanApplication.class)
                .profiles("prod").run("--server.port=0", "--qingnuan.embedded.stand-ins=true"))
                .hasStackTraceContaining("qingnuan.embedded.stand-ins=true is refused in the prod profile");
    }

    @Test
    void shouldServeNeitherTheApiDocumentNorSwaggerUiUnlessQnApiDocsSaysSo() throws Exception {
        // this suite's context sets QN_API_DOCS=true (the contract test reads the document): a second context with
        // the production defaults, on random ports
        try (var app = new SpringApplicationBuilder(QingnuanApplication.class).profiles("prod").run(
                "--server.port=0", "--management.server.port=0", "--qingnuan.scheduling.enabled=false",
                "--qingnuan.crypto.active-key-id=k1", "--qingnuan.crypto.keys=k1:Lkm6SwALvbOpmVm26TMCeGrTEik2oQ1zU/zEOYLjPjU=",
                "--qingnuan.crypto.blind-index-key=+vgAYyxp2S51NEQphO/CQ1hdVsvo7DOMeWLIJrSjCDs=")) {
            org.qingnuan.testing.Api defaults = new org.qingnuan.testing.Api(
                    app.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
            assertThat(defaults.get("/v3/api-docs", null).status()).isEqualTo(404);
            assertThat(defaults.get("/swagger-ui/index.html", null).status()).isEqualTo(404);
            assertThat(defaults.get("/swagger-ui.html", null).status()).isEqualTo(404);
        }
        assertThat(api.get("/v3/api-docs", null).status()).isEqualTo(200);
        assertThat(api.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
    }

    @Test
    void shouldNotServeTheStandInsInProduction() {
        assertThat(api.get("/embedded/wechat/sns/jscode2session?appid=x&secret=y&js_code=z&grant_type=authorization_code", null)
                .status()).isEqualTo(404);
        assertThat(api.raw("POST", "/embedded/oss/qingnuan-demo", null, "multipart/form-data; boundary=x",
                java.net.http.HttpRequest.BodyPublishers.ofString("--x--\r\n")).status()).isEqualTo(404);
        assertThat(api.get("/embedded/oss/qingnuan-demo/tickets/u1/a.jpg?x-oss-signature-version=OSS4-HMAC-SHA256&x-oss-signature=x", null)
                .status()).isEqualTo(404);
    }
}
