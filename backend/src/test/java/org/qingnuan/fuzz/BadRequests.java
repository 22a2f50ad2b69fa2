package org.qingnuan.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates bad requests from the application's own OpenAPI document: for every operation, a request close to a
 * valid one with one thing wrong — a path or query parameter of the wrong type, overflowing or huge, an unknown enum
 * value, a body field of the wrong type, huge, overflowing, null or missing, JSON that is not JSON, a content type or
 * Accept the operation does not take, an odd path (encoded slash, NUL, invalid UTF-8, {@code ..;}, {@code //}), no
 * or a wrong token, a method the path does not have. Seeded, so a failure is reproduced by its seed and index.
 */
final class BadRequests {

    enum Caller { STAFF, MINI, NONE }

    record Operation(String method, String path, JsonNode spec) {
        Caller caller() {
            if (path.startsWith("/api/admin/") && !path.equals("/api/admin/auth/login")) {
                return Caller.STAFF;
            }
            return path.startsWith("/api/mini/") && !path.startsWith("/api/mini/auth/") ? Caller.MINI : Caller.NONE;
        }
    }

    /** One request to send; {@code caller} says whose token goes in {@code Authorization} (unless a mutation says otherwise). */
    record Case(String label, String method, byte[] target, Map<String, String> headers, byte[] body, Caller caller,
                boolean withToken, String otherToken) {
        String describe() {
            String t = new String(target, StandardCharsets.ISO_8859_1);
            return method + " " + (t.length() > 160 ? t.substring(0, 160) + "…(" + t.length() + ")" : t) + " [" + label + "]";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String HUGE = "长".repeat(20_000);
    private static final String[] ODD_SUFFIXES = {"%2F..%2Fetc", "%00", "%C3%28", "%FF%FE", "..;/x", ";jsessionid=1",
            "//x", "%2e%2e/%2e%2e/x", "%5C..%5Cx", "%ZZ", "%", "x%0Ay", "\u00e9".repeat(3), "..%252F",
            "a".repeat(3000), "%E4%BD", "x?page=1&page=abc&size=%00", "{x}", "|x", "x\"y", "<x>", "x^y", "%u0041"};
    private static final String[] ACCEPTS = {"text/csv", "application/xml", "image/png", "text/html", "application/pdf;q=1",
            "*/*;q=0", "garbage"};
    private static final String[] CONTENT_TYPES = {"text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/json; charset=latin1", "garbage/"};

    private final JsonNode doc;
    private final Random random;
    private final List<Operation> operations = new ArrayList<>();

    BadRequests(JsonNode doc, long seed) {
        this.doc = doc;
        this.random = new Random(seed);
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (List.of("get", "post", "put", "patch", "delete").contains(op.getKey())
                        && !path.getKey().endsWith("/auth/logout") && !path.getKey().contains("/test-only/")) {
                    // signing out would end the generator's own sessions; the test-only endpoint fails on purpose
                    operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), op.getValue()));
                }
            }
        }
    }

    List<Operation> operations() {
        return operations;
    }

    /** The i-th request: operations in turn, the kind of mistake drawn from the seed. */
    Case next(int i) {
        Operation op = operations.get(i % operations.size());
        int kind = random.nextInt(18);
        return make(op, kind);
    }

    private Case make(Operation op, int kind) {
        Map<String, String> pathValues = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        List<JsonNode> pathParams = new ArrayList<>();
        List<JsonNode> queryParams = new ArrayList<>();
        for (JsonNode p : op.spec().path("parameters")) {
            JsonNode schema = resolve(p.path("schema"));
            if ("path".equals(p.path("in").asText())) {
                pathParams.add(p);
                pathValues.put(p.get("name").asText(), scalar(schema));
            } else if ("query".equals(p.path("in").asText())) {
                queryParams.add(p);
                if (p.path("required").asBoolean() || random.nextBoolean()) {
                    query.putAll(queryValue(p.get("name").asText(), schema));
                }
            }
        }
        JsonNode bodySchema = op.spec().path("requestBody").path("content").path("application/json").path("schema");
        boolean multipart = op.spec().path("requestBody").path("content").has("multipart/form-data");
        JsonNode body = bodySchema.isMissingNode() ? null : sample(resolve(bodySchema), 0);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        byte[] raw = body == null ? null : bytes(body);
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        if (op.spec().path("parameters").toString().contains("Idempotency-Key")) {
            headers.put("Idempotency-Key", java.util.UUID.randomUUID().toString());
        }
        String method = op.method();
        String label;
        String suffix = "";
        boolean withToken = true;
        String otherToken = null;
        switch (kind) {
            case 0 -> label = "as documented";
            case 1, 2, 3 -> {
                if (pathParams.isEmpty()) {
                    label = "odd query value";
                    query.put(queryParams.isEmpty() ? "page" : pick(queryParams).get("name").asText(), oddScalar(kind));
                } else {
                    JsonNode p = pick(pathParams);
                    pathValues.put(p.get("name").asText(), oddScalar(kind));
                    label = "path " + p.get("name").asText() + " " + kindName(kind);
                }
            }
            case 4 -> {
                String name = queryParams.isEmpty() ? "size" : pick(queryParams).get("name").asText();
                query.put(name, oddScalar(1 + random.nextInt(4)));
                label = "query " + name + " odd";
            }
            case 5, 6, 7, 8 -> {
                if (body instanceof ObjectNode object && object.size() > 0) {
                    List<String> names = new ArrayList<>();
                    object.fieldNames().forEachRemaining(names::add);
                    String field = names.get(random.nextInt(names.size()));
                    object.set(field, oddValue(kind));
                    raw = bytes(object);
                    label = "body " + field + " " + kindName(kind);
                } else if (body != null) {
                    raw = bytes(oddValue(kind));
                    label = "body replaced by " + kindName(kind);
                } else {
                    query.put(queryParams.isEmpty() ? "page" : pick(queryParams).get("name").asText(), oddScalar(kind));
                    label = "query " + kindName(kind);
                }
            }
            case 9 -> {
                raw = body == null ? null : (random.nextBoolean() ? "{}" : "null").getBytes(StandardCharsets.UTF_8);
                query.clear();
                label = "missing fields and parameters";
            }
            case 10 -> {
                String text = body == null ? "{\"a\":" : body.toString();
                String[] broken = {text.substring(0, Math.max(1, text.length() / 2)), text + "}", "[" + text, "{'a':1}",
                        "\u0000\u0001", "{\"a\":1,\"a\":2}", "{\"x\":" + "[".repeat(5000) + "}", text.replace(":", "=")};
                raw = broken[random.nextInt(broken.length)].getBytes(StandardCharsets.UTF_8);
                headers.put("Content-Type", "application/json");
                label = "broken JSON";
            }
            case 11 -> {
                if (body instanceof ObjectNode object) {
                    object.fieldNames().forEachRemaining(f -> object.putNull(f));
                    raw = bytes(object);
                    label = "every field null";
                } else {
                    raw = "[{},{},{}]".getBytes(StandardCharsets.UTF_8);
                    headers.put("Content-Type", "application/json");
                    label = "array body";
                }
            }
            case 12 -> {
                headers.put("Accept", ACCEPTS[random.nextInt(ACCEPTS.length)]);
                label = "Accept " + headers.get("Accept");
            }
            case 13 -> {
                headers.put("Content-Type", CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)]);
                if (raw == null) {
                    raw = "a=1".getBytes(StandardCharsets.UTF_8);
                }
                label = "Content-Type " + headers.get("Content-Type");
            }
            case 14 -> {
                suffix = ODD_SUFFIXES[random.nextInt(ODD_SUFFIXES.length)];
                label = "odd path";
            }
            case 15 -> {
                int which = random.nextInt(3);
                withToken = which != 0;
                otherToken = which == 1 ? "not-a-token-" + "x".repeat(random.nextInt(600)) : which == 2 ? "OTHER" : null;
                label = which == 0 ? "no token" : which == 1 ? "garbage token" : "the other caller's token";
            }
            case 16 -> {
                method = new String[]{"PATCH", "PUT", "DELETE", "POST", "GET"}[random.nextInt(5)];
                label = "method " + method;
            }
            default -> {
                if (multipart) {
                    headers.put("Content-Type", "multipart/form-data; boundary=qnfuzz");
                    raw = ("--qnfuzz\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--qnfuzz--\r\n")
                            .getBytes(StandardCharsets.UTF_8);
                    label = "multipart without its file";
                } else {
                    query.put("page", "-1");
                    query.put("size", "100000");
                    label = "paging out of range";
                }
            }
        }
        StringBuilder target = new StringBuilder();
        String path = op.path();
        for (Map.Entry<String, String> v : pathValues.entrySet()) {
            path = path.replace("{" + v.getKey() + "}", v.getValue());
        }
        target.append(path).append(suffix);
        if (!query.isEmpty()) {
            target.append(target.indexOf("?") < 0 ? '?' : '&');
            query.forEach((k, v) -> target.append(k).append('=').append(v).append('&'));
            target.setLength(target.length() - 1);
        }
        return new Case(label, method, target.toString().getBytes(StandardCharsets.UTF_8), headers, raw, op.caller(),
                withToken, otherToken);
    }

    private Map<String, String> queryValue(String name, JsonNode schema) {
        if (schema.has("properties")) {
            // a flattened query object (paging, filters): its properties are the parameters
            Map<String, String> values = new LinkedHashMap<>();
            schema.get("properties").fields().forEachRemaining(e -> values.put(e.getKey(), scalar(resolve(e.getValue()))));
            return values;
        }
        return Map.of(name, scalar(schema));
    }

    private String oddScalar(int kind) {
        return switch (kind) {
            case 1 -> new String[]{"abc", "1.5", "true", "%7B%7D", "-", "0x10"}[random.nextInt(6)];
            case 2 -> new String[]{"99999999999999999999999", "-9223372036854775809", "1e400", "-0", "NaN"}[random.nextInt(5)];
            case 3 -> "x".repeat(5000);
            default -> new String[]{"NOT_A_VALUE", "%E4%B8%8D%E6%98%AF", "", "%20", "null"}[random.nextInt(5)];
        };
    }

    private JsonNode oddValue(int kind) {
        return switch (kind) {
            case 5 -> new JsonNode[]{NODES.textNode("abc"), NODES.numberNode(1), NODES.booleanNode(true), NODES.objectNode(),
                    NODES.arrayNode().add("x"), NODES.numberNode(1.5)}[random.nextInt(6)];
            case 6 -> NODES.textNode(HUGE);
            case 7 -> new JsonNode[]{NODES.numberNode(new java.math.BigInteger("99999999999999999999999999")),
                    NODES.numberNode(new java.math.BigDecimal("1e400")), NODES.numberNode(-1), NODES.numberNode(Long.MIN_VALUE),
                    NODES.numberNode(0)}[random.nextInt(5)];
            default -> NODES.textNode(new String[]{"NOT_AN_ENUM", "", "  ", "\u0000", "<script>"}[random.nextInt(5)]);
        };
    }

    private static String kindName(int kind) {
        return switch (kind) {
            case 1, 5 -> "wrong type";
            case 2, 7 -> "overflowing";
            case 3, 6 -> "huge";
            default -> "bad enum";
        };
    }

    private JsonNode pick(List<JsonNode> nodes) {
        return nodes.get(random.nextInt(nodes.size()));
    }

    /** A plausible value of the schema, as a URL-safe string. */
    private String scalar(JsonNode schema) {
        JsonNode value = sample(schema, 0);
        String text = value.isTextual() ? value.asText() : value.toString();
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** A plausible value of the schema (enums' first value, formats honoured), to be broken in one place. */
    JsonNode sample(JsonNode schema, int depth) {
        schema = resolve(schema);
        if (depth > 6) {
            return NODES.nullNode();
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        for (String combinator : new String[]{"allOf", "oneOf", "anyOf"}) {
            if (schema.has(combinator)) {
                return sample(schema.get(combinator).get(0), depth + 1);
            }
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        String format = schema.path("format").asText("");
        return switch (type) {
            case "integer", "number" -> NODES.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
            case "boolean" -> NODES.booleanNode(true);
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(sample(schema.path("items"), depth + 1));
                yield array;
            }
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                schema.path("properties").fields().forEachRemaining(e -> object.set(e.getKey(), sample(e.getValue(), depth + 1)));
                yield object;
            }
            default -> NODES.textNode(switch (format) {
                case "date" -> "2026-12-07";
                case "date-time" -> "2026-12-07T10:00:00";
                case "time", "partial-time" -> "10:00:00";
                case "binary" -> "x";
                default -> schema.has("pattern") ? "13800138000" : "测试内容";
            });
        };
    }

    private JsonNode resolve(JsonNode schema) {
        int guard = 0;
        while (schema.has("$ref") && guard++ < 10) {
            String ref = schema.get("$ref").asText();
            schema = doc.at(ref.substring(1));
        }
        return schema;
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
