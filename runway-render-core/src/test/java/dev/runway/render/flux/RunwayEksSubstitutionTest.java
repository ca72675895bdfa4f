package dev.runway.render.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.auth.oauth2.AwsCredentials;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.IdentityPoolCredentials;
import dev.runway.render.api.RenderedChart;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What Flux applies for the real runway-eks chart, with a realistic flux-cluster-vars ConfigMap. */
class RunwayEksSubstitutionTest {

    static final ClusterVars CLUSTER_VARS =
            ClusterVars.parse(ClusterVarsFixture.yaml("acme-payments-prod"), "flux-cluster-vars.yaml");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String key) {
        return (Map<String, Object>) ((Map<String, Object>) o).get(key);
    }

    private static SubstitutedManifest find(SubstitutionResult result, String kind) {
        return result.manifests().stream()
                .filter(m -> m.manifest().kind().equals(kind))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void strictSubstitutionFillsEveryFieldWithStrings() throws Exception {
        RenderedChart chart = RunwayEksFluxTest.render("payments", "payments", "ci/default-values.yaml");
        SubstitutionResult result = FluxSubstitution.apply(chart, PostBuild.from(CLUSTER_VARS, true));
        assertFalse(result.failed(), result.errors().toString());
        assertFalse(result.output().contains("${"));

        Object sa = find(result, "ServiceAccount").object();
        assertEquals(
                "arn:aws:iam::012345678901:role/EKS-GCP-Role-payments",
                map(map(sa, "metadata"), "annotations").get("eks.amazonaws.com/role-arn"));

        String credentials =
                (String) map(find(result, "ConfigMap").object(), "data").get("credentials.json");
        assertTrue(
                credentials.contains("\"//iam.googleapis.com/projects/123456789012/locations/global/"
                        + "workloadIdentityPools/eks-pool/providers/EKS-Provider\""),
                credentials);
        assertTrue(credentials.contains("eks-payments@acme-payments-prod.iam.gserviceaccount.com"), credentials);
        // Google's own client library accepts the substituted file as AWS workload identity federation.
        GoogleCredentials google =
                GoogleCredentials.fromStream(new ByteArrayInputStream(credentials.getBytes(StandardCharsets.UTF_8)));
        assertInstanceOf(AwsCredentials.class, google);
    }

    @Test
    void oidcModeCredentialsAreAnIdentityPoolFile() throws Exception {
        RenderedChart chart = RunwayEksFluxTest.render("payments", "payments", "ci/oidc-values.yaml");
        SubstitutionResult result = FluxSubstitution.apply(chart, PostBuild.from(CLUSTER_VARS, true));
        assertFalse(result.failed(), result.errors().toString());
        String credentials =
                (String) map(find(result, "ConfigMap").object(), "data").get("credentials.json");
        assertInstanceOf(
                IdentityPoolCredentials.class,
                GoogleCredentials.fromStream(new ByteArrayInputStream(credentials.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aMissingClusterVariableFailsInStrictModeAndEmptiesOtherwise() {
        RenderedChart chart = RunwayEksFluxTest.render("payments", "payments", "ci/default-values.yaml");
        Map<String, String> withoutWip = new java.util.LinkedHashMap<>(CLUSTER_VARS.values());
        withoutWip.remove("gcp_wip_id");
        ClusterVars incomplete = new ClusterVars("ConfigMap", "flux-cluster-vars", withoutWip, "vars.yaml");

        SubstitutionResult strict = FluxSubstitution.apply(chart, PostBuild.from(incomplete, true));
        assertTrue(strict.failed());
        assertTrue(
                strict.errors().stream()
                        .anyMatch(
                                e -> e.startsWith(
                                        "ConfigMap/payments/payments-gcp-credentials: "
                                                + "envsubst error: variable substitution failed: variable not set (strict mode): \"gcp_wip_id\"")),
                strict.errors().toString());

        SubstitutionResult lax = FluxSubstitution.apply(chart, PostBuild.from(incomplete, false));
        assertFalse(lax.failed());
        String credentials =
                (String) map(find(lax, "ConfigMap").object(), "data").get("credentials.json");
        assertTrue(credentials.contains("workloadIdentityPools//providers"), "silently empty: " + credentials);
    }

    @Test
    void everyManifestIsSubstitutedAndStaysInOrder() {
        RenderedChart chart = RunwayEksFluxTest.render("ai-gateway", "ai-gateway", "ci/full-values.yaml");
        SubstitutionResult result = FluxSubstitution.apply(chart, PostBuild.from(CLUSTER_VARS, true));
        assertEquals(
                chart.manifests().stream().map(m -> m.kind() + "/" + m.name()).toList(),
                result.manifests().stream()
                        .map(m -> m.manifest().kind() + "/" + m.manifest().name())
                        .toList());
        assertTrue(
                result.manifests().stream().allMatch(m -> m.status() == SubstitutedManifest.Status.SUBSTITUTED),
                result.errors().toString());
        assertEquals(
                List.of(),
                SafetyCheck.check(chart, List.of(new SafetyCheck.SampleSet("cluster", CLUSTER_VARS.values()))));
    }
}
