package org.qingnuan.shared.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.qingnuan.api.error.ApiError;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;
import java.util.Set;

/**
 * The published OpenAPI document, complete enough for a front end written without the backend's
 * code: bearer auth on every call that needs it, and the one error shape as every operation's
 * default response.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

    private static final String BEARER = "bearer";
    /** Operations anyone may call. */
    private static final Set<String> OPEN = Set.of("/api/admin/auth/login", "/api/mini/auth/login",
            "/api/mini/auth/dev-login", "/api/mini/auth/dev-users", "/api/mini/subscriptions/templates",
            "/api/public/certificates/{code}", "/api/public/certificates/{code}/qr.png");

    @Bean
    OpenAPI qingnuanOpenApi() {
        return new OpenAPI()
                .info(new Info().title("青暖 Qingnuan API").version("1")
                        .description("Staff API (/api/admin/**) and mini-program API (/api/mini/**). Every failure answers "
                                + "with ApiError {code, message, traceId, fieldErrors}: switch on code, show message. "
                                + "Flows: docs/miniprogram-api.md."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("POST /api/mini/auth/login (mini-program) or /api/admin/auth/login (staff) → token")));
    }

    @Bean
    OpenApiCustomizer errorShapeAndAuth() {
        return openApi -> {
            ResolvedSchema error = ModelConverters.getInstance().resolveAsResolvedSchema(
                    new io.swagger.v3.core.converter.AnnotatedType(ApiError.class));
            Map<String, Schema> schemas = openApi.getComponents().getSchemas();
            if (schemas != null) {
                schemas.put("ApiError", error.schema);
                error.referencedSchemas.forEach(schemas::putIfAbsent);
            }
            ApiResponse failure = new ApiResponse().description("失败：code 为稳定的错误码，message 为可直接展示的中文说明")
                    .content(new Content().addMediaType("application/json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/ApiError"))));
            openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
                operation.getResponses().addApiResponse("default", failure);
                if (!OPEN.contains(path)) {
                    operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
                }
            }));
        };
    }
}
