package dev.runway.render.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The API server's rules on valid input (no false alarm), and the enum table against the client models. */
class ApiServerRulesTest {

    private static List<String> findings(String text, VerifyOptions options) {
        return new ManifestVerifier()
                .verify(List.of(new ManifestVerifier.Source("t.yaml", text)), options).findings().stream()
                        .map(f -> f.severity().word() + " " + f.check() + " " + f.path())
                        .toList();
    }

    @Test
    void validUsesOfEveryRuleGiveNoFinding() throws Exception {
        Path file = Path.of(Objects.requireNonNull(getClass().getResource("/verify-valid/api-server-rules.yaml"))
                .toURI());
        VerifyResult result = new ManifestVerifier()
                .verify(
                        List.of(new ManifestVerifier.Source("api-server-rules.yaml", Files.readString(file))),
                        VerifyOptions.namespace("payments"));
        assertEquals(12, result.resources().size(), result.resources().toString());
        assertEquals(List.of(), result.lines());
    }

    @Test
    void everyEnumKeyNamesAStringFieldOfAClientModel() throws Exception {
        for (Map.Entry<String, List<String>> e : KubeEnums.VALUES.entrySet()) {
            String key = e.getKey();
            boolean item = key.endsWith("[]");
            String model = key.substring(0, key.indexOf('.'));
            String field = key.substring(key.indexOf('.') + 1, item ? key.length() - 2 : key.length());
            KubeSchema.Shape.ObjectShape shape =
                    new KubeSchema().objectShape("io.kubernetes.client.openapi.models." + model);
            KubeSchema.JavaType fieldType = shape.type(field);
            assertTrue(fieldType != null, key + ": no such field in the client model");
            KubeSchema.JavaType string = KubeSchema.JavaType.of(String.class.getName());
            if (item) {
                assertEquals("java.util.List", fieldType.name(), key);
                assertEquals(List.of(string), fieldType.arguments(), key);
            } else {
                assertEquals(string, fieldType, key);
            }
            assertEquals(e.getValue().stream().distinct().toList(), e.getValue(), key + " lists a value twice");
        }
    }

    @Test
    void anEmptyStringIsUnsetWhereTheApiServerDefaultsTheFieldAndRefusedWhereItDoesNot() {
        String service = """
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: payments}
                spec:
                  type: LoadBalancer
                  externalTrafficPolicy: ""
                  sessionAffinity: ""
                  ports: [{port: 80, protocol: ""}]
                """;
        assertEquals(List.of(), findings(service, VerifyOptions.namespace("payments")));
        String pod = """
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: payments}
                spec:
                  containers: [{name: c, image: nginx, imagePullPolicy: ""}]
                  topologySpreadConstraints:
                  - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: "", labelSelector: {}}
                """;
        assertEquals(
                List.of("error value.unsupported spec.topologySpreadConstraints[0].whenUnsatisfiable"),
                findings(pod, VerifyOptions.namespace("payments")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "*/5 * * * *",
                "0 3 * * 1-5",
                "@hourly",
                "@every 1h30m",
                "@every 90s",
                "0 0 1 JAN *",
                "15 14 1 * MON,WED",
                "0 0 ? * SUN",
                "5-55/10 * * * *",
                "0 0 * * 0",
                "0 */2 1-15 2,4,6 *"
            })
    void schedulesTheCronParserAccepts(String schedule) {
        assertEquals(java.util.Optional.empty(), CronSchedule.problem(schedule));
    }

    @Test
    void cronErrorsAreRobfigCronsWords() {
        assertEquals(
                "expected exactly 5 fields, found 4: [*/5 * * *]",
                CronSchedule.problem("*/5 * * *").orElseThrow());
        assertEquals(
                "end of range (7) above maximum (6): 7",
                CronSchedule.problem("0 0 * * 7").orElseThrow());
        assertEquals(
                "unrecognized descriptor: @fortnightly",
                CronSchedule.problem("@fortnightly").orElseThrow());
    }

    @Test
    void theTargetKubernetesVersionDecidesWhatIsServed() {
        String claim = """
                apiVersion: resource.k8s.io/v1
                kind: ResourceClaim
                metadata:
                  name: gpu
                  namespace: payments
                spec:
                  devices:
                    requests:
                      - name: gpu
                        exactly:
                          deviceClassName: gpu.example.com
                """;
        assertEquals(List.of(), findings(claim, VerifyOptions.namespace("payments")));
        assertEquals(
                List.of(), findings(claim, VerifyOptions.namespace("payments").withKubernetesVersion("v1.34.0")));
        assertEquals(
                List.of("error structure.api-not-served apiVersion"),
                findings(claim, VerifyOptions.namespace("payments").withKubernetesVersion("v1.33.0")));
        String cronJob = """
                apiVersion: batch/v1beta1
                kind: CronJob
                metadata:
                  name: report
                  namespace: payments
                spec: {}
                """;
        VerifyResult result = new ManifestVerifier()
                .verify(
                        List.of(new ManifestVerifier.Source("t.yaml", cronJob)),
                        VerifyOptions.namespace("payments").withKubernetesVersion("1.33"));
        assertEquals(
                "batch/v1beta1 CronJob was removed in Kubernetes 1.25: Kubernetes 1.33 does not serve it",
                result.findings().get(0).message());
        assertEquals(
                "1.33",
                VerifyOptions.namespace("x").withKubernetesVersion("v1.33.0").kubernetesVersion());
        assertEquals(KubeSchema.KUBERNETES_VERSION, VerifyOptions.namespace("x").kubernetesVersion());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "255.255.255.255", "::1", "fd00::10", "2001:db8::ffff"})
    void ipAddresses(String ip) {
        assertTrue(ApiServerRules.isIp(ip));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.300", "auto", "10.0.0", "fd00::zz", "example.com", "1.2.3.4:80"})
    void notIpAddresses(String ip) {
        assertTrue(!ApiServerRules.isIp(ip));
    }
}
