package dev.runway.render.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderFingerprintTest {

    @TempDir
    Path project;

    private Path output;
    private Path file;

    /**
     * The settings a test starts from and changes one field of ({@link GoalSettings}), plus the two inputs the
     * fingerprint takes besides them; the project folder is filled in when the fingerprint is made.
     */
    private static final class Given extends GoalSettings {
        String layout = "SINGLE_FILE";
        String engine = "runway-render-core-1.0.jar:1000:1";

        Given() {
            super(null);
            chartDirectory = Path.of("chart");
            set = List.of("replicas=2");
            setString = List.of("image.tag=1.0.0");
            setFile = List.of();
            serviceId = "payments";
            kubeVersion = "v1.33.0";
            environments = new ArrayList<>(List.of(
                    environment("staging", ".runway/staging.yaml"),
                    environment("production", ".runway/production.yaml")));
            origins = null;
        }
    }

    private static EnvironmentPlanner.EnvironmentSettings environment(String name, String valuesFile) {
        return new EnvironmentPlanner.EnvironmentSettings(
                name, List.of(Path.of(valuesFile)), List.of(), List.of(), List.of(), null, null, null, null);
    }

    @BeforeEach
    void aRenderedProject() throws IOException {
        write(".runway/values.yaml", "port: 8080\n");
        write(".runway/staging.yaml", "replicas: 1\n");
        write(".runway/production.yaml", "replicas: 3\n");
        write(".runway/runway.yml", "apiVersion: runway/v1\nkind: RunwayService\nmetadata:\n  name: payments\n");
        write("chart/Chart.yaml", "apiVersion: v2\nname: app\nversion: 1.0.0\n");
        write("chart/templates/cm.yaml", "kind: ConfigMap\n");
        write("files/cert.pem", "CERT\n");
        output = project.resolve("target/runway");
        file = project.resolve("target/runway/render-fingerprint-default-cli.properties");
        write("target/runway/staging/manifests.yaml", "kind: ConfigMap # staging\n");
        write("target/runway/production/manifests.yaml", "kind: ConfigMap # production\n");
        fingerprint(new Given()).write(file);
    }

    @Test
    void theSameInputsAndOutputsAreUpToDate() {
        RenderFingerprint.Check check = fingerprint(new Given()).check(file);
        assertTrue(check.upToDate(), check.reason());
        assertEquals(List.of("staging", "production"), fingerprint(new Given()).environments());
    }

    @Test
    void writingTwiceGivesTheSameBytesAndLeavesNoTemporaryFile() throws IOException {
        String first = Files.readString(file);
        assertFalse(
                first.lines().anyMatch(line -> line.startsWith("#") && !line.startsWith("# runway")),
                "no date comment");
        fingerprint(new Given()).write(file);
        assertEquals(first, Files.readString(file));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(
                    List.of("production", "render-fingerprint-default-cli.properties", "staging"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void noFingerprintYetMeansRender() throws IOException {
        Files.delete(file);
        assertStale("no earlier render recorded", new Given());
    }

    @Test
    void aCorruptOrForeignFingerprintMeansRenderNeverAnError() throws IOException {
        Files.write(file, new byte[] {(byte) 0xff, 0, (byte) 0xfe, '\n', '=', '\\'});
        assertFalse(fingerprint(new Given()).check(file).upToDate());
        Files.writeString(file, "engine=\\u00zz\n"); // an escape Properties refuses
        assertStale("unreadable", new Given());
        Files.writeString(file, "format=runway-render-fingerprint-0\n");
        assertStale("another version", new Given());
        Files.delete(file);
        Files.createDirectories(file);
        assertStale("no earlier render", new Given());
    }

    @Test
    void editingAValuesFileInvalidates() throws IOException {
        write(".runway/values.yaml", "port: 8081\n");
        assertStale(".runway/values.yaml changed", new Given());
    }

    @Test
    void editingAnEnvironmentsValuesFileInvalidates() throws IOException {
        write(".runway/production.yaml", "replicas: 4\n");
        assertStale(".runway/production.yaml changed", new Given());
    }

    @Test
    void theDefaultValuesFileAppearingOrGoingInvalidates() throws IOException {
        Files.delete(project.resolve(".runway/values.yaml"));
        assertStale(".runway/values.yaml changed", new Given());
    }

    @Test
    void explicitAndExtraValuesFilesAreHashed() throws IOException {
        Given given = new Given();
        given.valuesFiles = List.of(Path.of("files/base.yaml"));
        given.extraValuesFiles = List.of(Path.of("files/local.yaml"));
        write("files/base.yaml", "a: 1\n");
        write("files/local.yaml", "b: 1\n");
        fingerprint(given).write(file);
        write("files/local.yaml", "b: 2\n");
        assertStale("files/local.yaml changed", given);
        fingerprint(given).write(file);
        write("files/base.yaml", "a: 2\n");
        assertStale("files/base.yaml changed", given);
        fingerprint(given).write(file);
        write(".runway/values.yaml", "ignored when valuesFiles are given\n");
        assertTrue(fingerprint(given).check(file).upToDate(), "the default file is not read then");
    }

    @Test
    void editingTheServiceManifestInvalidates() throws IOException {
        write(".runway/runway.yml", "apiVersion: runway/v1\nkind: RunwayService\nmetadata:\n  name: payments2\n");
        assertStale(".runway/runway.yml changed", new Given());
    }

    @Test
    void anEnvironmentsOwnManifestAppearingInvalidates() throws IOException {
        write(".runway/runway-staging.yml", "apiVersion: runway/v1\nkind: RunwayService\n");
        assertStale(".runway/runway-staging.yml changed", new Given());
    }

    @Test
    void aManifestElsewhereIsHashed() throws IOException {
        Given given = new Given();
        given.manifest = Path.of("service/runway.yml");
        assertStale("runway", given); // the manifests looked for are others now
        write("service/runway.yml", "apiVersion: runway/v1\n");
        fingerprint(given).write(file);
        write("service/runway.yml", "apiVersion: runway/v2\n");
        assertStale("service/runway.yml changed", given);
    }

    @Test
    void editingOrAddingAChartFileInvalidates() throws IOException {
        write("chart/templates/cm.yaml", "kind: Secret\n");
        assertStale("chart file templates/cm.yaml changed", new Given());
        fingerprint(new Given()).write(file);
        write("chart/files/extra.txt", "read by .Files.Get\n");
        assertStale("chart file files/extra.txt changed", new Given());
        fingerprint(new Given()).write(file);
        Files.delete(project.resolve("chart/files/extra.txt"));
        assertStale("chart file files/extra.txt changed", new Given());
    }

    @Test
    void theBundledChartIsIdentifiedByTheEngine() {
        Given given = new Given();
        given.chartDirectory = null;
        fingerprint(given).write(file);
        given.engine = "runway-render-core-1.1.jar:1000:2";
        assertStale("the plugin or engine changed", given);
    }

    @Test
    void everySettingInvalidates() {
        List<Consumer<Given>> changes = List.of(
                g -> g.set = List.of("replicas=3"),
                g -> g.setString = List.of("image.tag=1.0.1"),
                g -> g.extraSet = List.of("debug=true"),
                g -> g.extraSetString = List.of("x=y"),
                g -> g.serviceId = "billing",
                g -> g.ignoredManifestFields = List.of("spec.regions"),
                g -> g.image = "registry/payments:2",
                g -> g.releaseName = "other",
                g -> g.namespace = "other",
                g -> g.kubeVersion = "v1.34.0",
                g -> g.helmVersion = "3",
                g -> g.chartDirectory = null,
                g -> g.environments.add(environment("canary", ".runway/staging.yaml")),
                g -> g.environments.set(
                        0,
                        new EnvironmentPlanner.EnvironmentSettings(
                                "staging",
                                List.of(Path.of(".runway/staging.yaml")),
                                List.of("replicas=5"),
                                List.of(),
                                List.of(),
                                null,
                                null,
                                null,
                                null)),
                g -> g.selection = "staging",
                g -> g.layout = "PER_RESOURCE",
                g -> g.engine = "runway-render-core-1.0.jar:1001:1");
        for (int i = 0; i < changes.size(); i++) {
            Given given = new Given();
            changes.get(i).accept(given);
            assertFalse(fingerprint(given).check(file).upToDate(), "change " + i + " must invalidate");
        }
    }

    @Test
    void setFileEntriesHashTheirFiles() throws IOException {
        Given given = new Given();
        given.setFile = List.of("tls.cert=files/cert.pem");
        given.extraSetFile = List.of("a=files/a.txt,b=files/b.txt");
        write("files/a.txt", "A\n");
        write("files/b.txt", "B\n");
        fingerprint(given).write(file);
        assertTrue(fingerprint(given).check(file).upToDate());
        write("files/cert.pem", "CERT 2\n");
        assertStale("files/cert.pem changed", given);
        fingerprint(given).write(file);
        write("files/b.txt", "B 2\n");
        assertStale("files/b.txt changed", given);
    }

    @Test
    void editingDeletingOrAddingAnOutputFileInvalidates() throws IOException {
        write("target/runway/staging/manifests.yaml", "kind: ConfigMap # edited by hand\n");
        assertStale("the output staging/manifests.yaml was edited, added or removed", new Given());
        write("target/runway/staging/manifests.yaml", "kind: ConfigMap # staging\n");
        assertTrue(fingerprint(new Given()).check(file).upToDate(), "restored");
        Files.delete(project.resolve("target/runway/production/manifests.yaml"));
        assertStale("the output production/manifests.yaml was edited, added or removed", new Given());
        write("target/runway/production/manifests.yaml", "kind: ConfigMap # production\n");
        write("target/runway/production/stray.yaml", "kind: Secret\n");
        assertStale("the output production/stray.yaml", new Given());
        Files.delete(project.resolve("target/runway/production/stray.yaml"));
        write("target/runway/production/notes.txt", "not YAML: the render neither writes nor removes it\n");
        assertTrue(fingerprint(new Given()).check(file).upToDate());
    }

    @Test
    void aDeletedOutputFolderInvalidates() throws IOException {
        Files.delete(project.resolve("target/runway/staging/manifests.yaml"));
        Files.delete(project.resolve("target/runway/staging"));
        assertStale("the output staging", new Given());
    }

    @Test
    void settingsAreStoredAsHashesSoSecretsStayOut() throws IOException {
        Given given = new Given();
        given.setString = List.of("db.password=hunter2");
        fingerprint(given).write(file);
        assertFalse(Files.readString(file).contains("hunter2"));
        assertTrue(fingerprint(given).check(file).upToDate());
    }

    @Test
    void inputsThePlannerRefusesGiveNoFingerprint() throws IOException {
        Given unnamed = new Given();
        unnamed.environments = List.of(environment(null, "a.yaml"), environment(null, "b.yaml"));
        assertEquals(Optional.empty(), RenderFingerprint.of(settings(unnamed), "SINGLE_FILE", output, "e"));
        Given noChart = new Given();
        noChart.chartDirectory = Path.of("missing");
        assertEquals(Optional.empty(), RenderFingerprint.of(settings(noChart), "SINGLE_FILE", output, "e"));
        Given many = new Given();
        for (int i = 0; i <= RenderFingerprint.MAX_CHART_FILES; i++) {
            Files.writeString(project.resolve("chart/templates/f" + i + ".yaml"), "");
        }
        assertEquals(Optional.empty(), RenderFingerprint.of(settings(many), "SINGLE_FILE", output, "e"));
    }

    @Test
    void theOneUnnamedEnvironmentIsDefault() {
        Given given = new Given();
        given.environments = null;
        assertEquals(List.of("default"), fingerprint(given).environments());
    }

    @Test
    void theEngineIdentityNamesTheJarOrFolder() {
        String identity = RenderFingerprint.engineIdentity(RenderFingerprint.class, String.class);
        assertTrue(identity.contains("classes") || identity.contains(".jar:"), identity);
        assertEquals(identity, RenderFingerprint.engineIdentity(RenderFingerprint.class, String.class), "stable");
    }

    private void assertStale(String reason, Given given) {
        RenderFingerprint.Check check = fingerprint(given).check(file);
        assertFalse(check.upToDate(), "must render: " + reason);
        assertTrue(check.reason().contains(reason), "reason '" + check.reason() + "' should say: " + reason);
    }

    private RenderFingerprint fingerprint(Given given) {
        return RenderFingerprint.of(settings(given), given.layout, output, given.engine)
                .orElseThrow();
    }

    private EnvironmentPlanner.Settings settings(Given g) {
        g.baseDirectory = project;
        return g.build();
    }

    private void write(String name, String content) throws IOException {
        Path path = project.resolve(name);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content, StandardCharsets.UTF_8);
    }

    @Test
    void linesAreWhatPropertiesStoreWritesAndReadBack() throws IOException {
        java.util.Random random = new java.util.Random(19);
        String alphabet = " a=:#!\\\t\n\r\f\u000b\u0000é€😀\u2028x";
        for (int i = 0; i < 2000; i++) {
            String key = randomText(random, alphabet);
            String value = randomText(random, alphabet);
            java.util.Properties properties = new java.util.Properties();
            properties.setProperty(key, value);
            java.io.StringWriter stored = new java.io.StringWriter();
            properties.store(stored, null);
            List<String> lines =
                    stored.toString().lines().filter(l -> !l.startsWith("#")).toList();
            String line = RenderFingerprint.propertiesLine(key, value);
            assertEquals(List.of(line), lines, "key " + key + " value " + value);
            java.util.Properties read = new java.util.Properties();
            read.load(new java.io.StringReader(line + "\n"));
            assertEquals(value, read.getProperty(key));
        }
    }

    private static String randomText(java.util.Random random, String alphabet) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(6); n > 0; n--) {
            int at = random.nextInt(alphabet.length());
            text.append(
                    Character.isHighSurrogate(alphabet.charAt(at))
                            ? alphabet.substring(at, at + 2)
                            : alphabet.charAt(at));
        }
        return text.toString();
    }

    @Test
    void environmentsTextIsTheRecordsGeneratedToString() {
        // Earlier fingerprints hashed the records' generated toString; the written-out text must stay the same.
        List<EnvironmentPlanner.EnvironmentSettings> environments = new ArrayList<>(List.of(
                new EnvironmentPlanner.EnvironmentSettings(
                        "staging",
                        List.of(Path.of(".runway/staging.yaml")),
                        List.of("a=1"),
                        List.of("b=2"),
                        List.of("c=file.txt"),
                        "payments",
                        "ns",
                        Path.of("committed"),
                        Path.of(".runway/runway.yml")),
                EnvironmentPlanner.EnvironmentSettings.unnamed(),
                new EnvironmentPlanner.EnvironmentSettings(null, null, null, null, null, null, null, null, null)));
        assertEquals(String.valueOf(environments), RenderFingerprint.environmentsText(environments));
        environments.add(null);
        assertEquals(String.valueOf(environments), RenderFingerprint.environmentsText(environments));
        assertEquals("[]", RenderFingerprint.environmentsText(List.of()));
        assertEquals(null, RenderFingerprint.environmentsText(null));
    }
}
