package dev.runway.render.servicemanifest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where a service repository keeps its Runway service manifest for an environment. */
public final class ServiceManifests {

    /** Runway's own place for it. */
    public static final String DEFAULT = ".runway/runway.yml";

    private ServiceManifests() {}

    /**
     * The manifest of {@code environment}: {@code runway-<environment>.yml} beside {@code manifest} when the
     * repository has one (Runway's staging manifest is {@code .runway/runway-staging.yml}), else {@code manifest}
     * itself when it exists. Each is a whole manifest: the environment's file is read instead of the default one.
     * A path that exists but is not a regular file (a folder, a named pipe) is returned too, so that reading it
     * says what is wrong instead of the manifest silently counting as absent.
     */
    public static Optional<Path> locate(Path manifest, String environment) {
        Path specific = environmentFile(manifest, environment);
        if (!specific.equals(manifest) && Files.exists(specific)) {
            return Optional.of(specific);
        }
        return Files.exists(manifest) ? Optional.of(manifest) : Optional.empty();
    }

    /**
     * Where {@code environment}'s own manifest would be: {@code runway-<environment>.yml} beside {@code manifest};
     * {@code manifest} itself for no environment or a file name without an extension.
     */
    public static Path environmentFile(Path manifest, String environment) {
        String name = manifest.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (environment == null || environment.isBlank() || dot <= 0) {
            return manifest;
        }
        return manifest.resolveSibling(name.substring(0, dot) + "-" + environment + name.substring(dot));
    }
}
