package dev.runway.render.chart;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.oracle.HelmOracle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad values stop the real Helm engine with a message that names the offending value. */
class RunwayEksBadValuesTest {

    private static final String VALID = "serviceId: payments\nimage:\n  repository: registry.example.com/payments\n";

    @TempDir
    Path dir;

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of(
                        "id too long",
                        "serviceId: payments-api-eu-west-fraud-x\nimage:\n  repository: r/x\n",
                        "payments-api-eu-west-fraud-x",
                        new String[] {"serviceId"}),
                Arguments.of(
                        "id uppercase", "serviceId: Payments\nimage:\n  repository: r/x\n", "Payments", new String[] {
                            "serviceId"
                        }),
                Arguments.of(
                        "id one character", "serviceId: p\nimage:\n  repository: r/x\n", "p", new String[] {"serviceId"
                        }),
                Arguments.of(
                        "id with underscore",
                        "serviceId: pay_ments\nimage:\n  repository: r/x\n",
                        "pay_ments",
                        new String[] {"serviceId"}),
                Arguments.of("missing image", "serviceId: payments\n", "payments", new String[] {"image"}),
                Arguments.of(
                        "empty image repository",
                        "serviceId: payments\nimage:\n  repository: \"\"\n",
                        "payments",
                        new String[] {"repository"}),
                Arguments.of("port 70000", VALID + "port: 70000\n", "payments", new String[] {"port"}),
                Arguments.of("service port 0", VALID + "service:\n  port: 0\n", "payments", new String[] {"port"}),
                Arguments.of("unknown top-level key", VALID + "replica: 3\n", "payments", new String[] {"replica"}),
                Arguments.of(
                        "unknown credential source",
                        VALID + "gcpWorkloadIdentity:\n  credentialSource: gke\n",
                        "payments",
                        new String[] {"credentialSource"}),
                Arguments.of(
                        "env value not a string", VALID + "env:\n  PORT: 8080\n", "payments", new String[] {"PORT"}),
                Arguments.of(
                        "reserved env name",
                        VALID + "env:\n  GOOGLE_APPLICATION_CREDENTIALS: /x\n",
                        "payments",
                        new String[] {"GOOGLE_APPLICATION_CREDENTIALS"}),
                Arguments.of(
                        "account id not 12 digits", VALID + "aws:\n  accountId: \"12345\"\n", "payments", new String[] {
                            "accountId"
                        }),
                Arguments.of(
                        "env name in env and clusterVarsEnv",
                        VALID + "env:\n  GCP_PROJECT: x\n" + "clusterVarsEnv:\n  GCP_PROJECT: gcp_project_id\n",
                        "payments",
                        new String[] {"env GCP_PROJECT is set both in env and in clusterVarsEnv; keep one"}),
                Arguments.of(
                        "env name in envValueFrom and env",
                        VALID + "env:\n  DB: x\n"
                                + "envValueFrom:\n  DB:\n    secretKeyRef: {name: db, key: password}\n",
                        "payments",
                        new String[] {"env DB is set both in envValueFrom and in env or clusterVarsEnv"}),
                Arguments.of(
                        "placeholder in clusterVarsEnv",
                        VALID + "clusterVarsEnv:\n  GCP_PROJECT: " + "\"${gcp_project_id}\"\n",
                        "payments",
                        new String[] {"GCP_PROJECT"}),
                Arguments.of(
                        "envValueFrom with two sources",
                        VALID + "envValueFrom:\n  DB:\n"
                                + "    secretKeyRef: {name: db, key: password}\n    configMapKeyRef: {name: db, key: p}\n",
                        "payments",
                        new String[] {"DB"}),
                Arguments.of(
                        "envFrom without a reference", VALID + "envFrom:\n  - prefix: X_\n", "payments", new String[] {
                            "envFrom"
                        }),
                Arguments.of(
                        "negative runAsUser",
                        VALID + "podSecurityContext:\n  runAsUser: -1\n",
                        "payments",
                        new String[] {"runAsUser"}),
                Arguments.of(
                        "unknown securityContext field",
                        VALID + "securityContext:\n  privileged: true\n",
                        "payments",
                        new String[] {"privileged"}),
                Arguments.of(
                        "image pull secret as a string",
                        VALID + "imagePullSecrets:\n  - registry\n",
                        "payments",
                        new String[] {"imagePullSecrets"}),
                Arguments.of(
                        "extra volume named like the chart's",
                        VALID + "extraVolumes:\n  - name: tmp\n" + "    emptyDir: {}\n",
                        "payments",
                        new String[] {"name"}),
                Arguments.of(
                        "preStop with two handlers",
                        VALID + "lifecycle:\n  preStop:\n"
                                + "    sleep: {seconds: 5}\n    exec: {command: [\"true\"]}\n",
                        "payments",
                        new String[] {"preStop"}),
                Arguments.of("unknown runtime", VALID + "runtime: ecs\n", "payments", new String[] {"runtime"}),
                Arguments.of("gke id shorter than a google account id", """
                        serviceId: pay
                        runtime: gke
                        image:
                          repository: r/x
                        """, "pay", new String[] {
                    "serviceId \"pay\" has 3 characters; on runtime gke", "6 to 30 characters"
                }),
                Arguments.of(
                        "vault secrets without environment",
                        VALID + "externalSecrets:\n  enabled: true\n",
                        "payments",
                        new String[] {
                            "externalSecrets.environment is required", "runway/env/<environment>/service/<serviceId>"
                        }),
                Arguments.of(
                        "vault environment not a name",
                        VALID + "externalSecrets:\n  enabled: true\n" + "  environment: Staging/1\n",
                        "payments",
                        new String[] {"environment"}),
                Arguments.of(
                        "secret store not a name",
                        VALID + "externalSecrets:\n  clusterSecretStore: Vault\n",
                        "payments",
                        new String[] {"clusterSecretStore"}),
                Arguments.of("wrong namespace", VALID, "default", new String[] {
                    "release namespace \"default\" must equal serviceId \"payments\"", "--namespace payments"
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void helmRefusesWithAMessageNamingTheValue(
            String description, String values, String namespace, String[] expectedInMessage) throws IOException {
        Path file = Files.writeString(dir.resolve("values.yaml"), values, StandardCharsets.UTF_8);
        HelmOracle.Result result = HelmOracle.template(
                HelmOracle.Request.of(RunwayEksMatrix.chartDirectory(), "payments", namespace, file));
        assertNull(result.output(), description + ": Helm must refuse these values");
        assertNotNull(result.error());
        for (String expected : expectedInMessage) {
            assertTrue(
                    result.error().contains(expected),
                    description + ": message must name '" + expected + "' but was: " + result.error());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void theSameValuesFixedRender(String description, String values, String namespace, String[] unused)
            throws IOException {
        // Guards the cases above: each differs from a valid input only by its defect.
        Path file = Files.writeString(dir.resolve("values.yaml"), VALID, StandardCharsets.UTF_8);
        HelmOracle.Result result = HelmOracle.template(
                HelmOracle.Request.of(RunwayEksMatrix.chartDirectory(), "payments", "payments", file));
        assertNull(result.error(), description + ": the valid baseline must render");
    }
}
