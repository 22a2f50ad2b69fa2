package org.qingnuan.shared.web;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import org.springframework.stereotype.Component;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Names the OpenAPI schemas of our own types after their Java nesting, {@code MiniRequests.Login} and
 * {@code MiniUserView.Login} rather than {@code Login} twice: swagger-core names a schema by the simple
 * class name, so two nested records of one name became one schema and operations showed the wrong body.
 * A second Java type asking for a name already taken fails the document's build (an error at
 * {@code /v3/api-docs}), so a collision can never be published quietly.
 */
@Component
public class QualifiedSchemaNames implements ModelConverter {

    private static final String OURS = "org.qingnuan.";

    /**
     * Static like swagger-core's converter registry it serves ({@code ModelConverters.getInstance()} is one per
     * JVM): with several application contexts (tests), the last one registered names for all of them.
     */
    private static final Map<String, String> typeOfName = new ConcurrentHashMap<>();

    @Override
    public Schema resolve(AnnotatedType annotatedType, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        JavaType type = Json.mapper().constructType(annotatedType.getType());
        if (annotatedType.getName() == null && isOurs(type)) {
            String name = nameOf(type);
            String previous = typeOfName.putIfAbsent(name, type.toCanonical());
            if (previous != null && !previous.equals(type.toCanonical())) {
                throw new IllegalStateException("OpenAPI schema name " + name + " would mean both " + previous
                        + " and " + type.toCanonical() + "; rename one of them");
            }
            annotatedType.name(name);
        }
        return chain.next().resolve(annotatedType, context, chain);
    }

    /**
     * Our records and generic wrappers of them. Enums stay inline, containers are not schemas of their
     * own, and a class naming its schema itself ({@code @Schema(name = …)}) keeps that name.
     */
    private static boolean isOurs(JavaType type) {
        Class<?> raw = type.getRawClass();
        io.swagger.v3.oas.annotations.media.Schema own = raw.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        return raw.getName().startsWith(OURS) && !type.isContainerType() && !raw.isEnum()
                && (own == null || own.name().isEmpty());
    }

    /** {@code Outer.Inner} for nested classes; type arguments appended, as swagger-core does: {@code PageViewStoryCard}. */
    public static String nameOf(JavaType type) {
        String base = nestedName(type.getRawClass());
        if (type.getBindings().isEmpty()) {
            return base;
        }
        return base + type.getBindings().getTypeParameters().stream().map(QualifiedSchemaNames::argumentName)
                .collect(Collectors.joining());
    }

    private static String argumentName(JavaType argument) {
        if (argument.isCollectionLikeType() || argument.isArrayType()) {
            return argumentName(argument.getContentType()) + "List";
        }
        return argument.getRawClass().getName().startsWith(OURS) ? nameOf(argument).replace(".", "")
                : argument.getRawClass().getSimpleName();
    }

    private static String nestedName(Class<?> type) {
        return type.getEnclosingClass() == null ? type.getSimpleName()
                : nestedName(type.getEnclosingClass()) + "." + type.getSimpleName();
    }

    /** Schema name → Java type of every schema named so far in this JVM, for the contract tests. */
    public Map<String, String> names() {
        return Map.copyOf(typeOfName);
    }
}
