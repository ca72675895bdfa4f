package dev.runway.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.auth.oauth2.AwsCredentials;
import com.google.auth.oauth2.ExternalAccountCredentials;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.IdentityPoolCredentials;
import dev.runway.render.oracle.HelmOracle;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The runway-eks chart rendered by the real Helm engine (helm-java) over the values matrix: the identity wiring
 * field by field, Google's own client accepting the credentials file, and only the four Flux variables left.
 * Each rendered output is also written to {@code target/golden/runway-eks/} for the pure-Java engine to match.
 */
class RunwayEksChartTest {

    static final Set<String> FLUX_VARIABLES =
            Set.of("aws_account_id", "gcp_project_number", "gcp_wip_id", "gcp_project_id");
    /** Realistic values a cluster's flux-cluster-vars would hold, to feed Google's client. */
    static final Map<String, String> SAMPLE_CLUSTER_VARS = Map.of(
            "aws_account_id", "123456789012",
            "gcp_project_number", "987654321098",
            "gcp_wip_id", "runway-eks-pool",
            "gcp_project_id", "runway-prod-1234");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    private static final String CREDENTIALS_PATH = "/etc/gcp-service-account/credentials.json";

    @TempDir
    static Path valuesDir;

    @TestFactory
    Stream<DynamicTest> matrixRendersTheIdentityWiring() {
        List<RunwayEksMatrix.Case> cases = RunwayEksMatrix.cases();
        assertTrue(cases.size() >= 30, "the matrix must have at least 30 combinations, has " + cases.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> checkCase(c)));
    }

    private void checkCase(RunwayEksMatrix.Case c) throws IOException {
        String output = render(c);
        Path golden = Path.of("target", "golden", "runway-eks", c.name() + ".yaml");
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, output, StandardCharsets.UTF_8);

        Manifests manifests = Manifests.parse(output);
        String id = c.serviceId();

        Map<String, Object> serviceAccount = manifests.single("ServiceAccount");
        assertEquals(id, manifests.path(serviceAccount, "metadata", "name"));
        assertEquals(id, manifests.path(serviceAccount, "metadata", "namespace"));
        checkExternalSecret(c, manifests);
        if (c.gke()) {
            checkGke(c, manifests, output);
            return;
        }
        assertEquals(
                "arn:aws:iam::${aws_account_id}:role/EKS-GCP-Role-" + id,
                manifests.path(serviceAccount, "metadata", "annotations", "eks.amazonaws.com/role-arn"));
        assertTrue(
                output.contains(
                        "eks.amazonaws.com/role-arn: \"arn:aws:iam::${aws_account_id}:role/EKS-GCP-Role-" + id + "\""),
                "the role ARN annotation is written quoted, placeholder intact");

        Map<String, Object> configMap = manifests.single("ConfigMap");
        assertEquals(id + "-gcp-credentials", manifests.path(configMap, "metadata", "name"));
        assertEquals(id, manifests.path(configMap, "metadata", "namespace"));
        String credentialsJson = (String) manifests.path(configMap, "data", "credentials.json");
        checkCredentialsJson(c, credentialsJson);
        checkGoogleClientAccepts(c, credentialsJson);

        Map<String, Object> deployment = manifests.single("Deployment");
        assertEquals(id, manifests.path(deployment, "metadata", "namespace"));
        Map<String, Object> podSpec = manifests.map(deployment, "spec", "template", "spec");
        assertEquals(id, podSpec.get("serviceAccountName"));
        Map<String, Object> container =
                manifests.listOfMaps(podSpec, "containers").get(0);
        Map<String, Object> credentialsVolume = byName(manifests.listOfMaps(podSpec, "volumes"), "gcp-service-account");
        assertEquals(id + "-gcp-credentials", manifests.path(credentialsVolume, "configMap", "name"));
        Map<String, Object> mount = byName(manifests.listOfMaps(container, "volumeMounts"), "gcp-service-account");
        assertEquals("/etc/gcp-service-account", mount.get("mountPath"));
        assertEquals(true, mount.get("readOnly"));
        List<Map<String, Object>> env = manifests.listOfMaps(container, "env");
        assertEquals(
                CREDENTIALS_PATH, byName(env, "GOOGLE_APPLICATION_CREDENTIALS").get("value"));
        assertEquals(
                1,
                env.stream()
                        .filter(e -> "GOOGLE_APPLICATION_CREDENTIALS".equals(e.get("name")))
                        .count());

        String tag = manifests.path(container, "image").toString().replaceFirst(".*:", "");
        Map<String, Object> profilingEnv = byNameOrNull(env, "GITLAB_CONTINUOUS_PROFILING");
        if (c.profiling()) {
            assertNotNull(profilingEnv, "profiling.enabled sets GITLAB_CONTINUOUS_PROFILING");
            assertEquals(
                    "stackdriver?service=" + id + "&service_version=" + tag + "&project_id=${gcp_project_id}",
                    profilingEnv.get("value"));
        } else {
            assertNull(profilingEnv, "no profiling variable unless profiling.enabled");
        }

        Map<String, Object> securityContext = manifests.map(container, "securityContext");
        assertEquals(false, securityContext.get("allowPrivilegeEscalation"));
        // The matrix turns readOnlyRootFilesystem off in some cases: a user's false replaces the chart's default.
        assertEquals(
                !c.valuesYaml().contains("readOnlyRootFilesystem: false"),
                securityContext.get("readOnlyRootFilesystem"));
        assertEquals(true, securityContext.get("runAsNonRoot"));
        assertEquals(List.of("ALL"), manifests.path(securityContext, "capabilities", "drop"));
        assertEquals("RuntimeDefault", manifests.path(podSpec, "securityContext", "seccompProfile", "type"));

        if (c.oidc()) {
            Map<String, Object> tokenVolume = byName(manifests.listOfMaps(podSpec, "volumes"), "gcp-token");
            @SuppressWarnings("unchecked")
            Map<String, Object> source =
                    ((List<Map<String, Object>>) manifests.path(tokenVolume, "projected", "sources")).get(0);
            assertEquals(
                    "https://iam.googleapis.com/projects/${gcp_project_number}/locations/global/"
                            + "workloadIdentityPools/${gcp_wip_id}/providers/EKS-Provider",
                    manifests.path(source, "serviceAccountToken", "audience"));
            Map<String, Object> tokenMount = byName(manifests.listOfMaps(container, "volumeMounts"), "gcp-token");
            assertEquals("/var/run/secrets/gcp-token", tokenMount.get("mountPath"));
            assertEquals(true, tokenMount.get("readOnly"));
        } else {
            assertNull(byNameOrNull(manifests.listOfMaps(podSpec, "volumes"), "gcp-token"));
        }

        checkCommon(c, manifests, deployment);
        checkPlaceholders(output);
    }

    /** GKE: the ServiceAccount names the Google account, nothing of the EKS credentials file is rendered. */
    private static void checkGke(RunwayEksMatrix.Case c, Manifests manifests, String output) {
        String id = c.serviceId();
        Map<String, Object> serviceAccount = manifests.single("ServiceAccount");
        @SuppressWarnings("unchecked")
        Map<String, Object> annotations =
                (Map<String, Object>) manifests.path(serviceAccount, "metadata", "annotations");
        String project =
                c.valuesYaml().contains("projectId: runway-gke-prod") ? "runway-gke-prod" : "${gcp_project_id}";
        assertEquals(
                id + "@" + project + ".iam.gserviceaccount.com", annotations.get("iam.gke.io/gcp-service-account"));
        assertFalse(annotations.containsKey("eks.amazonaws.com/role-arn"), "no AWS role on GKE");
        assertEquals(List.of(), manifests.all("ConfigMap"), "no credentials file on GKE");
        Map<String, Object> deployment = manifests.single("Deployment");
        Map<String, Object> podSpec = manifests.map(deployment, "spec", "template", "spec");
        assertEquals(id, podSpec.get("serviceAccountName"));
        Map<String, Object> container =
                manifests.listOfMaps(podSpec, "containers").get(0);
        List<Map<String, Object>> env =
                container.containsKey("env") ? manifests.listOfMaps(container, "env") : List.of();
        assertNull(byNameOrNull(env, "GOOGLE_APPLICATION_CREDENTIALS"));
        assertNull(byNameOrNull(manifests.listOfMaps(podSpec, "volumes"), "gcp-service-account"));
        assertNull(byNameOrNull(manifests.listOfMaps(container, "volumeMounts"), "gcp-service-account"));
        assertFalse(output.contains("checksum/gcp-credentials"));
        Map<String, Object> profilingEnv = byNameOrNull(env, "GITLAB_CONTINUOUS_PROFILING");
        assertEquals(c.profiling(), profilingEnv != null, "profiling works the same on GKE");
        if (c.profiling()) {
            String tag = manifests.path(container, "image").toString().replaceFirst(".*:", "");
            assertEquals(
                    "stackdriver?service=" + id + "&service_version=" + tag + "&project_id=" + project,
                    profilingEnv.get("value"));
        }
        checkCommon(c, manifests, deployment);
        if (project.startsWith("$")) {
            checkPlaceholders(output);
        } else {
            assertFalse(output.contains("${"), "with a real project id no Flux variable is left on GKE");
        }
    }

    /** The ExternalSecret and the container's envFrom exactly when externalSecrets is on. */
    private static void checkExternalSecret(RunwayEksMatrix.Case c, Manifests manifests) {
        String id = c.serviceId();
        Map<String, Object> container = manifests
                .listOfMaps(manifests.map(manifests.single("Deployment"), "spec", "template", "spec"), "containers")
                .get(0);
        if (!c.externalSecrets()) {
            assertEquals(List.of(), manifests.all("ExternalSecret"));
            assertEquals(
                    c.valuesYaml().contains("\nenvFrom:"),
                    container.containsKey("envFrom"),
                    "envFrom only for Vault secrets or the service's own envFrom");
            return;
        }
        Map<String, Object> secret = manifests.single("ExternalSecret");
        assertEquals("external-secrets.io/v1", secret.get("apiVersion"));
        assertEquals(id, manifests.path(secret, "metadata", "namespace"));
        String environment = c.valuesYaml().contains("environment: staging") ? "staging" : "production";
        @SuppressWarnings("unchecked")
        Map<String, Object> extract = ((List<Map<String, Object>>) manifests.path(secret, "spec", "dataFrom")).get(0);
        assertEquals("runway/env/" + environment + "/service/" + id, manifests.path(extract, "extract", "key"));
        assertEquals("ClusterSecretStore", manifests.path(secret, "spec", "secretStoreRef", "kind"));
        assertEquals(id + "-secrets", manifests.path(secret, "spec", "target", "name"));
        assertEquals(
                id + "-secrets",
                manifests.path(manifests.listOfMaps(container, "envFrom").get(0), "secretRef", "name"));
    }

    private static void checkCommon(RunwayEksMatrix.Case c, Manifests manifests, Map<String, Object> deployment) {
        String id = c.serviceId();
        Map<String, Object> container = manifests
                .listOfMaps(manifests.map(deployment, "spec", "template", "spec"), "containers")
                .get(0);
        assertEquals(c.startupProbe(), container.containsKey("startupProbe"));
        Map<String, Object> service = manifests.single("Service");
        assertEquals(id, manifests.path(service, "metadata", "name"));
        assertEquals(c.autoscaling(), manifests.all("HorizontalPodAutoscaler").size() == 1);
        assertEquals(
                c.autoscaling(),
                !manifests.map(deployment, "spec").containsKey("replicas"),
                "replicas is left to the autoscaler exactly when autoscaling is on");
        assertEquals(c.disruptionBudget(), manifests.all("PodDisruptionBudget").size() == 1);
        boolean namespaceAsked = c.valuesYaml().contains("namespace:\n  create: true");
        assertEquals(
                namespaceAsked ? List.of(id) : List.of(),
                manifests.all("Namespace").stream()
                        .map(n -> manifests.path(n, "metadata", "name"))
                        .toList(),
                "a Namespace only when asked for");
        for (Map<String, Object> manifest : manifests.documents()) {
            if (!"Namespace".equals(manifest.get("kind"))) {
                assertEquals(
                        id,
                        manifests.path(manifest, "metadata", "namespace"),
                        "every resource lives in the service's namespace");
            }
        }
        Map<String, Object> podLabels = manifests.map(deployment, "spec", "template", "metadata", "labels");
        assertFalse(podLabels.containsKey("helm.sh/chart"), "a chart version bump must not roll every pod");
        assertEquals(
                c.valuesYaml().contains("managedBy: Helm") ? "Helm" : "Flux",
                podLabels.get("app.kubernetes.io/managed-by"));
    }

    private static void checkCredentialsJson(RunwayEksMatrix.Case c, String json) throws IOException {
        JsonNode credentials = new ObjectMapper().readTree(json);
        String id = c.serviceId();
        assertEquals("external_account", credentials.path("type").asText());
        assertEquals(
                "//iam.googleapis.com/projects/${gcp_project_number}/locations/global/workloadIdentityPools/"
                        + "${gcp_wip_id}/providers/EKS-Provider",
                credentials.path("audience").asText());
        assertEquals(
                "https://sts.googleapis.com/v1/token",
                credentials.path("token_url").asText());
        assertEquals(
                "https://iamcredentials.googleapis.com/v1/projects/${gcp_project_id}/serviceAccounts/eks-" + id
                        + "@${gcp_project_id}.iam.gserviceaccount.com:generateAccessToken",
                credentials.path("service_account_impersonation_url").asText());
        JsonNode source = credentials.path("credential_source");
        if (c.oidc()) {
            assertEquals(
                    "urn:ietf:params:oauth:token-type:jwt",
                    credentials.path("subject_token_type").asText());
            assertEquals("/var/run/secrets/gcp-token/token", source.path("file").asText());
            assertEquals("text", source.path("format").path("type").asText());
        } else {
            assertEquals(
                    "urn:ietf:params:aws:token-type:aws4_request",
                    credentials.path("subject_token_type").asText());
            assertEquals("aws1", source.path("environment_id").asText());
            assertEquals(
                    "http://169.254.169.254/latest/meta-data/placement/availability-zone",
                    source.path("region_url").asText());
            assertEquals(
                    "http://169.254.169.254/latest/meta-data/iam/security-credentials",
                    source.path("url").asText());
            assertEquals(
                    "https://sts.{region}.amazonaws.com?Action=GetCallerIdentity&Version=2011-06-15",
                    source.path("regional_cred_verification_url").asText());
            assertEquals(
                    "http://169.254.169.254/latest/api/token",
                    source.path("imdsv2_session_token_url").asText());
        }
    }

    /** Google's own client parses the file (after Flux's substitution) into the right credential type, offline. */
    private static void checkGoogleClientAccepts(RunwayEksMatrix.Case c, String json) throws IOException {
        String substituted = substitute(json);
        GoogleCredentials parsed =
                GoogleCredentials.fromStream(new ByteArrayInputStream(substituted.getBytes(StandardCharsets.UTF_8)));
        ExternalAccountCredentials external = assertInstanceOf(ExternalAccountCredentials.class, parsed);
        Class<? extends ExternalAccountCredentials> expected =
                c.oidc() ? IdentityPoolCredentials.class : AwsCredentials.class;
        assertInstanceOf(expected, external);
        assertEquals(
                "//iam.googleapis.com/projects/987654321098/locations/global/workloadIdentityPools/"
                        + "runway-eks-pool/providers/EKS-Provider",
                external.getAudience());
        assertEquals(
                "eks-" + c.serviceId() + "@runway-prod-1234.iam.gserviceaccount.com",
                external.getServiceAccountEmail());
        assertEquals("https://sts.googleapis.com/v1/token", external.getTokenUrl());
    }

    private static String substitute(String text) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = SAMPLE_CLUSTER_VARS.get(matcher.group(1));
            assertNotNull(value, "unexpected placeholder " + matcher.group());
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(result).toString();
    }

    /** Every {@code ${...}} is one of the four cluster variables, well formed, and nothing else looks like one. */
    static void checkPlaceholders(String output) {
        Set<String> seen = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(output);
        int wellFormed = 0;
        while (matcher.find()) {
            seen.add(matcher.group(1));
            wellFormed++;
        }
        assertTrue(FLUX_VARIABLES.containsAll(seen), "only the four Flux variables may appear, found " + seen);
        assertEquals(countOccurrences(output, "${"), wellFormed, "every ${ opens a well-formed placeholder");
        assertFalse(seen.isEmpty(), "the Flux variables reach the output");
    }

    private static int countOccurrences(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }

    static String render(RunwayEksMatrix.Case c) {
        Path values = valuesFile(c.name(), c.valuesYaml());
        HelmOracle.Result result = HelmOracle.template(
                HelmOracle.Request.of(RunwayEksMatrix.chartDirectory(), c.serviceId(), c.serviceId(), values));
        assertNull(result.error(), () -> c.name() + " failed in Helm: " + result.error());
        return result.output();
    }

    static Path valuesFile(String name, String yaml) {
        try {
            return Files.writeString(valuesDir.resolve(name + ".yaml"), yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> byName(List<Map<String, Object>> items, String name) {
        Map<String, Object> item = byNameOrNull(items, name);
        assertNotNull(item, "no item named " + name + " in " + items);
        return item;
    }

    private static Map<String, Object> byNameOrNull(List<Map<String, Object>> items, String name) {
        return items.stream()
                .filter(i -> name.equals(i.get("name")))
                .findFirst()
                .orElse(null);
    }

    /** The documents of a {@code helm template} output, parsed as plain YAML for field-by-field checks. */
    record Manifests(List<Map<String, Object>> documents) {
        @SuppressWarnings("unchecked")
        static Manifests parse(String output) {
            List<Map<String, Object>> documents = new ArrayList<>();
            for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(output)) {
                if (document != null) {
                    documents.add((Map<String, Object>) document);
                }
            }
            return new Manifests(documents);
        }

        List<Map<String, Object>> all(String kind) {
            return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
        }

        Map<String, Object> single(String kind) {
            List<Map<String, Object>> found = all(kind);
            assertEquals(1, found.size(), "exactly one " + kind);
            return found.get(0);
        }

        @SuppressWarnings("unchecked")
        Object path(Map<String, Object> from, String... keys) {
            Object current = from;
            for (String key : keys) {
                assertInstanceOf(Map.class, current, "no map at " + key);
                current = ((Map<String, Object>) current).get(key);
            }
            return current;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map(Map<String, Object> from, String... keys) {
            return assertInstanceOf(Map.class, path(from, keys));
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> listOfMaps(Map<String, Object> from, String... keys) {
            return assertInstanceOf(List.class, path(from, keys));
        }
    }
}
