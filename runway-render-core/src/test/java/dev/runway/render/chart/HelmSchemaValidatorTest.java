package dev.runway.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.HelmRenderer;
import dev.runway.render.api.RenderOptions;
import dev.runway.render.api.RenderedChart;
import dev.runway.render.api.ValuesSchemaException;
import dev.runway.render.values.MergedValues;
import dev.runway.render.values.UserValues;
import dev.runway.render.values.ValueTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's schema hook: the chart tree walked here, the schemas checked by the values package. */
class HelmSchemaValidatorTest {
    static final Path CHART = Path.of(System.getProperty("runway.chartDir", "../charts/runway-eks"));

    @Test
    void conformingValuesPass() {
        Chart chart = Chart.load(CHART);
        Map<String, Object> values = ValueTrees.mergeMaps(
                chart.values(),
                Map.of("serviceId", "payments", "image", Map.of("repository", "registry.example.com/p")));
        assertNull(new HelmSchemaValidator().validate(chart, values));
    }

    /** runway-eks's values and schema with a template that needs no functions (the check runs before rendering). */
    static Chart chartWithRunwaySchema(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("templates"));
        Files.writeString(dir.resolve("Chart.yaml"), "apiVersion: v2\nname: runway-eks\nversion: 0.1.0\n");
        Files.copy(CHART.resolve("values.yaml"), dir.resolve("values.yaml"));
        Files.copy(CHART.resolve("values.schema.json"), dir.resolve("values.schema.json"));
        Files.writeString(
                dir.resolve("templates/cm.yaml"),
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.serviceId }}\n");
        return Chart.load(dir);
    }

    @Test
    void renderStopsWithEveryProblemAndWhereItWasGiven(@TempDir Path dir) throws IOException {
        Chart chart = chartWithRunwaySchema(dir);
        MergedValues merged = UserValues.builder()
                .valuesYaml("values-prod.yaml", """
                        serviceId: payments
                        image:
                          repository: registry.example.com/p
                        gcpWorkloadIdentity:
                          credentialSource: aws
                        """)
                .set("replicas=-1")
                .build()
                .merge();
        HelmRenderer renderer = HelmRenderer.prepare(chart, HelmSchemaValidator.withOrigins(merged.origins()));
        ValuesSchemaException e = assertThrows(
                ValuesSchemaException.class,
                () -> renderer.render(merged.values(), RenderOptions.of("release", "payments")));
        // The message is Helm's (santhosh-tekuri/jsonschema's wording); the explanation is the project's.
        assertTrue(e.getMessage().startsWith("""
                values don't meet the specifications of the schema(s) in the following chart(s):
                runway-eks:
                """), e.getMessage());
        assertTrue(e.getMessage().contains("- at '/replicas': minimum: got -1, want 0\n"), e.getMessage());
        assertTrue(
                e.getMessage()
                        .contains("- at '/gcpWorkloadIdentity/credentialSource': value must be one of "
                                + "'aws-imds', 'kubernetes-oidc'\n"),
                e.getMessage());
        assertEquals("""
                runway-eks:
                - replicas: expected a number of at least 0, found the number -1 (--set replicas=-1)
                - gcpWorkloadIdentity.credentialSource: expected one of "aws-imds", "kubernetes-oidc", found the string "aws" (values-prod.yaml:5:21)
                """, e.explanation());
    }

    @Test
    void engineRendersWithTheServiceValidator(@TempDir Path dir) throws IOException {
        MergedValues merged = UserValues.builder()
                .valuesFile(CHART.resolve("ci/default-values.yaml"))
                .build()
                .merge();
        RenderedChart rendered = HelmRenderer.render(
                chartWithRunwaySchema(dir), merged.values(), RenderOptions.of("release", "payments"));
        assertTrue(rendered.output().contains("name: payments"), rendered.output());
        ValuesSchemaException e = assertThrows(
                ValuesSchemaException.class,
                () -> HelmRenderer.render(
                        chartWithRunwaySchema(dir.resolve("again")),
                        Map.of("serviceId", "x"),
                        RenderOptions.of("release", "x")));
        assertTrue(e.getMessage().contains("- at '/serviceId': minLength: got 1, want 2\n"), e.getMessage());
        assertTrue(
                e.explanation().contains("- serviceId: expected at least 2 characters, found the string \"x\"\n"),
                e.explanation());
        assertTrue(
                e.explanation()
                        .contains(
                                "- image.repository: expected at least 1 character and a string matching "
                                        + "^[^\\s:@]+(:[0-9]+)?(/[^\\s:@]+)*$, found the string \"\" (runway-eks default in values.yaml)"),
                e.explanation());
    }

    @Test
    void validatorsReportingOtherOriginsShareTheCompiledSchemasAndReportTheirOwnOrigins(@TempDir Path dir)
            throws IOException {
        Chart chart = chartWithRunwaySchema(dir);
        HelmSchemaValidator chartSchemas = new HelmSchemaValidator();
        chartSchemas.compileSchemas(chart);
        MergedValues prod = UserValues.builder()
                .valuesYaml("values-prod.yaml", "serviceId: payments\nreplicas: -1\n")
                .build()
                .merge();
        HelmSchemaValidator reporting = chartSchemas.reporting(prod.origins());

        assertSame(
                chartSchemas.schemas(chart).schema().orElseThrow(),
                reporting.schemas(chart).schema().orElseThrow(),
                "compiled once, by the chart's validator");
        assertNotSame(
                chartSchemas.schemas(chart).schema().orElseThrow(),
                HelmSchemaValidator.withOrigins(prod.origins())
                        .schemas(chart)
                        .schema()
                        .orElseThrow(),
                "withOrigins compiles its own");
        String explanation = reporting
                .check(chart, ValueTrees.mergeMaps(chart.values(), prod.values()))
                .explanation();
        assertTrue(explanation.contains("values-prod.yaml:2:"), explanation);
    }

    @Test
    void compilingABrokenSchemaFailsAsTheCheckDoes(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("templates"));
        Files.writeString(dir.resolve("Chart.yaml"), "apiVersion: v2\nname: broken\nversion: 0.1.0\n");
        Files.writeString(dir.resolve("values.schema.json"), "{\"type\": \"object\",\n  \"properties\": {\n");
        Chart chart = Chart.load(dir);
        String compiling = assertThrows(RuntimeException.class, () -> new HelmSchemaValidator().compileSchemas(chart))
                .getMessage();
        String checking = assertThrows(
                        RuntimeException.class, () -> new HelmSchemaValidator().validate(chart, Map.of()))
                .getMessage();
        assertEquals(checking, compiling);
        assertTrue(compiling.contains("values.schema.json"), compiling);
    }
}
