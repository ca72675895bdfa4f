package dev.runway.render.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserValuesTest {

    @Test
    void filesMergeDeeplyInOrderAndListsAreReplacedWhole() {
        MergedValues merged = UserValues.builder()
                .valuesYaml("a.yaml", "image:\n  repository: r\n  tag: one\nlist: [1, 2, 3]\nkeep: yes\n")
                .valuesYaml("b.yaml", "image:\n  tag: two\nlist: [9]\nkeep: null\n")
                .build()
                .merge();
        assertEquals(Map.of("repository", "r", "tag", "two"), merged.values().get("image"));
        assertEquals(List.of(9.0), merged.values().get("list"));
        assertTrue(merged.values().containsKey("keep"), "a null stays, so the engine can delete the default");
        assertNull(merged.values().get("keep"));
    }

    @Test
    void numbersFromFilesAreFloat64AndFromSetInt64() {
        MergedValues merged = UserValues.builder()
                .valuesYaml("a.yaml", "port: 8080\n")
                .set("replicas=3")
                .build()
                .merge();
        assertEquals(8080.0, merged.values().get("port"));
        assertEquals(3L, merged.values().get("replicas"));
    }

    @Test
    void flagsApplyInHelmsOrderWhateverOrderTheyWereGiven() {
        // Helm: files, then --set-json, --set, --set-string, --set-file, --set-literal.
        MergedValues merged = UserValues.builder()
                .setLiteral("x=literal")
                .setString("x=string,y=1")
                .set("x=set,y=2")
                .setJson("x=\"json\"")
                .valuesYaml("a.yaml", "x: file\n")
                .build()
                .merge();
        assertEquals("literal", merged.values().get("x"));
        assertEquals("1", merged.values().get("y"));
    }

    @Test
    void laterSetsOfTheSameKindOverrideEarlierOnes() {
        MergedValues merged =
                UserValues.builder().set("a.b=1").set("a.b=2,a.c=3").build().merge();
        assertEquals(Map.of("b", 2L, "c", 3L), merged.values().get("a"));
    }

    @Test
    void setIntoAListFromAFileChangesThatList() {
        MergedValues merged = UserValues.builder()
                .valuesYaml("a.yaml", "tolerations:\n  - key: a\n  - key: b\n")
                .set("tolerations[1].key=c")
                .build()
                .merge();
        assertEquals(
                List.of(Map.of("key", "a"), Map.of("key", "c")), merged.values().get("tolerations"));
    }

    @Test
    void setJsonValuesAreJson() {
        MergedValues merged = UserValues.builder()
                .setJson("a={\"b\":[1,\"x\",true,null]},c=2.5,d=,e=\"s\"")
                .build()
                .merge();
        assertEquals(
                Map.of("b", java.util.Arrays.asList(1.0, "x", true, null)),
                merged.values().get("a"));
        assertEquals(2.5, merged.values().get("c"));
        assertTrue(merged.values().containsKey("d"));
        assertNull(merged.values().get("d"));
        assertEquals("s", merged.values().get("e"));
    }

    @Test
    void setFileReadsTheFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("cert.pem"), "-----BEGIN-----\nabc\n");
        MergedValues merged = UserValues.builder()
                .fileReaderRelativeTo(dir)
                .setFile("tls.cert=cert.pem")
                .build()
                .merge();
        assertEquals(Map.of("cert", "-----BEGIN-----\nabc\n"), merged.values().get("tls"));
    }

    @Test
    void setFileMissingFileIsHelmsMessage(@TempDir Path dir) {
        UserValues values = UserValues.builder()
                .fileReaderRelativeTo(dir)
                .setFile("a=missing.txt")
                .build();
        SetValueException e = assertThrows(SetValueException.class, values::merge);
        assertEquals("failed parsing --set-file data: open missing.txt: no such file or directory", e.getMessage());
    }

    @Test
    void setErrorsCarryHelmsPrefix() {
        SetValueException e = assertThrows(
                SetValueException.class,
                () -> UserValues.builder().set("a=1,b").build().merge());
        assertEquals("failed parsing --set data: key \"b\" has no value", e.getMessage());
        SetValueException json = assertThrows(
                SetValueException.class,
                () -> UserValues.builder().setJson("a={bad").build().merge());
        assertTrue(json.getMessage().startsWith("failed parsing --set-json data a={bad ("), json.getMessage());
    }

    @Test
    void originsPointAtTheFileLineAndColumnOrTheFlag() {
        MergedValues merged = UserValues.builder()
                .valuesYaml("a.yaml", "image:\n  repository: r\n  tag: one\n")
                .valuesYaml("b.yaml", "# override\nimage:\n    tag: two\n")
                .set("replicas=3")
                .build()
                .merge();
        assertEquals(
                "b.yaml:3:10",
                merged.origins()
                        .originOf(ValuesPath.of("image", "tag"))
                        .orElseThrow()
                        .toString());
        assertEquals(
                "a.yaml:2:15",
                merged.origins()
                        .originOf(ValuesPath.of("image", "repository"))
                        .orElseThrow()
                        .toString());
        assertEquals(
                "b.yaml:3:5",
                merged.origins()
                        .keyOriginOf(ValuesPath.of("image", "tag"))
                        .orElseThrow()
                        .toString());
        assertEquals(
                "--set replicas=3",
                merged.origins()
                        .originOf(ValuesPath.of("replicas"))
                        .orElseThrow()
                        .toString());
        assertTrue(merged.origins().originOf(ValuesPath.of("nothing")).isEmpty());
    }

    @Test
    void valuesFileFromDisk(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("values.yaml");
        Files.writeString(file, "serviceId: payments\n");
        MergedValues merged = UserValues.builder().valuesFile(file).build().merge();
        assertEquals("payments", merged.values().get("serviceId"));
        assertEquals(
                file + ":1:12",
                merged.origins()
                        .originOf(ValuesPath.of("serviceId"))
                        .orElseThrow()
                        .toString());
    }

    @Test
    void aMemoReadsEachFileOnceForEveryMergeOfItsRunAndKeepsNoFileThatFailed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("values.yaml");
        Files.writeString(file, "image:\n  tag: one\n");
        int[] decoded = {0};
        ValuesFileMemo run = new ValuesFileMemo(ValuesFiles.standard().withDecoder((text, name) -> {
            decoded[0]++;
            return dev.runway.render.yaml.GoYaml.read(text, name);
        }));
        UserValues merge = UserValues.builder()
                .memo(run)
                .valuesFile(file, "values.yaml")
                .set("image.tag=two")
                .build();
        assertEquals(Map.of("tag", "two"), merge.merge().values().get("image"));
        Files.writeString(file, "image:\n  tag: changed\n");
        MergedValues again = merge.merge();
        assertEquals(Map.of("tag", "two"), again.values().get("image"), "the --set did not reach the shared document");
        assertEquals(
                Map.of("tag", "one"),
                UserValues.builder()
                        .memo(run)
                        .valuesFile(file, "values.yaml")
                        .build()
                        .merge()
                        .values()
                        .get("image"),
                "a run reads a file once, as helm template does: a change during the run is not seen");
        assertEquals(1, decoded[0]);
        assertEquals(
                Map.of("tag", "changed"),
                UserValues.builder()
                        .valuesFile(file, "values.yaml")
                        .build()
                        .merge()
                        .values()
                        .get("image"),
                "without a memo, every merge reads the file");

        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "a: [oops\n");
        UserValues brokenMerge =
                UserValues.builder().memo(run).valuesFile(broken, "broken.yaml").build();
        String message =
                assertThrows(ValuesFileException.class, brokenMerge::merge).getMessage();
        assertEquals(
                message,
                assertThrows(ValuesFileException.class, brokenMerge::merge).getMessage());
        Files.writeString(broken, "a: [fixed]\n");
        assertEquals(List.of("fixed"), brokenMerge.merge().values().get("a"), "a file that failed is not kept");
    }

    @Test
    void aMemoKeepsHelm3sFirstDocumentApartFromHelm4sDocuments(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("values.yaml");
        Files.writeString(file, "a: 1\n---\nb: 2\n");
        ValuesFileMemo run = new ValuesFileMemo();
        for (int round = 0; round < 2; round++) {
            assertEquals(
                    Map.of("a", 1.0),
                    UserValues.builder()
                            .memo(run)
                            .helmVersion(dev.runway.render.api.HelmVersion.HELM_3_21)
                            .valuesFile(file)
                            .build()
                            .merge()
                            .values());
            assertEquals(
                    Map.of("a", 1.0, "b", 2.0),
                    UserValues.builder()
                            .memo(run)
                            .valuesFile(file)
                            .build()
                            .merge()
                            .values());
        }
    }
}
