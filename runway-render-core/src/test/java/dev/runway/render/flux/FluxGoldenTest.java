package dev.runway.render.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.api.RenderedManifest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Flux's own tests of post-build substitution, ported as cases (their inputs and expectations, written here):
 * fluxcd/pkg kustomize/kustomize_varsub_test.go with its testdata golden files, and kustomize-controller
 * internal/controller/kustomization_varsub_test.go. The controller tests run against a real API server there; here
 * the expectation is the value the simulator says the API server receives.
 */
class FluxGoldenTest {

    private static RenderedManifest manifest(String text) {
        return new RenderedManifest("t.yaml", "", "", "", "", text);
    }

    private static ClusterVars vars(String kind, String name, Map<String, String> values) {
        return new ClusterVars(kind, name, values, name + ".yaml");
    }

    @SuppressWarnings("unchecked")
    private static Object at(SubstitutedManifest m, String... path) {
        Object node = m.object();
        for (String key : path) {
            node = ((Map<String, Object>) node).get(key);
        }
        return node;
    }

    /** fluxcd/pkg kustomize/testdata/resources/deployment.yaml, the resource of TestKustomization_Varsub. */
    private static final String VARSUB_DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: app
              namespace: apps
              labels:
                environment: ${cluster_env:=dev}
                region: ${cluster_region}
            spec:
              selector:
                matchLabels:
                  app: app
              template:
                metadata:
                  annotations:
                    prometheus.io/scrape: ${prometheus_scrape:=false}
                    prometheus.io/port: ${prometheus_port}
                  labels:
                    app: app
                spec:
                  containers:
                  - name: nginx
                    image: ${image}
                    imagePullPolicy: IfNotPresent
                    resources:
                      limits:
                        cpu: 2000m
                        memory: 512Mi
                      requests:
                        cpu: 100m
                        memory: 64Mi
            """;

    /** fluxcd/pkg kustomize/testdata/resources/config.yaml: opted out with the label. */
    private static final String VARSUB_CONFIGMAP = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              labels:
                kustomize.toolkit.fluxcd.io/substitute: disabled
                environment: ${cluster_env:=dev}
                region: ${cluster_region}
              name: app-vars
              namespace: apps
            data:
              prometheus_scrape: ${prometheus_scrape:=false}
              prometheus_port: ${prometheus_port}
              image: ${image}
            """;

    /** fluxcd/pkg kustomize/testdata/kustomization_varsub_expected.yaml: resMap.AsYaml() after substitution. */
    private static final String VARSUB_EXPECTED = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              labels:
                environment: prod
                region: eu-central-1
              name: app
              namespace: apps
            spec:
              selector:
                matchLabels:
                  app: app
              template:
                metadata:
                  annotations:
                    prometheus.io/port: "9797"
                    prometheus.io/scrape: "true"
                  labels:
                    app: app
                spec:
                  containers:
                  - image: nginx:1.21.4
                    imagePullPolicy: IfNotPresent
                    name: nginx
                    resources:
                      limits:
                        cpu: 2000m
                        memory: 512Mi
                      requests:
                        cpu: 100m
                        memory: 64Mi
            ---
            apiVersion: v1
            data:
              image: ${image}
              prometheus_port: ${prometheus_port}
              prometheus_scrape: ${prometheus_scrape:=false}
            kind: ConfigMap
            metadata:
              labels:
                environment: ${cluster_env:=dev}
                kustomize.toolkit.fluxcd.io/substitute: disabled
                region: ${cluster_region}
              name: app-vars
              namespace: apps
            """;

    /**
     * kustomization_varsub.yaml: inline substitute (cluster_env, cluster_region) and substituteFrom the ConfigMap
     * app-vars of testdata/configmap.yaml, whose values carry their own quotes ('"true"', '"9797"').
     */
    private static PostBuild varsubPostBuild(boolean strict) {
        Map<String, String> inline = new LinkedHashMap<>();
        inline.put("cluster_env", "prod");
        inline.put("cluster_region", "eu-central-1");
        Map<String, String> appVars = new LinkedHashMap<>();
        appVars.put("prometheus_scrape", "\"true\"");
        appVars.put("prometheus_port", "\"9797\"");
        appVars.put("image", "nginx:1.21.4");
        return new PostBuild(inline, List.of(VariableSource.of(vars("ConfigMap", "app-vars", appVars))), strict);
    }

    @Test
    void kustomizationVarsubGoldenFileByteForByte() {
        // TestKustomization_Varsub: the output equals kustomization_varsub_expected.yaml byte for byte: keys sorted,
        // indentless lists, the numbers-as-strings quoted by JSONToYAML, the opted-out ConfigMap re-serialised too.
        SubstitutionResult result = FluxSubstitution.apply(
                List.of(manifest(VARSUB_DEPLOYMENT), manifest(VARSUB_CONFIGMAP)), varsubPostBuild(false));
        assertFalse(result.failed(), result.errors().toString());
        assertEquals(
                SubstitutedManifest.Status.SUBSTITUTED,
                result.manifests().get(0).status());
        assertEquals(
                SubstitutedManifest.Status.DISABLED, result.manifests().get(1).status());
        String output =
                result.manifests().stream().map(SubstitutedManifest::text).collect(Collectors.joining("---\n"));
        assertEquals(VARSUB_EXPECTED, output);
        assertEquals(
                "9797",
                at(result.manifests().get(0), "spec", "template", "metadata", "annotations", "prometheus.io/port"));
    }

    /** fluxcd/pkg kustomize/testdata/varsubstrict/config.yaml. */
    private static final String VARSUB_STRICT = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              labels:
                environment: ${cluster_env:=dev}
                region: ${cluster_region}
              name: app-vars-strict
              namespace: apps
            data:
              missing: ${missing}
            """;

    @Test
    void kustomizationVarsubStrictAndLax() {
        // TestKustomization_Varsub, second half: strict mode fails with "variable not set", lax mode passes.
        SubstitutedManifest strict = FluxSubstitution.apply(List.of(manifest(VARSUB_STRICT)), varsubPostBuild(true))
                .manifests()
                .get(0);
        assertTrue(strict.failed());
        assertTrue(strict.error().contains("variable not set"), strict.error());
        SubstitutedManifest lax = FluxSubstitution.apply(List.of(manifest(VARSUB_STRICT)), varsubPostBuild(false))
                .manifests()
                .get(0);
        assertFalse(lax.failed(), lax.error());
        assertEquals(null, at(lax, "data", "missing"), "an unset variable leaves an empty plain scalar: null");
    }

    /** fluxcd/pkg kustomize/testdata/varsubalways/config.yaml. */
    private static final String VARSUB_ALWAYS = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              labels:
                environment: ${cluster_env:=dev}
              name: app-vars-always
              namespace: apps
            data:
              region: ${cluster_region:=eu-central-1}
            """;

    @Test
    void kustomizationVarsubAlways() {
        // TestKustomization_Varsub_Always with kustomization_varsub_novars.yaml (no variables at all).
        PostBuild none = new PostBuild(Map.of(), List.of(), false);
        SubstitutedManifest disabled = FluxSubstitution.apply(List.of(manifest(VARSUB_ALWAYS)), none)
                .manifests()
                .get(0);
        assertTrue(disabled.text().contains("${cluster_env:=dev}"));
        assertTrue(disabled.text().contains("${cluster_region:=eu-central-1}"));
        SubstitutedManifest always = FluxSubstitution.apply(
                        List.of(manifest(VARSUB_ALWAYS)), none.withStrategy(PostBuild.SubstituteStrategy.ALWAYS))
                .manifests()
                .get(0);
        assertFalse(always.text().contains("${"), always.text());
        assertTrue(always.text().contains("environment: dev"));
        assertTrue(always.text().contains("region: eu-central-1"));
    }

    /** fluxcd/pkg kustomize/testdata/varsubstrictempty/config.yaml. */
    private static final String VARSUB_STRICT_EMPTY = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              labels:
                from-inline: "${empty_inline}"
                from-configmap: "${empty_cm}"
                from-secret: "${empty_secret}"
              name: app-vars-strict-empty
              namespace: apps
            """;

    @Test
    void kustomizationVarsubStrictEmptyValues() {
        // TestKustomization_Varsub_StrictEmptyValues: kustomization_varsub_empty.yaml with configmap_empty.yaml and
        // secret_empty.yaml; strict mode accepts the empty values, they render as null, and the output equals lax
        // mode with the variables omitted (kustomization_varsub_dummy.yaml: one unused variable).
        PostBuild empty = new PostBuild(
                Map.of("empty_inline", ""),
                List.of(
                        VariableSource.of(vars("ConfigMap", "app-vars-empty", Map.of("empty_cm", ""))),
                        VariableSource.of(vars("Secret", "app-vars-empty", Map.of("empty_secret", "")))),
                true);
        SubstitutedManifest strict = FluxSubstitution.apply(List.of(manifest(VARSUB_STRICT_EMPTY)), empty)
                .manifests()
                .get(0);
        assertFalse(strict.failed(), strict.error());
        assertFalse(strict.text().contains("${"));
        assertTrue(strict.text().contains("from-inline: null"), strict.text());
        assertTrue(strict.text().contains("from-configmap: null"));
        assertTrue(strict.text().contains("from-secret: null"));
        SubstitutedManifest omitted = FluxSubstitution.apply(
                        List.of(manifest(VARSUB_STRICT_EMPTY)), PostBuild.inline(Map.of("dummy", "unused"), false))
                .manifests()
                .get(0);
        assertEquals(strict.text(), omitted.text());
    }

    @Test
    void controllerVarsubNumberBool() {
        // kustomize-controller TestKustomizationReconciler_VarsubNumberBool: "!!str 123" as a value keeps a string
        // in a label, ${q}${number}${q} with q='"' keeps one in an annotation and in ConfigMap data, $${var} is the
        // escape for a literal ${var}, and "\?" in a block scalar survives.
        String templates = """
                apiVersion: source.toolkit.fluxcd.io/v1
                kind: GitRepository
                metadata:
                  name: vars
                  namespace: vars
                  labels:
                    id: ${numberStr}
                    enabled: ${booleanStr}
                  annotations:
                    id: ${q}${number}${q}
                    enabled: ${q}${boolean}${q}
                spec:
                  interval: ${number}m
                  url: https://host/repo
                """;
        String configMap = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: vars
                  namespace: vars
                data:
                  id: ${q}${number}${q}
                  text: |
                    This variable is escaped $${var}

                    Lorem ipsum dolor sit amet.

                    \\?
                """;
        Map<String, String> substitute = new LinkedHashMap<>();
        substitute.put("q", "\"");
        substitute.put("numberStr", "!!str 123");
        substitute.put("number", "123");
        substitute.put("booleanStr", "!!str true");
        substitute.put("boolean", "true");
        SubstitutionResult result = FluxSubstitution.apply(
                List.of(manifest(templates), manifest(configMap)), PostBuild.inline(substitute, true));
        assertFalse(result.failed(), result.errors().toString());
        SubstitutedManifest repo = result.manifests().get(0);
        assertEquals("123", at(repo, "metadata", "labels", "id"));
        assertEquals("123", at(repo, "metadata", "annotations", "id"));
        assertEquals("true", at(repo, "metadata", "labels", "enabled"));
        assertEquals("true", at(repo, "metadata", "annotations", "enabled"));
        assertEquals("123m", at(repo, "spec", "interval"));
        SubstitutedManifest cm = result.manifests().get(1);
        assertEquals("123", at(cm, "data", "id"));
        String text = (String) at(cm, "data", "text");
        assertTrue(text.contains("${var}"), text);
        assertFalse(text.contains("$${var}"), text);
        assertTrue(text.contains("\\?"), text);
    }

    @Test
    void controllerVarsubSourcesAndNewlines() {
        // TestKustomizationReconciler_Varsub: inline _Region, then a ConfigMap and a Secret both setting zone with
        // newlines around it ("\naz-1a\n", "\naz-1b\n"): newlines removed, the later source (the Secret) wins.
        String serviceAccount = """
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: vars
                  namespace: vars
                  labels:
                    environment: ${env:=dev}
                    region: "${_Region}"\s
                    zone: "${zone}"
                """;
        String secret = """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: vars
                  namespace: vars
                stringData:
                  zone: ${zone}
                """;
        PostBuild postBuild = new PostBuild(
                Map.of("_Region", "eu-central-1"),
                List.of(
                        VariableSource.of(vars("ConfigMap", "zone-cm", Map.of("zone", "\naz-1a\n"))),
                        VariableSource.of(vars("Secret", "zone-secret", Map.of("zone", "\naz-1b\n")))),
                true);
        SubstitutionResult result =
                FluxSubstitution.apply(List.of(manifest(serviceAccount), manifest(secret)), postBuild);
        assertFalse(result.failed(), result.errors().toString());
        assertEquals("dev", at(result.manifests().get(0), "metadata", "labels", "environment"));
        assertEquals("eu-central-1", at(result.manifests().get(0), "metadata", "labels", "region"));
        assertEquals("az-1b", at(result.manifests().get(0), "metadata", "labels", "zone"));
        assertEquals("az-1b", at(result.manifests().get(1), "stringData", "zone"));
    }

    @Test
    void controllerVarsubOptionalSources() {
        // TestKustomizationReconciler_VarsubOptional: optional sources that exist, then that are gone (defaults).
        String serviceAccount = """
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: vars
                  namespace: vars
                  labels:
                    color: "${color:=blue}"
                    shape: "${shape:=square}"
                """;
        Map<String, String> enabled = Map.of("var_substitution_enabled", "true");
        PostBuild present = new PostBuild(
                enabled,
                List.of(
                        new VariableSource(
                                "ConfigMap", "colors", true, vars("ConfigMap", "colors", Map.of("color", "\nred\n"))),
                        new VariableSource(
                                "Secret", "shapes", true, vars("Secret", "shapes", Map.of("shape", "\ntriangle\n")))),
                true);
        SubstitutedManifest withSources = FluxSubstitution.apply(List.of(manifest(serviceAccount)), present)
                .manifests()
                .get(0);
        assertEquals("red", at(withSources, "metadata", "labels", "color"));
        assertEquals("triangle", at(withSources, "metadata", "labels", "shape"));
        PostBuild gone = new PostBuild(
                enabled,
                List.of(
                        VariableSource.missing("ConfigMap", "colors", true),
                        VariableSource.missing("Secret", "shapes", true)),
                true);
        SubstitutedManifest withoutSources = FluxSubstitution.apply(List.of(manifest(serviceAccount)), gone)
                .manifests()
                .get(0);
        assertNotNull(withoutSources.object(), withoutSources.error());
        assertEquals("blue", at(withoutSources, "metadata", "labels", "color"));
        assertEquals("square", at(withoutSources, "metadata", "labels", "shape"));
    }
}
