package dev.runway.render.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.api.RenderedManifest;
import dev.runway.render.yaml.GoYaml;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The simulator against kustomize-controller's documented behaviour (docs/spec/v1/kustomizations.md, "Post build
 * variable substitution" and "Post build substitution of numbers and booleans") and its source
 * (fluxcd/pkg kustomize/kustomize_varsub.go).
 */
class FluxSubstitutionTest {

    private static RenderedManifest configMap(String data) {
        return new RenderedManifest(
                "t.yaml",
                "v1",
                "ConfigMap",
                "cm",
                "ns",
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n" + data);
    }

    private static ClusterVars vars(String kind, String name, Map<String, String> values) {
        return new ClusterVars(kind, name, values, name + ".yaml");
    }

    @SuppressWarnings("unchecked")
    private static Object data(SubstitutedManifest m, String key) {
        return ((Map<String, Object>) ((Map<String, Object>) m.object()).get("data")).get(key);
    }

    @Test
    void laterSubstituteFromWinsAndInlineWinsOverAll() {
        // "The var values which are specified in-line with substitute take precedence over the ones derived from
        // substituteFrom. When var values for the same variable keys are derived from multiple ConfigMaps or
        // Secrets referenced in the substituteFrom list, the later values overwrite earlier values."
        PostBuild postBuild = new PostBuild(
                Map.of("c", "inline"),
                List.of(
                        VariableSource.of(vars("ConfigMap", "first", Map.of("a", "first", "b", "first", "c", "first"))),
                        VariableSource.of(vars("Secret", "second", Map.of("b", "second", "c", "second")))),
                false);
        SubstitutionResult result =
                FluxSubstitution.apply(List.of(configMap("  a: \"${a}\"\n  b: \"${b}\"\n  c: \"${c}\"\n")), postBuild);
        SubstitutedManifest m = result.manifests().get(0);
        assertEquals(SubstitutedManifest.Status.SUBSTITUTED, m.status());
        assertEquals("first", data(m, "a"));
        assertEquals("second", data(m, "b"));
        assertEquals("inline", data(m, "c"));
    }

    @Test
    void newlinesAreRemovedFromValues() {
        // kustomize_varsub.go: vars[k] = strings.ReplaceAll(v, "\n", "")
        SubstitutionResult result = FluxSubstitution.apply(
                List.of(configMap("  a: \"${a}\"\n")), PostBuild.inline(Map.of("a", "line1\nline2\n"), false));
        assertEquals("line1line2", data(result.manifests().get(0), "a"));
    }

    @Test
    void optOutByAnnotationOrLabel() {
        // "You can disable the variable substitution for certain resources by either labelling or annotating
        // them with: kustomize.toolkit.fluxcd.io/substitute: disabled"
        RenderedManifest annotated = new RenderedManifest("t.yaml", "v1", "ConfigMap", "a", "", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: a
                  annotations:
                    kustomize.toolkit.fluxcd.io/substitute: disabled
                data:
                  x: "${a}"
                """);
        RenderedManifest labelled = new RenderedManifest(
                "t.yaml", "v1", "ConfigMap", "b", "", annotated.text().replace("annotations:", "labels:"));
        RenderedManifest notExact = new RenderedManifest(
                "t.yaml", "v1", "ConfigMap", "c", "", annotated.text().replace("disabled", "Disabled"));
        SubstitutionResult result = FluxSubstitution.apply(
                List.of(annotated, labelled, notExact), PostBuild.inline(Map.of("a", "1"), true));
        assertEquals(
                SubstitutedManifest.Status.DISABLED, result.manifests().get(0).status());
        assertEquals(
                SubstitutedManifest.Status.DISABLED, result.manifests().get(1).status());
        // Left alone, but still re-serialised by kustomize: keys sorted, quotes gone.
        assertTrue(
                result.manifests().get(0).text().contains("x: ${a}\n"),
                result.manifests().get(0).text());
        assertEquals(
                SubstitutedManifest.Status.SUBSTITUTED,
                result.manifests().get(2).status());
    }

    @Test
    void noVariablesMeansNoSubstitutionEvenForDefaults() {
        // "Substitution of variables only happens if at least a single variable or resource to substitute from is
        // defined." (kustomize_varsub.go: if len(vars) > 0)
        SubstitutionResult result = FluxSubstitution.apply(
                List.of(configMap("  a: \"${a:=default}\"\n")),
                new PostBuild(Map.of(), List.of(VariableSource.missing("ConfigMap", "optional-vars", true)), true));
        SubstitutedManifest m = result.manifests().get(0);
        assertEquals(SubstitutedManifest.Status.NO_VARIABLES, m.status());
        assertEquals("${a:=default}", data(m, "a"));
        assertFalse(result.failed());
    }

    @Test
    void missingVariableSourceFailsUnlessOptional() {
        PostBuild required = new PostBuild(
                Map.of("x", "1"), List.of(VariableSource.missing("ConfigMap", "flux-cluster-vars", false)), false);
        SubstitutionResult result = FluxSubstitution.apply(List.of(configMap("  a: \"${x}\"\n")), required);
        assertTrue(result.failed());
        assertTrue(
                result.errors().get(0).contains("substitute from 'ConfigMap/flux-cluster-vars' error"),
                result.errors().toString());
        PostBuild optional = new PostBuild(
                Map.of("x", "1"), List.of(VariableSource.missing("ConfigMap", "flux-cluster-vars", true)), false);
        assertFalse(FluxSubstitution.apply(List.of(configMap("  a: \"${x}\"\n")), optional)
                .failed());
    }

    @Test
    void strictModeFailsOnUnsetVariablesNonStrictEmptiesThem() {
        // "All the undefined variables in the format ${var} will be substituted with an empty string unless a
        // default value is provided" / StrictPostBuildSubstitutions: "fail if a variable without a default value
        // is declared in files but is missing from the input vars".
        RenderedManifest m = configMap("  a: \"${missing}\"\n  b: \"${missing_with_default:=d}\"\n");
        SubstitutionResult lax = FluxSubstitution.apply(List.of(m), PostBuild.inline(Map.of("x", "1"), false));
        // Non-strict: "${missing}" became the plain scalar ${missing} in kustomize's YAML, so it ends as null.
        assertNull(data(lax.manifests().get(0), "a"));
        assertEquals("d", data(lax.manifests().get(0), "b"));
        SubstitutionResult strict = FluxSubstitution.apply(List.of(m), PostBuild.inline(Map.of("x", "1"), true));
        assertTrue(strict.failed());
        assertEquals(
                "envsubst error: variable substitution failed: variable not set (strict mode): \"missing\"",
                strict.manifests().get(0).error());
    }

    @Test
    void invalidVariableNamesFailTheResource() {
        SubstitutionResult result = FluxSubstitution.apply(
                List.of(configMap("  a: \"${x}\"\n")), PostBuild.inline(Map.of("x", "1", "my-var", "2"), false));
        assertEquals(
                "envsubst error: 'my-var' var name is invalid, must match '^[_[:alpha:]][_[:alpha:][:digit:]]*$'",
                result.manifests().get(0).error());
    }

    @Test
    void numbersAndBooleansFollowYamlAfterSubstitution() {
        // "When using numbers or booleans as values for variables, they must be enclosed in double quotes vars to
        // be treated as strings" and the documented ${quote}${id}${quote} work-around.
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("id", "123");
        vars.put("enabled", "true");
        vars.put("quote", "\"");
        vars.put("account", "012345678901");
        vars.put("answer", "yes");
        SubstitutionResult result = FluxSubstitution.apply(List.of(configMap("""
                          unquoted: ${id}
                          flag: ${enabled}
                          quoted: "${id}"
                          trick: ${quote}${id}${quote}
                          account: ${account}
                          answer: ${answer}
                          escaped: $${id}
                        """)), PostBuild.inline(vars, false));
        SubstitutedManifest m = result.manifests().get(0);
        assertEquals(123L, data(m, "unquoted"));
        assertEquals(true, data(m, "flag"));
        // The quotes are gone before envsubst runs (kustomize's res.AsYAML() writes the string ${id} plain), so
        // a quoted placeholder becomes a number too: only ${quote}${id}${quote} keeps a string.
        assertEquals(123L, data(m, "quoted"));
        assertEquals("123", data(m, "trick"));
        assertEquals(1.2345678901E10, data(m, "account"), "go-yaml v2: not octal, so a float without the 0");
        assertEquals(true, data(m, "answer"), "YAML 1.1: yes is a boolean");
        assertEquals("${id}", data(m, "escaped"));
    }

    @Test
    void substitutedTextThatIsNoLongerYamlFails() {
        SubstitutionResult result = FluxSubstitution.apply(
                List.of(configMap("  a: ${v}\n")), PostBuild.inline(Map.of("v", "[unclosed"), false));
        assertTrue(result.failed());
        assertTrue(
                result.manifests().get(0).error().startsWith("envsubst error: YAMLToJSON: yaml: line "),
                result.manifests().get(0).error());
        assertNull(result.manifests().get(0).object());
    }

    @Test
    void secretSourcesAreDecodedFromBase64() {
        ClusterVars secret =
                ClusterVars.parse("kind: Secret\nmetadata:\n  name: s\ndata:\n  token: c2VjcmV0\n", "s.yaml");
        SubstitutionResult result = FluxSubstitution.apply(
                List.of(configMap("  t: \"${token}\"\n")),
                new PostBuild(Map.of(), List.of(VariableSource.of(secret)), true));
        assertEquals("secret", data(result.manifests().get(0), "t"));
        assertTrue(result.output().startsWith("---\napiVersion: v1"));
    }

    @Test
    void goYamlV2ResolutionOfPlainScalars() {
        assertEquals(493L, dev.runway.render.yaml.GoYaml.plainScalarV2("0755"));
        assertEquals(255L, dev.runway.render.yaml.GoYaml.plainScalarV2("0xff"));
        assertEquals(1000L, dev.runway.render.yaml.GoYaml.plainScalarV2("1_000"));
        assertEquals(false, dev.runway.render.yaml.GoYaml.plainScalarV2("off"));
        assertEquals(true, dev.runway.render.yaml.GoYaml.plainScalarV2("y"));
        assertNull(dev.runway.render.yaml.GoYaml.plainScalarV2("~"));
        assertEquals(1.5, dev.runway.render.yaml.GoYaml.plainScalarV2("1.5"));
        assertEquals(1e3, dev.runway.render.yaml.GoYaml.plainScalarV2("1e3"));
        assertEquals("2024-01-02", dev.runway.render.yaml.GoYaml.plainScalarV2("2024-01-02"));
        assertEquals("eks-pool", dev.runway.render.yaml.GoYaml.plainScalarV2("eks-pool"));
        assertEquals("acme-1", dev.runway.render.yaml.GoYaml.plainScalarV2("acme-1"));
        assertEquals(
                new java.math.BigInteger("18446744073709551615"),
                dev.runway.render.yaml.GoYaml.plainScalarV2("18446744073709551615"));
        assertThrows(
                FluxSubstitutionException.class,
                () -> new PostBuild(Map.of(), List.of(VariableSource.missing("Secret", "s", false)), false)
                        .variables());
    }

    @Test
    void postBuildFromAKustomizationFile() {
        ClusterVars clusterVars = ClusterVars.parse("""
                kind: ConfigMap
                metadata:
                  name: flux-cluster-vars
                data:
                  gcp_project_id: from-configmap
                  aws_account_id: "123456789012"
                """, "flux-cluster-vars.yaml");
        PostBuild postBuild = PostBuild.fromKustomization("""
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata:
                  name: payments
                  namespace: flux-system
                spec:
                  postBuild:
                    substitute:
                      gcp_project_id: inline
                    substituteFrom:
                      - kind: ConfigMap
                        name: flux-cluster-vars
                      - kind: Secret
                        name: optional-secret
                        optional: true
                """, "ks.yaml", List.of(clusterVars), true);
        assertEquals(Map.of("gcp_project_id", "inline", "aws_account_id", "123456789012"), postBuild.variables());
        assertTrue(postBuild.strict());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> PostBuild.fromKustomization(
                        "kind: Kustomization\nspec:\n  postBuild:\n    substitute:\n      n: 1\n",
                        "ks.yaml",
                        List.of(),
                        false));
        assertEquals(
                "ks.yaml:5: spec.postBuild.substitute.n is number; substitute values must be strings: quote it"
                        + " (\"1\")",
                e.getMessage());
    }

    @Test
    void substituteStrategyAlwaysSubstitutesWithoutVariables() {
        // kustomize-controller PR #1672 (v1.9.0): substituteStrategy WithVariables (default) or Always; fluxcd/pkg
        // testdata/varsubalways.
        RenderedManifest m = configMap("  a: \"${a:=default}\"\n");
        PostBuild none = new PostBuild(Map.of(), List.of(), false);
        assertEquals(
                SubstitutedManifest.Status.NO_VARIABLES,
                FluxSubstitution.apply(List.of(m), none).manifests().get(0).status());
        SubstitutionResult always =
                FluxSubstitution.apply(List.of(m), none.withStrategy(PostBuild.SubstituteStrategy.ALWAYS));
        assertEquals("default", data(always.manifests().get(0), "a"));
        SubstitutionResult strictAlways = FluxSubstitution.apply(
                List.of(configMap("  a: \"${a}\"\n")),
                none.withStrategy(PostBuild.SubstituteStrategy.ALWAYS).withStrict(true));
        assertTrue(strictAlways.failed());
        PostBuild parsed = PostBuild.fromKustomization("""
                kind: Kustomization
                spec:
                  postBuild:
                    substituteStrategy: Always
                """, "ks.yaml", List.of(), true);
        assertEquals(PostBuild.SubstituteStrategy.ALWAYS, parsed.strategy());
    }

    @Test
    void explicitlyEmptyVariablesAreDefinedInStrictMode() {
        // fluxcd/pkg kustomize/testdata/varsubstrictempty: "" from substitute, a ConfigMap or a Secret is a value.
        PostBuild postBuild = new PostBuild(
                Map.of("empty_inline", ""),
                List.of(
                        VariableSource.of(vars("ConfigMap", "app-vars-empty", Map.of("empty_cm", ""))),
                        VariableSource.of(vars("Secret", "app-vars-empty", Map.of("empty_secret", "")))),
                true);
        SubstitutionResult result = FluxSubstitution.apply(
                List.of(configMap("  a: \"${empty_inline}\"\n  b: \"${empty_cm}\"\n  c: \"${empty_secret}\"\n")),
                postBuild);
        assertFalse(result.failed(), result.errors().toString());
        // Flux's own assertion: "from-inline: null" (kustomize_varsub_test.go
        // TestKustomization_Varsub_StrictEmptyValues).
        assertNull(data(result.manifests().get(0), "c"));
        assertTrue(PostBuild.DEFAULT_STRICT, "kustomize-controller v1.9.0 enables strict substitution by default");
        assertTrue(PostBuild.from(vars("ConfigMap", "v", Map.of())).strict());
    }

    // ---- issue 16: what Flux's pipeline does that a substitution over the chart's text does not ----

    private static SubstitutedManifest one(String data, Map<String, String> vars, boolean strict) {
        return FluxSubstitution.apply(List.of(configMap(data)), PostBuild.inline(vars, strict))
                .manifests()
                .get(0);
    }

    @Test
    void aQuotedWholeScalarPlaceholderBecomesANumber() {
        // kustomize_varsub.go substitutes res.AsYAML() (kyaml MarshalJSON, then sigs.k8s.io/yaml JSONToYAML): the
        // quotes of "${gcp_project_number}" are gone, so the API server gets a number and rejects the ConfigMap.
        SubstitutedManifest m =
                one("  n: \"${gcp_project_number}\"\n", Map.of("gcp_project_number", "371965853757"), true);
        assertEquals(371965853757L, data(m, "n"));
        assertTrue(m.text().contains("\"n\": 371965853757\n"), m.text()); // "n" is a YAML 1.1 bool: quoted as a key
    }

    @Test
    void anUnsetVariableIsNullAndALengthIsANumber() {
        Map<String, String> vars = Map.of("gcp_project_id", "acme-payments-production");
        SubstitutedManifest lax = one("  unset: \"${unset_var}\"\n  length: \"${#gcp_project_id}\"\n", vars, false);
        assertNull(data(lax, "unset"));
        assertTrue(((Map<?, ?>) ((Map<?, ?>) lax.object()).get("data")).containsKey("unset"));
        assertEquals(24L, data(lax, "length"));
    }

    @Test
    void commentsAreGoneBeforeFluxSubstitutes() {
        // A placeholder in a comment never reaches envsubst: strict mode does not fail on it.
        SubstitutedManifest m = one("  a: \"x\" # uses ${unset_var}\n# ${another_unset}\n", Map.of("v", "1"), true);
        assertEquals(SubstitutedManifest.Status.SUBSTITUTED, m.status(), m.error());
        assertEquals("x", data(m, "a"));
        assertFalse(m.text().contains("#"));
    }

    @Test
    void emptyReplacePatternsFailTheKustomization() {
        for (String expression : List.of("${v/#/pre-}", "${v///x}")) {
            SubstitutedManifest m = one("  a: \"" + expression + "\"\n", Map.of("v", "value"), false);
            assertTrue(m.failed(), expression);
            assertEquals(
                    "envsubst error: variable substitution failed: unable to parse substitution within function",
                    m.error());
        }
    }

    @Test
    void aNegativeSubstringLengthPanicsAndFailsTheReconciliation() {
        // funcs.go toSubstr: s[pos:pos+length]; controller-runtime recovers the panic (RecoverPanic) as an error.
        SubstitutedManifest m = one("  a: \"${v:3:-3}\"\n", Map.of("v", "abcdefghij"), false);
        assertTrue(m.failed());
        assertEquals("panic: runtime error: slice bounds out of range [3:0] [recovered]", m.error());
    }

    @Test
    void anEscapedSlashInADoubleQuotedStringIsUnreadableForKustomize() {
        // YAML 1.2 (and snakeyaml) allow "\/"; libyaml's scanner, so go-yaml v2 and v3, does not: kustomize build
        // fails before any substitution.
        SubstitutedManifest m = one("  url: \"https:\\/\\/example.com\"\n", Map.of("v", "1"), false);
        assertTrue(m.failed());
        assertEquals("kustomize build failed: yaml: line 6: found unknown escape character", m.error());
    }

    @Test
    void aCarriageReturnInAValueBreaksTheYaml() {
        // Only "\n" is removed from values (kustomize_varsub.go); a "\r" is a line break to go-yaml.
        SubstitutedManifest m = one("  a: \"${v}\"\n", Map.of("v", "left\rright"), false);
        assertTrue(m.failed(), String.valueOf(m.object()));
        assertTrue(m.error().startsWith("envsubst error: YAMLToJSON: yaml: line "), m.error());
    }

    @Test
    void kustomizeReadsWithYaml12RulesAndTimestampsBecomeRfc3339() {
        // go-yaml v3 (kyaml): "yes" is a string, a date a time.Time whose JSON is RFC 3339; JSONToYAML then quotes
        // both, so they reach the API server as strings; 0755 is still octal in v3.
        SubstitutedManifest m = one(
                "  answer: yes\n  date: 2024-01-02\n  mode: 0755\n  at: 2001-12-14t21:59:43.10-05:00\n",
                Map.of("v", "1"),
                false);
        assertEquals("yes", data(m, "answer"));
        assertEquals("2024-01-02T00:00:00Z", data(m, "date"));
        assertEquals(493L, data(m, "mode"));
        assertEquals("2001-12-14T21:59:43.1-05:00", data(m, "at"));
    }

    @Test
    void aRepeatedKeyFailsInKustomize() {
        SubstitutedManifest m = one("  a: \"1\"\n  a: \"2\"\n", Map.of("v", "1"), false);
        assertTrue(m.failed());
        assertEquals(
                "kustomize build failed: yaml: unmarshal errors:\n  line 7: mapping key \"a\" already defined at"
                        + " line 6",
                m.error());
    }

    @Test
    void aResourceReadOnceSubstitutesLikeItsText() {
        // The safety check reads a manifest once and substitutes every sample into that reading (issue 19): the
        // result must be the one substituting the text gives, whatever becomes of the resource.
        RenderedManifest disabled = new RenderedManifest("t.yaml", "v1", "ConfigMap", "cm", "ns", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: cm
                  labels:
                    kustomize.toolkit.fluxcd.io/substitute: disabled
                data:
                  a: ${v}
                """);
        RenderedManifest notAnObject = new RenderedManifest("t.yaml", "", "", "", "", "- a\n- ${v}\n");
        List<RenderedManifest> manifests = List.of(
                configMap("  a: \"${v}\"\n  b: x-${w:=d} # note\n  c: ${v:0:-1}\n"),
                configMap("  a: ${v}\n"),
                configMap("  a: \"1\"\n  a: \"2\"\n"), // kustomize cannot read it
                configMap("  url: \"https:\\/\\/example.com\"\n"), // nor this
                disabled,
                notAnObject);
        List<Map<String, String>> variableSets =
                List.of(Map.of("v", "123"), Map.of(), Map.of("v", "a: b: c"), Map.of("v", "x", "9bad", "y"));
        java.util.Set<SubstitutedManifest.Status> seen = new java.util.HashSet<>();
        java.util.Set<String> errors = new java.util.TreeSet<>();
        for (RenderedManifest m : manifests) {
            FluxSubstitution.Kustomized read = FluxSubstitution.Kustomized.read(m);
            FluxSubstitution.Kustomized given =
                    read.error().isEmpty() ? FluxSubstitution.Kustomized.of(m, GoYaml.readKyaml(m.text())) : read;
            for (Map<String, String> vars : variableSets) {
                for (boolean strict : List.of(false, true)) {
                    for (PostBuild.SubstituteStrategy strategy : PostBuild.SubstituteStrategy.values()) {
                        SubstitutedManifest fromText = FluxSubstitution.substitute(m, vars, strict, strategy);
                        String what = m.text() + " with " + vars + ", strict " + strict + ", " + strategy;
                        assertEquals(fromText, FluxSubstitution.substitute(read, vars, strict, strategy), what);
                        assertEquals(fromText, FluxSubstitution.substitute(given, vars, strict, strategy), what);
                        seen.add(fromText.status());
                        errors.add(fromText.error().replaceAll("(?s):.*", ""));
                    }
                }
            }
        }
        assertEquals(java.util.EnumSet.allOf(SubstitutedManifest.Status.class), seen);
        assertEquals(
                java.util.Set.of("", "envsubst error", "kustomize build failed", "panic"),
                errors,
                "every way to fail is among the cases");
    }
}
