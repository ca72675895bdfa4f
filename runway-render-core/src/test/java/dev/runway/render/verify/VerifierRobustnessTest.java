package dev.runway.render.verify;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Odd input gives findings, never an exception: a CI check must not die with a stack trace. */
class VerifierRobustnessTest {
    private static final ManifestVerifier VERIFIER = new ManifestVerifier();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "- a\n- b\n",
                "just text\n",
                "a: &x [*x]\n",
                "apiVersion: v1\nkind: ConfigMap\nmetadata: &m\n  name: x\n  namespace: payments\n  labels: *m\n",
                "apiVersion: v1\nkind: ConfigMap\nmetadata: []\n",
                "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x, namespace: payments}\nspec: text\n",
                """
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: x, namespace: payments}
                    spec:
                      template:
                        spec:
                          containers: {a: b}
                          volumes: [1, 2]
                    """,
                "apiVersion: [v1]\nkind: {a: b}\n",
                "? [complex, key]\n: value\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: payments}\n",
                "apiVersion: v1\nkind: Service\nmetadata: {name: x, namespace: payments}\nspec:\n  ports: [null, 1, {port: x}]\n",
                """
                    apiVersion: policy/v1
                    kind: PodDisruptionBudget
                    metadata: {name: x, namespace: payments}
                    spec:
                      minAvailable: 500%
                      selector: {matchExpressions: [{key: a, operator: Bogus}]}
                    """,
                """
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: x, namespace: payments}
                    data:
                      big: !!binary aGVsbG8=
                      n: .nan
                      i: -.inf
                      z: 0x
                    """,
                "\t\tbad: tabs\n",
                "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: payments, namespace: payments, annotations: "
                        + "{eks.amazonaws.com/role-arn: 12}}\n",
            })
    void oddInputGivesFindingsNotExceptions(String yaml) {
        for (VerifyOptions options :
                List.of(VerifyOptions.namespace("payments"), VerifyOptions.runwayEks("payments"))) {
            VerifyResult result = VERIFIER.verify(List.of(new ManifestVerifier.Source("odd.yaml", yaml)), options);
            assertFalse(result.findings().isEmpty(), yaml);
        }
    }
}
