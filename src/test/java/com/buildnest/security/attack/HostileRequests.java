package com.buildnest.security.attack;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.buildnest.security.attack.ApiOperations.Operation;
import com.buildnest.security.attack.ApiOperations.Parameter;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Malformed, boundary and hostile requests for one operation of the OpenAPI document, the same for
 * the same seed. Each starts from a plausible request built from the schema (so it reaches the
 * handler's own checks, not just the JSON parser) and spoils one thing: one body property, one path
 * or query parameter, the JSON itself, or the content type.
 */
final class HostileRequests {

    /** A request to send: path with its query, headers, body (null for none) and what it tries. */
    record FuzzRequest(String method, String path, Map<String, String> headers, String body, String attempt) {

        FuzzRequest withHeaders(Map<String, String> more) {
            Map<String, String> merged = new LinkedHashMap<>(headers);
            merged.putAll(more);
            return new FuzzRequest(method, path, merged, body, attempt);
        }

        @Override
        public String toString() {
            return method + " " + (path.length() > 160 ? path.substring(0, 160) + "…" : path) + " [" + attempt + "]";
        }
    }

    /** An id no row has: plausible path ids that reach the handler but never touch shared data. */
    static final String MISSING_ID = "987654321";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Values of the wrong type or at the edges of what a JSON number or string can be. */
    static final List<JsonNode> HOSTILE_VALUES = List.of(
            NODES.nullNode(), NODES.booleanNode(true), NODES.arrayNode(), NODES.objectNode(),
            NODES.numberNode(-1), NODES.numberNode(0), NODES.numberNode(2_147_483_648L),
            NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(new java.math.BigInteger("99999999999999999999999999")),
            NODES.numberNode(-9_223_372_036_854_775_807L), NODES.numberNode(new java.math.BigDecimal("1e308")),
            NODES.numberNode(new java.math.BigDecimal("0.000000001")), NODES.numberNode(new java.math.BigDecimal("-0.5")),
            NODES.stringNode(""), NODES.stringNode(" "), NODES.stringNode("x".repeat(10_000)),
            NODES.stringNode("सीमेंट 🧱 ﷽ \u202Eevil"), NODES.stringNode("nul\u0000byte"),
            NODES.stringNode("\uD800 lone surrogate"),
            NODES.stringNode("' OR '1'='1' -- "), NODES.stringNode("1; DROP TABLE customer_account; --"),
            NODES.stringNode("\" UNION SELECT password_hash FROM customer_account --"),
            NODES.stringNode("<script>alert(1)</script>"), NODES.stringNode("<img src=x onerror=alert(1)>"),
            NODES.stringNode("${jndi:ldap://127.0.0.1/a}"), NODES.stringNode("{{7*7}} #{7*7} ${7*7}"),
            NODES.stringNode("../../../../etc/passwd"), NODES.stringNode("..\\..\\windows\\win.ini"),
            NODES.stringNode("line\r\nSet-Cookie: a=b"), NODES.stringNode("-1"), NODES.stringNode("1e999"),
            NODES.stringNode("NaN"), NODES.stringNode("12.345"), NODES.stringNode("9999-99-99"),
            NODES.stringNode("2026-02-30T25:61:61Z"), NODES.stringNode("not-an-email@"),
            NODES.stringNode("http://169.254.169.254/latest/meta-data/"));

    /** Path segments an attacker tries, already percent-encoded where a raw character could not travel. */
    static final List<String> HOSTILE_SEGMENTS = List.of("-1", "0", "99999999999999999999999", "1.5", "abc",
            "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%2F..%2F", "%00", "nul%00byte", "%27%20OR%201%3D1--",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%E0%A4%B8%F0%9F%A7%B1", "x".repeat(3_000), "%252e%252e",
            "1;jsessionid=x", "%20", "true", "null", "-9223372036854775809", "1e5");

    /** Bodies that are not the JSON object the operation wants. */
    static final List<String> MALFORMED_BODIES = List.of("", "{", "{\"a\":", "[]", "null", "\"text\"", "123",
            "{\"a\":1}{\"b\":2}", "{'single': 'quotes'}", "{\"a\": NaN}", "\uFEFF{}", "[".repeat(5_000),
            "{\"a\":".repeat(2_000), "{\"dup\":1,\"dup\":2}", "\u0000\u0001\u0002", "<xml/>");

    /** Properties an attacker adds, hoping the server binds them: roles, prices, owners, states. */
    static final Map<String, JsonNode> MASS_ASSIGNMENT = Map.of("id", NODES.numberNode(1),
            "roles", NODES.arrayNode().add("ADMIN"), "role", NODES.stringNode("ADMIN"),
            "accountId", NODES.numberNode(1), "status", NODES.stringNode("PAID"),
            "enabled", NODES.booleanNode(true), "unitPrice", NODES.stringNode("0.01"),
            "available", NODES.numberNode(1_000_000), "passwordHash", NODES.stringNode("x"),
            "ownerId", NODES.numberNode(1));

    private final ApiOperations api;
    private final JsonMapper json = JsonMapper.builder().build();

    HostileRequests(ApiOperations api) {
        this.api = api;
    }

    /** All the spoiled requests for one operation, in a fixed order for the seed. */
    List<FuzzRequest> against(Operation operation, long seed) {
        Random random = new Random(seed);
        List<FuzzRequest> requests = new ArrayList<>();
        Map<String, String> pathValues = new LinkedHashMap<>();
        operation.in("path").forEach(parameter -> pathValues.put(parameter.name(), plainSegment(parameter)));
        Map<String, String> queryValues = new LinkedHashMap<>();
        operation.in("query").forEach(parameter -> queryValues.put(parameter.name(), plainQueryValue(parameter)));
        JsonNode body = operation.bodySchema() == null ? null : plausible(operation.bodySchema(), 0);
        boolean json = "application/json".equals(operation.bodyType());

        requests.add(request(operation, pathValues, queryValues, body, operation.bodyType(), "plausible"));
        for (Parameter parameter : operation.in("path")) {
            for (String segment : HOSTILE_SEGMENTS) {
                Map<String, String> spoiled = new LinkedHashMap<>(pathValues);
                spoiled.put(parameter.name(), segment);
                requests.add(request(operation, spoiled, queryValues, body, operation.bodyType(),
                        "path " + parameter.name()));
            }
        }
        for (Parameter parameter : operation.in("query")) {
            for (JsonNode value : pick(random, HOSTILE_VALUES, 8)) {
                Map<String, String> spoiled = new LinkedHashMap<>(queryValues);
                spoiled.put(parameter.name(), value.isString() ? value.asString() : value.toString());
                requests.add(request(operation, pathValues, spoiled, body, operation.bodyType(),
                        "query " + parameter.name()));
            }
        }
        if (operation.bodySchema() != null) {
            if (json && body instanceof ObjectNode object) {
                List<String> properties = new ArrayList<>(object.propertyNames());
                for (String property : properties) {
                    for (JsonNode value : pick(random, HOSTILE_VALUES, properties.size() > 6 ? 4 : 8)) {
                        ObjectNode spoiled = object.deepCopy();
                        spoiled.set(property, value);
                        requests.add(request(operation, pathValues, queryValues, spoiled, operation.bodyType(),
                                "body " + property));
                    }
                    ObjectNode without = object.deepCopy();
                    without.remove(property);
                    requests.add(request(operation, pathValues, queryValues, without, operation.bodyType(),
                            "body without " + property));
                }
                ObjectNode extra = object.deepCopy();
                MASS_ASSIGNMENT.forEach(extra::set);
                requests.add(request(operation, pathValues, queryValues, extra, operation.bodyType(),
                        "mass assignment"));
            }
            for (String malformed : pick(random, MALFORMED_BODIES, 8)) {
                requests.add(raw(operation, pathValues, queryValues, malformed, operation.bodyType(), "malformed body"));
            }
            String text = body == null ? "" : body.toString();
            for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=x", "application/json; charset=ebcdic")) {
                requests.add(raw(operation, pathValues, queryValues, text, type, "content type " + type));
            }
        } else {
            requests.add(raw(operation, pathValues, queryValues, "{\"unexpected\": true}", "application/json",
                    "body where none is wanted"));
        }
        requests.add(raw(operation, pathValues, queryValues, body == null ? null : body.toString(), operation.bodyType(),
                "hostile headers").withHeaders(Map.of("X-HTTP-Method-Override", "DELETE",
                        "X-Cart-Token", "../../' OR 1=1", "Idempotency-Key", "x".repeat(300),
                        "Accept", "application/xml", "X-Forwarded-For", "127.0.0.1, 10.0.0.1")));
        return requests;
    }

    private static <T> List<T> pick(Random random, List<T> from, int count) {
        List<T> shuffled = new ArrayList<>(from);
        java.util.Collections.shuffle(shuffled, random);
        return shuffled.subList(0, Math.min(count, shuffled.size()));
    }

    private FuzzRequest request(Operation operation, Map<String, String> path, Map<String, String> query,
            JsonNode body, String type, String attempt) {
        return raw(operation, path, query, body == null ? null : json.writeValueAsString(body), type, attempt);
    }

    private static FuzzRequest raw(Operation operation, Map<String, String> path, Map<String, String> query,
            String body, String type, String attempt) {
        String target = operation.path();
        for (Map.Entry<String, String> value : path.entrySet()) {
            target = target.replace("{" + value.getKey() + "}", value.getValue());
        }
        StringBuilder withQuery = new StringBuilder(target);
        char separator = '?';
        for (Map.Entry<String, String> value : query.entrySet()) {
            if (value.getValue() == null) {
                continue;
            }
            withQuery.append(separator).append(encode(value.getKey())).append('=').append(encode(value.getValue()));
            separator = '&';
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (body != null && type != null) {
            headers.put("Content-Type", type);
        }
        return new FuzzRequest(operation.method(), withQuery.toString(), headers, body, attempt);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String plainSegment(Parameter parameter) {
        JsonNode schema = api.resolve(parameter.schema());
        return switch (ApiOperations.typeOf(schema)) {
            case "integer", "number" -> MISSING_ID;
            default -> parameter.name().toLowerCase().contains("sku") ? "NO-SUCH-SKU-1"
                    : parameter.name().toLowerCase().contains("order") ? "BN-000000-NOSUCH00" : "no-such-" + MISSING_ID;
        };
    }

    private String plainQueryValue(Parameter parameter) {
        if (!parameter.required()) {
            return null;
        }
        JsonNode value = plausible(parameter.schema(), 0);
        return value.isString() ? value.asString() : value.toString();
    }

    /** A value the schema would accept, as far as a schema can say (patterns are only guessed). */
    JsonNode plausible(JsonNode given, int depth) {
        JsonNode schema = api.resolve(given);
        if (schema == null || schema.isMissingNode()) {
            return NODES.stringNode("x");
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(combinator) && schema.get(combinator).size() > 0) {
                return plausible(schema.get(combinator).get(0), depth);
            }
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0);
        }
        if (schema.has("example")) {
            return schema.get("example");
        }
        return switch (ApiOperations.typeOf(schema)) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    JsonNode properties = schema.path("properties");
                    for (String property : properties.propertyNames()) {
                        object.set(property, plausible(properties.get(property), depth + 1));
                    }
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 4) {
                    array.add(plausible(schema.path("items"), depth + 1));
                }
                yield array;
            }
            case "integer" -> NODES.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
            case "number" -> NODES.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.stringNode(plausibleText(schema));
        };
    }

    private static String plausibleText(JsonNode schema) {
        String format = schema.path("format").asString("");
        String pattern = schema.path("pattern").asString("");
        return switch (format) {
            case "email" -> "fuzz@example.test";
            case "date" -> "2026-01-15";
            case "date-time" -> "2026-01-15T10:00:00Z";
            case "uuid" -> "00000000-0000-0000-0000-000000000000";
            case "binary" -> "sku,name\n";
            default -> pattern.contains("[0-9]{6}") || pattern.contains("\\d{6}") ? "560001"
                    : "Fuzz " + "x".repeat(Math.max(1, schema.path("minLength").asInt(1)));
        };
    }
}
