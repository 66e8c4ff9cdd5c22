package com.buildnest.platform.startup;

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refused start as a short list of problems instead of an exception and its stack. */
class StartupRefusedFailureAnalyzer extends AbstractFailureAnalyzer<StartupRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupRefused refusal) {
        String description = refusal.summary() + ":" + refusal.problems().stream()
                .map(problem -> System.lineSeparator() + "  - " + problem)
                .collect(Collectors.joining());
        return new FailureAnalysis(description, refusal.action(), refusal);
    }
}
