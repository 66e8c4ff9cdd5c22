package com.buildnest.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP calls to the running application, as a client of the API would make them. */
@TestComponent
public class ApiClient {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Environment environment;

    public ApiClient(Environment environment) {
        this.environment = environment;
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response get(String path, String bearerToken) {
        return send(request(path).GET().header("Authorization", "Bearer " + bearerToken));
    }

    public Response postJson(String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response postJson(String path, String body, String bearerToken) {
        return send(request(path).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + bearerToken).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response send(String method, String path, Map<String, String> headers, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder builder = request(path).method(method, body);
        headers.forEach(builder::header);
        return send(builder);
    }

    public String baseUrl() {
        return "http://localhost:" + environment.getRequiredProperty("local.server.port");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30));
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response, json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response with its body at hand as text and as JSON. */
    public record Response(int status, HttpResponse<String> raw, JsonMapper mapper) {

        public String body() {
            return raw.body();
        }

        public JsonNode json() {
            return mapper.readTree(raw.body());
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }
    }
}
