package org.qingnuan.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.qingnuan.api.error.Failures;
import org.qingnuan.shared.web.QualifiedSchemaNames;
import org.qingnuan.testing.Api;
import org.qingnuan.testing.CommittedFile;
import org.qingnuan.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mini-program's contract is the Mini*Api interfaces of miniprogram-api; the OpenAPI document the
 * front end reads must carry every one of their operations, described, with distinct schemas, every
 * status they answer and the error codes behind each. The /api/mini part of the document is committed as
 * miniprogram-api/openapi/mini-openapi.json, and the client is type-checked against that file: a change
 * of the contract shows up as a diff there (refresh with -Dqn.contract.refresh=true).
 */
class MiniProgramContractIT extends IntegrationTest {

    static final String SNAPSHOT = "../miniprogram-api/openapi/mini-openapi.json";
    static final String REFRESH_COMMAND = "mvn -B -ntp -Dskip.npm=true -Dskip.e2e=true -pl miniprogram-api,admin-web,backend "
            + "-Dtest=MiniProgramContractIT -Dsurefire.failIfNoSpecifiedTests=false -Dqn.contract.refresh=true verify";
    private static final ObjectMapper SORTED = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    QualifiedSchemaNames schemaNames;

    private JsonNode docs() {
        Api.Response response = api.get("/v3/api-docs", null);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body();
    }

    @Test
    void everyOperationOfTheContractIsPublishedAndDescribed() {
        JsonNode docs = docs();
        List<String> operations = new ArrayList<>();
        for (Class<?> contract : contracts()) {
            String base = contract.getAnnotation(RequestMapping.class).value()[0];
            for (Method m : contract.getDeclaredMethods()) {
                String verb = verb(m);
                String[] sub = sub(m);
                String path = base + (sub.length == 0 ? "" : sub[0]);
                operations.add(verb + " " + path);
                JsonNode operation = docs.get("paths").path(path).path(verb);
                assertThat(operation.isMissingNode()).as(verb + " " + path + " is not in the OpenAPI document").isFalse();
                assertThat(operation.path("summary").asText()).as("summary of " + path).isNotBlank();
            }
        }
        assertThat(operations).hasSizeGreaterThanOrEqualTo(33);

        JsonNode submit = docs.get("paths").get("/api/mini/tickets").get("post");
        assertThat(submit.get("parameters").findValuesAsText("name")).contains("Idempotency-Key");
        assertThat(submit.get("description").asText()).contains("IDEMPOTENCY_KEY_REUSED").doesNotContain("CONTENT_RISKY");
        JsonNode schemas = docs.get("components").get("schemas");
        assertThat(schemas.get("SubmitTicketRequest").get("required").toString()).contains("familyId").contains("description");
        assertThat(schemas.get("SubmitTicketRequest").get("properties").has("photoKeys")).isTrue();
        assertThat(schemas.get("MiniTicketView").get("properties").get("history").toString()).contains("MiniTicketView.Step");
        assertThat(schemas.get("ApiError").get("properties").has("fieldErrors")).as("the one error shape").isTrue();
        assertThat(submit.get("responses").get("default").toString()).contains("ApiError");
        assertThat(submit.has("security")).as("submitting needs the bearer token").isTrue();
        assertThat(docs.get("paths").get("/api/mini/auth/login").get("post").has("security")).isFalse();
        assertThat(docs.get("paths").get("/api/mini/dictionaries").get("get").has("security")).isFalse();
        assertThat(docs.get("paths").get("/api/mini/stories").get("get").has("security")).as("stories need a sign-in").isTrue();
        assertThat(schemas.get("StoryView").get("properties").get("photoUrls").path("description").asText()).isNotBlank();
    }

    /** Issue 14: the family's view carries nothing only staff may see. */
    @Test
    void theFamilyViewOfATicketHasNoStaffFields() {
        JsonNode properties = docs().get("components").get("schemas").get("MiniTicketView").get("properties");
        assertThat(properties.has("dispatch")).isFalse();
        assertThat(properties.has("actions")).isFalse();
        assertThat(properties.has("crisis")).as("the family is told a crisis call is coming").isTrue();
        assertThat(properties.has("contentCheck")).isFalse();
        assertThat(miniPart(docs()).get("components").get("schemas").has("TicketView")).as("the staff view").isFalse();
    }

    /**
     * One Java type, one schema: walks every controller's signatures (return types, bodies, generics and the
     * records they hold) and requires a schema of its own for each of our types, under a name no other type has.
     */
    @Test
    void everyJavaTypeOfTheApiHasASchemaOfItsOwn() {
        JsonNode schemas = docs().get("components").get("schemas");
        Map<String, String> named = schemaNames.names();
        Set<Type> reachable = new LinkedHashSet<>();
        for (HandlerMethod handler : mappings.getHandlerMethods().values()) {
            if (!handler.getBeanType().getName().startsWith("org.qingnuan.")) {
                continue;
            }
            collect(handler.getMethod().getGenericReturnType(), reachable);
            for (Parameter p : handler.getMethod().getParameters()) {
                if (hasRequestBody(handler, p)) {
                    collect(p.getParameterizedType(), reachable);
                }
            }
        }
        Map<String, Type> typeOfSchema = new HashMap<>();
        for (Type type : reachable) {
            String name = QualifiedSchemaNames.nameOf(new ObjectMapper().constructType(type));
            Type other = typeOfSchema.putIfAbsent(name, type);
            assertThat(other == null || other.equals(type)).as("schema " + name + " for both " + other + " and " + type).isTrue();
            assertThat(schemas.has(name)).as("no schema " + name + " for " + type.getTypeName()).isTrue();
        }
        assertThat(typeOfSchema).hasSizeGreaterThan(100);
        assertThat(named).as("what the document build named").containsKeys("MiniRequests.Login", "MiniUserView.Login");

        JsonNode login = docs().get("paths").get("/api/mini/auth/login").get("post");
        assertThat(login.get("requestBody").toString()).contains("#/components/schemas/MiniRequests.Login");
        assertThat(login.get("responses").get("200").toString()).contains("#/components/schemas/MiniUserView.Login");
    }

    @Test
    void operationIdsAreMeaningfulAndUnique() {
        Set<String> ids = new LinkedHashSet<>();
        JsonNode docs = docs();
        docs.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String id = op.getValue().path("operationId").asText();
            assertThat(id).as(op.getKey() + " " + path.getKey()).isNotBlank().doesNotContainPattern("_\\d+$");
            assertThat(ids.add(id)).as("operationId " + id + " used twice").isTrue();
        }));
        assertThat(docs.get("paths").get("/api/mini/tickets").get("post").get("operationId").asText()).isEqualTo("submitTicket");
    }

    /** Every status an operation of /api/mini can answer, with its codes, and example bodies. */
    @Test
    void everyMiniOperationDocumentsItsStatusesCodesAndExamples() throws Exception {
        JsonNode docs = docs();
        Map<String, Integer> statusOf = new HashMap<>();
        for (JsonNode e : catalogue()) {
            statusOf.put(e.get("code").asText(), e.get("httpStatus").asInt());
        }
        for (Class<?> contract : contracts()) {
            String base = contract.getAnnotation(RequestMapping.class).value()[0];
            for (Method m : contract.getDeclaredMethods()) {
                String[] sub = sub(m);
                String path = base + (sub.length == 0 ? "" : sub[0]);
                JsonNode op = docs.get("paths").get(path).get(verb(m));
                JsonNode responses = op.get("responses");
                String name = path + " " + m.getName();
                boolean created = m.getReturnType() == ResponseEntity.class && "post".equals(verb(m));
                String success = created ? "201" : "200";
                assertThat(responses.has(success)).as(name + " answers " + success + ": " + responses.fieldNames()).isTrue();
                JsonNode body = responses.get(success).path("content");
                if (!body.isMissingNode() && body.has("application/json")) {
                    assertThat(body.get("application/json").has("example")).as("example of " + name).isTrue();
                }
                if (op.has("requestBody")) {
                    assertThat(op.get("requestBody").get("content").get("application/json").has("example")).as(name).isTrue();
                    assertThat(responses.get("400").get("x-error-codes").toString()).contains("VALIDATION_FAILED");
                }
                if (op.has("security")) {
                    assertThat(responses.get("401").get("x-error-codes").toString()).contains("SESSION_EXPIRED");
                }
                Failures failures = m.getAnnotation(Failures.class);
                for (String code : failures == null ? new String[0] : failures.value()) {
                    JsonNode status = responses.get(String.valueOf(statusOf.get(code)));
                    assertThat(status).as(name + " documents " + code).isNotNull();
                    assertThat(status.get("x-error-codes").toString()).contains(code);
                    assertThat(status.get("content").get("application/json").get("examples").has(code)).isTrue();
                }
            }
        }
        JsonNode submit = docs.get("paths").get("/api/mini/tickets").get("post").get("responses");
        assertThat(submit.get("201").get("headers").has("Location")).isTrue();
        // the text is checked after the 201 (issue 19): a submission is never refused for its wording
        assertThat(submit.get("422").get("x-error-codes").toString()).doesNotContain("CONTENT_RISKY").contains("IDEMPOTENCY_KEY_REUSED");
        assertThat(submit.get("503").get("x-error-codes").toString()).contains("PHOTO_STORAGE_UNAVAILABLE");
        assertThat(docs.get("paths").get("/api/mini/volunteer").get("post").get("responses").get("201").get("headers").has("Location"))
                .isTrue();
        assertThat(docs.get("paths").get("/api/mini/volunteer/tasks/{id}/claim").get("post").get("responses").get("409")
                .get("x-error-codes").toString()).contains("TICKET_STATE_CONFLICT").contains("TOO_MANY_ACTIVE_TASKS");
    }

    @Test
    void dateTimesSayTheyAreShanghaiLocalTime() {
        JsonNode createdAt = docs().get("components").get("schemas").get("MiniTicketView").get("properties").get("createdAt");
        assertThat(createdAt.path("format").isMissingNode()).as("no RFC 3339 date-time: there is no offset").isTrue();
        assertThat(createdAt.get("description").asText()).contains("Asia/Shanghai");
    }

    @Test
    void theErrorCatalogueIsInTheDocumentAndAtItsEndpoint() throws Exception {
        JsonNode docs = docs();
        JsonNode catalogue = catalogue();
        assertThat(catalogue.size()).isGreaterThanOrEqualTo(90);
        for (JsonNode e : catalogue) {
            assertThat(docs.get("x-error-codes").has(e.get("code").asText())).isTrue();
            assertThat(e.get("clientAction").asText()).isNotBlank();
        }
        assertThat(docs.get("components").get("schemas").get("ErrorCode").get("enum").size()).isEqualTo(catalogue.size());
        assertThat(docs.get("components").get("schemas").get("ApiError").get("properties").get("code").get("$ref").asText())
                .endsWith("/ErrorCode");
    }

    @Test
    void theDictionariesAnswerWithoutSignInInTheAgreedShape() {
        Api.Response r = api.get("/api/mini/dictionaries", null);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().fieldNames()).toIterable().containsExactly("ticketCategory", "urgency", "skill", "contactMethod",
                "ticketStatus", "checkInMethod", "volunteerStatus", "closeReason", "roleKind");
        r.body().properties().forEach(list -> {
            assertThat(list.getValue().size()).as(list.getKey()).isGreaterThan(1);
            list.getValue().forEach(entry -> {
                assertThat(entry.fieldNames()).toIterable().containsExactly("code", "label");
                assertThat(entry.get("label").asText()).as(entry.toString()).isNotEqualTo(entry.get("code").asText()).isNotBlank();
            });
        });
        assertThat(r.body().get("ticketCategory").get(4).toString()).isEqualTo("{\"code\":\"MEALS\",\"label\":\"送餐\"}");
    }

    @Test
    void aWrongEnumValueIsExplainedWithTheLabelsPeopleSee() {
        Api.Response login = api.post("/api/mini/auth/login", null, Map.of("code", "code-oEnum" + System.nanoTime()));
        String token = login.body().get("token").asText();
        Api.Response r = api.post("/api/mini/tickets", token, Map.of("familyId", 1, "category", "FOOD",
                "description", "想请志愿者帮忙送几天午饭", "contactMethod", "PHONE_CALL"), Map.of("Idempotency-Key", "k-" + System.nanoTime()));
        assertThat(r.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(r.fieldError("category")).contains("送餐").contains("心理疏导").doesNotContain("MEALS");
    }

    /** The committed snapshot the mini-program client is type-checked against. */
    @Test
    void theCommittedMiniProgramContractIsTheLiveOne() throws Exception {
        JsonNode mini = miniPart(docs());
        CommittedFile.check(SNAPSHOT, "target/mini-openapi.json", SORTED.writeValueAsString(sorted(mini)) + "\n", REFRESH_COMMAND);
    }

    /** /api/mini paths, the schemas they reach, the error catalogue; no servers (the port is random). */
    static JsonNode miniPart(JsonNode docs) {
        ObjectNode out = new ObjectMapper().createObjectNode();
        out.put("openapi", docs.get("openapi").asText());
        out.set("info", docs.get("info"));
        out.set("x-error-codes", docs.get("x-error-codes"));
        ObjectNode paths = out.putObject("paths");
        Set<String> tags = new LinkedHashSet<>();
        docs.get("paths").properties().forEach(p -> {
            if (p.getKey().startsWith("/api/mini/")) {
                paths.set(p.getKey(), p.getValue());
                p.getValue().findValues("tags").forEach(t -> t.forEach(tag -> tags.add(tag.asText())));
            }
        });
        JsonNode schemas = docs.get("components").get("schemas");
        Set<String> needed = new java.util.TreeSet<>();
        List<JsonNode> todo = new ArrayList<>(List.of(paths));
        while (!todo.isEmpty()) {
            JsonNode node = todo.remove(todo.size() - 1);
            for (JsonNode ref : node.findValues("$ref")) {
                String name = ref.asText().substring("#/components/schemas/".length());
                if (needed.add(name)) {
                    todo.add(schemas.get(name));
                }
            }
        }
        ObjectNode components = out.putObject("components");
        ObjectNode kept = components.putObject("schemas");
        needed.forEach(name -> kept.set(name, schemas.get(name)));
        components.set("securitySchemes", docs.get("components").get("securitySchemes"));
        if (docs.has("tags")) {
            ArrayNode keptTags = out.putArray("tags");
            docs.get("tags").forEach(t -> {
                if (tags.contains(t.get("name").asText())) {
                    keptTags.add(t);
                }
            });
        }
        return out;
    }

    /** Object keys sorted at every level; arrays keep their order (it means something there). */
    static Object sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new TreeMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), sorted(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(n -> list.add(sorted(n)));
            return list;
        }
        return node;
    }

    private JsonNode catalogue() {
        Api.Response r = api.get("/api/public/error-codes", null);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    /** Every Mini*Api interface of the contract module. */
    static List<Class<?>> contracts() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition d) {
                return d.getMetadata().isInterface();
            }
        };
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile("org\\.qingnuan\\.api\\..*\\.Mini[A-Za-z]*Api")));
        List<Class<?>> found = new ArrayList<>();
        scanner.findCandidateComponents("org.qingnuan.api").forEach(d -> {
            try {
                found.add(Class.forName(d.getBeanClassName()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        });
        found.sort(Comparator.comparing(Class::getName));
        assertThat(found).hasSizeGreaterThanOrEqualTo(8);
        return found;
    }

    private static boolean hasRequestBody(HandlerMethod handler, Parameter p) {
        for (org.springframework.core.MethodParameter mp : handler.getMethodParameters()) {
            if (mp.getParameterIndex() >= 0 && mp.getParameter().getName().equals(p.getName())
                    && mp.hasParameterAnnotation(RequestBody.class)) {
                return true;
            }
        }
        return false;
    }

    /** Our types reachable from a type: the type itself if ours, generic arguments, record components. */
    private static void collect(Type type, Set<Type> into) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (raw.getName().startsWith("org.qingnuan.") && into.add(p)) {
                collectComponents(raw, into);
            }
            for (Type argument : p.getActualTypeArguments()) {
                collect(argument, into);
            }
        } else if (type instanceof Class<?> c) {
            if (c.isArray()) {
                collect(c.getComponentType(), into);
            } else if (c.getName().startsWith("org.qingnuan.") && !c.isEnum() && c.getTypeParameters().length == 0
                    && !c.isInterface() && into.add(c)) {
                collectComponents(c, into);
            }
        }
    }

    private static void collectComponents(Class<?> c, Set<Type> into) {
        if (!c.isRecord()) {
            return;
        }
        for (RecordComponent component : c.getRecordComponents()) {
            if (component.getAccessor().isAnnotationPresent(com.fasterxml.jackson.annotation.JsonIgnore.class)) {
                continue;
            }
            Type t = component.getGenericType();
            if (t instanceof java.lang.reflect.TypeVariable<?>) {
                continue;
            }
            collect(t, into);
        }
    }

    /** The HTTP method of a contract operation, lower case as in the OpenAPI document. */
    private static String verb(Method m) {
        if (m.isAnnotationPresent(PostMapping.class)) {
            return "post";
        }
        if (m.isAnnotationPresent(org.springframework.web.bind.annotation.PutMapping.class)) {
            return "put";
        }
        if (m.isAnnotationPresent(org.springframework.web.bind.annotation.DeleteMapping.class)) {
            return "delete";
        }
        return "get";
    }

    private static String[] sub(Method m) {
        return switch (verb(m)) {
            case "post" -> m.getAnnotation(PostMapping.class).value();
            case "put" -> m.getAnnotation(org.springframework.web.bind.annotation.PutMapping.class).value();
            case "delete" -> m.getAnnotation(org.springframework.web.bind.annotation.DeleteMapping.class).value();
            default -> m.getAnnotation(GetMapping.class).value();
        };
    }
}
