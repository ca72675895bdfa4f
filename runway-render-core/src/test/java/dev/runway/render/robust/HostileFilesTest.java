package dev.runway.render.robust;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.api.HelmVersion;
import dev.runway.render.api.RenderException;
import dev.runway.render.chart.Chart;
import dev.runway.render.servicemanifest.ServiceManifestException;
import dev.runway.render.servicemanifest.ServiceManifestReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, files that are not what their size says: {@code /dev/zero} (size 0, endless), a named pipe (a read waits
 * for a writer) and a folder, given as {@code -f}, {@code --set-file}, a chart's file, its .helmignore, a chart
 * archive or a service manifest. Helm reads {@code /dev/zero} until it runs out of memory and waits on a pipe
 * forever; here each is refused at once with a message that names the file and says what to give instead. Values
 * and chart folders render in a forked JVM with {@code -Xmx256m} ({@link ForkedRender}).
 */
class HostileFilesTest {
    @TempDir
    Path tmp;

    private Path chart;
    private Path fifo;

    @BeforeEach
    void chartAndPipe() throws IOException, InterruptedException {
        chart = TempCharts.write(tmp.resolve("chart"), Map.of("templates/t.yaml", "a: {{ .Values.a | len }}\n"));
        fifo = mkfifo(tmp.resolve("pipe"));
    }

    @Test
    void valuesFileFromDevZero() throws Exception {
        render(
                "values-dev-zero",
                List.of("-f", "/dev/zero"),
                "ERROR",
                "/dev/zero: the path names a character device, not a regular file; save the values to a regular file");
    }

    @Test
    void valuesFileThatIsANamedPipe() throws Exception {
        render(
                "values-fifo",
                List.of("-f", fifo.toString()),
                "ERROR",
                fifo + ": the path names a named pipe (FIFO), not a regular file");
    }

    @Test
    void valuesFileThatIsAFolder() throws Exception {
        render(
                "values-folder",
                List.of("-f", tmp.toString()),
                "ERROR",
                tmp + ": the path names a directory, not a regular file; name a values file in it");
    }

    @Test
    void valuesFileLargerThanTheLimitThoughItsSizeIsNotRead() throws Exception {
        Path big = tmp.resolve("big.yaml");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(40L << 20); // sparse: no disk space used
        }
        render(
                "values-too-large",
                List.of("-f", big.toString()),
                "ERROR",
                big + ": the file has more than 33554432 bytes; values files are limited to 8388608 characters");
    }

    @Test
    void setFileFromDevZero() throws Exception {
        render(
                "set-file-dev-zero",
                List.of("--set-file", "a=/dev/zero"),
                "ERROR",
                "failed parsing --set-file data: /dev/zero is a character device, not a regular file; save the content"
                        + " to a regular file and name that file");
    }

    @Test
    void setFileThatIsANamedPipe() throws Exception {
        render(
                "set-file-fifo",
                List.of("--set-file", "a=" + fifo),
                "ERROR",
                "failed parsing --set-file data: " + fifo + " is a named pipe (FIFO), not a regular file");
    }

    @Test
    void setFileThatIsAFolderKeepsHelmsWords() throws Exception {
        render(
                "set-file-folder",
                List.of("--set-file", "a=" + tmp),
                "ERROR",
                "failed parsing --set-file data: read " + tmp + ": is a directory");
    }

    @Test
    void setFileThatIsARegularFileStillWorks() throws Exception {
        Files.writeString(tmp.resolve("text.txt"), "hello");
        render("set-file-regular", List.of("--set-file", "a=" + tmp.resolve("text.txt")), "OK", "a: 5");
    }

    @Test
    void namedPipeInAChartFolder() throws Exception {
        Path pipe = mkfifo(chart.resolve("files/pipe"));
        render(
                "chart-fifo",
                List.of(),
                "ERROR",
                "cannot load irregular file " + pipe.toAbsolutePath()
                        + " as it has file mode type bits set; remove it from chart " + chart + " or list files/pipe in"
                        + " .helmignore");
    }

    @Test
    void namedPipeInAChartFolderThatHelmignoreLists() throws Exception {
        mkfifo(chart.resolve("files/pipe"));
        Files.writeString(chart.resolve(".helmignore"), "files/pipe\n");
        render("chart-fifo-ignored", List.of("--set-file", "a=" + chart.resolve(".helmignore")), "OK", "a: 11");
    }

    @Test
    void helmignoreThatIsANamedPipe() throws Exception {
        mkfifo(chart.resolve(".helmignore"));
        render(
                "helmignore-fifo",
                List.of(),
                "ERROR",
                "cannot read chart " + chart + ": " + chart.resolve(".helmignore")
                        + " is a named pipe (FIFO), not a regular file");
    }

    @Test
    void chartArchiveThatIsADeviceOrAPipe() {
        for (Path archive : List.of(Path.of("/dev/zero"), fifo)) {
            RenderException e = assertTimeoutPreemptively(
                    Duration.ofSeconds(10),
                    () -> assertThrows(RenderException.class, () -> Chart.loadArchive(archive, HelmVersion.DEFAULT)));
            assertTrue(
                    e.getMessage().startsWith("cannot read chart archive " + archive + ": " + archive + " is a "),
                    e.getMessage());
            assertTrue(e.getMessage().contains(", not a regular file"), e.getMessage());
        }
    }

    @Test
    void serviceManifestThatIsADeviceOrAPipe() {
        for (Path manifest : List.of(Path.of("/dev/zero"), fifo)) {
            ServiceManifestException e = assertTimeoutPreemptively(
                    Duration.ofSeconds(10),
                    () -> assertThrows(
                            ServiceManifestException.class,
                            () -> ServiceManifestReader.standard().read(manifest, ".runway/runway.yml", List.of())));
            assertTrue(e.getMessage().contains(".runway/runway.yml"), e.getMessage());
            assertTrue(
                    e.getMessage().contains(", not a regular file; the service manifest must be a regular file"),
                    e.getMessage());
        }
    }

    private void render(String name, List<String> options, String outcome, String detail)
            throws IOException, InterruptedException {
        List<String> arguments = new java.util.ArrayList<>(options);
        arguments.addAll(List.of("--chart", chart.toString()));
        ForkedRender.expect(name, arguments, outcome, detail);
    }

    /** A named pipe, made by mkfifo(1): Java cannot make one. */
    private static Path mkfifo(Path path) throws IOException, InterruptedException {
        Files.createDirectories(path.getParent());
        Process process = new ProcessBuilder("mkfifo", path.toString())
                .redirectErrorStream(true)
                .start();
        assertTrue(
                process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0, () -> "mkfifo " + path + " failed");
        return path;
    }
}
