package dev.runway.render.eks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runway.render.values.ValuesFiles;
import dev.runway.render.values.ValuesProblem;
import dev.runway.render.values.ValuesValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RunwayEksValuesTest {
    static final Path CHART = Path.of(System.getProperty("runway.chartDir", "../charts/runway-eks"));

    @Test
    void defaultsAreTheChartsValuesYaml() {
        Map<String, Object> chartDefaults =
                ValuesFiles.standard().read(CHART.resolve("values.yaml")).values();
        assertEquals(chartDefaults, RunwayEksValues.defaults().toValues());
    }

    @Test
    void everySchemaPropertyHasAModelFieldAndViceVersa() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(Files.readString(CHART.resolve("values.schema.json")));
        // Every optional setting given, so each optional object shows all its keys.
        Map<String, Object> model = everySettingGiven().toValues();
        List<String> drift = new ArrayList<>();
        compare(schema, schema, model, "", drift);
        assertEquals(List.of(), drift, "the model and values.schema.json have drifted apart");
    }

    /** Kubernetes objects the model passes through as maps: one of several handlers, never all keys at once. */
    private static final Set<String> ONE_OF_OBJECTS = Set.of("lifecycle.preStop.", "lifecycle.postStart.");

    /** Walks every schema object that lists its properties and compares the key sets with the model's output. */
    @SuppressWarnings("unchecked")
    private static void compare(JsonNode root, JsonNode schema, Object model, String path, List<String> drift) {
        schema = resolve(root, schema);
        if (!schema.has("properties") || ONE_OF_OBJECTS.contains(path)) {
            return;
        }
        Set<String> schemaKeys = new TreeSet<>();
        schema.get("properties").fieldNames().forEachRemaining(schemaKeys::add);
        if (path.isEmpty()) {
            schemaKeys.remove("global"); // Helm's global values: any chart may receive them, the model has no field
        }
        if (!(model instanceof Map<?, ?> map)) {
            drift.add(path + ": schema has properties " + schemaKeys + ", the model has " + model);
            return;
        }
        Set<String> modelKeys = new TreeSet<>((Set<String>) map.keySet());
        for (String key : schemaKeys) {
            if (!modelKeys.contains(key)) {
                drift.add(path + key + ": in values.schema.json but not in RunwayEksValues");
            }
        }
        for (String key : modelKeys) {
            if (!schemaKeys.contains(key)) {
                drift.add(path + key + ": in RunwayEksValues but not in values.schema.json");
            } else {
                compare(root, schema.get("properties").get(key), map.get(key), path + key + ".", drift);
            }
        }
    }

    private static JsonNode resolve(JsonNode root, JsonNode schema) {
        while (schema.has("$ref")) {
            schema = root.at(schema.get("$ref").asText().substring(1));
        }
        return schema;
    }

    @Test
    void everyValuesYamlKeyIsInTheSchema() throws IOException {
        // The third side of the triangle: the chart's defaults must pass its own schema but for the two required ids.
        List<String> problems = RunwayEksValues.defaults().validate().stream()
                .map(p -> p.path().toString())
                .collect(Collectors.toList());
        assertEquals(List.of("serviceId", "image.repository"), problems);
    }

    @Test
    void builderStartsFromDefaultsAndValidates() {
        RunwayEksValues values = RunwayEksValues.builder("payments", "registry.example.com/runway/payments")
                .imageTag("1.4.2")
                .credentialSource(CredentialSource.KUBERNETES_OIDC)
                .env("LOG_LEVEL", "debug")
                .podDisruptionBudget(IntOrPercent.percent(50))
                .build();
        Map<String, Object> v = values.toValues();
        assertEquals("payments", v.get("serviceId"));
        assertEquals(
                Map.of(
                        "repository",
                        "registry.example.com/runway/payments",
                        "tag",
                        "1.4.2",
                        "pullPolicy",
                        "IfNotPresent"),
                v.get("image"));
        assertEquals(
                Map.of("credentialSource", "kubernetes-oidc", "tokenExpirationSeconds", 3600.0),
                v.get("gcpWorkloadIdentity"));
        assertEquals(Map.of("enabled", true, "minAvailable", "50%"), v.get("podDisruptionBudget"));
        assertEquals(8080.0, v.get("port"), "numbers are float64, as Helm reads them from a values file");
    }

    @Test
    void builderRefusesWhatTheSchemaRefusesWithEveryProblem() {
        ValuesValidationException e = assertThrows(
                ValuesValidationException.class,
                () -> RunwayEksValues.builder("Bad_Id", "registry.example.com/x")
                        .port(0)
                        .env("GOOGLE_APPLICATION_CREDENTIALS", "x")
                        .build());
        List<String> paths = e.problems().stream().map(p -> p.path().toString()).collect(Collectors.toList());
        assertEquals(List.of("serviceId", "port", "env.GOOGLE_APPLICATION_CREDENTIALS"), paths);
    }

    @Test
    void roundTripsThroughYamlWithoutLoss() {
        RunwayEksValues values = RunwayEksValues.builder("ai-gateway", "registry.example.com/runway/ai-gateway")
                .imageTag("2.0.0-rc1")
                .pullPolicy(PullPolicy.ALWAYS)
                .port(5052)
                .servicePort(8080)
                .replicas(3)
                .autoscaling(3, 12)
                .podDisruptionBudget(IntOrPercent.count(2))
                .resources(new RunwayEksValues.Resources(Map.of("cpu", "250m", "memory", 512), Map.of("memory", "1Gi")))
                .env("FEATURE_FLAGS", "a,b,c")
                .env("PORT_TEXT", "8080")
                .env("EMPTY", "")
                .credentialSource(CredentialSource.KUBERNETES_OIDC)
                .profiling(true)
                .label("team", "platform")
                .annotation("note", "yes")
                .podAnnotation("prometheus.io/scrape", "true")
                .podLabel("tier", "web")
                .serviceAccountAnnotations(Map.of("a", "b"))
                .nodeSelector(Map.of("kubernetes.io/arch", "amd64"))
                .tolerations(
                        List.of(Map.of("key", "dedicated", "operator", "Equal", "value", "ai", "effect", "NoSchedule")))
                .affinity(Map.of(
                        "nodeAffinity",
                        Map.of(
                                "requiredDuringSchedulingIgnoredDuringExecution",
                                Map.of(
                                        "nodeSelectorTerms",
                                        List.of(Map.of(
                                                "matchExpressions",
                                                List.of(Map.of(
                                                        "key",
                                                        "zone",
                                                        "operator",
                                                        "In",
                                                        "values",
                                                        List.of("a", "b")))))))))
                .topologySpreadConstraints(
                        List.of(Map.of("maxSkew", 1L, "topologyKey", "zone", "whenUnsatisfiable", "ScheduleAnyway")))
                .priorityClassName("high")
                .terminationGracePeriodSeconds(60)
                .build();
        String yaml = values.toYaml();
        RunwayEksValues back = RunwayEksValues.fromYaml(yaml, "roundtrip.yaml");
        assertEquals(values.toValues(), back.toValues(), yaml);
        assertEquals(values.toYaml(), back.toYaml());
        // and what the renderer gets equals what Helm would read from that file
        assertEquals(ValuesFiles.standard().read(yaml, "r.yaml").values(), values.toValues());
    }

    /** Values with every optional setting of the chart given (and the required ones), checked by the schema. */
    static RunwayEksValues everySettingGiven() {
        return RunwayEksValues.builder("orders", "registry.example.com/runway/orders")
                .imagePullSecret("registry-credentials")
                .envFromSecret("DB_PASSWORD", "orders-db", "password")
                .envFromConfigMap("FEATURES", "orders-config", "features")
                .envFrom(List.of(Map.of("secretRef", Map.of("name", "orders-env", "optional", true), "prefix", "S_")))
                .clusterVarEnv("GCP_PROJECT", "gcp_project_id")
                .extraVolumes(List.of(Map.of("name", "cache", "emptyDir", Map.of())))
                .extraVolumeMounts(List.of(
                        Map.of("name", "cache", "mountPath", "/var/cache/orders", "readOnly", false, "subPath", "a")))
                .startupProbe(new RunwayEksValues.Probe(true, "/-/liveness", 0, 10, 1, 30))
                .podSecurityContext(new RunwayEksValues.PodSecurityContext(
                        10001L,
                        10001L,
                        true,
                        10001L,
                        "OnRootMismatch",
                        List.of(20001L),
                        new RunwayEksValues.SeccompProfile("Localhost", "p.json")))
                .securityContext(new RunwayEksValues.SecurityContext(
                        10001L,
                        10001L,
                        true,
                        false,
                        false,
                        new RunwayEksValues.Capabilities(List.of("NET_BIND_SERVICE"), List.of("ALL")),
                        new RunwayEksValues.SeccompProfile("Localhost", "p.json")))
                .lifecycle(Map.of(
                        "preStop",
                        Map.of("sleep", Map.of("seconds", 5)),
                        "postStart",
                        Map.of("exec", Map.of("command", List.of("true")))))
                .managedBy("Helm")
                .namespace(new RunwayEksValues.Namespace(
                        true, Map.of("pod-security.kubernetes.io/enforce", "restricted"), Map.of("note", "kept")))
                .build();
    }

    @Test
    void daySettingsRoundTripAndReachTheValuesAsKubernetesHasThem() {
        RunwayEksValues values = everySettingGiven();
        assertEquals(
                values.toValues(),
                RunwayEksValues.fromYaml(values.toYaml(), "day-one.yaml").toValues());
        Map<String, Object> v = values.toValues();
        assertEquals(List.of(Map.of("name", "registry-credentials")), v.get("imagePullSecrets"));
        assertEquals(
                Map.of("secretKeyRef", Map.of("name", "orders-db", "key", "password")),
                ((Map<?, ?>) v.get("envValueFrom")).get("DB_PASSWORD"));
        assertEquals(Map.of("GCP_PROJECT", "gcp_project_id"), v.get("clusterVarsEnv"));
        assertEquals(
                Map.of("preStop", Map.of("sleep", Map.of("seconds", 5.0))),
                RunwayEksValues.builder("orders", "r.example.com/o")
                        .preStopSleep(5)
                        .build()
                        .toValues()
                        .get("lifecycle"));
        assertEquals(
                Map.of("runAsUser", 10001.0, "runAsGroup", 10001.0, "fsGroup", 10001.0),
                RunwayEksValues.builder("orders", "r.example.com/o")
                        .podSecurityContext(RunwayEksValues.PodSecurityContext.runAs(10001, 10001))
                        .build()
                        .toValues()
                        .get("podSecurityContext"),
                "unset fields stay out, so the chart's defaults apply");
    }

    @Test
    void daySettingsTheSchemaRefuses() {
        ValuesValidationException e = assertThrows(
                ValuesValidationException.class,
                () -> RunwayEksValues.builder("orders", "registry.example.com/o")
                        .podSecurityContext(
                                new RunwayEksValues.PodSecurityContext(-1L, null, null, null, null, null, null))
                        .clusterVarEnv("GCP_PROJECT", "${gcp_project_id}")
                        .imagePullSecret("Not_A_Name")
                        .build());
        assertEquals(
                List.of("imagePullSecrets[0].name", "clusterVarsEnv.GCP_PROJECT", "podSecurityContext.runAsUser"),
                e.problems().stream()
                        .map(p -> p.path().toString())
                        .sorted(java.util.Comparator.comparing(p -> List.of(
                                        "imagePullSecrets[0].name",
                                        "clusterVarsEnv.GCP_PROJECT",
                                        "podSecurityContext.runAsUser")
                                .indexOf(p)))
                        .collect(Collectors.toList()),
                e.getMessage());
    }

    @Test
    void readsTheChartsCiFiles() throws IOException {
        try (var files = Files.list(CHART.resolve("ci"))) {
            for (Path file : files.sorted().collect(Collectors.toList())) {
                RunwayEksValues values = RunwayEksValues.fromYaml(Files.readString(file), file.toString());
                assertEquals(values, RunwayEksValues.fromFile(file));
                assertTrue(values.validate().isEmpty(), file.toString());
                Map<String, Object> expected = dev.runway.render.values.ValueTrees.mergeMaps(
                        RunwayEksValues.defaults().toValues(),
                        ValuesFiles.standard().read(file).values());
                assertEquals(expected, values.toValues(), file.toString());
            }
        }
    }

    @Test
    void fromYamlReportsSchemaProblemsWithFileLineAndColumn() {
        ValuesValidationException e =
                assertThrows(ValuesValidationException.class, () -> RunwayEksValues.fromYaml("""
                serviceId: payments
                image:
                  repository: registry.example.com/runway/payments
                gcpWorkloadIdentity:
                  credentialSource: aws
                replicaz: 3
                """, "values-prod.yaml"));
        List<String> messages =
                e.problems().stream().map(ValuesProblem::message).collect(Collectors.toList());
        assertEquals(2, messages.size(), messages.toString());
        assertTrue(
                messages.contains(
                        "gcpWorkloadIdentity.credentialSource: expected one of \"aws-imds\", \"kubernetes-oidc\", "
                                + "found the string \"aws\" (values-prod.yaml:5:21)"),
                messages.toString());
        assertTrue(
                messages.stream()
                        .anyMatch(m -> m.startsWith("replicaz: ")
                                && m.contains("did you mean \"replicas\"?")
                                && m.endsWith("(values-prod.yaml:6:1)")),
                messages.toString());
    }

    @Test
    void aMissingRepositoryIsReportedAsTheChartsEmptyDefault() {
        ValuesValidationException e = assertThrows(
                ValuesValidationException.class, () -> RunwayEksValues.fromYaml("serviceId: payments\n", "v.yaml"));
        assertEquals(
                List.of(
                        "image.repository: expected at least 1 character and a string matching "
                                + "^[^\\s:@]+(:[0-9]+)?(/[^\\s:@]+)*$, found the string \"\" (runway-eks default in values.yaml)"),
                e.problems().stream().map(ValuesProblem::message).collect(Collectors.toList()));
    }

    @Test
    void valuesAreImmutable() {
        RunwayEksValues values = RunwayEksValues.builder("payments", "r.example.com/p")
                .env("A", "1")
                .build();
        assertThrows(UnsupportedOperationException.class, () -> values.env().put("B", "2"));
        assertThrows(
                UnsupportedOperationException.class, () -> values.tolerations().add(Map.of()));
    }
}
