package org.qingnuan.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.qingnuan.api.mini.MiniAuthApi;
import org.qingnuan.api.mini.MiniNoticeApi;
import org.qingnuan.api.story.MiniStoryApi;
import org.qingnuan.api.ticket.MiniTicketApi;
import org.qingnuan.testing.IntegrationTest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mini-program's contract is the *Api interfaces of miniprogram-api; the OpenAPI document the
 * front end reads must carry every one of their operations, described, with the schemas it needs.
 */
class MiniProgramContractIT extends IntegrationTest {

    @Test
    void everyOperationOfTheContractIsPublishedAndDescribed() {
        JsonNode docs = api.get("/v3/api-docs", null).body();
        List<String> operations = new ArrayList<>();
        for (Class<?> contract : List.of(MiniAuthApi.class, MiniTicketApi.class, MiniNoticeApi.class, MiniStoryApi.class)) {
            String base = contract.getAnnotation(RequestMapping.class).value()[0];
            for (Method m : contract.getDeclaredMethods()) {
                PostMapping post = m.getAnnotation(PostMapping.class);
                GetMapping get = m.getAnnotation(GetMapping.class);
                String verb = post != null ? "post" : "get";
                String path = base + (post != null ? post.value()[0] : get.value()[0]);
                operations.add(verb + " " + path);
                JsonNode operation = docs.get("paths").path(path).path(verb);
                assertThat(operation.isMissingNode()).as(verb + " " + path + " is not in the OpenAPI document").isFalse();
                assertThat(operation.path("summary").asText()).as("summary of " + path).isNotBlank();
            }
        }
        assertThat(operations).hasSizeGreaterThanOrEqualTo(13);

        JsonNode submit = docs.get("paths").get("/api/mini/tickets").get("post");
        assertThat(submit.get("parameters").findValuesAsText("name")).contains("Idempotency-Key");
        assertThat(submit.get("description").asText()).contains("IDEMPOTENCY_KEY_REUSED").contains("CONTENT_RISKY");
        JsonNode schemas = docs.get("components").get("schemas");
        assertThat(schemas.get("SubmitTicketRequest").get("required").toString()).contains("familyId").contains("description");
        assertThat(schemas.get("SubmitTicketRequest").get("properties").has("photoKeys")).isTrue();
        assertThat(schemas.get("TicketView").get("properties").get("history").toString()).contains("Event");
        assertThat(schemas.get("ApiError").get("properties").has("fieldErrors")).as("the one error shape").isTrue();
        assertThat(submit.get("responses").get("default").toString()).contains("ApiError");
        assertThat(submit.has("security")).as("submitting needs the bearer token").isTrue();
        assertThat(docs.get("paths").get("/api/mini/auth/login").get("post").has("security")).isFalse();
        assertThat(docs.get("paths").get("/api/mini/stories").get("get").has("security")).as("stories need a sign-in").isTrue();
        assertThat(schemas.get("StoryView").get("properties").get("photoUrls").path("description").asText()).isNotBlank();
    }
}
