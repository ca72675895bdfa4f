package dev.runway.render.verify;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** Odd input gives findings, never an exception: a CI check must not die with a stack trace. */
class VerifierRobustnessTest {
    private static final ManifestVerifier VERIFIER = new ManifestVerifier();

    @ParameterizedTest
    @ValueSource(strings = {
            "- a\n- b\n",
            "just text\n",
            "a: &x [*x]\n",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: &m\n  name: x\n  namespace: payments\n  labels: *m\n",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: []\n",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x, namespace: payments}\nspec: text\n",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x, namespace: payments}\nspec:\n  template:\n"
                    + "    spec:\n      containers: {a: b}\n      volumes: [1, 2]\n",
            "apiVersion: [v1]\nkind: {a: b}\n",
            "? [complex, key]\n: value\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: payments}\n",
            "apiVersion: v1\nkind: Service\nmetadata: {name: x, namespace: payments}\nspec:\n  ports: [null, 1, {port: x}]\n",
            "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: x, namespace: payments}\nspec:\n"
                    + "  minAvailable: 500%\n  selector: {matchExpressions: [{key: a, operator: Bogus}]}\n",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: payments}\ndata:\n  big: !!binary aGVsbG8=\n"
                    + "  n: .nan\n  i: -.inf\n  z: 0x\n",
            "\t\tbad: tabs\n",
            "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: payments, namespace: payments, annotations: "
                    + "{eks.amazonaws.com/role-arn: 12}}\n",
    })
    void oddInputGivesFindingsNotExceptions(String yaml) {
        for (VerifyOptions options : List.of(VerifyOptions.namespace("payments"), VerifyOptions.runwayEks("payments"))) {
            VerifyResult result = VERIFIER.verify(List.of(new ManifestVerifier.Source("odd.yaml", yaml)), options);
            assertFalse(result.findings().isEmpty(), yaml);
        }
    }
}
