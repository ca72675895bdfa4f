package dev.runway.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.api.RenderException;
import dev.runway.render.api.RenderOptions;
import dev.runway.render.chart.Chart;
import dev.runway.render.robust.TempChartsAccess;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: "the templates nest too deeply" only when the overflow is the template executor's own recursion. */
class DeepStackMessageTest {

    private static StackOverflowError overflowIn(String className, String method) {
        StackOverflowError e = new StackOverflowError();
        StackTraceElement[] frames = new StackTraceElement[300];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = new StackTraceElement(className, method, "X.java", i);
        }
        e.setStackTrace(frames);
        return e;
    }

    @Test
    void executorRecursionBlamesTemplates() {
        String message = HelmRenderer.deepStackMessage(overflowIn("dev.runway.render.template.Executor", "walk"));
        assertTrue(message.startsWith("the templates nest too deeply to render"), message);
    }

    @Test
    void otherRecursionNamesTheCodeNotTemplates() {
        assertEquals(
                "a value or expression nests too deeply to render (stack overflow in Parser)",
                HelmRenderer.deepStackMessage(overflowIn("dev.runway.render.template.Parser", "pipeline")));
    }

    @Test
    void tenThousandNestedParenthesesParseAsInGo(@TempDir Path dir) {
        // parse.go maxStackDepth: 10000 nested parenthesized pipelines parse (Helm prints 1), more do not.
        Path chart = TempChartsAccess.chart(dir, "a: {{ " + "(".repeat(10_000) + "1" + ")".repeat(10_000) + " }}\n");
        String out = HelmRenderer.render(Chart.load(chart), Map.of(), RenderOptions.defaults())
                .output();
        assertTrue(out.endsWith("a: 1\n"), out);
    }

    @Test
    void deeperParenthesesFailWithGosParseError(@TempDir Path dir) {
        Path chart = TempChartsAccess.chart(dir, "a: {{ " + "(".repeat(100_000) + "1" + ")".repeat(100_000) + " }}\n");
        RenderException e = assertThrows(
                RenderException.class,
                () -> HelmRenderer.render(Chart.load(chart), Map.of(), RenderOptions.defaults()));
        assertTrue(e.getMessage().contains("max expression depth exceeded"), e.getMessage());
    }
}
