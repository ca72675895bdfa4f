package dev.runway.render.service;

import dev.runway.render.api.RenderedChart;
import dev.runway.render.api.RenderedManifest;
import dev.runway.render.values.MergedValues;
import dev.runway.render.values.SourcePosition;
import dev.runway.render.values.ValueOrigin;
import dev.runway.render.values.ValueTrees;
import dev.runway.render.values.ValuesDocument;
import dev.runway.render.values.ValuesFileException;
import dev.runway.render.values.ValuesFiles;
import dev.runway.render.values.ValuesPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Points a finding at the place a service team fixes it. A finding names a resource and a field of the render; the
 * chart wrote that field, often from a user value. When exactly one value the user gave (in a values file, or a
 * {@code --set} flag) renders as the field's value, the finding points at that value's file, line and column
 * ({@code .runway/values.yaml:6:12}): GitLab links it in a merge request, and it is where the fix goes. Otherwise it
 * names the chart template that wrote the field, with the field's line in the render output.
 *
 * <p>How a user value is matched: the field's value equals the user value (numbers compare as numbers; maps and lists
 * as a whole), or, for strings of 3 characters or more, contains it: as at least half of its text
 * ({@code image: "registry.example.com/x:1.2"} holds {@code image.repository}; the service id inside a role ARN written
 * by the chart does not count), or anywhere when the user's key names the field (an env entry of the same name). A number, a boolean or a shorter string counts only when its key names the field (the field's
 * last key, or the {@code name} of its list item such as an env entry). Among several candidates a named one wins,
 * then an exact match over a contained one; a tie points at the template rather than guess.
 */
public final class FindingLocator {

    private static final int MIN_CONTAINED_LENGTH = 3;

    private final RenderedChart chart;
    private final List<UserLeaf> userValues;
    private final Map<RenderedManifest, Optional<ValuesDocument>> parsed = new HashMap<>();
    private final Map<RenderedManifest, Integer> firstLines = new HashMap<>();

    /** A value the user gave, with where. */
    private record UserLeaf(ValuesPath path, Object value, ValueOrigin origin) {}

    /** A field of the render and its value. */
    private record Field(RenderedManifest manifest, ValuesPath path, Object value, int outputLine) {}

    /**
     * @param chart  the render the findings are about
     * @param values the user's values of that render, with their origins
     */
    public FindingLocator(RenderedChart chart, MergedValues values) {
        this.chart = Objects.requireNonNull(chart, "chart");
        this.userValues = new ArrayList<>();
        collect(values.values(), ValuesPath.ROOT, values, userValues);
        indexLines();
    }

    /** The finding with its best location; findings that already point at a project file keep it. */
    public CheckFinding locate(CheckFinding finding) {
        if (finding.location().kind() == CheckFinding.Location.Kind.FILE
                || finding.resource().isEmpty()) {
            return finding;
        }
        Optional<Field> field = field(finding.resource(), finding.path());
        if (field.isEmpty()) {
            return finding;
        }
        Optional<UserLeaf> origin = userValueBehind(field.get());
        if (origin.isPresent()) {
            ValueOrigin where = origin.get().origin();
            return finding.withLocation(where.position()
                    .map(p -> CheckFinding.Location.file(p.file(), p.line(), p.column()))
                    .orElse(CheckFinding.Location.file(where.source(), 0, 0)));
        }
        return finding.withLocation(CheckFinding.Location.template(
                field.get().manifest().source(), field.get().outputLine()));
    }

    public List<CheckFinding> locateAll(List<CheckFinding> findings) {
        return findings.stream().map(this::locate).toList();
    }

    // ---- the field ---------------------------------------------------------------------------------------------

    private Optional<Field> field(String resource, String pathText) {
        Optional<RenderedManifest> manifest = manifest(resource);
        if (manifest.isEmpty()) {
            return Optional.empty();
        }
        Optional<ValuesDocument> document = parsed.computeIfAbsent(manifest.get(), FindingLocator::read);
        if (document.isEmpty()) {
            return Optional.empty();
        }
        ValuesPath path = nearestPresent(document.get(), parsePath(pathText));
        Object value = path.isRoot()
                ? document.get().values()
                : ValueTrees.at(document.get().values(), path).orElse(null);
        int lineInManifest = document.get()
                .positionOf(path)
                .or(() -> document.get().keyPositionOf(path))
                .map(SourcePosition::line)
                .orElse(1);
        int first = firstLines.getOrDefault(manifest.get(), 0);
        return Optional.of(new Field(manifest.get(), path, value, first == 0 ? 0 : first + lineInManifest - 1));
    }

    /** A finding about a missing field points at the nearest field that is there. */
    private static ValuesPath nearestPresent(ValuesDocument document, ValuesPath path) {
        ValuesPath present = path;
        while (!present.isRoot() && ValueTrees.at(document.values(), present).isEmpty()) {
            present = present.parent();
        }
        return present;
    }

    /** {@code Kind/name} or {@code Kind/namespace/name}. */
    private Optional<RenderedManifest> manifest(String resource) {
        String[] parts = resource.split("/", -1);
        if (parts.length < 2 || parts.length > 3) {
            return Optional.empty();
        }
        String kind = parts[0];
        String name = parts[parts.length - 1];
        String namespace = parts.length == 3 ? parts[1] : null;
        return chart.manifests().stream()
                .filter(m -> m.kind().equals(kind)
                        && m.name().equals(name)
                        && (namespace == null
                                || namespace.equals(m.namespace())
                                || m.namespace().isEmpty()))
                .findFirst();
    }

    private static Optional<ValuesDocument> read(RenderedManifest manifest) {
        try {
            return Optional.of(ValuesFiles.standard().read(manifest.text(), manifest.source()));
        } catch (ValuesFileException e) {
            return Optional.empty(); // not a map of fields (the verify checks report that themselves)
        }
    }

    /** Where each manifest's text starts in {@code helm template}'s output (1-based line), when it is found there. */
    private void indexLines() {
        String output = chart.output();
        int from = 0;
        for (RenderedManifest manifest : chart.manifests()) {
            String header = "# Source: " + manifest.source() + "\n";
            int at = output.indexOf(header + manifest.text(), from);
            if (at < 0) {
                continue;
            }
            int textStart = at + header.length();
            firstLines.put(manifest, lineOf(output, textStart));
            from = textStart;
        }
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * A field path as the checks print it: {@code spec.containers[0].env[1].value}, {@code data["a.b"]} (verify),
     * {@code data[a.b]} and {@code (key of) metadata.labels[x]} (Flux).
     */
    static ValuesPath parsePath(String text) {
        String rest = text.startsWith("(key of) ") ? text.substring("(key of) ".length()) : text;
        List<Object> segments = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        int i = 0;
        while (i < rest.length()) {
            char c = rest.charAt(i);
            if (c == '.') {
                flush(name, segments);
                i++;
            } else if (c == '[') {
                flush(name, segments);
                int close;
                if (i + 1 < rest.length() && rest.charAt(i + 1) == '"') {
                    StringBuilder key = new StringBuilder();
                    int j = i + 2;
                    for (; j < rest.length() && rest.charAt(j) != '"'; j++) {
                        if (rest.charAt(j) == '\\' && j + 1 < rest.length()) {
                            j++;
                        }
                        key.append(rest.charAt(j));
                    }
                    segments.add(key.toString());
                    close = rest.indexOf(']', j);
                } else {
                    close = rest.indexOf(']', i);
                    if (close < 0) {
                        close = rest.length();
                    }
                    String inside = rest.substring(i + 1, close);
                    segments.add(inside.matches("[0-9]{1,9}") ? (Object) Integer.parseInt(inside) : inside);
                }
                i = close < 0 ? rest.length() : close + 1;
            } else {
                name.append(c);
                i++;
            }
        }
        flush(name, segments);
        return new ValuesPath(segments);
    }

    private static void flush(StringBuilder name, List<Object> segments) {
        if (!name.isEmpty()) {
            String segment = name.toString().strip();
            if (!segment.isEmpty() && !segment.equals("(document)")) {
                segments.add(segment);
            }
            name.setLength(0);
        }
    }

    // ---- the user value behind it ------------------------------------------------------------------------------

    private Optional<UserLeaf> userValueBehind(Field field) {
        if (field.value() == null) {
            return Optional.empty();
        }
        List<String> names = fieldNames(field);
        UserLeaf best = null;
        int bestScore = 0;
        boolean tie = false;
        for (UserLeaf leaf : userValues) {
            int score = score(field.value(), leaf, names);
            if (score > bestScore) {
                best = leaf;
                bestScore = score;
                tie = false;
            } else if (score == bestScore && score > 0) {
                tie = true;
            }
        }
        return tie ? Optional.empty() : Optional.ofNullable(best);
    }

    /**
     * 0: unrelated. Otherwise a naming bonus (the user key names the field) above the match quality (exact over
     * contained, a longer contained string over a shorter one).
     */
    private static int score(Object rendered, UserLeaf leaf, List<String> fieldNames) {
        Object last = leaf.path().segments().isEmpty()
                ? null
                : leaf.path().segments().get(leaf.path().segments().size() - 1);
        boolean named = last instanceof String key && fieldNames.contains(key);
        int match;
        if (sameValue(rendered, leaf.value())) {
            match = 1_000_000;
        } else if (rendered instanceof String text
                && leaf.value() instanceof String user
                && user.length() >= MIN_CONTAINED_LENGTH
                && (named || user.length() * 2 >= text.length())
                && text.contains(user)) {
            match = Math.min(user.length(), 999_999);
        } else {
            return 0;
        }
        boolean distinctive = leaf.value() instanceof String user
                ? user.length() >= MIN_CONTAINED_LENGTH
                : leaf.value() instanceof Map || leaf.value() instanceof List;
        if (!named && !distinctive) {
            return 0; // a number, a boolean or a short string says too little to point at without its name
        }
        return match + (named ? 10_000_000 : 0);
    }

    /** The names a user key may give the field: its last key, and the {@code name} of the list item it sits in. */
    private List<String> fieldNames(Field field) {
        List<String> names = new ArrayList<>();
        List<Object> segments = field.path().segments();
        for (int i = segments.size() - 1; i >= 0; i--) {
            if (segments.get(i) instanceof String key) {
                names.add(key);
                break;
            }
        }
        Optional<ValuesDocument> document = parsed.get(field.manifest());
        for (int i = segments.size() - 1; i >= 0 && document != null && document.isPresent(); i--) {
            if (segments.get(i) instanceof Integer) {
                Object item = ValueTrees.at(document.get().values(), new ValuesPath(segments.subList(0, i + 1)))
                        .orElse(null);
                if (item instanceof Map<?, ?> map && map.get("name") instanceof String itemName) {
                    names.add(itemName);
                }
                break;
            }
        }
        return names;
    }

    private static boolean sameValue(Object rendered, Object user) {
        if (rendered instanceof Number a && user instanceof Number b) {
            return a.doubleValue() == b.doubleValue();
        }
        if (rendered instanceof Map<?, ?> a && user instanceof Map<?, ?> b) {
            return a.size() == b.size()
                    && a.entrySet().stream()
                            .allMatch(e -> b.containsKey(e.getKey()) && sameValue(e.getValue(), b.get(e.getKey())));
        }
        if (rendered instanceof List<?> a && user instanceof List<?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!sameValue(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(rendered, user) && rendered != null;
    }

    /** Every user value with a known origin: the leaves, and the maps and lists the user wrote as a whole. */
    private static void collect(Object value, ValuesPath path, MergedValues values, List<UserLeaf> out) {
        Optional<ValueOrigin> origin =
                path.isRoot() ? Optional.empty() : values.origins().originOf(path);
        if (value instanceof Map<?, ?> map) {
            if (origin.isPresent() && !map.isEmpty()) {
                out.add(new UserLeaf(path, value, origin.get()));
            }
            map.forEach((k, v) -> collect(v, path.child(String.valueOf(k)), values, out));
        } else if (value instanceof List<?> list) {
            if (origin.isPresent() && !list.isEmpty()) {
                out.add(new UserLeaf(path, value, origin.get()));
            }
            for (int i = 0; i < list.size(); i++) {
                collect(list.get(i), path.child(i), values, out);
            }
        } else if (value != null && origin.isPresent()) {
            out.add(new UserLeaf(path, value, origin.get()));
        }
    }
}
