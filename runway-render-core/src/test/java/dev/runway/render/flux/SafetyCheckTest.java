package dev.runway.render.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.api.RenderedChart;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The safety check on deliberately broken manifests. */
class SafetyCheckTest {

    private static RenderedChart chart(String output) {
        return ManifestStream.parse(output);
    }

    private static List<FluxFinding> check(String output) {
        return SafetyCheck.check(chart(output));
    }

    @Test
    void unquotedProjectNumberUnderConfigMapDataIsCaught() {
        List<FluxFinding> findings = check("""
                ---
                # Source: runway-eks/templates/configmap.yaml
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                  namespace: payments
                data:
                  project: ${gcp_project_number}
                  quoted: "${gcp_project_number}"
                """);
        // Quoted or not: kustomize re-writes the resource without the quotes before Flux substitutes.
        assertEquals(
                List.of("data.project", "data.quoted"),
                findings.stream().map(FluxFinding::path).toList(),
                findings.toString());
        FluxFinding f = findings.get(0);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("flux/whole-scalar-placeholder", f.rule());
        assertEquals("flux/whole-scalar-placeholder", findings.get(1).rule());
        assertEquals("ConfigMap/payments/settings", f.resource());
        assertEquals(9, f.line());
        assertEquals(10, findings.get(1).line());
        assertTrue(f.message().contains("ConfigMap data value data.project, which must be a string"), f.message());
        assertTrue(f.fix().contains("${quote}${gcp_project_number}${quote}"), f.fix());
        assertTrue(f.fix().contains("Post build substitution of numbers and booleans"), f.fix());
    }

    @Test
    void leadingZeroAccountIdIsCaughtEvenWhereANumberWouldDo() {
        List<FluxFinding> findings = check("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                spec:
                  account: ${aws_account_id}
                """);
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(Severity.WARNING, findings.get(0).severity());
        assertEquals("spec.account", findings.get(0).path());
    }

    @Test
    void unquotedPlaceholderInAnnotationIsAnError() {
        List<FluxFinding> findings = check("""
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: sa
                  annotations:
                    runway.dev/account: ${aws_account_id}
                """);
        assertEquals("metadata.annotations[runway.dev/account]", findings.get(0).path());
        assertEquals(Severity.ERROR, findings.get(0).severity());
        assertEquals("flux/whole-scalar-placeholder", findings.get(0).rule());
    }

    @Test
    void jsonInConfigMapThatStopsParsingIsCaught() {
        List<FluxFinding> findings = check("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: creds
                data:
                  credentials.json: |
                    {"audience": "//iam/projects/${gcp_project_number}", "project": ${gcp_project_id}}
                  bare.json: |
                    {"number": ${gcp_project_number}}
                """);
        FluxFinding broken = findings.stream()
                .filter(f -> f.rule().equals("flux/json-breaks"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(findings.toString()));
        assertEquals("data[credentials.json]", broken.path());
        assertEquals(Severity.ERROR, broken.severity());
        // encoding/json's words; the position is of the value's text: 'a' of acme-payments-prod is character 56
        assertTrue(
                broken.message()
                        .endsWith(": invalid character 'a' looking for beginning of value (JSON line 1, column 56)"),
                broken.message());
        FluxFinding bare = findings.stream()
                .filter(f -> f.rule().equals("flux/json-bare-placeholder"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(findings.toString()));
        assertEquals("data[bare.json]", bare.path());
    }

    @Test
    void jsonErrorsNameTheLineAndColumnInTheValue() {
        List<FluxFinding> findings = check("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  settings.json: |
                    {
                      "a": 1,
                      "b": ${gcp_project_id}
                    }
                """);
        FluxFinding broken = findings.stream()
                .filter(f -> f.rule().equals("flux/json-breaks"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(findings.toString()));
        assertEquals(
                "the JSON in data[settings.json] does not parse after Flux substitutes gcp_project_id=acme-payments-prod"
                        + " (sample 'typical'): invalid character 'a' looking for beginning of value (JSON line 3,"
                        + " column 8)",
                broken.message());
    }

    @Test
    void jsonErrorIsGoMessageAndPosition() {
        // JSON whitespace only is "no value" (as Jackson's readTree had it): nothing to report
        assertNull(SafetyCheck.jsonError(""));
        assertNull(SafetyCheck.jsonError(" \t\r\n "));
        assertNull(SafetyCheck.jsonError("{\"a\": [1, 2.5e3, null, true, \"\\u00e9\"]}\n"));
        // a no-break space is not JSON whitespace; Go names the first byte of its UTF-8 form (0xC2)
        assertEquals(
                "invalid character '\u00c2' looking for beginning of value (JSON line 1, column 1)",
                SafetyCheck.jsonError("\u00a0"));
        assertEquals(
                "invalid character 'x' after top-level value (JSON line 1, column 4)", SafetyCheck.jsonError("{} x"));
        assertEquals(
                "invalid character '1' after object key (JSON line 1, column 6)", SafetyCheck.jsonError("{\"a\" 1}"));
        assertEquals(
                "invalid character 'q' in string escape code (JSON line 2, column 5)",
                SafetyCheck.jsonError("[\n  \"\\q\"]"));
        // a text that ends too soon: one past its last character
        assertEquals("unexpected end of JSON input (JSON line 3, column 1)", SafetyCheck.jsonError("[1,\n 2,\n"));
        assertEquals("unexpected end of JSON input (JSON line 1, column 6)", SafetyCheck.jsonError("{\"a\":"));
        // columns count characters, not bytes: 日本 is two
        assertEquals(
                "invalid character '}' looking for beginning of object key string (JSON line 1, column 10)",
                SafetyCheck.jsonError("{\"日本\": 1,}"));
        assertEquals(
                "json: cannot unmarshal number 1e999 into Go value of type float64 (JSON line 1, column 7)",
                SafetyCheck.jsonError("[0.5, 1e999]"));
        assertEquals(
                "invalid character '[' exceeded max depth (JSON line 1, column 10001)",
                SafetyCheck.jsonError("[".repeat(10_001)));
    }

    @Test
    void valuesThatReadDifferentlyAfterSubstitutionAreCaught() {
        List<FluxFinding> findings = SafetyCheck.check(
                chart("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: c
                data:
                  note: id-${gcp_project_id}
                  escaped: "\\u0024{gcp_project_id}-${gcp_wip_id}"
                """),
                List.of(new SafetyCheck.SampleSet(
                        "tricky", java.util.Map.of("gcp_project_id", "a #comment", "gcp_wip_id", "pool"))));
        assertEquals(
                List.of("data.note", "data.escaped"),
                findings.stream().map(FluxFinding::path).toList(),
                findings.toString());
        assertTrue(findings.stream().allMatch(f -> f.rule().equals("flux/value-changes")));
    }

    @Test
    void yamlThatBreaksAfterSubstitutionIsCaught() {
        List<FluxFinding> findings = SafetyCheck.check(
                chart("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: c
                data:
                  a: ${v}
                """), List.of(new SafetyCheck.SampleSet("broken", java.util.Map.of("v", "{unclosed"))));
        assertEquals("flux/substitution-breaks-yaml", findings.get(0).rule());
    }

    @Test
    void theQuoteWorkaroundAndPlaceholdersInsideLongerStringsAreFine() {
        List<FluxFinding> findings = check("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: d
                  labels:
                    account: ${quote}${aws_account_id}${quote}
                data:
                  project: "${quote}${gcp_project_number}${quote}"
                  arn: arn:aws:iam::${aws_account_id}:role/x
                """);
        assertTrue(findings.isEmpty(), findings.toString());
    }

    @Test
    void aStringNumberSplitAcrossTwoPlaceholdersIsStillCaughtWithTheSamples() {
        List<FluxFinding> findings = check("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: d
                data:
                  both: "${aws_account_id}${gcp_project_number}"
                """);
        assertEquals(1, findings.size(), findings.toString());
        assertEquals("flux/type-changes", findings.get(0).rule());
        assertEquals(Severity.ERROR, findings.get(0).severity());
    }

    @Test
    void yamlKustomizeCannotReadIsReported() {
        List<FluxFinding> findings = check("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: d
                data:
                  url: "https:\\/\\/${gcp_project_id}.example.com"
                """);
        assertEquals("flux/kustomize-cannot-read", findings.get(0).rule(), findings.toString());
    }

    @Test
    void disabledResourcesAreFineAndAQuotedWholePlaceholderIsNot() {
        List<FluxFinding> findings = check("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: c
                  annotations:
                    kustomize.toolkit.fluxcd.io/substitute: disabled
                data:
                  a: ${gcp_project_number}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: d
                data:
                  a: "${gcp_project_number}"
                  b: 'x-${aws_account_id}'
                  c: |
                    ${gcp_project_number}
                """);
        assertEquals(
                List.of("ConfigMap/d data.a"),
                findings.stream().map(f -> f.resource() + " " + f.path()).toList());
    }

    /** A render whose findings differ between two samples, one manifest kustomize cannot read, one opted out. */
    private static final String TWO_SAMPLE_RENDER = """
                ---
                # Source: chart/templates/configmap.yaml
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                  namespace: payments
                data:
                  project: ${gcp_project_number}
                  note: id ${note}
                  config.json: '{"account": ${aws_account_id}, "pool": "${gcp_wip_id}"}'
                  broken.json: '{"owner": "${owner}"}'
                  ${key}: value
                ---
                # Source: chart/templates/deployment.yaml
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: api
                  namespace: payments
                  labels:
                    team: ${team}
                spec:
                  replicas: ${replicas}
                  template:
                    spec:
                      containers:
                        - name: api
                          env:
                            - name: ACCOUNT
                              value: "${quote}${aws_account_id}${quote}"
                            - name: LABEL
                              value: ${owner}-api
                ---
                # Source: chart/templates/escaped.yaml
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: escaped
                data:
                  url: "https:\\/\\/example.com/${gcp_project_id}"
                ---
                # Source: chart/templates/breaks.yaml
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: breaks
                data:
                  text: ${multi}
                ---
                # Source: chart/templates/disabled.yaml
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: off
                  labels:
                    kustomize.toolkit.fluxcd.io/substitute: disabled
                data:
                  project: ${gcp_project_number}
                """;

    private static final List<SafetyCheck.SampleSet> TWO_SAMPLES = List.of(
            new SafetyCheck.SampleSet(
                    "plain",
                    Map.ofEntries(
                            Map.entry("gcp_project_number", "123456789012"),
                            Map.entry("note", "n1"),
                            Map.entry("aws_account_id", "123456789012"),
                            Map.entry("gcp_wip_id", "pool"),
                            Map.entry("owner", "ops"),
                            Map.entry("key", "k"),
                            Map.entry("team", "core"),
                            Map.entry("replicas", "3"),
                            Map.entry("quote", "\""),
                            Map.entry("multi", "one"))),
            new SafetyCheck.SampleSet(
                    "tricky",
                    Map.ofEntries(
                            Map.entry("gcp_project_number", "0123"),
                            Map.entry("note", "a #b"),
                            Map.entry("aws_account_id", "1, \"x\": ]"),
                            Map.entry("gcp_wip_id", "p\"q"),
                            Map.entry("owner", "o\"x"),
                            Map.entry("key", "k2"),
                            Map.entry("team", "true"),
                            Map.entry("replicas", "three"),
                            Map.entry("multi", "a: b: c"))));

    @Test
    void severalSamplesReportEachFindingOnceInManifestThenSampleOrder() {
        // Each manifest is read once and every sample substituted into that reading (issue 19); the findings are
        // the ones the check gave when it read the manifest again for every sample (recorded before that change):
        // a finding is kept from the first sample that shows it, the second sample's own findings follow the
        // first's within a manifest, the unreadable manifest is reported once and the opted-out one not at all.
        List<FluxFinding> findings = SafetyCheck.check(chart(TWO_SAMPLE_RENDER), TWO_SAMPLES);
        assertEquals("""
                ERROR flux/whole-scalar-placeholder ConfigMap/payments/settings data.project (chart/templates/configmap.yaml:9:12): `${gcp_project_number}` is the whole value of ConfigMap data value data.project, which must be a string: Flux substitutes kustomize's re-written YAML, where quotes are gone, so a value such as 123456789012 arrives as a number, true as a boolean and an empty value as null, and the API server rejects the resource Fix: write ${quote}${gcp_project_number}${quote} and define quote: '"' in the Flux variables (Flux Kustomization docs, "Post build substitution of numbers and booleans"), or make the placeholder part of a longer string
                WARNING flux/json-bare-placeholder ConfigMap/payments/settings data[config.json] (chart/templates/configmap.yaml:11:29): the JSON in data[config.json] is only valid after substitution: a placeholder stands as a bare JSON value, so its JSON type depends on the variable's value Fix: put the placeholder inside a JSON string ("${...}")
                ERROR flux/value-changes ConfigMap/payments/settings data.note (chart/templates/configmap.yaml:10:12): after Flux substitutes note=a #b (sample 'tricky') the value reads as "id a" instead of "id a #b" Fix: the substituted value must not hold YAML syntax (' #', ': ', line breaks) in a plain scalar: use ${quote}...${quote} around it, or change the variable's value
                ERROR flux/json-breaks ConfigMap/payments/settings data[config.json] (chart/templates/configmap.yaml:11:29): the JSON in data[config.json] does not parse after Flux substitutes aws_account_id=1, "x": ], gcp_wip_id=p"q (sample 'tricky'): invalid character ']' looking for beginning of value (JSON line 1, column 21) Fix: build the JSON with toJson/toPrettyJson so every placeholder sits inside a JSON string
                ERROR flux/json-breaks ConfigMap/payments/settings data[broken.json] (chart/templates/configmap.yaml:12:28): the JSON in data[broken.json] does not parse after Flux substitutes owner=o"x (sample 'tricky'): invalid character 'x' after object key:value pair (JSON line 1, column 14) Fix: build the JSON with toJson/toPrettyJson so every placeholder sits inside a JSON string
                ERROR flux/whole-scalar-placeholder Deployment/payments/api metadata.labels.team (chart/templates/deployment.yaml:22:11): `${team}` is the whole value of the label metadata.labels.team, which must be a string: Flux substitutes kustomize's re-written YAML, where quotes are gone, so a value such as 123456789012 arrives as a number, true as a boolean and an empty value as null, and the API server rejects the resource Fix: write ${quote}${team}${quote} and define quote: '"' in the Flux variables (Flux Kustomization docs, "Post build substitution of numbers and booleans"), or make the placeholder part of a longer string
                WARNING flux/type-changes Deployment/payments/api spec.replicas (chart/templates/deployment.yaml:24:13): `${replicas}` is substituted after kustomize drops the quotes: with replicas=3 (sample 'plain') it reads as number 3 instead of the string "3"; that is fine only if the field takes a number Fix: to keep a string, write the value as ${quote}...${quote} with quote: '"' in the Flux variables ("Post build substitution of numbers and booleans")
                ERROR flux/substitution-breaks-yaml Deployment/payments/api metadata.labels.team (chart/templates/deployment.yaml:22:11): after Flux substitutes (sample 'tricky': aws_account_id=1, "x": ], gcp_project_number=0123, gcp_wip_id=p"q, key=k2, multi=a: b: c, note=a #b, owner=o"x, replicas=three, team=true) the resource is no longer valid YAML: envsubst error: YAMLToJSON: yaml: line 15: mapping values are not allowed in this context Fix: keep placeholders inside longer strings, or use ${quote}${var}${quote} for whole values
                ERROR flux/kustomize-cannot-read (no kind)/ (chart/templates/escaped.yaml:41): kustomize reads manifests with go-yaml v3 and cannot read this one (yaml: line 6: found unknown escape character); kustomize-controller fails before it substitutes anything Fix: write YAML that go-yaml accepts (for example no \\/ escape in double-quoted strings)
                ERROR flux/whole-scalar-placeholder ConfigMap/breaks data.text (chart/templates/breaks.yaml:49:9): `${multi}` is the whole value of ConfigMap data value data.text, which must be a string: Flux substitutes kustomize's re-written YAML, where quotes are gone, so a value such as 123456789012 arrives as a number, true as a boolean and an empty value as null, and the API server rejects the resource Fix: write ${quote}${multi}${quote} and define quote: '"' in the Flux variables (Flux Kustomization docs, "Post build substitution of numbers and booleans"), or make the placeholder part of a longer string
                ERROR flux/substitution-breaks-yaml ConfigMap/breaks data.text (chart/templates/breaks.yaml:49:9): after Flux substitutes (sample 'tricky': aws_account_id=1, "x": ], gcp_project_number=0123, gcp_wip_id=p"q, key=k2, multi=a: b: c, note=a #b, owner=o"x, replicas=three, team=true) the resource is no longer valid YAML: envsubst error: YAMLToJSON: yaml: line 3: mapping values are not allowed in this context Fix: keep placeholders inside longer strings, or use ${quote}${var}${quote} for whole values
                """, findings.stream().map(f -> f.format() + "\n").collect(Collectors.joining()));
    }
}
