package dev.runway.render.robust;

import static dev.runway.render.robust.Text.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.api.RenderException;
import dev.runway.render.chart.Chart;
import dev.runway.render.chart.EngineFunctions;
import dev.runway.render.funcs.FunctionLibrary;
import dev.runway.render.template.ExecutionLimits;
import dev.runway.render.template.ExecutionScope;
import dev.runway.render.template.TemplateExecException;
import dev.runway.render.template.TemplateFunction;
import dev.runway.render.template.TemplateSet;
import dev.runway.render.values.ValuesFileException;
import dev.runway.render.values.ValuesFiles;
import dev.runway.render.values.ValuesLimits;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every limit a hostile chart or values file can reach, crossed once, with the message it gives. */
class LimitsTest {

    @TempDir
    Path tmp;

    private static String execFailure(String template, ExecutionLimits limits) {
        TemplateSet set = new TemplateSet("t", FunctionLibrary.functions());
        set.parse("t.yaml", template);
        return assertThrows(
                        TemplateExecException.class, () -> set.execute("t.yaml", Map.of(), new ExecutionScope(limits)))
                .getMessage();
    }

    @Test
    void stepLimitStopsAnEndlessLoopWithPosition() {
        String message = execFailure("a\n  {{ range 1000000 }}{{ end }}", new ExecutionLimits(5000, 1_000_000));
        assertThat(message).startsWith("template: t.yaml:2:").contains("the render took more than 5000 steps");
    }

    @Test
    void defaultStepLimitStopsARenderThroughTheEngine() {
        Path chart =
                TempCharts.write(tmp.resolve("c"), Map.of("templates/loop.yaml", "{{ range 100000000 }}{{ end }}"));
        String message = TempCharts.failure(chart, Map.of());
        // Helm 4 (the default) prints the location on a line of its own.
        assertThat(message)
                .startsWith("bad/templates/loop.yaml:1:")
                .contains("the render took more than " + ExecutionLimits.DEFAULT.maxSteps() + " steps");
    }

    @Test
    void outputLimitStopsEndlessPrinting() {
        String message =
                execFailure("{{ range 100000 }}{{ \"0123456789\" }}{{ end }}", new ExecutionLimits(10_000_000, 50_000));
        assertThat(message).startsWith("template: t.yaml:1:").contains("the render wrote more than 50000 characters");
    }

    @Test
    void includedOutputCountsToo() {
        String message = execFailure(
                "{{ define \"x\" }}{{ range 1000 }}xxxxxxxxxx{{ end }}{{ end }}"
                        + "{{ range 100 }}{{ template \"x\" }}{{ end }}",
                new ExecutionLimits(10_000_000, 50_000));
        assertThat(message).contains("the render wrote more than 50000 characters");
    }

    private static final String CREATED = "the render's function calls created more than 1000 bytes of values";

    /** A budget of 1000 bytes created, with steps and output out of the way. */
    private static final ExecutionLimits SMALL_BUDGET = new ExecutionLimits(10_000_000, 10_000_000, 1000);

    /** Runs {@code template} on {@code data} with {@link #SMALL_BUDGET}, with include; its output or its error. */
    private static String withSmallBudget(String template, Object data) {
        Map<String, TemplateFunction> functions = new HashMap<>(FunctionLibrary.functions());
        functions.putAll(EngineFunctions.functions()); // include
        TemplateSet set = new TemplateSet("t", functions);
        set.parse("t.yaml", template);
        try {
            return set.execute("t.yaml", data, new ExecutionScope(SMALL_BUDGET));
        } catch (TemplateExecException e) {
            return "ERROR " + e.getMessage();
        }
    }

    @Test
    void createdValuesBudgetStopsAGrowingStringWithPosition() {
        String message =
                execFailure("a\n{{ $s := \"\" }}{{ range 100 }}{{ $s = cat $s \"xxxxxxxx\" }}{{ end }}", SMALL_BUDGET);
        assertThat(message)
                .startsWith("template: t.yaml:2:")
                .contains(CREATED + " (estimated: 24 a value, 1 a character, 4 a list element, 48 a map entry)")
                .contains("builds a value step by step in a loop")
                .doesNotContain("error calling");
    }

    @Test
    void createdValuesBudgetCountsListsAndWhatSetAddsToAMap() {
        // 100 appends copy 1 + 2 + ... + 100 elements of 4 bytes.
        assertThat(withSmallBudget("{{ $l := list }}{{ range 100 }}{{ $l = append $l . }}{{ end }}", Map.of()))
                .contains(CREATED);
        // set returns the map it was given: only its new entries count, 48 bytes each (the keys 25 each).
        assertThat(withSmallBudget(
                        "{{ $d := dict }}{{ range 15 }}{{ $_ := set $d (toString .) 1 }}{{ end }}", Map.of()))
                .contains(CREATED);
        assertThat(withSmallBudget(
                        "{{ $d := dict }}{{ range 8 }}{{ $_ := set $d (toString .) 1 }}{{ end }}ok", Map.of()))
                .isEqualTo("ok");
    }

    @Test
    void createdValuesBudgetCountsTheWholeTreeOfDeepCopyAndFromYaml() {
        // One map entry at the top and a list of 300 numbers below it (24 + 48 + 24 + 300 * (4 + 24) bytes): all new.
        Map<String, Object> data = Map.of(
                "big", Map.of("l", java.util.Collections.nCopies(300, 1)), "yaml", "a: [" + "1, ".repeat(299) + "1]\n");
        assertThat(withSmallBudget("{{ $c := deepCopy .big }}", data)).contains(CREATED);
        assertThat(withSmallBudget("{{ $c := fromYaml .yaml }}", data)).contains(CREATED);
        assertThat(withSmallBudget("{{ $c := deepCopy .big.l | len }}", data)).contains(CREATED);
        assertThat(withSmallBudget("{{ $c := deepCopy (dict) }}{{ $c := fromYaml \"a: 1\" }}ok", data))
                .isEqualTo("ok");
    }

    @Test
    void createdValuesBudgetCountsTheTextsThatFromYamlAndFromJsonParse() {
        // Each parse of a 600-character text counts it, whatever comes out: an empty map for a text of comments, an
        // error list for fromYamlArray of a map; the second parse goes past 1000 bytes.
        Map<String, Object> data = Map.of("comments", "#" + "x".repeat(599), "map", "a: " + "b".repeat(597));
        assertThat(withSmallBudget("{{ range 2 }}{{ $c := fromYaml $.comments }}{{ end }}", data))
                .contains(CREATED);
        assertThat(withSmallBudget("{{ range 2 }}{{ $c := fromYamlArray $.map }}{{ end }}", data))
                .contains(CREATED);
        assertThat(withSmallBudget("{{ range 2 }}{{ $c := fromJson $.comments }}{{ end }}", data))
                .contains(CREATED);
        assertThat(withSmallBudget("{{ $c := fromYaml $.comments }}ok", data)).isEqualTo("ok");
    }

    @Test
    void createdValuesBudgetLeavesOutResultsThatAreArgumentsAndIncludedText() {
        // set on an existing key, merge of nothing new, default of a present value: each returns its argument.
        assertThat(withSmallBudget(
                        "{{ $s := repeat 900 \"x\" }}{{ $d := dict \"k\" 1 }}{{ range 1000 }}"
                                + "{{ $_ := set $d \"k\" . }}{{ $_ := merge $d (dict) }}{{ $t := default \"y\" $s }}"
                                + "{{ end }}{{ len $d }}",
                        Map.of()))
                .isEqualTo("1");
        // include's text is bounded as output (maxOutputChars), not again as a created value.
        assertThat(withSmallBudget(
                        "{{ define \"x\" }}abababababababababab{{ end }}"
                                + "{{ range 200 }}{{ $s := include \"x\" . }}{{ end }}ok",
                        Map.of()))
                .isEqualTo("ok");
    }

    /** A budget of 1000 characters read, with steps, output and created values out of the way. */
    private static final ExecutionLimits SMALL_READS = new ExecutionLimits(10_000_000, 10_000_000, 1L << 30, 1000);

    @Test
    void readBudgetStopsALoopReadingALongStringWithItsMessage() {
        // Each sha256sum reads the 300 characters whole: the fourth call goes past 1000, before it runs.
        String message = execFailure(
                "a\n{{ $s := repeat 300 \"x\" }}{{ range 10 }}{{ $_ := sha256sum $s }}{{ end }}", SMALL_READS);
        assertThat(message)
                .isEqualTo("template: t.yaml:2:49: executing \"t.yaml\" at <sha256sum $s>: the render's function calls"
                        + " read more than 1000 characters of their arguments (strings over 256 characters, and 16 a"
                        + " list element or map entry walked, 16 a character a regular expression matches); a template probably calls a function that reads a long"
                        + " value whole in a loop (sha256sum, contains, regexMatch, eq, tpl, fromYaml on a large text,"
                        + " has or deepEqual on a large list): call it once before the loop and keep its result in a"
                        + " variable");
    }

    @Test
    void readBudgetCountsLongStringsAndWalkedListsButNotPassingValuesOn() {
        String read = "the render's function calls read more than 1000 characters";
        Map<String, Object> data =
                Map.of("s", "x".repeat(300), "short", "x".repeat(256), "l", java.util.Collections.nCopies(20, 1));
        assertThat(withReads("{{ range 4 }}{{ $_ := contains \"y\" $.s }}{{ end }}", data))
                .contains(read);
        assertThat(withReads("{{ range 4 }}{{ $_ := eq $.s \"y\" }}{{ end }}", data))
                .contains(read);
        // 20 elements of 16 characters each: 320 a call.
        assertThat(withReads("{{ range 4 }}{{ $_ := has 2 $.l }}{{ end }}", data))
                .contains(read);
        // A regular expression's text counts 16 times: the first call goes past 1000.
        assertThat(withReads("{{ $_ := regexMatch \"y\" $.s }}", data)).contains(read);
        // Strings of 256 characters or less are free (bounded by the steps), and so are functions that only pass a
        // value on or look at a bounded part of it.
        assertThat(withReads(
                        "{{ range 100 }}{{ $_ := contains \"y\" $.short }}{{ $_ := default \"y\" $.s }}"
                                + "{{ $_ := len $.l }}{{ $_ := list $.s }}{{ $_ := index $.l 3 }}"
                                + "{{ $_ := first $.l }}{{ $_ := dict \"k\" $.s }}{{ end }}ok",
                        data))
                .isEqualTo("ok");
    }

    private static String withReads(String template, Object data) {
        TemplateSet set = new TemplateSet("t", FunctionLibrary.functions());
        set.parse("t.yaml", template);
        try {
            return set.execute("t.yaml", data, new ExecutionScope(SMALL_READS));
        } catch (TemplateExecException e) {
            return "ERROR " + e.getMessage();
        }
    }

    @Test
    void defaultCreatedValuesBudgetStopsQuadraticAppendThroughTheEngine() {
        Path chart = TempCharts.write(
                tmp.resolve("c"),
                Map.of(
                        "templates/append.yaml",
                        "{{ $l := list }}{{ range until 200000 }}{{ $l = append $l . }}{{ end }}"));
        long start = System.nanoTime();
        assertThat(TempCharts.failure(chart, Map.of()))
                .startsWith("bad/templates/append.yaml:1:")
                .contains("the render's function calls created more than " + ExecutionLimits.DEFAULT.maxCreatedBytes()
                        + " bytes of values");
        // Without the budget: 2 * 10^10 element copies, minutes.
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertTrue(seconds < 30, () -> "took " + seconds + " s");
    }

    @Test
    void includeRecursionHasHelmsLimitAndMessage() {
        Path chart = TempCharts.write(
                tmp.resolve("c"),
                Map.of(
                        "templates/a.yaml",
                        "{{ define \"loop\" }}{{ include \"loop\" . }}{{ end }}{{ include \"loop\" . }}"));
        assertThat(TempCharts.failure(chart, Map.of()))
                .contains("bad/templates/a.yaml")
                .contains("rendering template has a nested reference name: loop: unable to execute template");
    }

    @Test
    void templateRecursionHasGosLimitAndMessage() {
        Path chart = TempCharts.write(
                tmp.resolve("c"),
                Map.of(
                        "templates/a.yaml",
                        "{{ define \"loop\" }}{{ template \"loop\" . }}{{ end }}{{ template \"loop\" . }}"));
        assertThat(TempCharts.failure(chart, Map.of()))
                .contains("bad/templates/a.yaml:1:")
                .contains("exceeded maximum template depth (100000)");
    }

    @Test
    void tplRecursionEndsWithAClearError() {
        Path chart = TempCharts.write(
                tmp.resolve("c"),
                Map.of("templates/a.yaml", "{{ tpl .Values.t . }}", "values.yaml", "t: '{{ tpl .Values.t . }}'\n"));
        String message = TempCharts.failure(chart, Map.of());
        assertThat(message)
                .contains("bad/templates/a.yaml")
                .doesNotContain("\tat ")
                .contains("tpl is nested more than 100 levels deep; a value rendered with tpl probably calls tpl"
                        + " on itself");
    }

    @Test
    void untilUntilStepAndSeqRefuseHugeSequences() {
        assertThat(execFailure("{{ until 2000000 }}", ExecutionLimits.DEFAULT))
                .contains("error calling until: a sequence from 0 to 2000000 by 1 has 2000000 numbers;"
                        + " the limit is 1000000");
        assertThat(execFailure("{{ untilStep 0 2000000000 1 }}", ExecutionLimits.DEFAULT))
                .contains("error calling untilStep: a sequence from 0 to 2000000000 by 1 has 2000000000 numbers");
        assertThat(execFailure("{{ seq 5000000 }}", ExecutionLimits.DEFAULT))
                .contains("error calling seq: a sequence from 1 to 5000001 by 1 has 5000000 numbers");
    }

    @Test
    void sequencesUpToTheLimitStillWork() {
        TemplateSet set = new TemplateSet("t", FunctionLibrary.functions());
        set.parse("t.yaml", "{{ len (until 1000000) }} {{ len (untilStep 10 0 -3) }}");
        assertThat(set.execute("t.yaml", Map.of(), new ExecutionScope())).isEqualTo("1000000 4");
    }

    @Test
    void repeatRefusesAHugeString() {
        assertThat(execFailure("{{ repeat 100000000 \"ab\" }}", ExecutionLimits.DEFAULT))
                .contains("error calling repeat: repeat would build 200000000 characters; the limit is 67108864");
    }

    @Test
    void valuesNestingLimit() {
        String deep = "a: ".repeat(1) + "[".repeat(150) + "]".repeat(150) + "\n";
        ValuesFileException e = assertThrows(
                ValuesFileException.class, () -> ValuesFiles.standard().read(deep, "deep.yaml"));
        assertThat(e.getMessage()).contains("deep.yaml").containsIgnoringCase("nest");
    }

    @Test
    void valuesAliasLimit() {
        StringBuilder yaml = new StringBuilder("a: &a x\nl:\n");
        for (int i = 0; i < 1100; i++) {
            yaml.append("  - *a\n");
        }
        ValuesFileException e = assertThrows(
                ValuesFileException.class, () -> ValuesFiles.standard().read(yaml.toString(), "aliases.yaml"));
        assertThat(e.getMessage()).contains("aliases.yaml").containsIgnoringCase("alias");
    }

    @Test
    void valuesBillionLaughsIsStopped() {
        StringBuilder yaml = new StringBuilder("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 9; i++) {
            yaml.append("l").append(i).append(": &l").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*l").append(i - 1);
            }
            yaml.append("]\n");
        }
        ValuesFileException e = assertThrows(
                ValuesFileException.class, () -> ValuesFiles.standard().read(yaml.toString(), "laughs.yaml"));
        assertThat(e.getMessage()).contains("laughs.yaml");
    }

    @Test
    void valuesSizeLimit() {
        ValuesFiles small = ValuesFiles.withLimits(new ValuesLimits(1000, 100, 1000, 1_000_000L));
        ValuesFileException e =
                assertThrows(ValuesFileException.class, () -> small.read("a: " + "x".repeat(2000) + "\n", "big.yaml"));
        assertThat(e.getMessage()).contains("big.yaml").contains("1000");
    }

    @Test
    void chartFileSizeLimit() throws IOException {
        Path chart = TempCharts.write(tmp.resolve("c"), Map.of("templates/a.yaml", "a: 1\n"));
        try (RandomAccessFile big =
                new RandomAccessFile(chart.resolve("files.bin").toFile(), "rw")) {
            big.setLength(6L * 1024 * 1024);
        }
        RenderException e = assertThrows(RenderException.class, () -> Chart.load(chart));
        assertThat(e.getMessage()).contains("file files.bin has 6291456 bytes; chart files are limited to 5242880");
    }

    @Test
    void packagedSubchartEntrySizeLimit() throws IOException {
        Path chart = TempCharts.write(tmp.resolve("c"), Map.of("templates/a.yaml", "a: 1\n"));
        Files.createDirectories(chart.resolve("charts"));
        Files.write(
                chart.resolve("charts/sub-0.1.0.tgz"),
                new dev.runway.render.chart.TarBuilder()
                        .entry(
                                "sub/big.bin",
                                '0',
                                dev.runway.render.chart.TarBuilder.octal(6L * 1024 * 1024, 12),
                                new byte[0])
                        .tgz());
        RenderException e = assertThrows(RenderException.class, () -> Chart.load(chart));
        assertThat(e.getMessage())
                .isEqualTo("error unpacking subchart sub-0.1.0.tgz in bad: decompressed chart file"
                        + " \"sub/big.bin\" is larger than the maximum file size 5242880");
    }

    @Test
    void helmignoredBigFileDoesNotCount() throws IOException {
        Path chart = TempCharts.write(tmp.resolve("c"), Map.of("templates/a.yaml", "a: 1\n", ".helmignore", "*.bin\n"));
        try (RandomAccessFile big =
                new RandomAccessFile(chart.resolve("files.bin").toFile(), "rw")) {
            big.setLength(6L * 1024 * 1024);
        }
        assertThat(Files.size(chart.resolve("files.bin"))).isGreaterThan(5L * 1024 * 1024);
        assertThat(TempCharts.render(chart, Map.of())).contains("a: 1");
    }
}
