package dev.runway.render.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.runway.render.api.RenderedChart;
import dev.runway.render.values.ValuesPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a finding points: the values file line behind the field, the template, or nowhere new. */
class FindingLocatorTest {

    @TempDir
    Path project;

    private RenderRequest request(String values, String... sets) throws IOException {
        Files.createDirectories(project.resolve(".runway"));
        Files.writeString(project.resolve(".runway/values.yaml"), values);
        return new RenderRequest(
                ChartSource.RUNWAY_EKS,
                List.of(project.resolve(".runway/values.yaml")),
                List.of(sets),
                List.of(),
                List.of(),
                "payments",
                "payments",
                "v1.33.0",
                project);
    }

    private static CheckFinding finding(String resource, String path) {
        return new CheckFinding(CheckFinding.Severity.ERROR, "test.rule", resource, path, "something is off");
    }

    private CheckFinding locate(RenderRequest request, CheckFinding finding) {
        RenderedChart chart = ManifestRenderer.engine().render(request);
        return new FindingLocator(chart, RequestValues.read(request).merged()).locate(finding);
    }

    @Test
    void aFieldAUserValueProducedPointsAtThatValue() throws IOException {
        RenderRequest request = request("""
                serviceId: payments
                image:
                  repository: registry.example.com/runway/payments
                env:
                  REGION: "${cluster_region}"
                """);
        CheckFinding located = locate(
                request, finding("Deployment/payments/payments", "spec.template.spec.containers[0].env[1].value"));
        assertEquals(CheckFinding.Location.file(".runway/values.yaml", 5, 11), located.location());
        assertEquals(
                "ERROR .runway/values.yaml:5:11: Deployment/payments/payments "
                        + "spec.template.spec.containers[0].env[1].value: something is off [test.rule]",
                located.line());

        // The image is repository and tag: the repository, written in the file, is contained in the field.
        assertEquals(
                CheckFinding.Location.file(".runway/values.yaml", 3, 15),
                locate(request, finding("Deployment/payments", "spec.template.spec.containers[0].image"))
                        .location());
    }

    @Test
    void aNumberPointsAtItsValueOnlyWhenItsKeyNamesTheField() throws IOException {
        RenderRequest request = request("""
                serviceId: payments
                image:
                  repository: registry.example.com/runway/payments
                replicas: 3
                autoscaling:
                  minReplicas: 3
                """);
        assertEquals(
                CheckFinding.Location.file(".runway/values.yaml", 4, 11),
                locate(request, finding("Deployment/payments/payments", "spec.replicas"))
                        .location(),
                "replicas names spec.replicas; minReplicas, also 3, does not");
        CheckFinding unrelated = locate(request, finding("Service/payments/payments", "spec.ports[0].port"));
        assertEquals(CheckFinding.Location.Kind.TEMPLATE, unrelated.location().kind(), "80 is the chart's default");
        assertEquals("runway-eks/templates/service.yaml", unrelated.location().file());
    }

    @Test
    void aFlagIsNamedWhenItGaveTheValue() throws IOException {
        RenderRequest request = request(
                "serviceId: payments\nimage:\n  repository: registry.example.com/p\n",
                "podAnnotations.team=payments-platform");
        assertEquals(
                "--set podAnnotations.team=payments-platform",
                locate(request, finding("Deployment/payments", "spec.template.metadata.annotations[team]"))
                        .location()
                        .file());
    }

    @Test
    void aTemplateFieldPointsAtTheTemplateWithTheLineInTheOutput() throws IOException {
        RenderRequest request = request("serviceId: payments\nimage:\n  repository: registry.example.com/p\n");
        RenderedChart chart = ManifestRenderer.engine().render(request);
        CheckFinding located = new FindingLocator(
                        chart, RequestValues.read(request).merged())
                .locate(finding(
                        "ServiceAccount/payments/payments", "metadata.annotations[\"eks.amazonaws.com/role-arn\"]"));
        assertEquals(CheckFinding.Location.Kind.TEMPLATE, located.location().kind());
        assertEquals(
                "runway-eks/templates/serviceaccount.yaml", located.location().file());
        String lineInOutput =
                chart.output().lines().toList().get(located.location().line() - 1);
        assertEquals(
                "    eks.amazonaws.com/role-arn: \"arn:aws:iam::${aws_account_id}:role/EKS-GCP-Role-payments\"",
                lineInOutput);
        assertEquals(
                "ERROR ServiceAccount/payments/payments metadata.annotations[\"eks.amazonaws.com/role-arn\"]: "
                        + "something is off [test.rule] (template runway-eks/templates/serviceaccount.yaml)",
                located.line());
    }

    @Test
    void findingsThatAlreadyPointAtAFileOrNameNoResourceKeepTheirPlace() throws IOException {
        RenderRequest request = request("serviceId: payments\nimage:\n  repository: registry.example.com/p\n");
        CheckFinding inFile =
                finding("", "env.X").withLocation(CheckFinding.Location.file(".runway/values.yaml", 2, 3));
        assertEquals(inFile, locate(request, inFile));
        CheckFinding unknown = finding("CronJob/x", "spec");
        assertEquals(unknown, locate(request, unknown));
    }

    @Test
    void fieldPathsOfBothCheckersParse() {
        assertEquals(
                ValuesPath.of("spec", "template", "spec", "containers", 0, "env", 1, "value"),
                FindingLocator.parsePath("spec.template.spec.containers[0].env[1].value"));
        assertEquals(ValuesPath.of("data", "credentials.json"), FindingLocator.parsePath("data[credentials.json]"));
        assertEquals(
                ValuesPath.of("metadata", "annotations", "a.b/c\"d"),
                FindingLocator.parsePath("metadata.annotations[\"a.b/c\\\"d\"]"));
        assertEquals(ValuesPath.of("metadata", "labels", "x"), FindingLocator.parsePath("(key of) metadata.labels[x]"));
        assertEquals(ValuesPath.ROOT, FindingLocator.parsePath("(document)"));
    }
}
