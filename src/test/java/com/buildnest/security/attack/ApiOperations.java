package com.buildnest.security.attack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The operations an OpenAPI document describes: method, path template, parameters and the JSON
 * schema of the body, with local {@code $ref}s resolved against the document's components.
 */
record ApiOperations(JsonNode document, List<Operation> operations) {

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** A parameter in the path or the query, with its schema. */
    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /** One method on one path. {@code bodyType} is null when the operation takes no body. */
    record Operation(String method, String path, List<Parameter> parameters, String bodyType, JsonNode bodySchema) {

        String key() {
            return method + " " + path;
        }

        List<Parameter> in(String where) {
            return parameters.stream().filter(parameter -> parameter.in().equals(where)).toList();
        }
    }

    static ApiOperations of(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        JsonNode paths = document.get("paths");
        for (String path : paths.propertyNames()) {
            JsonNode item = paths.get(path);
            for (String method : item.propertyNames()) {
                if (!METHODS.contains(method)) {
                    continue;
                }
                JsonNode operation = item.get(method);
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode parameter : operation.path("parameters")) {
                    if (parameter.path("in").asString().equals("path") || parameter.path("in").asString().equals("query")) {
                        parameters.add(new Parameter(parameter.get("name").asString(), parameter.get("in").asString(),
                                parameter.path("required").asBoolean(false), parameter.path("schema")));
                    }
                }
                String bodyType = null;
                JsonNode bodySchema = null;
                JsonNode content = operation.path("requestBody").path("content");
                if (!content.isMissingNode()) {
                    bodyType = content.has("application/json") ? "application/json"
                            : content.propertyNames().iterator().next();
                    bodySchema = content.get(bodyType).path("schema");
                }
                operations.add(new Operation(method.toUpperCase(), path, List.copyOf(parameters), bodyType, bodySchema));
            }
        }
        operations.sort(Comparator.comparing(Operation::key));
        return new ApiOperations(document, List.copyOf(operations));
    }

    /** The schema itself, or the component a {@code $ref} names (followed until it is no reference). */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; current != null && current.has("$ref") && hops < 10; hops++) {
            String reference = current.get("$ref").asString();
            String name = reference.substring(reference.lastIndexOf('/') + 1);
            current = document.path("components").path("schemas").path(name);
        }
        return current;
    }

    /** The schema's type: OpenAPI 3.1 allows a list such as {@code ["string", "null"]}. */
    static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (!each.asString().equals("null")) {
                    return each.asString();
                }
            }
        }
        if (!type.isMissingNode()) {
            return type.asString();
        }
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
    }
}
