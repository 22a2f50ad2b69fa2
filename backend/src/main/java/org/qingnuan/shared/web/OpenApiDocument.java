package org.qingnuan.shared.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.qingnuan.api.error.ApiError;
import org.qingnuan.api.error.Failures;
import org.qingnuan.shared.error.ErrorCatalogue;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The published OpenAPI document, complete enough for a front end written without the backend's
 * code: bearer auth on every call that needs it, the one error shape as every operation's default
 * response, operation ids a client generator can use, and — for the mini-program and public calls —
 * every status an operation answers with, the error codes behind each, and example bodies.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

    private static final String BEARER = "bearer";
    private static final String FAILURES = "x-failures";
    /** Operations anyone may call. */
    private static final Set<String> OPEN = Set.of("/api/admin/auth/login", "/api/mini/auth/login",
            "/api/mini/auth/dev-login", "/api/mini/auth/dev-users", "/api/mini/subscriptions/templates",
            "/api/mini/dictionaries", "/api/public/certificates/{code}", "/api/public/certificates/{code}/qr.png",
            "/api/public/error-codes");
    /** Documented status by status, with their codes; the staff API keeps the default response only. */
    private static final List<String> FULLY_DOCUMENTED = List.of("/api/mini/", "/api/public/");
    static final String LOCAL_TIME = "北京时间（Asia/Shanghai）的本地时间，不带时区偏移，如 2026-11-25T10:30:00"
            + "（可能带毫秒：2026-11-25T10:30:00.125）";

    static {
        // Jackson writes LocalDateTime without an offset; "format: date-time" would promise one (RFC 3339)
        SpringDocUtils.getConfig().replaceWithSchema(LocalDateTime.class,
                new StringSchema().description(LOCAL_TIME).example("2026-11-25T10:30:00"));
    }

    @Bean
    OpenAPI qingnuanOpenApi() {
        return new OpenAPI()
                .info(new Info().title("青暖 Qingnuan API").version("1")
                        .description("Staff API (/api/admin/**) and mini-program API (/api/mini/**). Every failure answers "
                                + "with ApiError {code, message, traceId, fieldErrors}: switch on code, show message; the "
                                + "codes are listed in x-error-codes (also GET /api/public/error-codes, docs/error-codes.md). "
                                + "Date-times without an offset (LocalDateTime) are Asia/Shanghai local time, e.g. "
                                + "2026-11-25T10:30:00; instants (expiresAt) are UTC with a Z. "
                                + "Flows: docs/miniprogram-api.md."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("POST /api/mini/auth/login (mini-program) or /api/admin/auth/login (staff) → token")));
    }

    /**
     * Operation ids: the contract's own ({@code submitTicket}) where it names one, otherwise controller and
     * method ({@code ticketAdminGet}) instead of springdoc's {@code get_9}. Also notes the declared failures
     * for {@link #errorShapeAndAuth}.
     */
    @Bean
    OperationCustomizer operationIdsAndFailures() {
        return (operation, handler) -> {
            io.swagger.v3.oas.annotations.Operation declared =
                    handler.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class);
            if (declared == null || declared.operationId().isEmpty()) {
                String stem = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
                operation.setOperationId(StringUtils.uncapitalize(stem) + StringUtils.capitalize(handler.getMethod().getName()));
            }
            Failures failures = handler.getMethodAnnotation(Failures.class);
            if (failures != null) {
                operation.addExtension(FAILURES, List.of(failures.value()));
            }
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer errorShapeAndAuth(ErrorCatalogue catalogue) {
        return openApi -> {
            Components components = openApi.getComponents();
            ResolvedSchema error = ModelConverters.getInstance().resolveAsResolvedSchema(
                    new io.swagger.v3.core.converter.AnnotatedType(ApiError.class));
            if (components.getSchemas() == null) {
                components.setSchemas(new TreeMap<>());
            }
            Map<String, Schema> schemas = components.getSchemas();
            schemas.put("ApiError", error.schema);
            error.referencedSchemas.forEach(schemas::putIfAbsent);
            error.schema.getProperties().put("code", new Schema<>().$ref("#/components/schemas/ErrorCode"));
            schemas.put("ErrorCode", new StringSchema()._enum(catalogue.entries().stream().map(ErrorCatalogue.Entry::code).toList())
                    .description("稳定的错误码：按 code 处理，message 原样展示。每个码的状态、默认提示和处理方式见 x-error-codes。"));
            openApi.addExtension("x-error-codes", catalogue.asExtension());

            ApiResponse failure = new ApiResponse().description("失败：code 为稳定的错误码，message 为可直接展示的中文说明")
                    .content(errorContent());
            Examples examples = new Examples(schemas);
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                boolean open = OPEN.contains(path);
                if (!open) {
                    operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
                }
                if (FULLY_DOCUMENTED.stream().anyMatch(path::startsWith)) {
                    document(operation, open, catalogue, examples);
                }
                if (operation.getExtensions() != null) {
                    operation.getExtensions().remove(FAILURES);
                }
                operation.getResponses().addApiResponse("default", failure);
            }));
        };
    }

    /** Each status the operation can answer, with its codes and an example body per code; example bodies of success. */
    @SuppressWarnings("unchecked")
    private static void document(Operation operation, boolean open, ErrorCatalogue catalogue, Examples examples) {
        Set<String> codes = new LinkedHashSet<>();
        if (!open) {
            codes.add("UNAUTHENTICATED");
            codes.add("SESSION_EXPIRED");
            codes.add("SESSION_REVOKED");
            // a session not seen before the outage cannot be checked without Redis
            codes.add("REDIS_UNAVAILABLE");
        }
        codes.add("DATABASE_UNAVAILABLE");
        boolean readsBody = operation.getRequestBody() != null;
        boolean readsParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (readsBody || readsParameters) {
            codes.add("VALIDATION_FAILED");
        }
        if (readsBody) {
            codes.addAll(List.of("MALFORMED_JSON", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE"));
        }
        Object declared = operation.getExtensions() == null ? null : operation.getExtensions().get(FAILURES);
        if (declared != null) {
            codes.addAll((List<String>) declared);
        }
        Map<Integer, List<ErrorCatalogue.Entry>> byStatus = new TreeMap<>();
        for (String code : codes) {
            ErrorCatalogue.Entry entry = catalogue.find(code).orElseThrow(() -> new IllegalStateException(
                    "Operation " + operation.getOperationId() + " declares error code " + code + ", which no ErrorCode enum has"));
            byStatus.computeIfAbsent(entry.httpStatus(), s -> new ArrayList<>()).add(entry);
        }
        ApiResponses responses = operation.getResponses();
        responses.forEach((status, response) -> {
            if (response.getContent() != null && response.getContent().containsKey("*/*")) {
                MediaType json = response.getContent().remove("*/*");
                response.getContent().addMediaType("application/json", json);
            }
            if (response.getContent() != null) {
                response.getContent().values().forEach(media -> {
                    if (media.getExample() == null && media.getSchema() != null && media.getSchema().getFormat() == null) {
                        media.setExample(examples.of(media.getSchema()));
                    }
                });
            }
            if ("OK".equals(response.getDescription())) {
                response.setDescription("成功");
            }
        });
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            operation.getRequestBody().getContent().values().forEach(media -> {
                if (media.getExample() == null && media.getSchema() != null) {
                    media.setExample(examples.of(media.getSchema()));
                }
            });
        }
        byStatus.forEach((status, entries) -> {
            Content content = errorContent();
            MediaType media = content.get("application/json");
            Map<String, Example> perCode = new LinkedHashMap<>();
            StringBuilder description = new StringBuilder();
            for (ErrorCatalogue.Entry e : entries) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("code", e.code());
                body.put("message", e.message().split(" / ")[0]);
                body.put("traceId", "9f1c2e7a4b5d6e8f");
                body.put("fieldErrors", "VALIDATION_FAILED".equals(e.code())
                        ? List.of(Map.of("field", "description", "message", "请用 5 到 500 个字说明需要什么帮助")) : List.of());
                perCode.put(e.code(), new Example().summary(e.code()).value(body));
                if (!description.isEmpty()) {
                    description.append("；");
                }
                description.append(e.code()).append("（").append(e.clientAction()).append("）");
            }
            media.setExamples(perCode);
            ApiResponse response = new ApiResponse().description(description.toString()).content(content);
            response.addExtension("x-error-codes", entries.stream().map(ErrorCatalogue.Entry::code).toList());
            responses.addApiResponse(String.valueOf(status), response);
        });
    }

    private static Content errorContent() {
        return new Content().addMediaType("application/json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/ApiError")));
    }

    /** Example values made from the schemas: a property's own example where it has one, else one by type. */
    private record Examples(Map<String, Schema> schemas) {

        Object of(Schema<?> schema) {
            return of(schema, 0);
        }

        private Object of(Schema<?> schema, int depth) {
            if (schema == null || depth > 6) {
                return null;
            }
            if (schema.get$ref() != null) {
                return of(schemas.get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1)), depth + 1);
            }
            if (schema.getExample() != null) {
                return schema.getExample();
            }
            if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
                return schema.getEnum().get(0);
            }
            if (schema.getProperties() != null) {
                Map<String, Object> object = new LinkedHashMap<>();
                schema.getProperties().forEach((name, property) -> object.put(name, of(property, depth + 1)));
                return object;
            }
            String type = schema.getType() != null ? schema.getType()
                    : schema.getTypes() == null || schema.getTypes().isEmpty() ? null : schema.getTypes().iterator().next();
            if (type == null) {
                return null;
            }
            return switch (type) {
                case "array" -> Collections.singletonList(of(schema.getItems(), depth + 1));
                case "object" -> schema.getAdditionalProperties() instanceof Schema<?> values
                        ? Collections.singletonMap("key", of(values, depth + 1)) : Map.of();
                case "integer" -> 1;
                case "number" -> 1.5;
                case "boolean" -> false;
                case "string" -> switch (String.valueOf(schema.getFormat())) {
                    case "date-time" -> "2026-11-25T02:30:00Z";
                    case "date" -> "2026-11-25";
                    case "binary" -> null;
                    default -> "文本";
                };
                default -> null;
            };
        }
    }
}
