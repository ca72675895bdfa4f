package dev.runway.render.output;

import dev.runway.render.RenderedChart;

import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A check that runs on a render (verification rules, Flux substitution checks). Each one is registered as a
 * service in META-INF/services, so the build tools run every check the core has without naming them.
 */
public interface ManifestChecker {

    /** A short name for logs and reports ({@code verify}, {@code flux}). */
    String name();

    List<CheckFinding> check(RenderRequest request, RenderedChart chart);

    /** Every checker on the classpath of {@code loader}, sorted by name so reports are stable. */
    static List<ManifestChecker> findAll(ClassLoader loader) {
        return ServiceLoader.load(ManifestChecker.class, loader).stream().map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(ManifestChecker::name)).toList();
    }
}
