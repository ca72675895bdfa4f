package dev.runway.render.verify;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.runway.render.api.RenderedChart;
import dev.runway.render.api.RenderedManifest;
import dev.runway.render.manifest.ManifestStreamParser;
import dev.runway.render.yaml.GoJson;
import dev.runway.render.yaml.GoYamlException;
import dev.runway.render.yaml.YNode;
import dev.runway.render.yaml.YNode.YMap;
import dev.runway.render.yaml.YNode.YScalar;
import dev.runway.render.yaml.YNode.YSeq;
import dev.runway.render.yaml.YamlTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Compares a render with the manifests a team committed (one file, for example saved {@code helm template} output,
 * or a folder of YAML files). Resources are matched by group, kind, namespace and name; each difference comes with
 * a unified diff (java-diff-utils) and the command that updates the committed files.
 */
public final class DriftCheck {

    /** How strictly documents are compared. */
    public enum Mode {
        /**
         * Byte for byte, per resource document: only the file layout around a document is ignored (the {@code ---}
         * separator, {@code # Source:} comments above it, trailing newlines). When the committed side is one file,
         * its bytes must also equal the whole render output.
         */
        EXACT,
        /** YAML-aware: same values and types, whatever the formatting, key order or quoting. */
        STRUCTURAL
    }

    /** What a resource's comparison found. */
    public enum Status {
        CHANGED,
        NOT_COMMITTED,
        NO_LONGER_RENDERED
    }

    /**
     * One resource that differs.
     *
     * @param diff unified diff from the committed text (a/) to the rendered text (b/); empty when one side is absent
     */
    public record ResourceDiff(
            ResourceRef resource, Status status, String committedFile, String renderedFile, String diff) {}

    /** The outcome: every differing resource, and the command that makes the committed files match again. */
    public record Report(Mode mode, List<ResourceDiff> differences, String updateCommand) {
        public Report {
            differences = List.copyOf(differences);
        }

        public boolean clean() {
            return differences.isEmpty();
        }

        /** One finding per differing resource (severity error: CI should fail on drift). */
        public List<Finding> findings() {
            List<Finding> out = new ArrayList<>();
            for (ResourceDiff d : differences) {
                String fix = "run `" + updateCommand + "` and commit the result";
                String message = switch (d.status()) {
                    case CHANGED ->
                        "the committed manifest differs from the render (" + (mode == Mode.EXACT ? "bytes" : "values")
                                + ")";
                    case NOT_COMMITTED -> "rendered but not in the committed manifests";
                    case NO_LONGER_RENDERED -> "committed but no longer rendered";
                };
                String check = switch (d.status()) {
                    case CHANGED -> "drift.changed";
                    case NOT_COMMITTED -> "drift.not-committed";
                    case NO_LONGER_RENDERED -> "drift.no-longer-rendered";
                };
                String file = d.committedFile().isEmpty() ? d.renderedFile() : d.committedFile();
                out.add(new Finding(Severity.ERROR, check, d.resource(), "", message, fix, file, 0));
            }
            return out;
        }

        /** All diffs, then the update command: what a CI log should show. */
        public String text() {
            if (clean()) {
                return "No drift: the committed manifests match the render.\n";
            }
            StringBuilder out = new StringBuilder();
            for (ResourceDiff d : differences) {
                out.append("### ")
                        .append(d.resource())
                        .append(": ")
                        .append(
                                switch (d.status()) {
                                    case CHANGED -> "changed";
                                    case NOT_COMMITTED -> "not committed";
                                    case NO_LONGER_RENDERED -> "no longer rendered";
                                })
                        .append('\n');
                if (!d.diff().isEmpty()) {
                    out.append(d.diff());
                    if (!d.diff().endsWith("\n")) {
                        out.append('\n');
                    }
                }
            }
            out.append("To update the committed manifests, run: ")
                    .append(updateCommand)
                    .append('\n');
            return out.toString();
        }
    }

    private record Doc(String key, ResourceRef ref, String file, String text, YNode root) {}

    private final Mode mode;
    private final String updateCommand;

    /**
     * @param updateCommand the command the report tells users to run, for example
     *                      {@code ./mvnw runway:render -Drunway.updateCommitted}
     */
    public DriftCheck(Mode mode, String updateCommand) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.updateCommand = Objects.requireNonNull(updateCommand, "updateCommand");
    }

    /** Compares a render with a committed file or folder. */
    public Report compare(RenderedChart rendered, Path committed) {
        List<ManifestVerifier.Source> renderedSources = new ArrayList<>();
        for (RenderedManifest m : rendered.manifests()) {
            renderedSources.add(new ManifestVerifier.Source(m.source(), m.text()));
        }
        List<ManifestVerifier.Source> committedSources = readCommitted(committed);
        Report report = compare(renderedSources, committedSources);
        if (mode == Mode.EXACT && report.clean() && Files.isRegularFile(committed)) {
            String text = read(committed);
            if (!text.equals(rendered.output())) {
                // Same documents, different file layout (order, separators, Source comments).
                String diff = unified(text, rendered.output(), committed.toString(), "render");
                return new Report(
                        mode,
                        List.of(new ResourceDiff(
                                ResourceRef.none(), Status.CHANGED, committed.toString(), "render", diff)),
                        updateCommand);
            }
        }
        return report;
    }

    /** Compares rendered files with committed files (each may hold several documents). */
    public Report compare(List<ManifestVerifier.Source> rendered, List<ManifestVerifier.Source> committed) {
        Map<String, Doc> renderedDocs = index(rendered);
        Map<String, Doc> committedDocs = index(committed);
        List<ResourceDiff> diffs = new ArrayList<>();
        for (Doc r : renderedDocs.values()) {
            Doc c = committedDocs.get(r.key());
            if (c == null) {
                diffs.add(new ResourceDiff(
                        r.ref(), Status.NOT_COMMITTED, "", r.file(), unified("", shown(r), "/dev/null", r.file())));
            } else if (!same(r, c)) {
                diffs.add(new ResourceDiff(
                        r.ref(), Status.CHANGED, c.file(), r.file(), unified(shown(c), shown(r), c.file(), r.file())));
            }
        }
        for (Doc c : committedDocs.values()) {
            if (!renderedDocs.containsKey(c.key())) {
                diffs.add(new ResourceDiff(
                        c.ref(),
                        Status.NO_LONGER_RENDERED,
                        c.file(),
                        "",
                        unified(shown(c), "", c.file(), "/dev/null")));
            }
        }
        return new Report(mode, diffs, updateCommand);
    }

    private boolean same(Doc rendered, Doc committed) {
        if (mode == Mode.EXACT) {
            return rendered.text().equals(committed.text());
        }
        return Objects.equals(canonical(rendered.root()), canonical(committed.root()));
    }

    private String shown(Doc doc) {
        return mode == Mode.EXACT || doc.root() == null ? doc.text() : canonical(doc.root());
    }

    private static Map<String, Doc> index(List<ManifestVerifier.Source> sources) {
        Map<String, Doc> docs = new LinkedHashMap<>();
        for (ManifestVerifier.Source source : sources) {
            int index = 0;
            for (ManifestStreamParser.Document document : ManifestStreamParser.documents(source.text())) {
                // As the renderer prints it: no separator, no Source comment, no blank lines around it.
                String text = document.text();
                YNode root;
                try {
                    root = YamlTree.typedDocument(text, source.file(), 1)
                            .map(YamlTree.TypedDocument::root)
                            .orElse(null);
                } catch (GoYamlException e) {
                    root = null;
                }
                ResourceRef ref = root instanceof YMap m
                        ? Resource.of(m, source.file(), text).ref()
                        : new ResourceRef("", "", "", source.file() + "#" + index);
                String key = ref.group() + "|" + ref.kind() + "|" + ref.namespace() + "|" + ref.name();
                if (docs.containsKey(key)) {
                    key = key + "|" + source.file() + "#" + index;
                }
                docs.put(key, new Doc(key, ref, source.file(), text, root));
                index++;
            }
        }
        return docs;
    }

    private static List<ManifestVerifier.Source> readCommitted(Path committed) {
        if (Files.isRegularFile(committed)) {
            return List.of(new ManifestVerifier.Source(committed.toString(), read(committed)));
        }
        if (!Files.isDirectory(committed)) {
            throw new IllegalArgumentException(
                    "committed manifests not found: " + committed + " (give a YAML file or a folder of YAML files)");
        }
        try (Stream<Path> files = Files.walk(committed)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    // A kustomization.yaml lists the files for Flux; it is not a rendered resource.
                    .filter(p -> !p.getFileName().toString().matches("(?i)kustomization\\.ya?ml"))
                    .sorted()
                    .map(p ->
                            new ManifestVerifier.Source(committed.relativize(p).toString(), read(p)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read committed manifests in " + committed, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A unified diff ({@code diff -u}, three lines of context) from one text to another; empty when equal. */
    public static String unified(String from, String to, String fromName, String toName) {
        List<String> a = from.isEmpty() ? List.of() : List.of(from.split("\n"));
        List<String> b = to.isEmpty() ? List.of() : List.of(to.split("\n"));
        Patch<String> patch = DiffUtils.diff(a, b);
        List<String> lines =
                UnifiedDiffUtils.generateUnifiedDiff(side("a/", fromName), side("b/", toName), a, patch, 3);
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    /** A diff header's file name, with git's a/ or b/ prefix; {@code /dev/null} (a side that is absent) has none. */
    private static String side(String prefix, String name) {
        return name.equals("/dev/null") ? name : prefix + name;
    }

    /**
     * A canonical text of a YAML tree: keys sorted, strings JSON-quoted, numbers normalised. Two documents with the
     * same canonical text reach the API server as the same object.
     */
    static String canonical(YNode node) {
        if (node == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        emit(node, 0, out);
        return out.toString();
    }

    private static void emit(YNode node, int indent, StringBuilder out) {
        String pad = " ".repeat(indent);
        if (node instanceof YMap m) {
            if (m.entries().isEmpty()) {
                out.append(pad).append("{}\n");
                return;
            }
            for (Map.Entry<String, YNode> e : new TreeMap<>(m.entries()).entrySet()) {
                out.append(pad).append(GoJson.quote(e.getKey())).append(':');
                if (isEmptyOrScalar(e.getValue())) {
                    out.append(' ').append(scalarText(e.getValue())).append('\n');
                } else {
                    out.append('\n');
                    emit(e.getValue(), indent + 2, out);
                }
            }
        } else if (node instanceof YSeq s) {
            if (s.items().isEmpty()) {
                out.append(pad).append("[]\n");
                return;
            }
            for (YNode item : s.items()) {
                if (isEmptyOrScalar(item)) {
                    out.append(pad).append("- ").append(scalarText(item)).append('\n');
                } else {
                    out.append(pad).append("-\n");
                    emit(item, indent + 2, out);
                }
            }
        } else {
            out.append(pad).append(scalarText(node)).append('\n');
        }
    }

    private static boolean isEmptyOrScalar(YNode node) {
        return node instanceof YScalar
                || (node instanceof YMap m && m.entries().isEmpty())
                || (node instanceof YSeq s && s.items().isEmpty());
    }

    private static String scalarText(YNode node) {
        if (node instanceof YMap) {
            return "{}";
        }
        if (node instanceof YSeq) {
            return "[]";
        }
        YScalar s = (YScalar) node;
        return switch (s.type()) {
            case STRING, TIMESTAMP -> GoJson.quote(s.value());
            case FLOAT -> {
                java.math.BigDecimal v = s.number();
                yield v == null ? s.value() : v.stripTrailingZeros().toPlainString();
            }
            default -> s.value();
        };
    }
}
