package com.buildnest.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildnest.testing.ApiClient.Response;

import tools.jackson.databind.JsonNode;

/** What every error response of BuildNest must look like. */
public final class ProblemAssertions {

    private ProblemAssertions() {
    }

    public static JsonNode assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("type").asString()).isEqualTo("urn:buildnest:problem:" + code);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("traceId").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("\"trace\"", "\"exception\"", "stackTrace");
        return problem;
    }
}
