package dev.runway.render.conformance;

import dev.runway.render.yaml.GoYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One conformance case: a folder {@code conformance/<group>/<case>/} holding a small chart and an optional
 * {@code case.yaml} ({@code release}, {@code namespace}, {@code kubeVersion}, {@code set}, {@code valuesFiles},
 * {@code symlinks}, {@code description}). Chart.yaml may be left out: the harness adds a default one. {@code symlinks}
 * maps a path in the chart to a link target; the harness makes the links, because a link in the source tree (above
 * all one that leads nowhere) would not survive git on every platform nor Maven's copy of test resources.
 */
record ConformanceCase(
        String id,
        Path folder,
        String release,
        String namespace,
        String kubeVersion,
        Map<String, Object> set,
        List<Path> valuesFiles,
        Map<String, String> symlinks,
        String description) {

    static final String DEFAULT_CHART_YAML = "apiVersion: v2\nname: conformance\nversion: 0.1.0\n";

    /** Every case below {@code root} ({@code <group>/<case>/}, each level in name order) whose id starts with {@code only}. */
    static List<ConformanceCase> readAll(Path root, String only) throws IOException {
        List<ConformanceCase> cases = new ArrayList<>();
        try (Stream<Path> groups = Files.list(root)) {
            for (Path group : groups.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> folders = Files.list(group)) {
                    for (Path folder :
                            folders.filter(Files::isDirectory).sorted().toList()) {
                        ConformanceCase c = read(root, folder);
                        if (c.id().startsWith(only)) {
                            cases.add(c);
                        }
                    }
                }
            }
        }
        return cases;
    }

    @SuppressWarnings("unchecked")
    static ConformanceCase read(Path root, Path folder) {
        String id = root.relativize(folder).toString().replace('\\', '/');
        Map<String, Object> spec = Map.of();
        Path caseYaml = folder.resolve("case.yaml");
        if (Files.isRegularFile(caseYaml)) {
            Object parsed = GoYaml.read(readString(caseYaml), caseYaml.toString());
            if (parsed instanceof Map<?, ?> m) {
                spec = (Map<String, Object>) m;
            }
        }
        Map<String, Object> set = new LinkedHashMap<>();
        if (spec.get("set") instanceof Map<?, ?> s) {
            s.forEach((k, v) -> set.put(String.valueOf(k), v));
        }
        List<Path> valuesFiles = new ArrayList<>();
        if (spec.get("valuesFiles") instanceof List<?> l) {
            for (Object f : l) {
                valuesFiles.add(folder.resolve(String.valueOf(f)));
            }
        }
        Map<String, String> symlinks = new LinkedHashMap<>();
        if (spec.get("symlinks") instanceof Map<?, ?> s) {
            s.forEach((k, v) -> symlinks.put(String.valueOf(k), String.valueOf(v)));
        }
        return new ConformanceCase(
                id,
                folder,
                string(spec.get("release"), "conformance"),
                string(spec.get("namespace"), "default"),
                string(spec.get("kubeVersion"), null),
                set,
                valuesFiles,
                symlinks,
                string(spec.get("description"), ""));
    }

    private static String string(Object o, String fallback) {
        return o == null ? fallback : String.valueOf(o);
    }

    static String readString(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the chart part of the case (everything but case.yaml) to {@code target}, adding Chart.yaml. */
    Path materialize(Path target) {
        try {
            if (Files.exists(target)) {
                try (Stream<Path> walk = Files.walk(target)) {
                    for (Path p :
                            walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(target);
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path p : walk.toList()) {
                    Path rel = folder.relativize(p);
                    if (rel.toString().equals("case.yaml") || rel.toString().isEmpty()) {
                        continue;
                    }
                    if (valuesFiles.contains(p)) {
                        continue;
                    }
                    Path dest = target.resolve(rel.toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(dest);
                    } else {
                        Files.createDirectories(dest.getParent());
                        Files.copy(p, dest);
                    }
                }
            }
            for (Map.Entry<String, String> link : symlinks.entrySet()) {
                Path at = target.resolve(link.getKey());
                Files.createDirectories(at.getParent());
                Files.createSymbolicLink(at, Path.of(link.getValue()));
            }
            if (!Files.exists(target.resolve("Chart.yaml"))) {
                Files.writeString(target.resolve("Chart.yaml"), DEFAULT_CHART_YAML);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
