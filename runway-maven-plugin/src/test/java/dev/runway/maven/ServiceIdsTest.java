package dev.runway.maven;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ServiceIdsTest {

    @TempDir
    Path dir;

    @Test
    void lastValuesFileThenSetWins() throws IOException {
        Path base = Files.writeString(dir.resolve("values.yaml"), "serviceId: payments\nimage: {repository: x}\n");
        Path env = Files.writeString(dir.resolve("staging.yaml"), "replicas: 1\n");
        Path other = Files.writeString(dir.resolve("other.yaml"), "serviceId: ledger\n");
        assertEquals("payments", ServiceIds.find(List.of(base, env), List.of()));
        assertEquals("ledger", ServiceIds.find(List.of(base, other), List.of()));
        assertEquals("billing", ServiceIds.find(List.of(base), List.of("replicas=2,serviceId=billing")));
        assertEquals("", ServiceIds.find(List.of(env), List.of()));
    }

    @Test
    void unreadableFileGivesNoIdAndLeavesTheErrorToTheRenderer() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "a: [\n");
        assertEquals("", ServiceIds.find(List.of(bad), List.of()));
    }
}
