package com.buildnest.customer;

import java.net.http.HttpRequest;
import java.util.Map;

import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;

import tools.jackson.databind.json.JsonMapper;

/** Someone signed in, calling the API with their bearer token over real HTTP. */
record SignedIn(ApiClient api, long accountId, String token) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    Response get(String path) {
        return api.get(path, token);
    }

    Response post(String path, Object body) {
        return send("POST", path, body);
    }

    Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    Response patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    Response delete(String path) {
        return api.send("DELETE", path, Map.of("Authorization", "Bearer " + token),
                HttpRequest.BodyPublishers.noBody());
    }

    private Response send(String method, String path, Object body) {
        String json = body instanceof String text ? text : JSON.writeValueAsString(body);
        return api.send(method, path, Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json"),
                HttpRequest.BodyPublishers.ofString(json));
    }
}
