package dev.runway.render.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.runway.render.verify.KubeSchema.JavaType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The committed schema resource is what the client gives, and a damaged one fails with its line. */
class KubeSchemaResourceTest {

    @Test
    void committedResourceIsWhatTheClientGives() throws IOException {
        String generated = KubeSchemaGenerator.generate();
        if (Boolean.getBoolean("runway.regenerateKubeSchema")) {
            Files.writeString(KubeSchemaGenerator.SOURCE, generated, StandardCharsets.UTF_8);
            return;
        }
        String committed = Files.readString(KubeSchemaGenerator.SOURCE, StandardCharsets.UTF_8);
        if (!committed.equals(generated)) {
            List<String> was = committed.lines().toList();
            List<String> is = generated.lines().toList();
            int line = 0;
            while (line < was.size() && line < is.size() && was.get(line).equals(is.get(line))) {
                line++;
            }
            fail(KubeSchemaGenerator.SOURCE + " is not what client-java-api gives; first difference at line "
                    + (line + 1) + ": committed '" + (line < was.size() ? was.get(line) : "<end>") + "', generated '"
                    + (line < is.size() ? is.get(line) : "<end>") + "'. Regenerate it from the repository's root with "
                    + KubeSchemaGenerator.REGENERATE);
        }
    }

    @Test
    void theResourceOnTheClassPathIsTheCommittedOne() throws IOException {
        KubeSchemaResource loaded = KubeSchemaResource.load();
        assertEquals(KubeSchema.CLIENT_VERSION, loaded.clientVersion());
        assertEquals(KubeSchema.KUBERNETES_VERSION, loaded.kubernetesVersion());
        assertEquals(
                KubeSchemaResource.parse(Files.readString(KubeSchemaGenerator.SOURCE, StandardCharsets.UTF_8), "source")
                        .modelNames(),
                loaded.modelNames());
    }

    @Test
    void typesReadAsTheJavaTypesTheyStandFor() {
        KubeSchemaResource resource = KubeSchemaResource.parse("""
                client 27.0.0
                kubernetes 1.36
                api AppsV1Api
                kind Deployment V1Deployment namespaced
                kind ClusterThing V1ClusterThing cluster
                model V1Sample
                 name string
                 ports []V1ContainerPort
                 env map[string][]string
                 limits map[string]quantity
                required ports name
                model V1Other
                """, "sample");
        Map<String, KubeSchemaResource.Kind> kinds = resource.kinds("AppsV1Api").orElseThrow();
        assertEquals(
                new KubeSchemaResource.Kind("Deployment", KubeSchema.MODELS + "V1Deployment", true),
                kinds.get("Deployment"));
        assertEquals(false, kinds.get("ClusterThing").namespaced());
        assertTrue(resource.kinds("CoreV1Api").isEmpty());
        KubeSchemaResource.Model sample = resource.model("V1Sample").orElseThrow();
        assertEquals(
                List.of("name", "ports", "env", "limits"),
                List.copyOf(sample.fields().keySet()));
        assertEquals(List.of("ports", "name"), List.copyOf(sample.required()));
        assertEquals(JavaType.of("java.lang.String"), sample.fields().get("name"));
        assertEquals(
                new JavaType("java.util.List", List.of(JavaType.of(KubeSchema.MODELS + "V1ContainerPort"))),
                sample.fields().get("ports"));
        assertEquals(
                new JavaType(
                        "java.util.Map",
                        List.of(
                                JavaType.of("java.lang.String"),
                                new JavaType("java.util.List", List.of(JavaType.of("java.lang.String"))))),
                sample.fields().get("env"));
        assertEquals(
                new JavaType(
                        "java.util.Map",
                        List.of(JavaType.of("java.lang.String"), JavaType.of("io.kubernetes.client.custom.Quantity"))),
                sample.fields().get("limits"));
        assertTrue(resource.model("V1Other").orElseThrow().fields().isEmpty());
        assertTrue(resource.model("V1Missing").isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "no header | model V1A | sample line 1: no 'client' or 'kubernetes' line",
                "unknown entry | client 1\\nkubernetes 1\\nmodle V1A | sample line 3: unknown entry 'modle'",
                "kind before api | client 1\\nkubernetes 1\\nkind A V1A namespaced | sample line 3: expected 'kind",
                "bad scope | client 1\\nkubernetes 1\\napi AV1Api\\nkind A V1A global | sample line 4: the scope global",
                "field before model | client 1\\nkubernetes 1\\n name string | sample line 3: a field line before",
                "model twice | client 1\\nkubernetes 1\\nmodel V1A\\nmodel V1A | sample line 4: the model V1A is listed twice",
                "empty value | client\\nkubernetes 1 | sample line 1: expected 'client <value>'",
            })
    void aDamagedResourceNamesItsLine(String what, String text, String message) {
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> KubeSchemaResource.parse(text.replace("\\n", "\n"), "sample"));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "unknown type | name strnig | sample line 4: unknown type 'strnig'",
                "list of nothing | name [] | sample line 4: unknown type ''",
                "three words | name string extra | sample line 4: expected ' <JSON name> <type>'",
                "no type | name | sample line 4: expected ' <JSON name> <type>'",
            })
    void aDamagedFieldIsFoundWhenItsModelIsRead(String what, String field, String message) {
        KubeSchemaResource resource =
                KubeSchemaResource.parse("client 1\nkubernetes 1\nmodel V1A\n " + field + "\n", "sample");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> resource.model("V1A"));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }
}
