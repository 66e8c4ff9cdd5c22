package com.buildnest.platform.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.buildnest.testing.LocalS3;
import com.buildnest.testing.OpsScript;
import com.buildnest.testing.ThrowawayMariaDb;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * ops/backup/ against a MariaDB server of the test's own with binary logging on: a full backup, binlog
 * archiving and point-in-time restore into a new database, checked row by row; refusals (a damaged
 * backup, a non-empty target) leave everything as it was; retention; the S3 path through a local
 * S3Proxy. Each test uses its own database and backup target on the one server.
 */
class BackupAndRestoreTests {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    static ThrowawayMariaDb server;

    @TempDir
    Path targets;

    @BeforeAll
    static void startServer() throws Exception {
        server = ThrowawayMariaDb.startWithBinlog();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void restoresTheLatestPointFromAFullBackupAndTheArchivedBinlogs() throws Exception {
        shop("latest", true);
        addRows("latest", 1, 3);
        String target = "dir:" + targets.resolve("latest");
        String backup = backup("latest", target);
        addRows("latest", 4, 6);
        archive(target);

        Properties restored = restore(target, "--database", "latest_restored");

        assertThat(restored).containsEntry("backup", backup).containsEntry("restored", "ok")
                .containsEntry("rows.pitr_probe", "6");
        assertThat(server.queryForLong("latest_restored", "SELECT SUM(id) FROM pitr_probe")).isEqualTo(21);
        assertThat(server.queryForLong("latest_restored", "SELECT COUNT(*) FROM DATABASECHANGELOG"))
                .isEqualTo(server.queryForLong("latest", "SELECT COUNT(*) FROM DATABASECHANGELOG")).isPositive();
        assertThat(restored).as("BuildNest's tables came back").containsKeys("rows.catalog_product", "rows.ordering_order");
        assertThat(server.queryForLong("latest_restored", "SELECT COUNT(*) FROM ops_backup_status WHERE kind = 'full'"))
                .as("the success recorded after the dump comes back from the binlog").isEqualTo(1);
    }

    @Test
    void withTheStagingFolderTheStreamedBinlogIsReplayedUpToItsLastCompleteTransaction() throws Exception {
        shop("staged");
        addRows("staged", 1, 2);
        String target = "dir:" + targets.resolve("staged");
        backup("staged", target);
        addRows("staged", 3, 4);
        // What the continuous archiver's stream holds when the server dies: the current binlog file, never
        // shipped, its last transaction torn (here the last 10 bytes of row 4's commit event are missing).
        Path staging = Files.createDirectories(targets.resolve("staged-staging"));
        Path streamed = stream(currentBinlog(), staging);
        try (FileChannel file = FileChannel.open(streamed, StandardOpenOption.WRITE)) {
            file.truncate(file.size() - 10);
        }

        Properties withStaging = restore(target, "--database", "staged_with_staging", "--include-staging",
                staging.toString());
        Properties archiveOnly = restore(target, "--database", "staged_archive_only");

        assertThat(withStaging).containsEntry("restored", "ok").containsEntry("binlog_files", "1")
                .containsEntry("rows.pitr_probe", "3");
        assertThat(server.queryForLong("staged_with_staging", "SELECT MAX(id) FROM pitr_probe")).isEqualTo(3);
        assertThat(archiveOnly).as("without the staging folder only the backup comes back")
                .containsEntry("rows.pitr_probe", "2");

        Files.writeString(streamed, "not a binlog");
        OpsScript.Outcome refused = OpsScript.attempt("backup/restore.sh", "--target", target, "--port", port(),
                "--database", "staged_refused", "--include-staging", staging.toString());
        assertThat(refused.exitStatus()).isNotZero();
        assertThat(refused.errors()).contains("REFUSED", "is not a binlog file");
    }

    @Test
    void restoresToAMomentBetweenTwoWritesWithOnlyTheEarlierRows() throws Exception {
        shop("moment");
        addRows("moment", 1, 2);
        String target = "dir:" + targets.resolve("moment");
        backup("moment", target);
        addRows("moment", 3, 3);
        long earlier = server.queryForLong("", "SELECT UNIX_TIMESTAMP()");
        long moment = earlier;
        while (moment <= earlier) { // binlog events carry whole seconds: write the later row in a later second
            Thread.sleep(100);
            moment = server.queryForLong("", "SELECT UNIX_TIMESTAMP()");
        }
        addRows("moment", 4, 4);
        archive(target);
        String until = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC)
                .format(Instant.ofEpochSecond(moment));

        Properties restored = restore(target, "--database", "moment_restored", "--until", until);

        assertThat(restored).containsEntry("until", until).containsEntry("rows.pitr_probe", "3");
        assertThat(server.queryForLong("moment_restored", "SELECT MAX(id) FROM pitr_probe")).isEqualTo(3);

        // The restore ran on the backed-up server itself: its binlog, archived again, still replays; and so
        // does one row event larger than the server's max_allowed_packet (16M), which is put back afterwards.
        addRows("moment", 5, 5);
        long packetLimit = server.queryForLong("", "SELECT @@global.max_allowed_packet");
        server.execute("moment", "SET SESSION binlog_format = ROW",
                "CREATE TABLE bulk_load (id INT PRIMARY KEY, filler VARCHAR(300) NOT NULL)",
                "INSERT INTO bulk_load SELECT seq, REPEAT('x', 250) FROM seq_1_to_80000");
        archive(target);
        assertThat(restore(target, "--database", "moment_restored", "--force-overwrite"))
                .containsEntry("rows.pitr_probe", "5").containsEntry("rows.bulk_load", "80000");
        assertThat(server.queryForLong("", "SELECT @@global.max_allowed_packet")).isEqualTo(packetLimit);
    }

    @Test
    void refusesACorruptOrTruncatedBackupOrBinlogBeforeTouchingAnything() throws Exception {
        shop("damaged");
        addRows("damaged", 1, 3);
        Path root = targets.resolve("damaged");
        String backup = backup("damaged", "dir:" + root);
        Path dump;
        try (Stream<Path> files = Files.list(root.resolve(backup))) {
            dump = files.filter(file -> file.toString().endsWith(".sql.zst") || file.toString().endsWith(".sql.gz"))
                    .findFirst().orElseThrow();
        }
        byte[] intact = Files.readAllBytes(dump);

        Files.write(dump, java.util.Arrays.copyOf(intact, intact.length / 2));
        OpsScript.Outcome truncated = OpsScript.attempt("backup/restore.sh", "--target", "dir:" + root,
                "--port", port(), "--database", "damaged_restored");

        byte[] flipped = intact.clone();
        flipped[intact.length / 2] ^= 0x01;
        Files.write(dump, flipped);
        OpsScript.Outcome corrupt = OpsScript.attempt("backup/restore.sh", "--target", "dir:" + root,
                "--port", port(), "--database", "damaged_restored");

        assertThat(List.of(truncated, corrupt)).allSatisfy(outcome -> {
            assertThat(outcome.exitStatus()).isNotZero();
            assertThat(outcome.errors()).contains("REFUSED", "does not match its SHA-256", "nothing was touched");
            assertThat(outcome.output()).doesNotContain("restored=ok");
        });
        assertThat(server.queryForLong("", "SELECT COUNT(*) FROM information_schema.schemata"
                + " WHERE schema_name = 'damaged_restored'")).as("no database was created").isZero();

        Files.write(dump, intact);
        addRows("damaged", 4, 4);
        archive("dir:" + root);
        Path binlog;
        try (Stream<Path> files = Files.list(root.resolve("binlog"))) {
            binlog = files.filter(file -> !file.toString().endsWith(".sha256")).max(Path::compareTo).orElseThrow();
        }
        byte[] archived = Files.readAllBytes(binlog);
        archived[archived.length - 10] ^= 0x01;
        Files.write(binlog, archived);

        OpsScript.Outcome damagedBinlog = OpsScript.attempt("backup/restore.sh", "--target", "dir:" + root,
                "--port", port(), "--database", "damaged_restored");

        assertThat(damagedBinlog.exitStatus()).isNotZero();
        assertThat(damagedBinlog.errors()).contains("REFUSED", binlog.getFileName().toString(), "nothing was touched");
        assertThat(server.queryForLong("", "SELECT COUNT(*) FROM information_schema.schemata"
                + " WHERE schema_name = 'damaged_restored'")).isZero();
    }

    @Test
    void refusesToOverwriteADatabaseThatHasTablesUnlessForced() throws Exception {
        shop("live");
        addRows("live", 1, 2);
        String target = "dir:" + targets.resolve("live");
        backup("live", target);
        server.execute("", "CREATE DATABASE live_copy",
                "CREATE TABLE live_copy.precious (id INT PRIMARY KEY)", "INSERT INTO live_copy.precious VALUES (42)");

        OpsScript.Outcome refused = OpsScript.attempt("backup/restore.sh", "--target", target, "--port", port(),
                "--database", "live_copy");

        assertThat(refused.exitStatus()).isNotZero();
        assertThat(refused.errors()).contains("REFUSED", "live_copy", "--force-overwrite");
        assertThat(server.queryForLong("live_copy", "SELECT id FROM precious")).isEqualTo(42);
        assertThat(server.queryForLong("", "SELECT COUNT(*) FROM information_schema.tables"
                + " WHERE table_schema = 'live_copy'")).isEqualTo(1);

        Properties forced = restore(target, "--database", "live_copy", "--force-overwrite");

        assertThat(forced).containsEntry("rows.pitr_probe", "2").doesNotContainKey("rows.precious");
    }

    @Test
    void retentionPrunesOldBackupsAndBinlogsButKeepsTheNewestOfEach() throws Exception {
        shop("aged");
        Path root = targets.resolve("aged");
        String target = "dir:" + root;
        archive(target);
        Path oldest = age(root, backup("aged", target), 45);
        addRows("aged", 1, 1);
        archive(target);
        Path newest = age(root, backup("aged", target), 31);
        archive(target);
        Path incomplete = Files.createDirectories(root.resolve("full").resolve(STAMP.format(Instant.now().minus(Duration.ofDays(2)))));
        List<String> binlogs = new ArrayList<>();
        try (Stream<Path> files = Files.list(root.resolve("binlog"))) {
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofDays(10))));
                if (!file.toString().endsWith(".sha256")) {
                    binlogs.add(file.getFileName().toString());
                }
            }
        }
        binlogs.sort(null);
        String needed = manifest(newest).getProperty("binlog_file");

        OpsScript.run("backup/full-backup.sh", "--prune-only", "--target", target);

        assertThat(oldest).doesNotExist();
        assertThat(incomplete).doesNotExist();
        assertThat(newest.resolve("MANIFEST")).as("the newest complete backup stays, however old").exists();
        for (String binlog : binlogs) {
            boolean kept = binlog.compareTo(needed) >= 0;
            assertThat(Files.exists(root.resolve("binlog").resolve(binlog))).as(binlog).isEqualTo(kept);
            assertThat(Files.exists(root.resolve("binlog").resolve(binlog + ".sha256"))).as(binlog).isEqualTo(kept);
        }
        assertThat(binlogs.get(0)).as("something was old enough to go").isLessThan(needed);
    }

    @Test
    void backsUpArchivesAndRestoresThroughAnS3BucketAndStopsLoudlyWhenItCannotBeReached() throws Exception {
        shop("bucket");
        addRows("bucket", 1, 2);
        String target = "s3://" + LocalS3.BUCKET + "/shop";
        String[] s3Options;
        try (LocalS3 s3 = LocalS3.start()) {
            // A copy of the credentials: the server's own folder goes with it when it stops.
            Path credentials = Files.copy(s3.credentialsFile(), targets.resolve("s3-credentials"),
                    StandardCopyOption.REPLACE_EXISTING);
            s3Options = new String[] { "--s3-endpoint", s3.endpoint(), "--s3-credentials", credentials.toString() };
            String backup = OpsScript.run("backup/full-backup.sh", concat(new String[] { "--database", "bucket",
                    "--target", target, "--port", port() }, s3Options));
            addRows("bucket", 3, 5);
            OpsScript.run("backup/binlog-archive.sh", concat(new String[] { "--target", target, "--port", port(),
                    "--once", "--flush", "--staging", targets.resolve("bucket-staging").toString() }, s3Options));

            Properties restored = properties(OpsScript.run("backup/restore.sh", concat(new String[] { "--target",
                    target, "--port", port(), "--database", "bucket_restored" }, s3Options)));

            assertThat(restored).containsEntry("backup", backup).containsEntry("rows.pitr_probe", "5");
            assertThat(s3.bucketDirectory().resolve("shop").resolve(backup).resolve("MANIFEST")).exists();
            try (Stream<Path> archived = Files.list(s3.bucketDirectory().resolve("shop").resolve("binlog"))) {
                assertThat(archived.map(Path::toString)).anyMatch(name -> name.endsWith(".sha256"));
            }
        }

        // The bucket's server is gone: pruning and restoring say so instead of finding "no backups".
        OpsScript.Outcome prune = OpsScript.attempt("backup/full-backup.sh", concat(new String[] { "--prune-only",
                "--target", target }, s3Options));
        OpsScript.Outcome restore = OpsScript.attempt("backup/restore.sh", concat(new String[] { "--target", target,
                "--port", port(), "--database", "bucket_unreachable" }, s3Options));
        for (OpsScript.Outcome unreachable : List.of(prune, restore)) {
            assertThat(unreachable.exitStatus()).as(unreachable.output()).isNotZero();
            assertThat(unreachable.errors()).contains("the S3 bucket " + LocalS3.BUCKET + " cannot be listed at "
                    + s3Options[1]);
        }
        assertThat(server.queryForLong("", "SELECT COUNT(*) FROM information_schema.schemata"
                + " WHERE schema_name = 'bucket_unreachable'")).as("no database was created").isZero();
    }

    @Test
    void theContinuousArchiverShipsFinishedBinlogsRecordsItsSuccessAndResumesAfterARestart() throws Exception {
        shop("stream");
        Path root = targets.resolve("stream");
        Path staging = targets.resolve("stream-staging");
        List<String> shipped = new ArrayList<>();

        shipped.addAll(archiveFor(root, staging, () -> addRows("stream", 1, 1)));
        long firstSuccess = server.queryForLong("stream",
                "SELECT UNIX_TIMESTAMP(last_success_at) FROM ops_backup_status WHERE kind = 'binlog'");
        shipped.addAll(archiveFor(root, staging, () -> addRows("stream", 2, 2)));

        assertThat(shipped).doesNotHaveDuplicates();
        List<String> archived;
        try (Stream<Path> files = Files.list(root.resolve("binlog"))) {
            archived = files.map(file -> file.getFileName().toString()).filter(name -> !name.endsWith(".sha256"))
                    .sorted().toList();
        }
        assertThat(archived).as("one unbroken sequence, no file twice, nothing lost at the restart")
                .containsExactlyElementsOf(shipped.stream().map(line -> line.substring("shipped binlog/".length()))
                        .sorted().toList());
        int first = Integer.parseInt(archived.get(0).substring(archived.get(0).lastIndexOf('.') + 1));
        int last = Integer.parseInt(archived.get(archived.size() - 1).substring(archived.get(archived.size() - 1).lastIndexOf('.') + 1));
        assertThat(last - first + 1).isEqualTo(archived.size());
        assertThat(server.queryForLong("stream",
                "SELECT UNIX_TIMESTAMP(last_success_at) FROM ops_backup_status WHERE kind = 'binlog'"))
                .isGreaterThanOrEqualTo(firstSuccess).isPositive();
    }

    @Test
    void theRunbooksLeastPrivilegedBackupUserBacksUpAndArchivesWithItsPasswordInAFileThatIsNeverPrinted()
            throws Exception {
        shop("grants");
        addRows("grants", 1, 2);
        String password = "Pa55-\"quoted\"-and-\\-" + System.nanoTime();
        String runbook = Files.readString(Path.of("docs/runbooks/backup-and-restore.md"));
        String grants = runbook.substring(runbook.indexOf("```sql") + 6, runbook.indexOf("```", runbook.indexOf("```sql") + 6));
        for (String statement : grants.split(";")) {
            if (!statement.isBlank()) {
                server.execute("", statement.replace("'...'", "'" + password.replace("\\", "\\\\").replace("'", "''") + "'")
                        .replace("buildnest.ops_backup_status", "grants.ops_backup_status"));
            }
        }
        Path passwordFile = Files.writeString(targets.resolve("db-password"), password + "\n");
        String target = "dir:" + targets.resolve("grants");
        String[] asBackupUser = { "--port", port(), "--user", "buildnest_backup", "--password-file", passwordFile.toString() };

        OpsScript.Outcome backup = OpsScript.attempt("backup/full-backup.sh",
                concat(new String[] { "--database", "grants", "--target", target }, asBackupUser));
        OpsScript.Outcome archive = OpsScript.attempt("backup/binlog-archive.sh", concat(new String[] { "--target", target,
                "--once", "--flush", "--status-database", "grants", "--staging", targets.resolve("grants-staging").toString() },
                asBackupUser));

        assertThat(List.of(backup, archive)).allSatisfy(outcome -> {
            assertThat(outcome.exitStatus()).as(outcome.errors()).isZero();
            assertThat(outcome.output() + outcome.errors()).doesNotContain(password).doesNotContain("WARNING");
        });
        assertThat(server.queryForLong("grants", "SELECT COUNT(*) FROM ops_backup_status")).isEqualTo(2);
        assertThat(restore(target, "--database", "grants_restored")).containsEntry("rows.pitr_probe", "2");
    }

    @Test
    void theScriptsExplainThemselvesAndRefuseBadArguments() throws Exception {
        assertThat(OpsScript.run("backup/full-backup.sh", "--help")).contains("Usage: ops/backup/full-backup.sh",
                "--target SPEC", "--keep-full-days N", "MANIFEST");
        assertThat(OpsScript.run("backup/binlog-archive.sh", "--help")).contains("--stop-never", "--rotate-every");
        assertThat(OpsScript.run("backup/restore.sh", "--help")).contains("--until", "--force-overwrite");
        OpsScript.run("backup/full-backup.sh", "--dry-run", "--database", "shop", "--target", "dir:/nonexistent");
        assertThat(OpsScript.attempt("backup/full-backup.sh", "--database", "shop").errors()).contains("--target is required");
        assertThat(OpsScript.attempt("backup/full-backup.sh", "--database", "shop; DROP", "--target", "dir:/x").errors())
                .contains("letters, digits or _");
        assertThat(OpsScript.attempt("backup/restore.sh", "--target", "dir:/x", "--until", "yesterday").errors())
                .contains("YYYY-MM-DD HH:MM:SS");
        assertThat(OpsScript.attempt("backup/full-backup.sh", "--database", "shop", "--target", "ftp://x").errors())
                .contains("dir:/absolute/path or s3://bucket/prefix");
    }

    @Test
    void everyScriptTakesTheSharedServerAndTargetOptionsListsThemInItsHelpAndRefusesUnknownOnes() throws Exception {
        List<String> shared = List.of("--target", "--host", "--port", "--user", "--password-file", "--s3-endpoint",
                "--s3-region", "--s3-credentials");
        for (String script : List.of("backup/full-backup.sh", "backup/binlog-archive.sh", "backup/restore.sh")) {
            assertThat(OpsScript.run(script, "--help")).as(script).contains(shared);
            OpsScript.Outcome unknown = OpsScript.attempt(script, "--target", "dir:/x", "--frobnicate");
            assertThat(unknown.exitStatus()).as(script).isNotZero();
            assertThat(unknown.errors()).as(script).contains("unknown argument '--frobnicate'");
            OpsScript.Outcome missing = OpsScript.attempt(script, "--target", "dir:/x", "--port");
            assertThat(missing.exitStatus()).as(script).isNotZero();
            assertThat(missing.errors()).as(script).contains("--port needs a value");
        }
        // The shared options mixed in among a script's own, in any order, reach the plan.
        assertThat(OpsScript.attempt("backup/full-backup.sh", "--dry-run", "--keep-full-days", "3", "--host", "db.example",
                "--database", "shop", "--port", "3999", "--target", "dir:/nonexistent").errors())
                .contains("would dump shop from db.example:3999", "dir:/nonexistent/full/", "prune (full 3 days");
        assertThat(OpsScript.attempt("backup/binlog-archive.sh", "--once", "--port", "3998", "--dry-run", "--host",
                "db.example", "--target", "dir:/nonexistent", "--ship-every", "2").errors())
                .contains("would stream binlogs of db.example:3998 into /var/tmp/buildnest-binlog-db.example-3998",
                        "once=true", "ship every 2s");
    }

    // ---- fixtures ----------------------------------------------------------------------------------

    /**
     * A Liquibase-managed database with a probe table: the operations changelog (ops_backup_status, where
     * the scripts record their success), or with {@code wholeSchema} BuildNest's whole master changelog.
     */
    private static void shop(String database) throws Exception {
        shop(database, false);
    }

    private static void shop(String database, boolean wholeSchema) throws Exception {
        server.execute("", "CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        String changelog = wholeSchema ? "db/changelog/db.changelog-master.yaml"
                : "db/changelog/operations/001-backup-status.yaml";
        try (Connection connection = server.connect(database)) {
            new Liquibase(changelog, new ClassLoaderResourceAccessor(),
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection)))
                    .update(new Contexts(), new LabelExpression());
        }
        server.execute(database, "CREATE TABLE pitr_probe (id INT PRIMARY KEY, written_at DATETIME(6) NOT NULL)");
    }

    private static void addRows(String database, int from, int to) throws Exception {
        for (int id = from; id <= to; id++) {
            server.execute(database, "INSERT INTO pitr_probe VALUES (" + id + ", UTC_TIMESTAMP(6))");
        }
    }

    private static String backup(String database, String target) throws Exception {
        return OpsScript.run("backup/full-backup.sh", "--database", database, "--target", target, "--port", port());
    }

    private void archive(String target) throws Exception {
        OpsScript.run("backup/binlog-archive.sh", "--target", target, "--port", port(), "--once", "--flush",
                "--staging", targets.resolve("staging-" + Math.abs(target.hashCode())).toString());
    }

    private static Properties restore(String target, String... options) throws Exception {
        return properties(OpsScript.run("backup/restore.sh",
                concat(new String[] { "--target", target, "--port", port() }, options)));
    }

    interface Writes {
        void run() throws Exception;
    }

    /** Runs the continuous archiver (rotating every second) while WRITES happen, until it has shipped them. */
    private List<String> archiveFor(Path root, Path staging, Writes writes) throws Exception {
        Path output = Files.createTempFile(targets, "archiver-", ".out");
        Process archiver = new ProcessBuilder("bash", "ops/backup/binlog-archive.sh", "--target", "dir:" + root,
                "--port", port(), "--staging", staging.toString(), "--status-database", "stream",
                "--rotate-every", "1", "--ship-every", "1")
                .redirectError(ProcessBuilder.Redirect.INHERIT).redirectOutput(output.toFile()).start();
        try {
            writes.run();
            String position = currentBinlog(); // the writes are in this file or an earlier one
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (!isArchived(root, position)) {
                assertThat(Instant.now()).as("the archiver ships within 30 s").isBefore(deadline);
                Thread.sleep(200);
            }
        } finally {
            archiver.destroy();
            assertThat(archiver.waitFor(20, TimeUnit.SECONDS)).as("the archiver stops on SIGTERM").isTrue();
        }
        return Files.readAllLines(output).stream()
                .filter(line -> line.startsWith("shipped ")).toList();
    }

    /** Fetches BINLOG from the server as the archiver's stream writes it (raw), into STAGING. */
    private static Path stream(String binlog, Path staging) throws Exception {
        Process fetch = new ProcessBuilder("mariadb-binlog", "--read-from-remote-server", "--raw", "--host=127.0.0.1",
                "--port=" + port(), "--user=root", "--to-last-log", "--result-file=" + staging + "/", binlog)
                .redirectErrorStream(true).start();
        String output = new String(fetch.getInputStream().readAllBytes());
        assertThat(fetch.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(fetch.exitValue()).as(output).isZero();
        return staging.resolve(binlog);
    }

    private static String currentBinlog() throws Exception {
        try (Connection connection = server.connect("");
                var result = connection.createStatement().executeQuery("SHOW MASTER STATUS")) {
            result.next();
            return result.getString(1);
        }
    }

    private static boolean isArchived(Path root, String binlog) {
        return Files.exists(root.resolve("binlog").resolve(binlog + ".sha256"));
    }

    /** Moves a backup's folder to a stamp DAYS ago, as if it had been taken then. */
    private static Path age(Path root, String backup, int days) throws IOException {
        Path older = root.resolve("full").resolve(STAMP.format(Instant.now().minus(Duration.ofDays(days))));
        return Files.move(root.resolve(backup), older);
    }

    private static Properties manifest(Path backup) throws IOException {
        Properties manifest = new Properties();
        manifest.load(Files.newBufferedReader(backup.resolve("MANIFEST")));
        return manifest;
    }

    private static Properties properties(String output) throws IOException {
        Properties properties = new Properties();
        properties.load(new java.io.StringReader(output));
        return properties;
    }

    private static String port() {
        return String.valueOf(server.port());
    }

    private static String[] concat(String[] first, String... second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
