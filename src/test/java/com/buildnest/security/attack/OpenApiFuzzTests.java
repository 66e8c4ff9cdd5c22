package com.buildnest.security.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.buildnest.customer.AccessTokens;
import com.buildnest.customer.Role;
import com.buildnest.security.attack.ApiOperations.Operation;
import com.buildnest.security.attack.DataSnapshot.TableState;
import com.buildnest.security.attack.HostileRequests.FuzzRequest;
import com.buildnest.testing.ApiClient;
import com.buildnest.testing.ApiClient.Response;
import com.buildnest.testing.BuildNestTest;

import tools.jackson.databind.JsonNode;

/**
 * Every operation of the live OpenAPI document, attacked with malformed, boundary and hostile
 * values by an anonymous caller, a customer and an administrator: no answer may be a server
 * error, leak a stack trace, an exception class or SQL, or refuse without an RFC 9457 problem;
 * and no refused request may change a single row of any table. Deterministic: the seed fixes
 * every request, so a failure names a request that can be sent again.
 */
@BuildNestTest
class OpenApiFuzzTests {

    static final long SEED = 20_261_126L;

    /** Requests sent side by side between two looks at the data. */
    static final int BATCH = 64;

    static final int THREADS = 4;

    /**
     * Tables left out of the snapshot, each because it changes without any request: Liquibase's
     * own bookkeeping, and ShedLock's locks, which the scheduled jobs take and release by the clock.
     */
    static final Set<String> CHANGE_WITHOUT_REQUESTS = Set.of("databasechangelog", "databasechangeloglock",
            "shedlock");

    /**
     * Columns a scheduled job updates on its own: mail delivery retries queued mails (earlier tests
     * leave some) every minute, and a retry that fell within a refused request's window was once
     * blamed on that request. A mail a request adds still shows (a new row, its recipient and text).
     */
    static final Map<String, Set<String>> KEPT_BY_JOBS = Map.of("notification_mail",
            Set.of("sent_at", "claimed_until", "attempts", "last_error"));

    /**
     * Calls the fuzzer must not make. An administrator's emergency revocation would end every
     * token of the shared test context (EndpointAccessMatrixTests leaves it out for the same reason;
     * customer.SigningKeyRotationTests covers it in its own context). Anonymous and customer calls to
     * it are still made: they must be refused.
     */
    /**
     * Changes a refused request makes on purpose. A failed sign-in is written to the audit trail
     * (customer.SignIn records who tried which account from where): refusing it must leave that trace.
     */
    static final Map<String, Set<String>> CHANGED_ON_PURPOSE = Map.of("POST /api/auth/login", Set.of("audit_entry"));

    static final Set<String> NOT_AS_ADMINISTRATOR = Set.of("POST /api/admin/security/revoke-all-tokens");

    static final Pattern STACK_TRACE = Pattern.compile("\\bat (java|javax|jakarta|org|com|sun|jdk|tools)\\.[\\w.$]+\\(");
    static final Pattern CLASS_NAME = Pattern.compile("\\b(java|javax|jakarta|org\\.springframework|org\\.hibernate"
            + "|org\\.apache|com\\.buildnest|tools\\.jackson|com\\.fasterxml|org\\.h2|org\\.mariadb)\\.[\\w.$]*");
    static final Pattern EXCEPTION = Pattern.compile("\\b[A-Z]\\w*(Exception|Error)\\b");
    static final Pattern SQL = Pattern.compile("(?i)SQLState|SQL syntax|SQLException|\\bjdbc|could not execute"
            + "|Duplicate entry|Data truncat|Incorrect (string|integer|decimal) value|constraint \\[|HHH\\d{5}"
            + "|Syntax error in SQL|\\bselect \\w+\\.\\w+ from|\\binsert into \\w+ \\(");

    enum Caller {
        ANONYMOUS, CUSTOMER, ADMINISTRATOR
    }

    record Sent(String operation, FuzzRequest request, Caller caller) {
        @Override
        public String toString() {
            return request + " as " + caller;
        }
    }

    record Answered(Sent sent, int status, boolean accepted) {
    }

    @Autowired
    ApiClient api;

    @Autowired
    AccessTokens tokens;

    @Autowired
    DataSource dataSource;

    final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    final Map<Integer, AtomicInteger> byStatus = Collections.synchronizedMap(new TreeMap<>());
    final AtomicInteger backgroundChanges = new AtomicInteger();
    long snapshotNanos;

    @Test
    void hostileRequestsToEveryDocumentedOperationFailCleanlyAndChangeNothing() throws Exception {
        ApiOperations document = ApiOperations.of(api.get("/v3/api-docs").json());
        List<Operation> operations = document.operations().stream()
                .filter(operation -> !operation.path().startsWith("/api/probe")).toList();
        Map<Caller, String> bearer = Map.of(
                Caller.CUSTOMER, tokens.validFor(tokens.newCustomer(), Role.CUSTOMER),
                Caller.ADMINISTRATOR, tokens.validFor(tokens.newCustomer(), Role.CUSTOMER, Role.STAFF, Role.ADMIN));
        HostileRequests hostile = new HostileRequests(document);
        List<Sent> all = new ArrayList<>();
        for (Operation operation : operations) {
            for (Caller caller : Caller.values()) {
                if (caller == Caller.ADMINISTRATOR && NOT_AS_ADMINISTRATOR.contains(operation.key())) {
                    continue;
                }
                long seed = SEED * 31 + operation.key().hashCode() * 7L + caller.ordinal();
                for (FuzzRequest request : hostile.against(operation, seed)) {
                    all.add(new Sent(operation.key(), withCaller(request, bearer.get(caller)), caller));
                }
            }
        }

        DataSnapshot snapshot = new DataSnapshot(dataSource, CHANGE_WITHOUT_REQUESTS, KEPT_BY_JOBS);
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            Map<String, TableState> before = take(snapshot);
            for (int from = 0; from < all.size(); from += BATCH) {
                List<Answered> answered = send(pool, all.subList(from, Math.min(all.size(), from + BATCH)));
                Map<String, TableState> after = take(snapshot);
                if (answered.stream().anyMatch(Answered::accepted)) {
                    // Accepted requests may change data. Send the refused ones of the batch again on their own.
                    List<Sent> refused = answered.stream().filter(answer -> !answer.accepted()).map(Answered::sent)
                            .toList();
                    before = after;
                    List<Answered> again = send(pool, refused);
                    after = take(snapshot);
                    answered = again;
                    if (again.stream().anyMatch(Answered::accepted)) {
                        before = after;
                        continue;
                    }
                }
                Set<String> changed = DataSnapshot.changed(before, after);
                if (answered.stream().allMatch(answer -> CHANGED_ON_PURPOSE.getOrDefault(answer.sent().operation(),
                        Set.of()).containsAll(changed))) {
                    changed.clear();
                }
                if (!changed.isEmpty()) {
                    confirmChange(pool, snapshot, answered.stream().map(Answered::sent).toList(), changed);
                    after = take(snapshot);
                }
                before = after;
            }
        } finally {
            pool.shutdownNow();
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        int sent = byStatus.values().stream().mapToInt(AtomicInteger::get).sum();
        String summary = "operations=%d requests=%d seconds=%d (of which snapshots %d) tables=%d byStatus=%s backgroundChanges=%d failures=%d"
                .formatted(operations.size(), sent, seconds, snapshotNanos / 1_000_000_000L, snapshot.tables().size(), byStatus,
                        backgroundChanges.get(), failures.size());
        report(summary);

        assertThat(failures).as(summary).isEmpty();
        assertThat(sent).as("requests sent").isGreaterThanOrEqualTo(10_000);
        assertThat(operations).as("operations attacked").hasSizeGreaterThan(80);
    }

    /**
     * A refused batch was followed by changed tables: a scheduled job may have run meanwhile, so send
     * the batch again, one request at a time, and blame the request after which the same tables change.
     */
    private void confirmChange(ExecutorService pool, DataSnapshot snapshot, List<Sent> batch, Set<String> changed)
            throws Exception {
        boolean blamed = false;
        for (Sent sent : batch) {
            Map<String, TableState> before = take(snapshot);
            List<Answered> answered = send(pool, List.of(sent));
            Set<String> now = DataSnapshot.changed(before, take(snapshot));
            now.retainAll(changed);
            now.removeAll(CHANGED_ON_PURPOSE.getOrDefault(sent.operation(), Set.of()));
            if (!answered.get(0).accepted() && !now.isEmpty()) {
                failures.add("refused with " + answered.get(0).status() + " but changed " + now + ": " + sent);
                blamed = true;
            }
        }
        if (!blamed) {
            backgroundChanges.incrementAndGet();
        }
    }

    private Map<String, TableState> take(DataSnapshot snapshot) {
        long started = System.nanoTime();
        Map<String, TableState> taken = snapshot.take();
        snapshotNanos += System.nanoTime() - started;
        return taken;
    }

    private List<Answered> send(ExecutorService pool, List<Sent> batch) throws InterruptedException {
        List<Future<Answered>> futures = new ArrayList<>();
        for (Sent sent : batch) {
            futures.add(pool.submit(() -> sendOne(sent)));
        }
        List<Answered> answered = new ArrayList<>();
        for (Future<Answered> future : futures) {
            try {
                answered.add(future.get());
            } catch (ExecutionException e) {
                failures.add("no answer (" + e.getCause() + ")");
            }
        }
        return answered;
    }

    private Answered sendOne(Sent sent) {
        FuzzRequest request = sent.request();
        Response response;
        try {
            response = api.send(request.method(), request.path(), request.headers(), request.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        } catch (IllegalStateException | IllegalArgumentException e) {
            failures.add("no answer (" + e + "): " + sent);
            return new Answered(sent, 0, false);
        }
        byStatus.computeIfAbsent(response.status(), status -> new AtomicInteger()).incrementAndGet();
        List<String> wrong = wrongWith(response);
        if (!wrong.isEmpty()) {
            failures.add(response.status() + " " + wrong + ": " + sent + " → " + abbreviated(response.body()));
        }
        return new Answered(sent, response.status(), response.status() < 400);
    }

    private static List<String> wrongWith(Response response) {
        List<String> wrong = new ArrayList<>();
        String body = response.body() == null ? "" : response.body();
        if (response.status() >= 500) {
            wrong.add("server error");
        }
        if (STACK_TRACE.matcher(body).find()) {
            wrong.add("stack trace");
        }
        if (CLASS_NAME.matcher(body).find() || EXCEPTION.matcher(body).find()) {
            wrong.add("class name");
        }
        if (response.status() >= 400 && SQL.matcher(body).find()) {
            wrong.add("SQL");
        }
        if (response.status() >= 400) {
            String type = response.contentType();
            if (type == null || !type.startsWith("application/problem+json")) {
                wrong.add("no problem body (" + type + ")");
            } else {
                JsonNode problem = response.json();
                String code = problem.path("code").asString("");
                if (problem.path("status").asInt() != response.status() || code.isBlank()
                        || !problem.path("type").asString("").equals("urn:buildnest:problem:" + code)
                        || problem.path("title").asString("").isBlank()) {
                    wrong.add("incomplete problem");
                }
            }
        }
        return wrong;
    }

    private static FuzzRequest withCaller(FuzzRequest request, String token) {
        return token == null ? request : request.withHeaders(Map.of("Authorization", "Bearer " + token));
    }

    private static String abbreviated(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    private void report(String summary) throws IOException {
        Path file = Path.of("target", "attack", "fuzz-report.txt");
        Files.createDirectories(file.getParent());
        List<String> lines = new ArrayList<>();
        lines.add(summary);
        synchronized (failures) {
            lines.addAll(failures);
        }
        Files.write(file, lines);
        System.out.println("[fuzz] " + summary);
    }

}
