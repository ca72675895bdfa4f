package dev.runway.render.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.api.RenderedChart;
import dev.runway.render.api.RenderedManifest;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaceholderScannerTest {

    static final String OUTPUT = """
            ---
            # Source: runway-eks/templates/serviceaccount.yaml
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: "payments"
              namespace: "payments"
              annotations:
                eks.amazonaws.com/role-arn: "arn:aws:iam::${aws_account_id}:role/EKS-GCP-Role-payments"
            ---
            # Source: runway-eks/templates/configmap-gcp-credentials.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: "payments-gcp-credentials"
              namespace: "payments"
            data:
              credentials.json: |
                {
                  "audience": "//iam.googleapis.com/projects/${gcp_project_number}/locations/global/workloadIdentityPools/${gcp_wip_id}/providers/EKS-Provider"
                }
            ---
            # Source: runway-eks/templates/deployment.yaml
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: "payments"
              namespace: "payments"
            spec:
              template:
                spec:
                  containers:
                    - name: "payments"
                      env:
                        - name: A
                          value: "x"
                        - name: PROFILER
                          value: "project_id=${gcp_project_id:=fallback}&region=${region:0:2}"
            """;

    @Test
    void findsEveryPlaceholderWithResourcePathAndPosition() {
        ScanResult scan = PlaceholderScanner.scan(ManifestStream.parse(OUTPUT));
        assertEquals(
                List.of("aws_account_id", "gcp_project_number", "gcp_wip_id", "gcp_project_id", "region"),
                scan.variables());
        Placeholder arn = scan.placeholders().get(0);
        assertEquals("ServiceAccount/payments/payments", arn.location().resource());
        assertEquals(
                "metadata.annotations[eks.amazonaws.com/role-arn]",
                arn.location().path());
        assertEquals("runway-eks/templates/serviceaccount.yaml", arn.location().source());
        assertEquals(9, arn.location().line());
        assertEquals(47, arn.location().column());
        assertEquals("double-quoted", arn.location().style());

        Placeholder number = scan.placeholders().get(1);
        assertEquals(
                "ConfigMap/payments/payments-gcp-credentials", number.location().resource());
        assertEquals("data[credentials.json]", number.location().path());
        assertEquals("literal", number.location().style());
        assertEquals(20, number.location().line());

        Placeholder project = scan.placeholders().get(3);
        assertEquals(
                "spec.template.spec.containers[0].env[1].value",
                project.location().path());
        assertEquals(Placeholder.Form.DEFAULT, project.form());
        assertEquals("${gcp_project_id:=fallback}", project.expression());
        Placeholder region = scan.placeholders().get(4);
        assertEquals(Placeholder.Form.SUBSTRING, region.form());
        assertTrue(scan.findings().isEmpty(), scan.findings().toString());
    }

    @Test
    void classifiesEveryForm() {
        String text = """
                a: ${v}
                b: ${v:=d}
                c: ${v:-d}
                d: ${v=d}
                e: ${v:1}
                f: ${v:1:2}
                g: ${#v}
                h: ${v^^}
                i: ${v,}
                j: ${v#p}
                k: ${v%%p}
                l: ${v/p/r}
                m: ${v//p/r}
                n: ${v/#p/r}
                o: ${v:+alt}
                p: ${outer:=${inner}}
                """;
        ScanResult scan = PlaceholderScanner.scan(List.of(manifest(text)));
        List<Placeholder.Form> forms =
                scan.placeholders().stream().map(Placeholder::form).toList();
        assertEquals(
                List.of(
                        Placeholder.Form.PLAIN,
                        Placeholder.Form.DEFAULT,
                        Placeholder.Form.DEFAULT,
                        Placeholder.Form.DEFAULT,
                        Placeholder.Form.SUBSTRING,
                        Placeholder.Form.SUBSTRING,
                        Placeholder.Form.LENGTH,
                        Placeholder.Form.CASE,
                        Placeholder.Form.CASE,
                        Placeholder.Form.TRIM,
                        Placeholder.Form.TRIM,
                        Placeholder.Form.REPLACE,
                        Placeholder.Form.REPLACE,
                        Placeholder.Form.REPLACE,
                        Placeholder.Form.DEFAULT,
                        Placeholder.Form.DEFAULT,
                        Placeholder.Form.PLAIN),
                forms);
        Placeholder inner = scan.placeholders().get(16);
        assertTrue(inner.nested());
        assertEquals("inner", inner.variable());
        assertEquals("p", inner.location().path());
    }

    @Test
    void reportsMalformedPlaceholdersWithFluxErrors() {
        String text = "a: ${}\nb: \"${ var }\"\nc: ${my-var}\nd: ${ok}\ne: ${unclosed\n";
        ScanResult scan = PlaceholderScanner.scan(List.of(manifest(text)));
        assertEquals(
                List.of(
                        "unable to parse variable name",
                        "unable to parse variable name",
                        "missing closing brace",
                        "missing closing brace"),
                scan.malformed().stream().map(MalformedPlaceholder::reason).toList());
        assertEquals(
                List.of(1, 2, 3, 5),
                scan.malformed().stream().map(m -> m.location().line()).toList());
        assertEquals("b", scan.malformed().get(1).location().path());
        assertEquals(
                List.of("ok"),
                scan.variables().stream().filter(v -> !v.equals("my")).toList());
        assertEquals(
                4,
                scan.findings().stream()
                        .filter(f -> f.rule().equals("flux/malformed-placeholder"))
                        .count());
        assertTrue(scan.findings().get(0).format().startsWith("ERROR flux/malformed-placeholder"));
    }

    /**
     * Past {@link EnvsubstParser#MAX_ERRORS} malformed placeholders the scan stops reading the manifest and says so,
     * as one more finding (100,000 of them made 100,000 findings, after 21 s); placeholders before it are still read.
     */
    @Test
    void tooManyMalformedPlaceholdersEndInOneFinding() {
        String text = "a: ${ok}\nb: \"" + "${ ".repeat(100_000) + "\"\nc: ${late}\n";
        ScanResult scan = PlaceholderScanner.scan(List.of(manifest(text)));
        assertEquals(List.of("ok"), scan.variables());
        assertEquals(EnvsubstParser.MAX_ERRORS + 1, scan.malformed().size());
        List<FluxFinding> malformed = scan.findings().stream()
                .filter(f -> f.rule().equals("flux/malformed-placeholder"))
                .toList();
        assertEquals(EnvsubstParser.MAX_ERRORS + 1, malformed.size());
        FluxFinding last = malformed.get(EnvsubstParser.MAX_ERRORS);
        assertEquals(Severity.ERROR, last.severity());
        assertEquals("b", last.path());
        assertTrue(
                last.message().startsWith("runway-render stopped reading placeholders at `${ ${ ${ "), last.message());
        assertTrue(last.message().contains("1001 malformed expressions by here"), last.message());
        assertTrue(last.message().contains("the rest of the text was not checked"), last.message());
    }

    @Test
    void reportsNamesFluxCanNeverDefine() {
        ScanResult scan = PlaceholderScanner.scan(List.of(manifest("a: ${1abc}\nb: ${café}\nc: ${fine_1}\n")));
        List<FluxFinding> invalid = scan.findings().stream()
                .filter(f -> f.rule().equals("flux/invalid-variable-name"))
                .toList();
        assertEquals(2, invalid.size());
        assertEquals("a", invalid.get(0).path());
        assertEquals("b", invalid.get(1).path());
    }

    @Test
    void dollarDollarIsReportedAndNotAPlaceholder() {
        ScanResult scan = PlaceholderScanner.scan(
                List.of(manifest("script: |\n  echo $${HOME} pa$$word\nliteral: \"$${gcp_project_id}\"\n")));
        assertTrue(scan.placeholders().isEmpty());
        assertEquals(3, scan.escapes().size());
        assertTrue(scan.escapes().get(0).keepsPlaceholder());
        assertFalse(scan.escapes().get(1).keepsPlaceholder());
        assertEquals("script", scan.escapes().get(1).location().path());
        FluxFinding dollar = scan.findings().stream()
                .filter(f -> f.rule().equals("flux/dollar-dollar"))
                .findFirst()
                .orElseThrow();
        assertEquals(Severity.WARNING, dollar.severity());
        assertTrue(dollar.message().contains("`pa$word`") || dollar.message().contains("`$word`"), dollar.message());
    }

    @Test
    void placeholdersInKeysAndCommentsAreFoundToo() {
        ScanResult scan = PlaceholderScanner.scan(
                List.of(manifest("data:\n  ${key_var}: value\n  # uses ${comment_var}\n  other: x\n")));
        assertEquals(
                FluxLocation.Context.KEY, scan.placeholders().get(0).location().context());
        assertEquals("data[${key_var}]", scan.placeholders().get(0).location().path());
        assertEquals(
                FluxLocation.Context.COMMENT,
                scan.placeholders().get(1).location().context());
    }

    @Test
    void linesCountInTheWholeOutput() {
        RenderedChart chart = ManifestStream.parse(OUTPUT);
        assertEquals(3, chart.manifests().size());
        assertEquals("Deployment", chart.manifests().get(2).kind());
        ScanResult alone = PlaceholderScanner.scan(chart.manifests());
        assertEquals(7, alone.placeholders().get(0).location().line());
    }

    static RenderedManifest manifest(String body) {
        return new RenderedManifest("test/templates/t.yaml", "v1", "ConfigMap", "t", "ns", body);
    }

    @Test
    void escapedDollarInTheRenderIsAHiddenPlaceholder() {
        ScanResult scan = PlaceholderScanner.scan(List.of(manifest("a: \"\\u0024{gcp_project_id}\"\n")));
        assertTrue(scan.placeholders().isEmpty());
        assertEquals("flux/hidden-placeholder", scan.findings().get(0).rule());
        assertEquals("a", scan.findings().get(0).path());
    }

    @Test
    void nonAsciiTextKeepsPositions() {
        ScanResult scan = PlaceholderScanner.scan(List.of(manifest("a: \"ünïcødé 😀 ${gcp_wip_id}\"\n")));
        assertEquals(15, scan.placeholders().get(0).location().column(), "columns count code points");
        assertEquals("${gcp_wip_id}", scan.placeholders().get(0).expression());
    }

    /**
     * The summary line's variable list (no YAML tree) is the full scan's, in the same order: over this class's
     * output, nested, malformed and hidden placeholders, YAML the tree cannot read, and every verify-corpus manifest.
     */
    @Test
    void variablesAloneAgreeWithTheScan() throws Exception {
        List<List<RenderedManifest>> inputs = new java.util.ArrayList<>();
        inputs.add(ManifestStream.parse(OUTPUT).manifests());
        for (String text : List.of(
                "a: ${outer:=${inner:-${deepest}}}${second}\nb: ${outer}\n",
                "a: ${x/${pattern}/${replacement:=r}}\nb: ${y:${offset}:2}\n",
                "a: ${1abc} ${unclosed\nb: ${fine_1} $${escaped} \"\\u0024{hidden}\"\n",
                "a: [${not_yaml}\n  b: : ${still_found}\n",
                "")) {
            inputs.add(List.of(manifest(text)));
        }
        java.nio.file.Path corpus = java.nio.file.Path.of("src/test/resources/verify-corpus");
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(corpus)) {
            for (java.nio.file.Path file : files.sorted().toList()) {
                inputs.add(ManifestStream.parse(java.nio.file.Files.readString(file))
                        .manifests());
            }
        }
        int withVariables = 0;
        for (List<RenderedManifest> manifests : inputs) {
            List<String> scanned = PlaceholderScanner.scan(manifests).variables();
            assertEquals(scanned, PlaceholderScanner.variables(manifests));
            withVariables += scanned.isEmpty() ? 0 : 1;
        }
        assertTrue(withVariables >= 35, "inputs with variables: " + withVariables);
    }
}
