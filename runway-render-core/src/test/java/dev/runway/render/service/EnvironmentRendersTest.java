package dev.runway.render.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.api.RenderedChart;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Rendering every environment before writing: environments after the first render ahead on a second thread. */
class EnvironmentRendersTest {
    private static final Path BASE = Path.of("project");
    private static final List<PlannedEnvironment> ENVIRONMENTS =
            List.of(environment("staging"), environment("canary"), environment("production"));

    private static PlannedEnvironment environment(String name) {
        RenderRequest request = new RenderRequest(
                ChartSource.RUNWAY_EKS, List.of(), List.of(), List.of(), List.of(), name, name, "", BASE);
        return new PlannedEnvironment(name, request, null);
    }

    /** A renderer whose output is the release name, recording the thread each environment rendered on. */
    private record Recording(boolean concurrent, Map<String, String> threads, Function<String, String> failure)
            implements ManifestRenderer {
        Recording(boolean concurrent, Function<String, String> failure) {
            this(concurrent, new ConcurrentHashMap<>(), failure);
        }

        @Override
        public RenderedChart render(RenderRequest request) {
            String name = request.releaseName();
            threads.merge(name, Thread.currentThread().getName(), (a, b) -> a + "," + b);
            String problem = failure.apply(name);
            if (problem != null) {
                throw new IllegalStateException(problem);
            }
            return new RenderedChart(List.of(), "rendered " + name);
        }

        @Override
        public boolean rendersConcurrently() {
            return concurrent;
        }
    }

    @Test
    void laterEnvironmentsRenderAheadOnASecondThreadAndComeBackInOrder() throws PipelineException {
        Recording renderer = new Recording(true, name -> null);
        Map<PlannedEnvironment, RenderedChart> rendered =
                EnvironmentRenders.renderAll("runway:render", renderer, ENVIRONMENTS);

        assertEquals(ENVIRONMENTS, List.copyOf(rendered.keySet()));
        assertEquals(
                List.of("rendered staging", "rendered canary", "rendered production"),
                rendered.values().stream().map(RenderedChart::output).toList());
        assertEquals(Thread.currentThread().getName(), renderer.threads().get("staging"));
        assertEquals("runway-render-ahead", renderer.threads().get("canary"));
        assertEquals("runway-render-ahead", renderer.threads().get("production"));
    }

    @Test
    void aRendererThatDoesNotRenderConcurrentlyRendersOnlyOnTheCallersThread() throws PipelineException {
        Recording renderer = new Recording(false, name -> null);
        EnvironmentRenders.renderAll("runway:render", renderer, ENVIRONMENTS);

        assertEquals(
                Set.of(Thread.currentThread().getName()),
                Set.copyOf(renderer.threads().values()));
        assertEquals(3, renderer.threads().size());
    }

    @Test
    void theFirstFailureInEnvironmentOrderIsTheOneReported() {
        Recording renderer = new Recording(true, name -> name.equals("staging") ? null : "no image tag for " + name);
        PipelineException e = assertThrows(
                PipelineException.class, () -> EnvironmentRenders.renderAll("runway:render", renderer, ENVIRONMENTS));

        assertTrue(e.getMessage().startsWith("runway:render failed for environment 'canary'"), e.getMessage());
        assertTrue(e.getMessage().endsWith("no image tag for canary"), e.getMessage());
    }

    @Test
    void aRenderThatFailedAheadIsDoneAgainOnTheCallersThread() throws PipelineException {
        Recording renderer = new Recording(
                true, name -> Thread.currentThread().getName().equals("runway-render-ahead") ? "ahead only" : null);
        Map<PlannedEnvironment, RenderedChart> rendered =
                EnvironmentRenders.renderAll("runway:render", renderer, ENVIRONMENTS);

        assertEquals("rendered production", rendered.get(ENVIRONMENTS.get(2)).output());
        assertEquals(
                "runway-render-ahead," + Thread.currentThread().getName(),
                renderer.threads().get("production"));
    }
}
