package dev.runway.render.yaml;

import dev.runway.render.text.TextPositions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * The one YAML tree with positions: the first document of a text, composed through {@link GuardedYaml} (so its size,
 * depth and alias limits hold), with every node at its path of map keys ({@link String}) and list indexes
 * ({@link Integer}) and where it sits in the text. The Flux checks tie a placeholder found in the text to the field
 * that holds it ({@link #scalars()}, {@link #scalarAt}); the values reader gives each value and key its file, line
 * and column ({@link #entries()}). The typed view ({@link #typedDocument}) gives a document of a manifest file as
 * the API server receives it, a {@link YNode} tree whose scalars {@link YamlResolver} typed as go-yaml v2 does, each
 * node with its file line; verify's checks read manifests through it, split by {@code manifest.ManifestStreamParser}.
 */
public final class YamlTree {

    private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** How the walk reads the document, which decides the paths. */
    public enum View {
        /**
         * The text as written (rendered manifests): each node once, so an alias is not walked again; map keys by
         * their text; a {@code <<} key is a key like any other.
         */
        WRITTEN,
        /**
         * As Helm decodes it (go-yaml v2 under sigs.k8s.io/yaml, for values): an alias is walked again where it is
         * used, a merge key ({@code <<}) is left out (its maps merge into the values around it), map keys are named
         * as Go names them ({@code y:} is the key "true", {@code 0x10:} is "16").
         */
        DECODED
    }

    /**
     * A node of the document: a map key ({@code key}) or a value, at the path of keys and indexes that leads to it
     * (a key's path ends with its own name). A key that is a map or a list is named {@code ?} (Go refuses such a
     * key when it decodes), and the walk does not go into it.
     */
    public record Entry(List<Object> segments, boolean key, Node node) {
        // Plain Optional checks rather than lambdas: each lambda is a class made at its first use, which a first
        // render in a fresh JVM pays for when it reads a values file.

        /** The 1-based line where the node starts. */
        public int line() {
            Optional<Mark> mark = node.getStartMark();
            return mark.isPresent() ? mark.get().getLine() + 1 : 1;
        }

        /** The 1-based column (in code points) where the node starts. */
        public int column() {
            Optional<Mark> mark = node.getStartMark();
            return mark.isPresent() ? mark.get().getColumn() + 1 : 1;
        }
    }

    /**
     * A scalar of the document, a map key or a value, with its path formatted as {@link #formatPath} does (a null
     * {@code path} is formatted from the segments when asked: only findings need it, and a path per scalar of a deep
     * document costs its depth each). Offsets are char offsets in the text.
     */
    public record Scalar(
            List<Object> segments,
            String path,
            boolean key,
            String value,
            ScalarStyle style,
            boolean explicitTag,
            int start,
            int end) {
        public boolean plain() {
            return style == ScalarStyle.PLAIN;
        }

        @Override
        public String path() {
            return path != null ? path : formatPath(segments);
        }
    }

    private final String text;
    private final GoBlockScalar blockScalars;
    private final Node root;
    private final List<Entry> entries = new ArrayList<>();
    private TextPositions positions;
    private List<Scalar> scalars;

    private YamlTree(String text, Node root, View view) {
        this.text = text;
        this.blockScalars = new GoBlockScalar(text);
        this.root = root;
        if (root != null) {
            // A class rather than a lambda: a lambda's class is spun at first use, which a first render pays for.
            walk(root, view, new Visitor() {
                /** The path of each depth of the walk; a node's path shares its parent's. */
                private final List<SegmentPath> paths = new ArrayList<>(List.of(SegmentPath.EMPTY));

                @Override
                public void entry(List<Object> segments, boolean key, Node node) {
                    // A walk tells a node before any node under it, so paths holds the current parent's path.
                    int size = segments.size();
                    SegmentPath path = size == 0
                            ? SegmentPath.EMPTY
                            : new SegmentPath(paths.get(size - 1), segments.get(size - 1), size);
                    paths.subList(Math.max(1, Math.min(size, paths.size())), paths.size())
                            .clear();
                    if (size > 0) {
                        paths.add(path);
                    }
                    entries.add(new Entry(path, key, node));
                }
            });
        }
    }

    /**
     * An entry's segments as its parent's path and one more segment: a copy of the whole path per node would cost the
     * depth times the number of nodes (a flow list of a million items under 1,000 maps took gigabytes).
     */
    private static final class SegmentPath extends java.util.AbstractList<Object> {
        static final SegmentPath EMPTY = new SegmentPath(null, null, 0);

        private final SegmentPath parent;
        private final Object last;
        private final int size;

        SegmentPath(SegmentPath parent, Object last, int size) {
            this.parent = parent;
            this.last = last;
            this.size = size;
        }

        @Override
        public Object get(int index) {
            java.util.Objects.checkIndex(index, size);
            SegmentPath p = this;
            while (p.size > index + 1) {
                p = p.parent;
            }
            return p.last;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public java.util.Iterator<Object> iterator() {
            return java.util.Arrays.asList(toArray()).iterator(); // one walk up, not one per element
        }

        @Override
        public java.util.ListIterator<Object> listIterator(int index) {
            return java.util.Arrays.asList(toArray()).listIterator(index); // equals reads through this
        }

        @Override
        public Object[] toArray() {
            Object[] out = new Object[size];
            for (SegmentPath p = this; p.size > 0; p = p.parent) {
                out[p.size - 1] = p.last;
            }
            return out;
        }
    }

    /** Told each node of a walk in document order; {@code segments} is the walk's own list, valid during the call. */
    @FunctionalInterface
    public interface Visitor {
        void entry(List<Object> segments, boolean key, Node node);
    }

    /**
     * Walks the tree under {@code root} as {@link #entries()} lists it, without keeping a path per node: the values
     * reader builds its positions this way, where a list of segments for every node of a deep document would cost
     * memory in proportion to the depth times the number of nodes.
     */
    public static void walk(Node root, View view, Visitor visitor) {
        new Walk(view, visitor).walk(root, new ArrayList<>(), Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /**
     * A rendered manifest read as written: its first document (the rest must be YAML too), duplicate keys allowed.
     * Throws {@link GoYamlException} with line and column when the YAML is bad or crosses a limit.
     */
    public static YamlTree parse(String text) {
        LoadSettings settings = GuardedYaml.settings("manifest")
                .setUseMarks(true)
                .setAllowDuplicateKeys(true)
                .build();
        try {
            return compose(settings, text, View.WRITTEN);
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            throw new GoYamlException(
                    e.getProblem() == null ? e.getMessage() : e.getProblem(),
                    mark.map(m -> m.getLine() + 1).orElse(-1),
                    mark.map(m -> m.getColumn() + 1).orElse(-1));
        } catch (YamlEngineException e) {
            throw new GoYamlException(e.getMessage(), -1, -1);
        }
    }

    /**
     * The first document of {@code text} with the caller's settings (marks must be on), every document composed
     * through {@link GuardedYaml#composeAll}; snakeyaml-engine's errors ({@link YamlLimitException} among them) pass
     * to the caller, which words them.
     */
    public static YamlTree compose(LoadSettings settings, String text, View view) {
        return compose(settings, text, view, UnaryOperator.identity());
    }

    /** {@link #compose(LoadSettings, String, View)} of the events as {@code events} passes them on. */
    public static YamlTree compose(LoadSettings settings, String text, View view, UnaryOperator<Parser> events) {
        List<Node> documents = GuardedYaml.composeAll(settings, text, events);
        return new YamlTree(text, documents.isEmpty() ? null : documents.get(0), view);
    }

    /** The document's root node, or null for an empty text. */
    public Node root() {
        return root;
    }

    public String text() {
        return text;
    }

    /** Every key and value of the document, in document order. */
    public List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** Line and column of offsets in the text. */
    public TextPositions positions() {
        if (positions == null) {
            positions = new TextPositions(text);
        }
        return positions;
    }

    /** The scalars (keys and values) in document order, each with its span in the text. */
    public List<Scalar> scalars() {
        if (scalars == null) {
            List<Scalar> found = new ArrayList<>();
            for (Entry entry : entries) {
                if (entry.node() instanceof ScalarNode scalar) {
                    found.add(scalar(entry, scalar));
                }
            }
            scalars = Collections.unmodifiableList(found);
        }
        return scalars;
    }

    private Scalar scalar(Entry entry, ScalarNode node) {
        TextPositions at = positions();
        int start = node.getStartMark()
                .map(m -> at.offset(m.getLine(), m.getColumn()))
                .orElse(0);
        int end = node.getEndMark()
                .map(m -> at.offset(m.getLine(), m.getColumn()))
                .orElse(start);
        return new Scalar(
                entry.segments(),
                null,
                entry.key(),
                value(node),
                node.getScalarStyle(),
                !node.isResolved(),
                start,
                end);
    }

    /** The innermost scalar whose span holds the offset, if any. */
    public Optional<Scalar> scalarAt(int offset) {
        Scalar best = null;
        for (Scalar s : scalars()) {
            if (s.start() <= offset
                    && offset < s.end()
                    && (best == null || s.end() - s.start() < best.end() - best.start())) {
                best = s;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The scalar value at a path of keys (String) and indexes (Integer). */
    public Optional<Scalar> scalarAtPath(List<Object> segments) {
        return scalars().stream()
                .filter(s -> !s.key() && s.segments().equals(segments))
                .findFirst();
    }

    /** Whether the offset sits in a comment: after a {@code #} that starts a comment on its line. */
    public boolean inComment(int offset) {
        TextPositions at = positions();
        String lineText = at.lineText(at.line(offset));
        int col = at.column(offset) - 1;
        for (int i = 0; i < Math.min(col, lineText.length()); i++) {
            if (lineText.charAt(i) == '#' && (i == 0 || Character.isWhitespace(lineText.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** A top-level string field such as {@code kind}, or a nested one such as {@code metadata.name}. */
    public Optional<String> string(String... keys) {
        return nodeAt(keys) instanceof ScalarNode s ? Optional.of(value(s)) : Optional.empty();
    }

    /** A string-to-string mapping such as {@code metadata.annotations}; empty when absent. */
    public Map<String, String> stringMap(String... keys) {
        Map<String, String> out = new LinkedHashMap<>();
        if (nodeAt(keys) instanceof MappingNode mapping) {
            for (NodeTuple t : mapping.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && t.getValueNode() instanceof ScalarNode v) {
                    out.put(k.getValue(), value(v));
                }
            }
        }
        return out;
    }

    /** A scalar's value as go-yaml reads it ({@link GoBlockScalar}). */
    private String value(ScalarNode node) {
        return blockScalars.value(node.getValue(), node.getScalarStyle(), node.getEndMark());
    }

    /** The node at a path of map keys (the last of repeated keys), or null. */
    private Node nodeAt(String... keys) {
        Node node = root;
        for (String key : keys) {
            if (!(node instanceof MappingNode mapping)) {
                return null;
            }
            Node next = null;
            for (NodeTuple t : mapping.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    next = t.getValueNode();
                }
            }
            node = next;
        }
        return node;
    }

    /** A field path as people read it in a manifest: {@code spec.containers[0].env[1].value}, {@code data[a.json]}. */
    public static String formatPath(List<Object> segments) {
        StringBuilder out = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else {
                String key = String.valueOf(segment);
                if (SIMPLE_KEY.matcher(key).matches()) {
                    if (!out.isEmpty()) {
                        out.append('.');
                    }
                    out.append(key);
                } else {
                    out.append('[').append(key).append(']');
                }
            }
        }
        return out.isEmpty() ? "(document)" : out.toString();
    }

    private record Walk(View view, Visitor visitor) {
        /**
         * Walks in document order, one frame per level (the composer bounds the depth at
         * {@link GuardedYaml#TREE_MAX_DEPTH}). As written, a node met again through an alias is skipped; decoded,
         * {@code seen} holds only the nodes being walked, so an alias is walked again wherever it is used.
         */
        void walk(Node node, List<Object> segments, Set<Node> seen) {
            if (!seen.add(node)) {
                return;
            }
            visitor.entry(segments, false, node);
            if (node instanceof SequenceNode sequence) {
                List<Node> items = sequence.getValue();
                for (int i = 0; i < items.size(); i++) {
                    segments.add(i);
                    walk(items.get(i), segments, seen);
                    segments.remove(segments.size() - 1);
                }
            } else if (node instanceof MappingNode mapping) {
                for (NodeTuple tuple : mapping.getValue()) {
                    Node keyNode = tuple.getKeyNode();
                    if (view == View.DECODED && isMergeKey(keyNode)) {
                        continue;
                    }
                    segments.add(keyName(keyNode));
                    visitor.entry(segments, true, keyNode);
                    walk(tuple.getValueNode(), segments, seen);
                    segments.remove(segments.size() - 1);
                }
            }
            if (view == View.DECODED) {
                seen.remove(node);
            }
        }

        private String keyName(Node keyNode) {
            if (!(keyNode instanceof ScalarNode key)) {
                return "?";
            }
            return view == View.DECODED
                    ? YamlReader.helmKeyName(key.getValue(), explicitTag(key), plain(key))
                    : key.getValue();
        }
    }

    /** go-yaml's merge key: a {@code <<} untagged and plain, or tagged {@code !!merge}. */
    private static boolean isMergeKey(Node keyNode) {
        return keyNode instanceof ScalarNode key
                && key.getValue().equals("<<")
                && (plain(key) || YamlResolver.MERGE_TAG.equals(explicitTag(key)));
    }

    private static String explicitTag(ScalarNode node) {
        return node.isResolved() ? null : node.getTag().getValue();
    }

    private static boolean plain(ScalarNode node) {
        return node.getScalarStyle() == ScalarStyle.PLAIN && node.isResolved();
    }

    // ---- the typed view

    /**
     * One YAML document of a file in the typed view; {@code root} is never a null scalar (an empty document is left
     * out). {@code firstLine} is the file line where the document's text starts.
     */
    public record TypedDocument(String file, int firstLine, YNode root, String text) {}

    /**
     * One YAML document in the typed view, as kubectl and Flux hand it to the API server: sigs.k8s.io/yaml over
     * go-yaml v2, so every scalar is typed by {@link YamlResolver} ({@code yes} and {@code on} are booleans,
     * {@code 0x1F} an integer, {@code 1e3} a float, {@code _1} a string), every map key is the string Go makes of it,
     * an alias stands for its anchor's node and {@code <<} merge keys are applied. Duplicate keys are kept (the last
     * wins) and listed on their map, so a check can report them as the API server's strict mode does. Lines count
     * from {@code firstLine}, the file line of the text's first character; empty when the document is empty or null.
     * Bad YAML, a tag go-yaml cannot decode ({@code !!int abc}) or a crossed limit throws {@link GoYamlException}
     * whose message starts with {@code file:line:} and whose line is the file line.
     *
     * <p>The text is one document: a file or stream of several is split by {@code manifest.ManifestStreamParser}
     * ({@code typedDocuments}), the one reader of manifest streams, which gives each document its file line.
     */
    public static Optional<TypedDocument> typedDocument(String text, String file, int firstLine) {
        LoadSettings settings = GuardedYaml.settings(file)
                .setAllowDuplicateKeys(true) // reported as findings, the way the API server's strict mode does
                .build();
        YNode root;
        try {
            Node node =
                    GuardedYaml.compose(settings, text, CountedEvents.AROUND).orElse(null);
            root = node == null ? null : new Typer(file, firstLine, new GoBlockScalar(text)).convert(node);
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark();
            int at = mark.map(Mark::getLine).orElse(0) + firstLine;
            throw new GoYamlException(
                    file + ":" + at + ": " + e.getProblem(),
                    at,
                    mark.map(m -> m.getColumn() + 1).orElse(-1));
        } catch (YamlEngineException e) {
            throw new GoYamlException(file + ":" + firstLine + ": " + e.getMessage(), firstLine, -1);
        }
        if (root == null || (root instanceof YNode.YScalar s && s.type() == YNode.ScalarType.NULL)) {
            return Optional.empty();
        }
        return Optional.of(new TypedDocument(file, firstLine, root, text));
    }

    /**
     * Builds the typed nodes of one document. A node reached again through an alias is built once and shared (the
     * guarded parser already bounded the expansion); an alias inside its own anchor is refused, as go-yaml does.
     * Recursion follows the composed tree, whose depth {@link GuardedYaml#TREE_MAX_DEPTH} bounds.
     */
    private static final class Typer {
        private final String file;
        private final int baseLine;
        private final GoBlockScalar blockScalars;
        private final IdentityHashMap<Node, YNode> done = new IdentityHashMap<>();
        private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());

        Typer(String file, int baseLine, GoBlockScalar blockScalars) {
            this.file = file;
            this.baseLine = baseLine;
            this.blockScalars = blockScalars;
        }

        private int lineOf(Node node) {
            return node.getStartMark().map(Mark::getLine).orElse(0) + baseLine;
        }

        private int columnOf(Node node) {
            return node.getStartMark().map(m -> m.getColumn() + 1).orElse(-1);
        }

        YNode convert(Node node) {
            YNode known = done.get(node);
            if (known != null) {
                return known;
            }
            if (!inProgress.add(node)) {
                // go-yaml refuses these too ("anchor value contains itself"); JSON cannot hold them.
                throw error(node, "an alias refers to a node that contains it");
            }
            YNode result;
            if (node instanceof ScalarNode scalar) {
                result = scalar(scalar);
            } else if (node instanceof SequenceNode sequence) {
                List<YNode> items = new ArrayList<>();
                for (Node item : sequence.getValue()) {
                    items.add(convert(item));
                }
                result = new YNode.YSeq(items, lineOf(node));
            } else {
                result = mapping((MappingNode) node);
            }
            inProgress.remove(node);
            done.put(node, result);
            return result;
        }

        private YNode.YMap mapping(MappingNode node) {
            Map<String, YNode> entries = new LinkedHashMap<>();
            Map<String, Integer> keyLines = new LinkedHashMap<>();
            List<String> duplicates = new ArrayList<>();
            List<YNode.YMap> merges = new ArrayList<>();
            for (NodeTuple tuple : node.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (isMergeKey(keyNode)) {
                    YNode merged = convert(tuple.getValueNode());
                    if (merged instanceof YNode.YMap m) {
                        merges.add(m);
                    } else if (merged instanceof YNode.YSeq s) {
                        for (YNode item : s.items()) {
                            if (item instanceof YNode.YMap m) {
                                merges.add(m);
                            }
                        }
                    }
                    continue;
                }
                String key = keyText(keyNode);
                if (entries.containsKey(key)) {
                    duplicates.add(key);
                }
                entries.put(key, convert(tuple.getValueNode()));
                keyLines.put(key, lineOf(keyNode));
            }
            // Merge keys: explicit entries win, earlier merged maps win over later ones.
            for (YNode.YMap m : merges) {
                for (Map.Entry<String, YNode> e : m.entries().entrySet()) {
                    if (!entries.containsKey(e.getKey())) {
                        entries.put(e.getKey(), e.getValue());
                        keyLines.put(e.getKey(), m.lineOf(e.getKey()));
                    }
                }
            }
            return new YNode.YMap(entries, keyLines, duplicates, lineOf(node));
        }

        /**
         * The JSON key sigs.k8s.io/yaml makes of a key ({@code on} is "true", {@code 0x10} is "16"); a null key,
         * which Go refuses, reads "null", and a map or list key keeps something readable.
         */
        private String keyText(Node keyNode) {
            if (keyNode instanceof ScalarNode key) {
                return scalar(key).type() == YNode.ScalarType.NULL
                        ? "null"
                        : YamlReader.helmKeyName(key.getValue(), explicitTag(key), plain(key));
            }
            return String.valueOf(convert(keyNode));
        }

        private YNode.YScalar scalar(ScalarNode node) {
            String text = blockScalars.value(node.getValue(), node.getScalarStyle(), node.getEndMark());
            YamlResolver.Resolved resolved;
            try {
                resolved = YamlReader.resolve(text, explicitTag(node), plain(node), false);
            } catch (GoYamlException e) {
                throw error(node, e.getMessage());
            }
            int line = lineOf(node);
            return switch (resolved.kind()) {
                case NULL -> new YNode.YScalar(YNode.ScalarType.NULL, "null", line);
                case BOOL -> new YNode.YScalar(YNode.ScalarType.BOOL, String.valueOf(resolved.value()), line);
                case INT -> new YNode.YScalar(YNode.ScalarType.INT, String.valueOf(resolved.value()), line);
                case FLOAT -> new YNode.YScalar(YNode.ScalarType.FLOAT, floatText(text, resolved.value()), line);
                case TIMESTAMP -> new YNode.YScalar(YNode.ScalarType.TIMESTAMP, text, line);
                case STR, MERGE -> new YNode.YScalar(YNode.ScalarType.STRING, String.valueOf(resolved.value()), line);
            };
        }

        /** A finite float as its exact decimal value (from the text, so no binary rounding), else as written. */
        private static String floatText(String text, Object value) {
            if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
                return text;
            }
            String plain = text.replace("_", "");
            plain = plain.startsWith("+") ? plain.substring(1) : plain;
            plain = plain.startsWith("-.") ? "-0" + plain.substring(1) : plain.startsWith(".") ? "0" + plain : plain;
            try {
                return new BigDecimal(plain).toString();
            } catch (NumberFormatException e) {
                return String.valueOf(value); // a tagged !!float whose text is no decimal (Go parsed it)
            }
        }

        private GoYamlException error(Node node, String message) {
            int line = lineOf(node);
            return new GoYamlException(file + ":" + line + ": " + message, line, columnOf(node));
        }
    }
}
