package dev.runway.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.runway.render.HelmRenderer;
import dev.runway.render.api.HelmVersion;
import dev.runway.render.api.RenderException;
import dev.runway.render.api.RenderOptions;
import dev.runway.render.oracle.Helm4Cli;
import dev.runway.render.oracle.HelmOracle;
import dev.runway.render.values.UserValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runway-eks chart rendered by our engine and by Helm (helm-java) over the whole values matrix and the bad
 * values: byte-identical output, and the same error text where Helm refuses.
 */
class RunwayEksConformanceTest {
    private static final String SCHEMA_FAILURE = "values don't meet the specifications of the schema(s)";
    private static final String HELM_CLI_SUFFIX = "\n\nUse --debug flag to render out invalid YAML";

    @TempDir
    static Path dir;

    private static HelmRenderer engine;

    /** Options for the comparisons with helm-java: the engine renders as Helm 3.21 there. */
    private static RenderOptions helm3(String release, String namespace) {
        return RenderOptions.of(release, namespace).withHelmVersion(HelmVersion.HELM_3_21);
    }

    @BeforeAll
    static void prepare() {
        engine = HelmRenderer.prepare(Chart.load(RunwayEksMatrix.chartDirectory()));
    }

    @TestFactory
    Stream<DynamicTest> everyMatrixCaseIsByteIdentical() {
        return RunwayEksMatrix.cases().stream()
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                    Path values = write(c.name(), c.valuesYaml());
                    HelmOracle.Result helm = HelmOracle.template(HelmOracle.Request.of(
                            RunwayEksMatrix.chartDirectory(), c.serviceId(), c.serviceId(), values));
                    assertEquals(null, helm.error(), c.name() + " must render in Helm");
                    String ours = engine.render(userValues(values), helm3(c.serviceId(), c.serviceId()))
                            .output();
                    assertEquals(helm.output(), ours, c.name());
                }));
    }

    /** The same matrix against the real Helm 4 CLI; skipped, saying why, where the build could not fetch it. */
    @TestFactory
    Stream<DynamicTest> everyMatrixCaseIsByteIdenticalToHelm4() {
        java.util.Optional<Helm4Cli> helm4 = Helm4Cli.locate();
        return RunwayEksMatrix.cases().stream()
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                    assumeTrue(helm4.isPresent(), Helm4Cli.unavailableReason());
                    Path values = write("helm4-" + c.name(), c.valuesYaml());
                    HelmOracle.Result helm = helm4.get()
                            .template(HelmOracle.Request.of(
                                    RunwayEksMatrix.chartDirectory(), c.serviceId(), c.serviceId(), values));
                    assertEquals(null, helm.error(), c.name() + " must render in Helm 4");
                    String ours = engine.render(
                                    userValues(values),
                                    RenderOptions.of(c.serviceId(), c.serviceId())
                                            .withHelmVersion(HelmVersion.HELM_4_1))
                            .output();
                    assertEquals(helm.output(), ours, c.name());
                }));
    }

    @TestFactory
    Stream<DynamicTest> badValuesFailAsInHelm() {
        return RunwayEksBadValuesTest.badValues().map(arguments -> {
            Object[] a = arguments.get();
            String description = (String) a[0];
            String yaml = (String) a[1];
            String namespace = (String) a[2];
            return DynamicTest.dynamicTest(description, () -> {
                Path values = write("bad-" + description.replace(' ', '-'), yaml);
                HelmOracle.Result helm = HelmOracle.template(
                        HelmOracle.Request.of(RunwayEksMatrix.chartDirectory(), "payments", namespace, values));
                assertNotNull(helm.error(), description + ": Helm refuses these values");
                String expected = helm.error().replace(HELM_CLI_SUFFIX, "");
                String ours;
                try {
                    ours = "rendered:\n"
                            + engine.render(userValues(values), helm3("payments", namespace))
                                    .output();
                } catch (RenderException e) {
                    ours = e.getMessage();
                }
                if (expected.startsWith(SCHEMA_FAILURE)) {
                    assertSameSchemaFailure(expected, ours, description);
                } else {
                    assertEquals(expected, ours, description);
                }
            });
        });
    }

    /** Each hostile string of the shared corpus as an env value (the schema takes any string there): same bytes. */
    @TestFactory
    Stream<DynamicTest> hostileValuesRenderAsInHelm() throws IOException {
        java.util.List<String> corpus = HostileValuesTest.corpus();
        return java.util.stream.IntStream.range(0, corpus.size())
                .mapToObj(i -> DynamicTest.dynamicTest("hostile value " + i, () -> {
                    String hostile = corpus.get(i);
                    assumeFalse(
                            hostile.indexOf('\u0085') >= 0,
                            "known difference: go-yaml folds U+0085 (NEL) in a"
                                    + " quoted scalar to a space; the values reader keeps it (values/yaml readers, not the engine)");
                    Map<String, Object> values = new java.util.LinkedHashMap<>();
                    values.put("serviceId", "payments");
                    values.put("image", Map.of("repository", "registry.example.com/payments"));
                    values.put("env", Map.of("HOSTILE", hostile));
                    Path file = dir.resolve("hostile-" + i + ".json");
                    Files.writeString(
                            file,
                            new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(values),
                            StandardCharsets.UTF_8);
                    HelmOracle.Result helm = HelmOracle.template(
                            HelmOracle.Request.of(RunwayEksMatrix.chartDirectory(), "payments", "payments", file));
                    String expected = helm.failed() ? helm.error().replace(HELM_CLI_SUFFIX, "") : helm.output();
                    String ours;
                    try {
                        ours = engine.render(userValues(file), helm3("payments", "payments"))
                                .output();
                    } catch (RenderException e) {
                        ours = e.getMessage();
                    }
                    if (expected.startsWith(SCHEMA_FAILURE)) {
                        assertSameSchemaFailure(expected, ours, "hostile value " + i);
                    } else {
                        assertEquals(expected, ours, "hostile value " + i);
                    }
                }));
    }

    /**
     * The values package words schema failures its own way (naming the field and the rule in plain words); what must
     * match Helm is that the render fails on the schema and names every field Helm names.
     */
    private static void assertSameSchemaFailure(String helm, String ours, String description) {
        org.junit.jupiter.api.Assertions.assertTrue(
                ours.startsWith(SCHEMA_FAILURE),
                description + ": Helm refuses the values by schema, ours said: " + ours);
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("at '/([^']*)'").matcher(helm);
        while (m.find()) {
            String path = m.group(1);
            String field = path.substring(path.lastIndexOf('/') + 1);
            org.junit.jupiter.api.Assertions.assertTrue(
                    field.isEmpty() || ours.contains(field),
                    description + ": Helm names " + path + ", ours does not: " + ours);
        }
    }

    private static Map<String, Object> userValues(Path valuesFile) {
        return UserValues.builder().valuesFile(valuesFile).build().merge().values();
    }

    private static Path write(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name + ".yaml"), yaml, StandardCharsets.UTF_8);
    }
}
