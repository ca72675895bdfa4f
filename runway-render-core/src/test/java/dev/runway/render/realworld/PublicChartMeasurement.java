package dev.runway.render.realworld;

import dev.runway.render.HelmRenderer;
import dev.runway.render.api.HelmVersion;
import dev.runway.render.api.RenderException;
import dev.runway.render.api.RenderOptions;
import dev.runway.render.chart.Chart;
import dev.runway.render.oracle.Helm4Cli;
import dev.runway.render.oracle.HelmOracle;
import dev.runway.render.values.SetValueException;
import dev.runway.render.values.UserValues;
import dev.runway.render.values.ValuesFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * On-demand measurement of the engine against real charts (not part of the build): renders every chart of a folder
 * with its default values and with each {@code ci/*-values.yaml}, with the real Helm 4 CLI and with our engine in
 * its Helm 4 mode (and, with {@code --helm3}, with helm-java against the engine's Helm 3.21 mode), then prints per
 * chart, per repository and overall how many renders are byte-identical, equivalent (the same YAML documents in
 * the same order, formatted differently), different, or an error of ours where Helm rendered, with the first
 * difference of each chart. Where Helm itself fails, the same error text counts as identical.
 *
 * <p>The folder holds chart directories (with Chart.yaml), either directly or one level down, grouped by repository
 * ({@code <root>/<repository>/<chart>/}). Dependencies must already sit in each chart's {@code charts/}, as
 * {@code helm dependency build} leaves them: copy library charts such as bitnami/common there yourself. Never put
 * public charts into this repository; keep them under /tmp.
 *
 * <pre>
 * ./mvnw -q -pl runway-render-core test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp runway-render-core/target/test-classes:runway-render-core/target/classes:$(cat runway-render-core/target/cp.txt) \
 *     dev.runway.render.realworld.PublicChartMeasurement /tmp/charts [--helm path/to/helm] [--helm3] [--jobs 2] \
 *     [--out /tmp/measure] [--only substring] [--fresh] [--engine-for-helm4 3]
 * </pre>
 *
 * {@code --engine-for-helm4 3} compares the Helm 4 CLI with the engine's Helm 3.21 mode instead, which shows what the
 * Helm 4 mode changes on real charts.
 *
 * Helm's answers are cached under {@code --out} (default {@code target/public-charts}) by chart content, values and
 * Helm binary, so a second run after an engine change asks Helm again only for what changed ({@code --fresh} asks
 * for everything). A full report with every difference goes to {@code <out>/report.md}.
 */
public final class PublicChartMeasurement {
    private static final String RELEASE = "release-name";
    private static final String NAMESPACE = "default";
    private static final String KUBE_VERSION = "v1.33.0";
    private static final long ENGINE_TIMEOUT_SECONDS = 60;

    /** How one render compares. */
    enum Verdict {
        IDENTICAL,
        EQUIVALENT,
        DIFFER,
        ERROR,
        /**
         * helm-java's lookup reaches for a cluster (localhost:8080) and fails where the helm template command returns
         * an empty map: such renders say nothing about the engine and are counted apart.
         */
        ORACLE_UNUSABLE;

        boolean matches() {
            return this == IDENTICAL || this == EQUIVALENT;
        }
    }

    /** One render of one chart with one values file (null: the chart's defaults), against one oracle. */
    record Render(String repository, String chart, String values, String oracle, Verdict verdict, String difference) {}

    private record Options(
            Path root,
            Path helm,
            boolean helm3,
            int jobs,
            Path out,
            String only,
            boolean fresh,
            HelmVersion helm4Engine) {}

    private PublicChartMeasurement() {}

    public static void main(String[] args) throws Exception {
        Options options = parse(args);
        List<Path> charts = findCharts(options.root());
        if (options.only() != null) {
            charts = charts.stream()
                    .filter(c -> c.toString().contains(options.only()))
                    .toList();
        }
        Helm4Cli helm4 = options.helm() == null
                ? Helm4Cli.locate()
                        .orElseThrow(() ->
                                new IllegalStateException(Helm4Cli.unavailableReason() + " (or pass --helm <binary>)"))
                : Helm4Cli.at(options.helm(), options.out().resolve("helm-home"));
        String helmId = helm4.version();
        System.out.printf(
                "Measuring %d charts under %s against helm %s%s%n",
                charts.size(), options.root(), helmId, options.helm3() ? " and helm-java (Helm 3.21)" : "");
        List<Render> renders = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(options.jobs());
        try {
            for (Path chart : charts) {
                List<Render> ofChart = measure(chart, options, helm4, helmId, pool);
                renders.addAll(ofChart);
                printChart(ofChart);
            }
        } finally {
            pool.shutdownNow();
        }
        String summary = summary(renders);
        System.out.println();
        System.out.println(summary);
        Files.createDirectories(options.out());
        Files.writeString(options.out().resolve("report.md"), report(renders, summary));
        System.out.println("Report: " + options.out().resolve("report.md"));
    }

    private static Options parse(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: PublicChartMeasurement <charts-folder> [--helm <binary>]"
                    + " [--helm3] [--jobs N] [--out <dir>] [--only <substring>] [--fresh] [--engine-for-helm4 3]");
        }
        Path root = Path.of(args[0]);
        Path helm = null;
        boolean helm3 = false;
        boolean fresh = false;
        int jobs = Math.max(2, Runtime.getRuntime().availableProcessors());
        Path out = Path.of("target/public-charts");
        String only = null;
        HelmVersion helm4Engine = HelmVersion.HELM_4_1;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--helm" -> helm = Path.of(args[++i]);
                case "--helm3" -> helm3 = true;
                case "--fresh" -> fresh = true;
                case "--jobs" -> jobs = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--only" -> only = args[++i];
                case "--engine-for-helm4" -> helm4Engine = HelmVersion.parse(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return new Options(root, helm, helm3, jobs, out, only, fresh, helm4Engine);
    }

    /** Chart directories directly under the root or one level down, sorted. */
    static List<Path> findCharts(Path root) throws IOException {
        List<Path> charts = new ArrayList<>();
        try (Stream<Path> level1 = Files.list(root)) {
            for (Path p : level1.filter(Files::isDirectory).sorted().toList()) {
                if (Files.isRegularFile(p.resolve("Chart.yaml"))) {
                    charts.add(p);
                    continue;
                }
                try (Stream<Path> level2 = Files.list(p)) {
                    level2.filter(c -> Files.isRegularFile(c.resolve("Chart.yaml")))
                            .sorted()
                            .forEach(charts::add);
                }
            }
        }
        return charts;
    }

    /** The values files a chart is measured with: none (defaults), then each ci/*-values.yaml. */
    static List<Path> valuesFiles(Path chart) throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(null);
        Path ci = chart.resolve("ci");
        if (Files.isDirectory(ci)) {
            try (Stream<Path> s = Files.list(ci)) {
                s.filter(f -> f.getFileName().toString().endsWith("-values.yaml"))
                        .sorted()
                        .forEach(files::add);
            }
        }
        return files;
    }

    private static List<Render> measure(
            Path chart, Options options, Helm4Cli helm4, String helmId, ExecutorService pool) throws Exception {
        String repository = chart.getParent().equals(options.root())
                ? "charts"
                : chart.getParent().getFileName().toString();
        String name = chart.getFileName().toString();
        List<Path> files = valuesFiles(chart);
        String chartHash = hashTree(chart);
        // Helm answers twice: lines that differ between its own two runs come from random or time functions.
        List<Future<String>> helmAnswers = new ArrayList<>();
        for (Path file : files) {
            for (String run : List.of("#1", "#2")) {
                helmAnswers.add(pool.submit(() -> cachedHelm(
                        options,
                        helmId + "|" + chartHash + "|" + (file == null ? "" : hashFile(file)) + run,
                        () -> helm4.template(request(chart, file)))));
            }
        }
        Map<HelmVersion, HelmRenderer> engines = new java.util.concurrent.ConcurrentHashMap<>();
        List<Render> renders = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String values = file == null ? "(defaults)" : file.getFileName().toString();
            String expected = helmAnswers.get(2 * i).get();
            String again = helmAnswers.get(2 * i + 1).get();
            String actual = engine(chart, file, options.helm4Engine(), true, engines);
            renders.add(compare(repository, name, values, "helm4", expected, again, actual));
            if (options.helm3()) {
                String key = "helm-java|" + chartHash + "|" + (file == null ? "" : hashFile(file));
                String expected3 = cachedHelm(options, key + "#1", () -> HelmOracle.template(request(chart, file)));
                String again3 = cachedHelm(options, key + "#2", () -> HelmOracle.template(request(chart, file)));
                // helm-java returns the release without hooks, as helm template --no-hooks prints it.
                String actual3 = engine(chart, file, HelmVersion.HELM_3_21, false, engines);
                renders.add(compare(repository, name, values, "helm3", expected3, again3, actual3));
            }
        }
        return renders;
    }

    private static HelmOracle.Request request(Path chart, Path valuesFile) {
        return new HelmOracle.Request(
                chart,
                RELEASE,
                NAMESPACE,
                KUBE_VERSION,
                valuesFile == null ? List.of() : List.of(valuesFile),
                Map.of());
    }

    /** Helm's answer as text ({@code ERROR: ...} when it failed), cached by key. */
    private static String cachedHelm(Options options, String key, java.util.function.Supplier<HelmOracle.Result> ask)
            throws IOException {
        Path file = options.out().resolve("helm-cache").resolve(sha256(key.getBytes(StandardCharsets.UTF_8)));
        if (!options.fresh() && Files.isRegularFile(file)) {
            return withoutDebugHint(Files.readString(file, StandardCharsets.UTF_8));
        }
        HelmOracle.Result result;
        try {
            result = ask.get();
        } catch (RuntimeException e) {
            result = new HelmOracle.Result(null, "the oracle could not run: " + e.getMessage());
        }
        String text = result.failed() ? "ERROR: " + result.error() : result.output() == null ? "\n" : result.output();
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return withoutDebugHint(text);
    }

    /** helm-java's errors end in the command's hint; the CLI adapter already drops it. */
    private static String withoutDebugHint(String text) {
        return text.endsWith(Helm4Cli.DEBUG_HINT)
                ? text.substring(0, text.length() - Helm4Cli.DEBUG_HINT.length())
                : text;
    }

    /**
     * Our engine's answer as text, bounded in time so one runaway chart cannot stop the measurement: it renders on a
     * daemon thread of its own that is left behind when it does not answer in time.
     */
    private static String engine(
            Path chart, Path valuesFile, HelmVersion version, boolean hooks, Map<HelmVersion, HelmRenderer> engines) {
        String[] answer = new String[1];
        Thread worker = new Thread(
                () -> {
                    try {
                        HelmRenderer renderer =
                                engines.computeIfAbsent(version, v -> HelmRenderer.prepare(Chart.load(chart, v)));
                        UserValues.Builder values = UserValues.builder().helmVersion(version);
                        if (valuesFile != null) {
                            values.valuesFile(valuesFile);
                        }
                        answer[0] = renderer.render(
                                        values.build().merge().values(),
                                        new RenderOptions(RELEASE, NAMESPACE, KUBE_VERSION, false, hooks, version))
                                .output();
                    } catch (RenderException | SetValueException | ValuesFileException e) {
                        answer[0] = "ERROR: " + e.getMessage();
                    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                        answer[0] = "CRASH: " + e;
                    }
                },
                "engine-" + chart.getFileName());
        worker.setDaemon(true);
        worker.start();
        try {
            worker.join(TimeUnit.SECONDS.toMillis(ENGINE_TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "CRASH: interrupted";
        }
        return worker.isAlive() ? "CRASH: no answer within " + ENGINE_TIMEOUT_SECONDS + " s" : answer[0];
    }

    /**
     * {@code again} is Helm's second answer: where Helm's own two runs differ line by line (random names, dates), a
     * difference of ours on exactly those lines still counts as equivalent.
     */
    static Render compare(
            String repository,
            String chart,
            String values,
            String oracle,
            String expected,
            String again,
            String actual) {
        boolean helmFailed = expected.startsWith("ERROR: ");
        boolean oursFailed = actual.startsWith("ERROR: ") || actual.startsWith("CRASH: ");
        Verdict verdict;
        if (expected.equals(actual)) {
            verdict = Verdict.IDENTICAL;
        } else if (helmFailed && oracle.equals("helm3") && expected.contains("error calling lookup: ")) {
            verdict = Verdict.ORACLE_UNUSABLE;
        } else if (oursFailed && !helmFailed) {
            verdict = Verdict.ERROR;
        } else if (!helmFailed
                && !oursFailed
                && (equivalent(expected, actual) || onlyWhereHelmVaries(expected, again, actual))) {
            verdict = Verdict.EQUIVALENT;
        } else {
            verdict = Verdict.DIFFER;
        }
        String difference = switch (verdict) {
            case IDENTICAL -> null;
            // Our error in full (a few lines): the first line of a Helm 4 error only names the template.
            case ERROR ->
                "ours failed where Helm rendered:\n  "
                        + cut(String.join(
                                "\n  ",
                                actual.lines()
                                        .limit(8)
                                        .map(PublicChartMeasurement::cut)
                                        .toList()));
            default -> firstDifference(expected, actual);
        };
        return new Render(repository, chart, values, oracle, verdict, difference);
    }

    /** Same number of lines, and every line of ours that differs from Helm's also differs between Helm's runs. */
    static boolean onlyWhereHelmVaries(String expected, String again, String actual) {
        String[] e = expected.split("\n", -1);
        String[] g = again.split("\n", -1);
        String[] a = actual.split("\n", -1);
        if (expected.equals(again) || e.length != g.length || e.length != a.length) {
            return false;
        }
        for (int i = 0; i < e.length; i++) {
            if (!e[i].equals(a[i]) && e[i].equals(g[i])) {
                return false;
            }
        }
        return true;
    }

    /** The same YAML documents, in the same order, each under the same {@code # Source:} file. */
    static boolean equivalent(String expected, String actual) {
        try {
            return documents(expected).equals(documents(actual));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static List<Object> documents(String output) {
        List<Object> docs = new ArrayList<>();
        Load load = new Load(LoadSettings.builder()
                .setAllowDuplicateKeys(true)
                .setMaxAliasesForCollections(10_000)
                .build());
        for (String part : output.split("(?m)^---$", -1)) {
            String source = part.lines()
                    .filter(l -> l.startsWith("# Source: "))
                    .findFirst()
                    .orElse("");
            for (Object doc : load.loadAllFromString(part)) {
                docs.add(List.of(source, doc == null ? "" : doc));
            }
        }
        return docs;
    }

    static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String el = i < e.length ? e[i] : "<end>";
            String al = i < a.length ? a[i] : "<end>";
            if (!el.equals(al)) {
                String source = "";
                for (int j = Math.min(i, e.length - 1); j >= 0; j--) {
                    if (e[j].startsWith("# Source: ")) {
                        source = " (" + e[j].substring("# Source: ".length()) + ")";
                        break;
                    }
                }
                return "line " + (i + 1) + source + ":\n  helm: " + cut(el) + "\n  ours: " + cut(al);
            }
        }
        return "same lines, different bytes";
    }

    private static String cut(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }

    private static void printChart(List<Render> renders) {
        if (renders.isEmpty()) {
            return;
        }
        Map<String, List<Render>> byOracle = new TreeMap<>();
        renders.forEach(r ->
                byOracle.computeIfAbsent(r.oracle(), k -> new ArrayList<>()).add(r));
        byOracle.forEach((oracle, list) -> {
            Render first = list.get(0);
            System.out.printf("%-60s %s %s%n", first.repository() + "/" + first.chart(), oracle, counts(list));
            list.stream()
                    .filter(r -> !r.verdict().matches() && r.verdict() != Verdict.ORACLE_UNUSABLE)
                    .findFirst()
                    .ifPresent(r -> System.out.println("    first difference, " + r.values() + ": "
                            + r.difference().replace("\n", "\n    ")));
        });
    }

    private static String counts(List<Render> renders) {
        Map<Verdict, Long> n = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            n.put(v, renders.stream().filter(r -> r.verdict() == v).count());
        }
        long matching = n.get(Verdict.IDENTICAL) + n.get(Verdict.EQUIVALENT);
        long usable = renders.size() - n.get(Verdict.ORACLE_UNUSABLE);
        String unusable = n.get(Verdict.ORACLE_UNUSABLE) == 0
                ? ""
                : " (" + n.get(Verdict.ORACLE_UNUSABLE) + " more where helm-java's lookup needed a cluster)";
        return String.format(
                Locale.ROOT,
                "renders=%d identical=%d equivalent=%d differ=%d error=%d matching=%.1f%% byte-identical=%.1f%%%s",
                usable,
                n.get(Verdict.IDENTICAL),
                n.get(Verdict.EQUIVALENT),
                n.get(Verdict.DIFFER),
                n.get(Verdict.ERROR),
                usable == 0 ? 0.0 : 100.0 * matching / usable,
                usable == 0 ? 0.0 : 100.0 * n.get(Verdict.IDENTICAL) / usable,
                unusable);
    }

    static String summary(List<Render> renders) {
        StringBuilder b = new StringBuilder();
        Map<String, List<Render>> byOracle = new TreeMap<>();
        renders.forEach(r ->
                byOracle.computeIfAbsent(r.oracle(), k -> new ArrayList<>()).add(r));
        byOracle.forEach((oracle, list) -> {
            long charts = list.stream()
                    .map(r -> r.repository() + "/" + r.chart())
                    .distinct()
                    .count();
            long chartsAllMatching = list.stream()
                    .collect(java.util.stream.Collectors.groupingBy(
                            r -> r.repository() + "/" + r.chart(), java.util.stream.Collectors.toList()))
                    .values()
                    .stream()
                    .filter(l ->
                            l.stream().allMatch(r -> r.verdict().matches() || r.verdict() == Verdict.ORACLE_UNUSABLE))
                    .count();
            b.append("| ")
                    .append(oracle)
                    .append(" | all (")
                    .append(charts)
                    .append(" charts, ")
                    .append(chartsAllMatching)
                    .append(" matching in every render) | ")
                    .append(counts(list))
                    .append(" |\n");
            Map<String, List<Render>> byRepository = new TreeMap<>();
            list.forEach(r -> byRepository
                    .computeIfAbsent(r.repository(), k -> new ArrayList<>())
                    .add(r));
            byRepository.forEach((repository, rs) -> b.append("| ")
                    .append(oracle)
                    .append(" | ")
                    .append(repository)
                    .append(" (")
                    .append(rs.stream().map(Render::chart).distinct().count())
                    .append(" charts) | ")
                    .append(counts(rs))
                    .append(" |\n"));
        });
        return "| oracle | charts | counts |\n|---|---|---|\n" + b;
    }

    private static String report(List<Render> renders, String summary) {
        StringBuilder b = new StringBuilder("# Public charts against Helm\n\n")
                .append(summary)
                .append('\n');
        for (Render r : renders) {
            if (r.verdict() != Verdict.IDENTICAL) {
                b.append("## ")
                        .append(r.verdict())
                        .append(' ')
                        .append(r.oracle())
                        .append(' ')
                        .append(r.repository())
                        .append('/')
                        .append(r.chart())
                        .append(' ')
                        .append(r.values())
                        .append("\n\n```\n")
                        .append(r.difference())
                        .append("\n```\n\n");
            }
        }
        return b.toString();
    }

    /** A digest of every file of the chart (paths and bytes), so Helm is asked again when the chart changes. */
    private static String hashTree(Path chart) throws IOException {
        MessageDigest digest = sha();
        try (Stream<Path> files = Files.walk(chart)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                digest.update(chart.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(f));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String hashFile(Path file) {
        try {
            return sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha().digest(bytes));
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
