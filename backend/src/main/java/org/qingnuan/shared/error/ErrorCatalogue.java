package org.qingnuan.shared.error;

import io.swagger.v3.oas.annotations.media.Schema;
import org.qingnuan.api.error.ErrorCode;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Every error code the application can answer with, read from the {@link ErrorCode} enums on the class
 * path: the enums are the one source, and this is what the OpenAPI document ({@code x-error-codes}),
 * {@code GET /api/public/error-codes} and {@code docs/error-codes.md} publish.
 */
@Component
public class ErrorCatalogue {

    /** Where the enums live: the backend's features and the contract module. */
    static final String BASE_PACKAGE = "org.qingnuan";

    /**
     * One code. A code two features both declare (each its own PHOTO_STORAGE_UNAVAILABLE) is one entry:
     * they must agree on the status, and their messages are listed together.
     */
    public record Entry(@Schema(example = "TICKET_NOT_FOUND") String code,
                        @Schema(example = "404") int httpStatus,
                        @Schema(description = "默认的中文提示（接口可能给出更具体的说法；以响应中的 message 为准）") String message,
                        @Schema(description = "What a client should do, for developers") String clientAction,
                        @Schema(description = "The enums declaring it") List<String> declaredBy) {
    }

    private final List<Entry> entries;

    public ErrorCatalogue() {
        this(scan());
    }

    ErrorCatalogue(List<Class<? extends ErrorCode>> enums) {
        Map<String, List<ErrorCode>> byCode = new TreeMap<>();
        for (Class<? extends ErrorCode> type : enums) {
            if (!type.isEnum()) {
                throw new IllegalStateException(type.getName() + " implements ErrorCode but is not an enum");
            }
            for (ErrorCode code : type.getEnumConstants()) {
                byCode.computeIfAbsent(code.name(), k -> new ArrayList<>()).add(code);
            }
        }
        List<Entry> all = new ArrayList<>();
        byCode.forEach((name, codes) -> {
            codes.sort(Comparator.comparing(c -> c.getClass().getName()));
            ErrorCode first = codes.get(0);
            if (codes.stream().anyMatch(c -> c.httpStatus() != first.httpStatus())) {
                throw new IllegalStateException("Error code " + name + " has different HTTP statuses in " + codes.stream()
                        .map(c -> c.getClass().getSimpleName()).toList() + "; a code must mean one thing");
            }
            all.add(new Entry(name, first.httpStatus(),
                    codes.stream().map(ErrorCode::message).distinct().collect(Collectors.joining(" / ")),
                    first.clientAction(), codes.stream().map(c -> c.getClass().getSimpleName()).toList()));
        });
        this.entries = List.copyOf(all);
    }

    /** Sorted by code. */
    public List<Entry> entries() {
        return entries;
    }

    public Optional<Entry> find(String code) {
        return entries.stream().filter(e -> e.code().equals(code)).findFirst();
    }

    /** The catalogue as {@code docs/error-codes.md}: by HTTP status, then code. */
    public String markdown() {
        StringBuilder md = new StringBuilder("""
                # Error codes

                Generated from the `ErrorCode` enums (backend features and `miniprogram-api`); do not edit by hand.
                Refresh after changing an enum with (a test fails while this file differs from the enums)

                    mvn -B -ntp -Dskip.npm=true -pl miniprogram-api,backend -Dtest=ErrorCatalogueTest \\
                        -Dsurefire.failIfNoSpecifiedTests=false -Dqn.contract.refresh=true test

                 The same list is in the OpenAPI document
                (`x-error-codes`) and at `GET /api/public/error-codes`.

                Every failure answers `{code, message, traceId, fieldErrors}`: switch on `code`, show `message` as it
                is (it may be more specific than the default below), quote `traceId` to support. Which codes an
                operation can answer is listed under its responses in the OpenAPI document.

                """);
        Map<Integer, List<Entry>> byStatus = new TreeMap<>();
        entries.forEach(e -> byStatus.computeIfAbsent(e.httpStatus(), s -> new ArrayList<>()).add(e));
        byStatus.forEach((status, list) -> {
            md.append("## ").append(status).append("\n\n| code | message (default) | what the client should do |\n|---|---|---|\n");
            list.forEach(e -> md.append("| `").append(e.code()).append("` | ").append(cell(e.message())).append(" | ")
                    .append(cell(e.clientAction())).append(" |\n"));
            md.append('\n');
        });
        return md.toString().stripTrailing() + "\n";
    }

    /** For the OpenAPI document: code → {status, message, clientAction}. */
    public Map<String, Map<String, Object>> asExtension() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        entries.forEach(e -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("httpStatus", e.httpStatus());
            one.put("message", e.message());
            one.put("clientAction", e.clientAction());
            out.put(e.code(), one);
        });
        return out;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /** Every class implementing {@link ErrorCode} under {@link #BASE_PACKAGE}, enum or not (the constructor refuses non-enums). */
    @SuppressWarnings("unchecked")
    static List<Class<? extends ErrorCode>> scan() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return !definition.getMetadata().isInterface();
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(ErrorCode.class));
        return scanner.findCandidateComponents(BASE_PACKAGE).stream()
                .<Class<? extends ErrorCode>>map(d -> (Class<? extends ErrorCode>) ClassUtils.resolveClassName(
                        d.getBeanClassName(), ErrorCatalogue.class.getClassLoader()))
                .sorted(Comparator.comparing(Class::getName))
                .toList();
    }

}
