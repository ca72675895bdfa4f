package dev.runway.render.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Custom resources checked against CustomResourceDefinitions from a folder, as kubeconform does with schemas. */
class CrdCheckTest {
    static final Path CRDS = Path.of("src/test/resources/crds");

    private static final String EXTERNAL_SECRET = """
            apiVersion: external-secrets.io/v1
            kind: ExternalSecret
            metadata:
              name: payments
              namespace: payments
            spec:
              refreshInterval: "1h"
              secretStoreRef:
                kind: ClusterSecretStore
                name: "vault"
              target:
                name: "payments-secrets"
                creationPolicy: Owner
              dataFrom:
                - extract:
                    key: "runway/env/staging/service/payments"
            """;

    @TempDir
    Path dir;

    private static List<String> verify(String yaml, CustomResourceDefinitions crds) {
        return new ManifestVerifier()
                        .verify(
                                List.of(new ManifestVerifier.Source("externalsecret.yaml", yaml)),
                                VerifyOptions.namespace("payments").withCrds(crds))
                        .findings()
                        .stream()
                        .map(f -> f.severity().word() + " " + f.check() + " " + f.path() + " :" + f.line() + " "
                                + f.message() + (f.fix().isEmpty() ? "" : " | " + f.fix()))
                        .toList();
    }

    @Test
    void aValidExternalSecretPassesAndWithoutItsCrdIsNotChecked() {
        CustomResourceDefinitions crds = CustomResourceDefinitions.load(CRDS);
        assertEquals(List.of("external-secrets.io/ExternalSecret"), crds.kinds());
        assertEquals(List.of(), verify(EXTERNAL_SECRET, crds));
        assertEquals(
                List.of("info structure.not-checked  :1 external-secrets.io/v1 ExternalSecret is not a built-in "
                        + "kind of Kubernetes 1.36 (a custom resource?): its fields were not checked | check it against "
                        + "its CustomResourceDefinition, or make sure the CRD is installed before it"),
                verify(EXTERNAL_SECRET, CustomResourceDefinitions.none()));
    }

    @Test
    void everyViolationIsAnErrorAtItsLine() {
        String broken = EXTERNAL_SECRET
                .replace("kind: ClusterSecretStore", "kind: VaultStore")
                .replace("name: \"payments-secrets\"", "name: \"Payments_Secrets\"")
                .replace(
                        "    - extract:\n        key: \"runway/env/staging/service/payments\"",
                        "    - extract:\n        property: token\n      rewrite: []")
                .replace("  refreshInterval: \"1h\"", "  refreshInterval: 3600\n  retries: 3");
        assertEquals(
                List.of(
                        "error crd.wrong-type spec.refreshInterval :7 expected string, got number 3600 | write string as "
                                + "externalsecrets.external-secrets.io defines it",
                        "error crd.unknown-field spec.retries :8 unknown field \"spec.retries\": the CustomResourceDefinition "
                                + "externalsecrets.external-secrets.io has no such field | remove it or use one of refreshInterval, "
                                + "refreshPolicy, secretStoreRef, target, data, dataFrom",
                        "error crd.unsupported-value spec.secretStoreRef.kind :10 unsupported value \"VaultStore\" | use one of "
                                + "[SecretStore, ClusterSecretStore]",
                        "error crd.invalid-value spec.target.name :13 \"Payments_Secrets\" does not match the pattern "
                                + "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$ of "
                                + "externalsecrets.external-secrets.io | write a value that matches "
                                + "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$",
                        "error crd.missing-field spec.dataFrom[0].extract.key :17 required field \"spec.dataFrom[0].extract.key\" "
                                + "is missing | set key (required by externalsecrets.external-secrets.io)",
                        "error crd.unknown-field spec.dataFrom[0].rewrite :18 unknown field \"spec.dataFrom[0].rewrite\": the "
                                + "CustomResourceDefinition externalsecrets.external-secrets.io has no such field | remove it or "
                                + "use one of extract, find"),
                verify(broken, CustomResourceDefinitions.load(CRDS)));
    }

    @Test
    void versionsMustBeServedAndDeprecatedOnesWarn() throws IOException {
        CustomResourceDefinitions crds = CustomResourceDefinitions.load(CRDS);
        assertEquals(
                List.of("error crd.version-not-served apiVersion :1 the CustomResourceDefinition "
                        + "externalsecrets.external-secrets.io (" + CRDS.resolve("externalsecret-crd.yaml")
                        + ") does not serve v1beta1; it serves external-secrets.io/v1 | use apiVersion "
                        + "external-secrets.io/v1 (and the fields of that version)"),
                verify(EXTERNAL_SECRET.replace("external-secrets.io/v1", "external-secrets.io/v1beta1"), crds));
        assertTrue(verify(EXTERNAL_SECRET.replace("external-secrets.io/v1", "external-secrets.io/v2"), crds)
                .get(0)
                .startsWith("error crd.unknown-version apiVersion :1 the CustomResourceDefinition "
                        + "externalsecrets.external-secrets.io"));

        Files.writeString(dir.resolve("widget.yml"), """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: widgets.example.com
                spec:
                  group: example.com
                  scope: Namespaced
                  names: {kind: Widget, plural: widgets}
                  versions:
                    - name: v1alpha1
                      served: true
                      deprecated: true
                      deprecationWarning: example.com/v1alpha1 Widget is deprecated; use example.com/v1 Widget
                      schema:
                        openAPIV3Schema:
                          type: object
                          properties:
                            spec:
                              type: object
                              x-kubernetes-validations:
                                - rule: self.size > 0
                              properties:
                                port:
                                  x-kubernetes-int-or-string: true
                                size:
                                  type: integer
                                  minimum: 1
                                  maximum: 10
                                mode:
                                  anyOf:
                                    - type: string
                                      enum: [fast, slow]
                                    - type: integer
                                labels:
                                  type: object
                                  maxProperties: 1
                                  additionalProperties:
                                    type: string
                                extra:
                                  type: object
                                  x-kubernetes-preserve-unknown-fields: true
                                tags:
                                  type: array
                                  minItems: 1
                                  items: {type: string}
                    - name: v1
                      served: true
                      schema:
                        openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
                """);
        CustomResourceDefinitions widgets = CustomResourceDefinitions.load(dir);
        String widget = """
                apiVersion: example.com/v1alpha1
                kind: Widget
                metadata:
                  name: w
                  namespace: payments
                spec:
                  port: http
                  size: 11
                  mode: medium
                  labels: {a: x, b: 2}
                  extra: {any: [1, 2]}
                  tags: []
                  note: null
                """;
        assertEquals(
                List.of(
                        "error crd.invalid-value spec.size :8 11 is above the maximum 10 of widgets.example.com | use a value "
                                + "of at most 10",
                        "error crd.invalid-value spec.mode :9 the value matches none of the anyOf schemas of "
                                + "widgets.example.com | give a value one of them accepts",
                        "error crd.wrong-type spec.labels.b :10 expected string, got number 2 | write string as "
                                + "widgets.example.com defines it",
                        "error crd.invalid-value spec.labels :10 has 2 fields, more than the maxProperties 1 of "
                                + "widgets.example.com | give at most 1 fields",
                        "error crd.invalid-value spec.tags :12 has 0 items, fewer than the minItems 1 of widgets.example.com "
                                + "| give at least 1 items",
                        "error crd.unknown-field spec.note :13 unknown field \"spec.note\": the CustomResourceDefinition "
                                + "widgets.example.com has no such field | remove it or use one of port, size, mode, labels, "
                                + "extra, tags",
                        "warning crd.deprecated-version apiVersion :1 example.com/v1alpha1 Widget is deprecated; use "
                                + "example.com/v1 Widget | use apiVersion example.com/v1",
                        "info crd.cel-not-checked  :1 1 CEL rule (x-kubernetes-validations) of widgets.example.com were not "
                                + "evaluated; the API server evaluates them"),
                verify(widget, widgets));
    }

    @Test
    void badFoldersAndDefinitionsAreNamed() throws IOException {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CustomResourceDefinitions.load(dir.resolve("no")))
                .getMessage()
                .endsWith("does not exist"));
        Files.writeString(
                dir.resolve("bad.yaml"),
                "apiVersion: apiextensions.k8s.io/v1\nkind: "
                        + "CustomResourceDefinition\nspec:\n  names: {kind: X}\n");
        assertEquals(
                dir.resolve("bad.yaml") + ":4: the CustomResourceDefinition has no spec.group",
                assertThrows(IllegalArgumentException.class, () -> CustomResourceDefinitions.load(dir))
                        .getMessage());
    }
}
