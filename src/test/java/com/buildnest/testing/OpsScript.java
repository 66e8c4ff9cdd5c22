package com.buildnest.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one of the repository's ops/ scripts, as an operator following a runbook would. */
public final class OpsScript {

    private OpsScript() {
    }

    /** Runs {@code ops/<script>} with the arguments; returns its standard output, failing on a non-zero exit. */
    public static String run(String script, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", Path.of("ops", script).toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("ops/" + script + " did not finish within 60 s");
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("ops/" + script + " exited with " + process.exitValue() + ": " + output);
        }
        return output;
    }

    /** What a script run ended with: its exit status, standard output and standard error. */
    public record Outcome(int exitStatus, String output, String errors) {
    }

    /** Runs {@code ops/<script>} like {@link #run}, but hands back how it ended instead of failing on refusal. */
    public static Outcome attempt(String script, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", Path.of("ops", script).toString()));
        command.addAll(List.of(arguments));
        Path errors = Files.createTempFile("ops-script-", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("ops/" + script + " did not finish within 60 s");
            }
            return new Outcome(process.exitValue(), output, Files.readString(errors));
        } finally {
            Files.deleteIfExists(errors);
        }
    }
}
