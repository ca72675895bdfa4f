package dev.runway.render.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.api.RenderedChart;
import dev.runway.render.io.AtomicFiles;
import dev.runway.render.service.ChartSource;
import dev.runway.render.service.EngineManifestRenderer;
import dev.runway.render.service.ManifestFiles;
import dev.runway.render.service.ManifestLayout;
import dev.runway.render.service.OutputFile;
import dev.runway.render.service.OutputSync;
import dev.runway.render.service.RenderRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing lost: the render-then-sync flow the Maven plugin uses (render every environment, then
 * {@link OutputSync}) leaves earlier output whole when a render fails, a reader never sees half a file, and
 * parallel renders of one project into one directory end with exactly the single-threaded result.
 */
class OutputSafetyTest {

    @TempDir
    Path tmp;

    private RenderRequest request(String... set) {
        List<String> all = new ArrayList<>(List.of("image.repository=registry.example.com/payments"));
        all.addAll(List.of(set));
        return new RenderRequest(
                ChartSource.RUNWAY_EKS, List.of(), all, List.of(), List.of(), "payments", "payments", "", tmp);
    }

    private static Map<String, byte[]> snapshot(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String name : expected.keySet()) {
            assertEquals(
                    new String(expected.get(name), StandardCharsets.UTF_8),
                    new String(actual.get(name), StandardCharsets.UTF_8),
                    name);
        }
    }

    @Test
    void failingRenderLeavesThePreviousOutputWhole() throws IOException {
        EngineManifestRenderer renderer = new EngineManifestRenderer();
        Path out = tmp.resolve("manifests");
        RenderedChart good = renderer.render(request("serviceId=payments"));
        OutputSync.sync(out, ManifestFiles.plan(good, ManifestLayout.PER_RESOURCE));
        Map<String, byte[]> before = snapshot(out);
        FileTime stamp =
                Files.getLastModifiedTime(out.resolve(before.keySet().iterator().next()));
        assertTrue(before.size() > 3, "runway-eks writes several files: " + before.keySet());

        // Render first, sync only on success: that is the plugin's order, and a failure must stop before the sync.
        RuntimeException failure = assertThrows(RuntimeException.class, () -> {
            RenderedChart bad = renderer.render(request("serviceId=payments", "replicaCount=many"));
            OutputSync.sync(out, ManifestFiles.plan(bad, ManifestLayout.PER_RESOURCE));
        });
        assertTrue(failure.getMessage() != null && !failure.getMessage().isBlank());
        assertSameFiles(before, snapshot(out));
        assertEquals(
                stamp,
                Files.getLastModifiedTime(out.resolve(before.keySet().iterator().next())));
    }

    @Test
    void readersNeverSeeHalfAFile() throws Exception {
        Path file = tmp.resolve("m.yaml");
        String a = "a: " + "x".repeat(200_000) + "\n";
        String b = "b: " + "y".repeat(300_000) + "\n";
        AtomicFiles.writeIfChanged(file, a);
        AtomicBoolean done = new AtomicBoolean();
        ConcurrentLinkedQueue<String> torn = new ConcurrentLinkedQueue<>();
        Thread reader = new Thread(() -> {
            while (!done.get()) {
                try {
                    String seen = Files.readString(file);
                    if (!seen.equals(a) && !seen.equals(b)) {
                        torn.add(seen.length() + " chars");
                    }
                } catch (NoSuchFileException e) {
                    torn.add("file missing during replace");
                } catch (IOException e) {
                    torn.add(e.toString());
                }
            }
        });
        reader.start();
        for (int i = 0; i < 200; i++) {
            AtomicFiles.writeIfChanged(file, i % 2 == 0 ? b : a);
        }
        done.set(true);
        reader.join();
        assertTrue(torn.isEmpty(), "a reader saw: " + torn);
        try (Stream<Path> list = Files.list(tmp)) {
            assertEquals(
                    List.of("m.yaml"),
                    list.map(p -> p.getFileName().toString()).toList(),
                    "no temporary files stay behind");
        }
    }

    @Test
    void aWriterKilledMidWriteLeavesAWholeFile() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("killed"));
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        InterruptedWriteMain.class.getName(),
                        dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("killed.log").toFile())
                .start();
        try {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!Files.exists(dir.resolve("started")) && System.nanoTime() < deadline && p.isAlive()) {
                Thread.sleep(50);
            }
            assertTrue(Files.exists(dir.resolve("started")), "the writer did not start");
            Thread.sleep(700);
        } finally {
            p.destroyForcibly();
            p.waitFor();
        }
        String left = Files.readString(dir.resolve("m.yaml"));
        assertTrue(
                left.equals(InterruptedWriteMain.content('a')) || left.equals(InterruptedWriteMain.content('b')),
                "after kill -9 the file holds " + left.length() + " characters, not one whole version");
        try (Stream<Path> list = Files.list(dir)) {
            List<String> visible = list.map(f -> f.getFileName().toString())
                    .filter(n -> !n.startsWith("."))
                    .sorted()
                    .toList();
            // A killed writer may leave its hidden ".m.yaml...tmp"; nothing a reader takes for a manifest.
            assertEquals(List.of("m.yaml", "started"), visible);
        }
    }

    @Test
    void parallelRendersOfOneProjectDoNotCorruptEachOther() throws Exception {
        Path out = tmp.resolve("parallel");
        Path single = tmp.resolve("single");
        List<OutputFile> plan = ManifestFiles.plan(
                new EngineManifestRenderer().render(request("serviceId=payments")), ManifestLayout.PER_RESOURCE);
        OutputSync.sync(single, plan);
        // A stale file from an older render that every sync wants to delete: concurrent deletes must not fail.
        int threads = 4;
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                try {
                    // Each thread is its own build (own renderer), as Maven's -T gives each module its own mojo.
                    EngineManifestRenderer renderer = new EngineManifestRenderer();
                    start.await();
                    for (int i = 0; i < 5; i++) {
                        Files.createDirectories(out);
                        Files.writeString(out.resolve("stale-" + i + ".yaml"), "old: true\n");
                        List<OutputFile> files = ManifestFiles.plan(
                                renderer.render(request("serviceId=payments")), ManifestLayout.PER_RESOURCE);
                        OutputSync.sync(out, files);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            workers.add(w);
            w.start();
        }
        start.countDown();
        for (Thread w : workers) {
            w.join();
        }
        assertTrue(failures.isEmpty(), () -> "parallel sync failed: " + failures);
        OutputSync.sync(out, plan);
        assertSameFiles(snapshot(single), snapshot(out));
    }
}
