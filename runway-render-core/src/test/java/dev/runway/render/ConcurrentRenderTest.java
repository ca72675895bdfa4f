package dev.runway.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.api.RenderException;
import dev.runway.render.api.RenderOptions;
import dev.runway.render.chart.Chart;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One prepared {@link HelmRenderer} is shared by threads (the benchmark's all-core batch, a server rendering for
 * many callers): renders on several threads at once must give, byte for byte, what the same renders give one after
 * the other, including the renders the schema rejects. A cache or scratch buffer shared by mistake shows as
 * a render carrying another render's service id or values.
 */
class ConcurrentRenderTest {
    private static final int SETS = 96;
    private static final int THREADS = 4;

    private static Path chartDir() {
        String dir = System.getProperty("runway.chartDir");
        if (dir == null) {
            throw new IllegalStateException("system property runway.chartDir is not set (Maven's surefire sets it to "
                    + "charts/runway-eks); set it when running tests from an IDE");
        }
        return Path.of(dir);
    }

    /** Distinct values ({@link DistinctValuesSets}); every 12th set has a service id the schema refuses. */
    private static Map<String, Object> values(int i) {
        return DistinctValuesSets.valuesSet(i, i % 12 == 11 ? "Bad_Id_" + i : "svc-" + i);
    }

    /** The output, or the failure's message marked as such, so that failures are compared too. */
    private static String render(HelmRenderer engine, int i) {
        String id = "svc-" + i;
        try {
            return engine.render(values(i), RenderOptions.of(id, id)).output();
        } catch (RenderException e) {
            return "FAILED: " + e.getMessage();
        }
    }

    @Test
    void rendersOnFourThreadsMatchSequentialRendersByteForByte() throws Exception {
        HelmRenderer engine = HelmRenderer.prepare(Chart.load(chartDir()));
        List<String> sequential = new ArrayList<>();
        for (int i = 0; i < SETS; i++) {
            sequential.add(render(engine, i));
        }
        long failed = sequential.stream().filter(s -> s.startsWith("FAILED: ")).count();
        assertEquals(SETS / 12, failed, "every 12th values set has a service id the schema rejects");
        for (int i = 0; i < SETS; i++) {
            if (!sequential.get(i).startsWith("FAILED: ")) {
                assertTrue(sequential.get(i).contains("svc-" + i), "render " + i + " names its service");
            }
        }

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            // Each thread renders every set, starting at a different offset, all released at once: the same set is
            // rendered on several threads at the same time, and different sets interleave.
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t * (SETS / THREADS);
                results.add(pool.submit(() -> {
                    start.await();
                    String[] out = new String[SETS];
                    for (int k = 0; k < SETS; k++) {
                        int i = (offset + k) % SETS;
                        out[i] = render(engine, i);
                    }
                    return List.of(out);
                }));
            }
            start.countDown();
            for (int t = 0; t < THREADS; t++) {
                List<String> concurrent = results.get(t).get(5, TimeUnit.MINUTES);
                for (int i = 0; i < SETS; i++) {
                    assertEquals(
                            sequential.get(i),
                            concurrent.get(i),
                            "values set " + i + " rendered on thread " + t + " differs from the sequential render");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
