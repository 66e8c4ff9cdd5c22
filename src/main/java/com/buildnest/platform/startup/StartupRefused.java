package com.buildnest.platform.startup;

import java.util.List;

/**
 * The application must not start, for reasons an operator can fix without reading a stack trace.
 * {@link StartupRefusedFailureAnalyzer} prints the reasons as Spring Boot's start-up failure report.
 */
class StartupRefused extends RuntimeException {

    private final String summary;
    private final List<String> problems;
    private final String action;

    StartupRefused(String summary, List<String> problems, String action) {
        super(summary + ": " + String.join("; ", problems), null, false, false);
        this.summary = summary;
        this.problems = List.copyOf(problems);
        this.action = action;
    }

    String summary() {
        return summary;
    }

    List<String> problems() {
        return problems;
    }

    String action() {
        return action;
    }
}
