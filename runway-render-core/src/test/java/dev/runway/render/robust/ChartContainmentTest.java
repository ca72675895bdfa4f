package dev.runway.render.robust;

import static dev.runway.render.robust.Text.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.runway.render.api.RenderException;
import dev.runway.render.chart.Chart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chart reads only its own files: {@code .Files} cannot reach outside with {@code ..} or absolute paths,
 * symbolic links that leave the chart (or point nowhere, or loop) are refused with a message naming the link,
 * and {@code .helmignore} keeps files out of both templates and {@code .Files}. Real symlinks in a temp dir.
 */
class ChartContainmentTest {

    @TempDir
    Path tmp;

    private Path outsideSecret() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "TOP-SECRET");
        return outside;
    }

    private static String loadFailure(Path chart) {
        return assertThrows(RenderException.class, () -> Chart.load(chart)).getMessage();
    }

    @Test
    void symlinkToAFileOutsideIsRefused() throws IOException {
        Path outside = outsideSecret();
        Path chart = TempCharts.write(tmp.resolve("c"), Map.of("templates/a.yaml", "a: 1\n"));
        Files.createDirectories(chart.resolve("files"));
        Files.createSymbolicLink(chart.resolve("files/secret.txt"), outside.resolve("secret.txt"));
        assertThat(loadFailure(chart))
                .contains("files/secret.txt is a symbolic link to")
                .contains("outside the chart")
                .contains(".helmignore");
    }

    @Test
    void symlinkToAFolderOutsideIsRefused() throws IOException {
        Path outside = outsideSecret();
        Path chart = TempCharts.write(tmp.resolve("c"), Map.of("templates/a.yaml", "a: 1\n"));
        Files.createSymbolicLink(chart.resolve("templates/ext"), outside);
        assertThat(loadFailure(chart))
                .contains("templates/ext is a symbolic link to")
                .contains("outside the chart");
    }

    @Test
    void relativeSymlinkClimbingOutIsRefused() throws IOException {
        outsideSecret();
        Path chart = TempCharts.write(tmp.resolve("c"), Map.of("templates/a.yaml", "a: 1\n"));
        Files.createSymbolicLink(chart.resolve("secret.txt"), Path.of("../outside/secret.txt"));
        assertThat(loadFailure(chart))
                .contains("secret.txt is a symbolic link to")
                .contains("outside the chart");
    }

    @Test
    void danglingSymlinkIsRefused() throws IOException {
        Path chart = TempCharts.write(tmp.resolve("c"), Map.of("templates/a.yaml", "a: 1\n"));
        Files.createSymbolicLink(chart.resolve("gone.txt"), tmp.resolve("does-not-exist"));
        assertThat(loadFailure(chart))
                .isEqualTo("error evaluating symlink "
                        + chart.toAbsolutePath().normalize().resolve("gone.txt") + ": lstat "
                        + tmp.toAbsolutePath().normalize().resolve("does-not-exist") + ": no such file or directory");
    }

    @Test
    void symlinkLoopIsRefused() throws IOException {
        Path chart = TempCharts.write(tmp.resolve("c"), Map.of("templates/a.yaml", "a: 1\n", "files/x.txt", "x"));
        Files.createSymbolicLink(chart.resolve("files/again"), chart.resolve("files"));
        assertThat(loadFailure(chart)).contains("files/again leads to a folder already read");
    }

    @Test
    void symlinkInsideTheChartWorks() throws IOException {
        Path chart = TempCharts.write(
                tmp.resolve("c"),
                Map.of("templates/a.yaml", "a: {{ .Files.Get \"files/alias.txt\" }}\n", "files/real.txt", "hello"));
        Files.createSymbolicLink(chart.resolve("files/alias.txt"), Path.of("real.txt"));
        assertThat(TempCharts.render(chart, Map.of())).contains("a: hello");
    }

    @Test
    void helmignoredOutsideSymlinkIsNeverFollowed() throws IOException {
        Path outside = outsideSecret();
        Path chart = TempCharts.write(
                tmp.resolve("c"),
                Map.of(
                        "templates/a.yaml",
                        "a: {{ .Files.Get \"secret.txt\" | quote }}\n",
                        ".helmignore",
                        "secret.txt\n"));
        Files.createSymbolicLink(chart.resolve("secret.txt"), outside.resolve("secret.txt"));
        assertThat(TempCharts.render(chart, Map.of())).contains("a: \"\"").doesNotContain("TOP-SECRET");
    }

    @Test
    void filesCannotReachOutsideWithDotDotOrAbsolutePaths() throws IOException {
        Path outside = outsideSecret();
        String secret = outside.resolve("secret.txt").toString();
        Path chart = TempCharts.write(
                tmp.resolve("c"),
                Map.of(
                        "templates/a.yaml",
                        String.join(
                                "\n",
                                "a: {{ .Files.Get \"../outside/secret.txt\" | quote }}",
                                "b: {{ .Files.Get \"" + secret + "\" | quote }}",
                                "c: {{ .Files.Get \"/etc/passwd\" | quote }}",
                                "d: {{ .Files.GetBytes \"../../outside/secret.txt\" | len }}",
                                "e: {{ len (.Files.Glob \"../**\") }}|{{ len (.Files.Glob \"/**\") }}",
                                "f: {{ .Files.Lines \"files/../../outside/secret.txt\" | len }}",
                                "g: {{ .Files.Get \"files/../files/x.txt\" | quote }}",
                                ""),
                        "files/x.txt",
                        "inside"));
        String out = TempCharts.render(chart, Map.of());
        assertThat(out)
                .contains("a: \"\"")
                .contains("b: \"\"")
                .contains("c: \"\"")
                .contains("d: 0")
                .contains("e: 0|0")
                .contains("f: 0")
                .doesNotContain("TOP-SECRET")
                .doesNotContain("root:");
    }

    @Test
    void helmignoreKeepsFilesAndTemplatesOut() {
        Path chart = TempCharts.write(
                tmp.resolve("c"),
                Map.of(
                        ".helmignore",
                        "# comment\n*.key\ntemplates/skip-*.yaml\nsecrets/\n",
                        "templates/a.yaml",
                        "a: '{{ .Files.Get \"tls.key\" }}|{{ .Files.Get \"secrets/s.txt\" }}|{{ len .Files }}'\n",
                        "templates/skip-me.yaml",
                        "skipped: true\n",
                        "tls.key",
                        "PRIVATE",
                        "secrets/s.txt",
                        "S",
                        "kept.txt",
                        "K"));
        String out = TempCharts.render(chart, Map.of());
        assertThat(out).contains("a: '||2'").doesNotContain("skipped").doesNotContain("PRIVATE");
    }
}
