package com.buildnest.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.UUID;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's last word on errors it raises before the application sees the request: a URI with an
 * encoded slash or a NUL byte, say. Tomcat's own valve answers those with an HTML page; this one
 * answers with the same RFC 9457 problem as everything else (found by the OpenAPI fuzzer,
 * {@code security.attack.OpenApiFuzzTests}). Public with a public constructor because Tomcat creates
 * it by name ({@link TomcatErrorReports}).
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatusCode code = HttpStatusCode.valueOf(status);
        ProblemDetail problem = Problems.describe(ProblemDetail.forStatusAndDetail(code,
                status == 400 ? "The request address is not valid." : "The request could not be served."),
                Problems.codeFor(code), null);
        String traceId = RequestIdFilter.idOf(request);
        problem.setProperty("traceId", traceId != null ? traceId : UUID.randomUUID().toString());
        try {
            // Spring Security's header writers never see these requests: the same protections, here.
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            response.setHeader("Cache-Control", "no-store");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(ProblemResponseWriter.asMap(problem)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away or the response was already committed: nothing more to say.
        }
    }
}
