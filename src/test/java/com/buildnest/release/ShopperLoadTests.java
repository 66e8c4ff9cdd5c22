package com.buildnest.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import com.buildnest.testing.ApiClient;
import com.buildnest.testing.BuildNestTest;

/**
 * The blue-green drill's shoppers (ops/release/load.py) against the running application: each
 * registers, signs in, browses and fills and empties its cart, and every request they make is a
 * correct answer — so a failure the drill reports comes from the release, not from the driver.
 */
@BuildNestTest
class ShopperLoadTests {

    @Autowired
    ApiClient api;

    @TempDir
    Path temp;

    @Test
    void shoppersRegisterSignInBrowseAndFillTheirCartsWithoutAFailedRequest() throws Exception {
        Path requests = temp.resolve("requests.tsv");
        Process load = new ProcessBuilder("python3", "ops/release/load.py", "run", api.baseUrl(), "--workers", "2",
                "--max-seconds", "15", "--out", requests.toString()).redirectErrorStream(true).start();
        String output = new String(load.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(load.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(load.exitValue()).as(output).isZero();

        List<String[]> rows = Files.readAllLines(requests).stream().map(line -> line.split("\t", -1)).toList();
        assertThat(rows).allSatisfy(row -> assertThat(row[2]).as(String.join(" ", row)).isIn("200", "201", "204"));
        Map<String, Long> steps = rows.stream().collect(Collectors.groupingBy(row -> row[3], Collectors.counting()));
        assertThat(steps).containsKeys("register", "login", "listing", "product", "cart-add", "cart-remove");
        assertThat(steps.get("register")).isEqualTo(2);
        assertThat(rows.size()).isGreaterThan(20);

        Path events = Files.writeString(temp.resolve("events.log"), "");
        Process report = new ProcessBuilder("python3", "ops/release/load.py", "report", requests.toString(),
                events.toString(), temp.resolve("report.md").toString()).redirectErrorStream(true).start();
        String summary = new String(report.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(report.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(report.exitValue()).as(summary).isZero();
        assertThat(summary).contains("REQUESTS sent=" + rows.size() + " failed=0");
    }
}
