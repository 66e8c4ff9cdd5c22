package com.buildnest.ordering;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went during a measured period, per process that takes part in a purchase
 * (the application, MariaDB, Redis, the load driver itself) and for the whole machine, read from
 * Linux's {@code /proc} (clock ticks of 1/100 s). Printed per complete purchase, beside the budget
 * the cores offer: at P purchases a second, N cores give {@code N × 1000 / P} ms to each purchase,
 * so what the rest of the machine spends bounds what the application may spend for a target rate.
 */
final class CpuBudget {

    private static final long TICK_MILLIS = 10;
    private static final Path PROC = Path.of("/proc");

    private final Map<String, List<Path>> processes = new LinkedHashMap<>();
    private final Map<String, Long> before = new LinkedHashMap<>();
    private final Map<String, Long> spent = new LinkedHashMap<>();
    private long machineBusyBefore;
    private long machineBusy;
    /** The application's threads (their /proc task ids) and CPU at the start, to split its CPU by kind of work. */
    private Map<String, ThreadTime> appThreadsBefore = Map.of();
    private final Map<String, Long> appWork = new LinkedHashMap<>();

    private CpuBudget() {
    }

    /** Starts counting: the application's stat file (may be null), the services by name, and this process. */
    static CpuBudget start(Path appStat) throws IOException {
        CpuBudget budget = new CpuBudget();
        if (appStat != null) {
            budget.processes.put("application", List.of(appStat));
        }
        budget.processes.put("MariaDB", statsOf("mariadbd"));
        budget.processes.put("Redis", statsOf("redis-server"));
        budget.processes.put("load driver", List.of(PROC.resolve(ProcessHandle.current().pid() + "/stat")));
        for (Map.Entry<String, List<Path>> process : budget.processes.entrySet()) {
            budget.before.put(process.getKey(), millisOf(process.getValue()));
        }
        budget.machineBusyBefore = machineBusyMillis();
        if (appStat != null) {
            budget.appThreadsBefore = threadMillis(appStat.resolveSibling("task"));
        }
        return budget;
    }

    void stop() throws IOException {
        machineBusy = machineBusyMillis() - machineBusyBefore;
        processes.forEach((name, stats) -> spent.put(name, millisOf(stats) - before.get(name)));
        List<Path> app = processes.get("application");
        if (app != null) {
            splitApplication(threadMillis(app.get(0).resolveSibling("task")));
        }
    }

    /**
     * The application's CPU by kind of thread: the JIT compiler still at work means the warm-up was too
     * short (at 30 s on two shared cores it took 30 % of the application's CPU, and the rate was half
     * the steady one), the garbage collector, and the threads serving requests and jobs. A thread that
     * ended during the period took its time with it: that remainder is shown as such.
     */
    private void splitApplication(Map<String, ThreadTime> after) {
        appWork.put("serving requests and jobs", 0L);
        appWork.put("JIT compiler", 0L);
        appWork.put("garbage collector, safepoints", 0L);
        long threads = 0;
        for (Map.Entry<String, ThreadTime> thread : after.entrySet()) {
            ThreadTime before = appThreadsBefore.get(thread.getKey());
            long millis = thread.getValue().millis() - (before == null ? 0 : before.millis());
            threads += millis;
            appWork.merge(kindOf(thread.getValue().name()), millis, Long::sum);
        }
        appWork.put("threads that ended", Math.max(0, applicationMillis() - threads));
    }

    /** Thread names as Linux keeps them (15 characters): HotSpot's own, or everything else. */
    private static String kindOf(String name) {
        if (name.contains("CompilerThre")) {
            return "JIT compiler";
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("VM Thread")) {
            return "garbage collector, safepoints";
        }
        return "serving requests and jobs";
    }

    /** A thread's name (as Linux keeps it) and its CPU so far. */
    private record ThreadTime(String name, long millis) {
    }

    /** CPU per thread of a process, keyed by task id. */
    private static Map<String, ThreadTime> threadMillis(Path tasks) {
        Map<String, ThreadTime> millis = new LinkedHashMap<>();
        try (Stream<Path> entries = Files.list(tasks)) {
            for (Path task : entries.toList()) {
                String line = read(task.resolve("stat"));
                if (!line.isEmpty()) {
                    String name = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
                    millis.put(task.getFileName().toString(), new ThreadTime(name, millisOf(line)));
                }
            }
        } catch (IOException gone) {
            // the application ended: nothing to split
        }
        return millis;
    }

    /** The application's CPU over the period; 0 when its process was not given. */
    long applicationMillis() {
        return spent.getOrDefault("application", 0L);
    }

    void print(long purchases, double seconds) {
        if (purchases == 0) {
            return;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("CPU per complete purchase (ms), %d cores busy %.0f %% of the period:%n", cores,
                100.0 * machineBusy / (seconds * 1000 * cores));
        long named = 0;
        for (Map.Entry<String, Long> process : spent.entrySet()) {
            named += process.getValue();
            System.out.printf("  %-12s %6.1f%n", process.getKey(), (double) process.getValue() / purchases);
            if (process.getKey().equals("application")) {
                appWork.forEach((kind, millis) -> System.out.printf("    %-26s %6.1f%n", kind, (double) millis / purchases));
            }
        }
        System.out.printf("  %-12s %6.1f%n", "the rest", (double) (machineBusy - named) / purchases);
        System.out.printf("  %-12s %6.1f  (budget at 100 purchases/s: %.1f)%n", "machine", (double) machineBusy / purchases,
                cores * 1000.0 / 100);
        long database = spent.getOrDefault("MariaDB", 0L);
        if (applicationMillis() > 0 && database > 0) {
            // MariaDB runs the same statements per purchase in every run of one jar, so its CPU follows
            // the host's speed: the ratio moved 3.0-3.8 where the rate moved 46-73/s (docs/benchmarks.md)
            System.out.printf("application ÷ MariaDB CPU: %.2f (compare this between runs of jars with the same "
                    + "statements; the rate follows the host)%n", (double) applicationMillis() / database);
        }
    }

    /** The stat files of every process whose command name is {@code name}. */
    private static List<Path> statsOf(String name) throws IOException {
        try (Stream<Path> entries = Files.list(PROC)) {
            return entries.filter(entry -> entry.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(entry -> name.equals(read(entry.resolve("comm")).strip()))
                    .map(entry -> entry.resolve("stat")).toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException gone) {
            return "";
        }
    }

    /** User + system CPU of the processes, from fields 14 and 15 of their stat files; a process gone counts 0. */
    private static long millisOf(List<Path> stats) {
        long millis = 0;
        for (Path stat : stats) {
            String line = read(stat);
            if (!line.isEmpty()) {
                millis += millisOf(line);
            }
        }
        return millis;
    }

    /** User + system CPU in one stat line (of a process or a thread). */
    private static long millisOf(String statLine) {
        // the command name (field 2) may hold spaces: count the fields after its closing parenthesis
        String[] fields = statLine.substring(statLine.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_MILLIS;
    }

    /** Every core's time not idle or waiting for I/O, from the first line of {@code /proc/stat}. */
    private static long machineBusyMillis() throws IOException {
        String[] fields = Files.readAllLines(PROC.resolve("stat")).get(0).trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i < fields.length && i <= 7; i++) { // after them steal, guest: not this machine's work
            if (i != 4 && i != 5) { // idle, iowait
                busy += Long.parseLong(fields[i]);
            }
        }
        return busy * TICK_MILLIS;
    }
}
