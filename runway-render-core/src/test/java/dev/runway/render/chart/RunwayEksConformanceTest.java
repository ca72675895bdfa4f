package dev.runway.render.chart;

import dev.runway.render.HelmRenderer;
import dev.runway.render.RenderException;
import dev.runway.render.RenderOptions;
import dev.runway.render.oracle.HelmOracle;
import dev.runway.render.values.UserValues;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runway-eks chart rendered by our engine and by Helm (helm-java) over the whole values matrix and the bad
 * values: byte-identical output, and the same error text where Helm refuses.
 */
class RunwayEksConformanceTest {
    private static final String SCHEMA_FAILURE = "values don't meet the specifications of the schema(s)";
    /** One problem line of Helm's schema failure: {@code - at '/json/pointer': message}. */
    private static final Pattern HELM_SCHEMA_PROBLEM = Pattern.compile("(?m)^- at '([^']*)': (.*)$");
    private static final String HELM_CLI_SUFFIX = "\n\nUse --debug flag to render out invalid YAML";

    @TempDir
    static Path dir;

    private static HelmRenderer engine;

    @BeforeAll
    static void prepare() {
        engine = HelmRenderer.prepare(Chart.load(RunwayEksMatrix.chartDirectory()));
    }

    @TestFactory
    Stream<DynamicTest> everyMatrixCaseIsByteIdentical() {
        return RunwayEksMatrix.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Path values = write(c.name(), c.valuesYaml());
            HelmOracle.Result helm = HelmOracle.template(HelmOracle.Request.of(RunwayEksMatrix.chartDirectory(),
                    c.serviceId(), c.serviceId(), values));
            assertEquals(null, helm.error(), c.name() + " must render in Helm");
            String ours = engine.render(userValues(values), RenderOptions.of(c.serviceId(), c.serviceId()))
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
                HelmOracle.Result helm = HelmOracle.template(HelmOracle.Request.of(
                        RunwayEksMatrix.chartDirectory(), "payments", namespace, values));
                assertNotNull(helm.error(), description + ": Helm refuses these values");
                String expected = helm.error().replace(HELM_CLI_SUFFIX, "");
                String ours;
                try {
                    ours = "rendered:\n" + engine.render(userValues(values), RenderOptions.of("payments", namespace))
                            .output();
                } catch (RenderException e) {
                    ours = e.getMessage();
                }
                if (expected.startsWith(SCHEMA_FAILURE)) {
                    assertSameSchemaProblems(description, expected, ours);
                } else {
                    assertEquals(expected, ours, description);
                }
            });
        });
    }

    /**
     * Schema failures are worded by us, on purpose (what was expected, what was found, and where it came from),
     * so they are compared by content: the same header, and every value Helm names is named by us too.
     */
    private static void assertSameSchemaProblems(String description, String helm, String ours) {
        String header = helm.lines().limit(2).collect(Collectors.joining("\n"));
        assertTrue(ours.startsWith(header), () -> description + ": our message must start like Helm's:\n" + ours);
        Matcher problem = HELM_SCHEMA_PROBLEM.matcher(helm);
        int count = 0;
        while (problem.find()) {
            count++;
            List<String> names = problem.group(1).isEmpty()
                    ? quoted(problem.group(2))
                    : List.of(problem.group(1).substring(1).replace('/', '.').replace("~1", "/").replace("~0", "~"));
            for (String name : names) {
                assertTrue(ours.contains(name), () -> description + ": Helm names " + name + ", we do not:\n" + ours);
            }
        }
        assertTrue(count > 0, () -> "no problem line in Helm's message: " + helm);
    }

    private static List<String> quoted(String text) {
        Matcher quoted = Pattern.compile("'([^']+)'").matcher(text);
        List<String> names = new ArrayList<>();
        while (quoted.find()) {
            names.add(quoted.group(1));
        }
        return names;
    }

    private static Map<String, Object> userValues(Path valuesFile) {
        return UserValues.builder().valuesFile(valuesFile).build().merge().values();
    }

    private static Path write(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name + ".yaml"), yaml, StandardCharsets.UTF_8);
    }
}
