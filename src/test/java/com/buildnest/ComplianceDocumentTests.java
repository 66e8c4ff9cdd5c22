package com.buildnest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * docs/compliance.md maps every control the operators claim to the code that implements it and
 * the test that proves it. These tests keep that map true, so that renaming or deleting a test,
 * class or script it cites breaks the build instead of leaving a claim without its proof. Above
 * the Gaps section, every class, member, test method and path it names must exist, and every
 * test method it names must be a test. Every CI step it lists must be in {@code .ci/run}. Every
 * control in its tables must cite a proof. The test classes and methods named by any other
 * document must exist too.
 */
class ComplianceDocumentTests {

    private static final Path DOCUMENT = Path.of("docs", "compliance.md");
    private static final Path CI_SCRIPT = Path.of(".ci", "run");
    private static final List<Path> SOURCE_ROOTS = List.of(Path.of("src/test/java/com/buildnest"),
            Path.of("src/main/java/com/buildnest"));
    private static final String GAPS = "## Gaps (work)";
    private static final String CI_SECTION = "## What CI runs";

    private static final Pattern CODE = Pattern.compile("`([^`\\n]+)`");
    /** {@code customer.KeyRing}, {@code customer.KeyRingTests#unknownKeyIdVerifiesNothing}, {@code DatabaseMigrationTests}. */
    private static final Pattern CLASS_REFERENCE = Pattern.compile(
            "((?:[a-z][a-z0-9]*\\.)*)([A-Z][a-z]\\w*)(?:#(\\w+))?");
    private static final Pattern PATH = Pattern.compile("(?:src|ops|deploy|docs|\\.ci)/\\S*");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(?:#[^)]*)?\\)");
    private static final Pattern TEST_NAMED_IN_PROSE = Pattern.compile(
            "(?<![\\w-])([A-Z]\\w*Tests)(?:[.#]([a-z]\\w*))?\\b");
    private static final String TEST_ANNOTATION =
            "@(?:Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate)\\b(?:\\([^)]*\\))?"
            + "(?:\\s*@\\w+(?:\\([^)]*\\))?)*\\s+";

    @Test
    void everyClassMemberAndTestItCitesExistsAndEveryCitedTestIsATest() throws IOException {
        List<String> problems = new ArrayList<>();
        List<String> cited = codeSpans(provenPart());
        for (String span : cited) {
            Matcher reference = CLASS_REFERENCE.matcher(span);
            if (reference.matches() && isClassReference(reference)) {
                check(reference, problems);
            }
        }

        assertThat(cited).as("the document cites code").hasSizeGreaterThan(100);
        assertThat(problems).as("references in %s that do not resolve", DOCUMENT).isEmpty();
    }

    @Test
    void everyPathAndLinkItCitesExists() throws IOException {
        String proven = provenPart();
        List<String> problems = new ArrayList<>();
        for (String span : codeSpans(proven)) {
            if (PATH.matcher(span).matches() && !pathExists(span)) {
                problems.add(span + ": no such file or directory");
            }
        }
        Matcher link = LINK.matcher(proven);
        while (link.find()) {
            String target = link.group(1);
            if (!target.contains("://") && !Files.exists(DOCUMENT.getParent().resolve(target))) {
                problems.add("link " + target + ": no such file");
            }
        }

        assertThat(problems).isEmpty();
    }

    @Test
    void everyCiStepItListsIsACommandOfTheCiScript() throws IOException {
        String document = Files.readString(DOCUMENT);
        int start = document.indexOf(CI_SECTION);
        assertThat(start).as("section '%s'", CI_SECTION).isNotNegative();
        int end = document.indexOf("\n## ", start + CI_SECTION.length());
        Set<String> ciLines = Files.readAllLines(CI_SCRIPT).stream().map(String::strip).collect(Collectors.toSet());

        List<String> steps = codeSpans(document.substring(start, end)).stream()
                .filter(span -> span.contains(" ")).toList();

        assertThat(steps).contains("./mvnw -B -ntp verify");
        assertThat(steps).allSatisfy(step -> assertThat(ciLines).as("lines of .ci/run").contains(step));
    }

    @Test
    void everyControlInItsTablesCitesAProofAndTheGapsComeLast() throws IOException {
        String document = Files.readString(DOCUMENT);
        assertThat(document.indexOf(GAPS)).as("a '%s' section", GAPS).isPositive();
        assertThat(document.substring(document.indexOf(GAPS) + GAPS.length())).as("nothing after the gaps")
                .doesNotContain("\n## ");

        List<String> lines = provenPart().lines().toList();
        List<String> unproven = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean header = i + 1 < lines.size() && lines.get(i + 1).startsWith("|---");
            if (!line.startsWith("| ") || header) {
                continue;
            }
            String[] cells = line.split("(?<!\\\\)\\|");
            String proof = cells[cells.length - 1].isBlank() && cells.length > 1 ? cells[cells.length - 2]
                    : cells[cells.length - 1];
            if (codeSpans(proof).stream().noneMatch(span -> span.contains("Tests") || span.startsWith("ops/"))) {
                unproven.add(line);
            }
        }

        assertThat(unproven).as("table rows whose last column names no test or drill").isEmpty();
    }

    @Test
    void everyTestThatAnyDocumentNamesExists() throws IOException {
        List<Path> documents;
        try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
            documents = Stream.concat(Stream.of(Path.of("README.md")),
                    docs.filter(path -> path.toString().endsWith(".md"))).toList();
        }
        List<String> problems = new ArrayList<>();
        for (Path document : documents) {
            Matcher named = TEST_NAMED_IN_PROSE.matcher(Files.readString(document));
            while (named.find()) {
                Optional<Path> source = anywhere(named.group(1));
                if (source.isEmpty()) {
                    problems.add(document + ": no test class " + named.group(1));
                } else if (named.group(2) != null && !isTest(Files.readString(source.get()), named.group(2))) {
                    problems.add(document + ": " + named.group(1) + " has no test " + named.group(2));
                }
            }
        }

        assertThat(documents).contains(DOCUMENT);
        assertThat(problems).isEmpty();
    }

    /** The document above its Gaps section: what it claims is proved today. */
    private static String provenPart() throws IOException {
        String document = Files.readString(DOCUMENT);
        int gaps = document.indexOf(GAPS);
        assertThat(gaps).as("a '%s' section", GAPS).isPositive();
        return document.substring(0, gaps);
    }

    private static List<String> codeSpans(String markdown) {
        List<String> spans = new ArrayList<>();
        Matcher code = CODE.matcher(markdown);
        while (code.find()) {
            spans.add(code.group(1).strip());
        }
        return spans;
    }

    /** Qualified by package, a member named, or a test class at the root package. */
    private static boolean isClassReference(Matcher reference) {
        return !reference.group(1).isEmpty() || reference.group(3) != null || reference.group(2).endsWith("Tests");
    }

    private static void check(Matcher reference, List<String> problems) throws IOException {
        String packages = reference.group(1).replaceFirst("^com\\.buildnest\\.", "");
        String name = reference.group(2);
        String member = reference.group(3);
        Optional<Path> source = packages.isEmpty() ? anywhere(name) : SOURCE_ROOTS.stream()
                .map(root -> root.resolve(packages.replace('.', '/') + name + ".java"))
                .filter(Files::isRegularFile).findFirst();
        if (source.isEmpty()) {
            problems.add(reference.group() + ": no class " + packages + name);
            return;
        }
        if (member == null) {
            return;
        }
        String code = Files.readString(source.get());
        boolean testClass = source.get().startsWith(SOURCE_ROOTS.get(0)) && name.endsWith("Tests");
        if (testClass && !isTest(code, member)) {
            problems.add(reference.group() + ": no test method " + member);
        } else if (!testClass && !Pattern.compile("\\b" + member + "\\b").matcher(code).find()) {
            problems.add(reference.group() + ": no member " + member);
        }
    }

    private static boolean isTest(String code, String method) {
        return Pattern.compile(TEST_ANNOTATION + "(?:public\\s+)?void\\s+" + method + "\\s*\\(").matcher(code).find();
    }

    private static Optional<Path> anywhere(String className) throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path root : SOURCE_ROOTS) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(path -> path.getFileName().toString().equals(className + ".java")).forEach(found::add);
            }
        }
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    private static boolean pathExists(String path) throws IOException {
        if (!path.contains("*")) {
            return Files.exists(Path.of(path));
        }
        PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + path);
        Path start = Path.of(path.substring(0, path.lastIndexOf('/', path.indexOf('*'))));
        try (Stream<Path> files = Files.walk(start)) {
            return files.anyMatch(glob::matches);
        }
    }
}
