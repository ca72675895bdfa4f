package dev.runway.render.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.api.RenderedChart;
import dev.runway.render.verify.CustomResourceDefinitions;
import dev.runway.render.verify.DriftCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verification of several environments: the later environments' checks run ahead on another thread, and the log,
 * the failures and the reports are the same, in environment order, as when each is checked in turn.
 */
class ServiceVerificationTest {

    @TempDir
    Path base;

    @Test
    void severalEnvironmentsLogAndFailInEnvironmentOrderAsOneByOne() throws IOException {
        Map<PlannedEnvironment, RenderedChart> rendered = new LinkedHashMap<>();
        ManifestRenderer engine = ManifestRenderer.engine();
        for (String name : List.of("staging", "production", "qa")) {
            Path values = Files.writeString(
                    base.resolve(name + ".yaml"),
                    "serviceId: payments\nimage:\n  repository: registry.example.com/payments\n  tag: \"1.0\"\n"
                            + "replicas: " + (name.length() % 3 + 1) + "\n");
            RenderRequest request = new RenderRequest(
                    ChartSource.RUNWAY_EKS,
                    List.of(values),
                    List.of(),
                    List.of(),
                    List.of(),
                    "payments",
                    "payments",
                    "",
                    base);
            rendered.put(
                    new PlannedEnvironment(name, request, base.resolve("deploy").resolve(name)),
                    engine.render(request));
        }
        // production has drifted from what is committed; qa has nothing committed; staging matches.
        Path staging = Files.createDirectories(base.resolve("deploy/staging"));
        Files.writeString(
                staging.resolve("manifests.yaml"),
                rendered.values().iterator().next().output());
        Path production = Files.createDirectories(base.resolve("deploy/production"));
        Files.writeString(production.resolve("manifests.yaml"), "kind: ConfigMap\nmetadata: {name: old}\n");

        List<String> together = new ArrayList<>();
        List<String> failures = verify(rendered, together);
        List<String> oneByOne = new ArrayList<>();
        List<String> failuresOneByOne = new ArrayList<>();
        for (Map.Entry<PlannedEnvironment, RenderedChart> entry : rendered.entrySet()) {
            failuresOneByOne.addAll(verify(Map.of(entry.getKey(), entry.getValue()), oneByOne));
        }

        // Alone, an environment's "create them" command has no -Drunway.environment: the one difference.
        String qaOnly = " -Drunway.environment=qa";
        assertTrue(together.stream().anyMatch(line -> line.contains(qaOnly)), together.toString());
        assertEquals(
                oneByOne,
                together.stream().map(line -> line.replace(qaOnly, "")).toList());
        assertEquals(
                failuresOneByOne,
                failures.stream().map(line -> line.replace(qaOnly, "")).toList());
        assertTrue(failures.get(0).startsWith("production: "), failures.toString());
        assertTrue(failures.get(failures.size() - 1).startsWith("qa: "), failures.toString());
        assertTrue(
                together.stream().anyMatch(line -> line.startsWith("error [production] drift:")), together.toString());
        for (String name : List.of("staging", "production", "qa")) {
            assertTrue(Files.isRegularFile(base.resolve("reports").resolve(name).resolve("summary.md")), name);
        }
    }

    private List<String> verify(Map<PlannedEnvironment, RenderedChart> rendered, List<String> log) {
        ServiceVerification.Settings settings = new ServiceVerification.Settings(
                base,
                ManifestLayout.SINGLE_FILE,
                DriftCheck.Mode.EXACT,
                base.resolve("reports"),
                false,
                false,
                null,
                null,
                "mvn runway:verify -Drunway.updateCommitted");
        return ServiceVerification.verify(
                settings,
                rendered,
                CustomResourceDefinitions.none(),
                new PipelineLog(
                        line -> log.add("info " + line),
                        line -> log.add("warn " + line),
                        line -> log.add("error " + line)));
    }
}
