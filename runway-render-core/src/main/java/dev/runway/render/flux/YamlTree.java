package dev.runway.render.flux;

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

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One YAML document parsed with positions (snakeyaml-engine): every scalar with its field path
 * ({@code spec.template.spec.containers[0].env[1].value}, {@code data[credentials.json]}) and its span in the text,
 * so a placeholder found in the text can be tied to the field that holds it.
 */
final class YamlTree {

    private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** A scalar of the document: a mapping key or a value. Offsets are char offsets in the document text. */
    record Scalar(List<Object> segments, String path, boolean key, String value, ScalarStyle style,
                  boolean explicitTag, int start, int end) {
        boolean plain() {
            return style == ScalarStyle.PLAIN;
        }
    }

    private final String text;
    private final Node root;
    private final List<Scalar> scalars = new ArrayList<>();
    private final TextPositions positions;

    private YamlTree(String text, Node root) {
        this.text = text;
        this.root = root;
        this.positions = new TextPositions(text);
        if (root != null) {
            walk(root, new ArrayList<>(), new IdentityHashMap<>());
        }
    }

    /** Parses one document. Throws {@link YamlParseException} with line and column when the YAML is bad. */
    static YamlTree parse(String text) {
        LoadSettings settings = dev.runway.render.yaml.GuardedYaml.settings("manifest").setUseMarks(true)
                .setAllowDuplicateKeys(true).build();
        try {
            Node node = null;
            int count = 0;
            for (Node n : dev.runway.render.yaml.GuardedYaml.composeAll(settings, text)) {
                if (count++ == 0) {
                    node = n;
                }
            }
            return new YamlTree(text, node);
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            throw new YamlParseException(e.getProblem() == null ? e.getMessage() : e.getProblem(),
                    mark.map(m -> m.getLine() + 1).orElse(0), mark.map(m -> m.getColumn() + 1).orElse(0));
        } catch (YamlEngineException e) {
            throw new YamlParseException(e.getMessage(), 0, 0);
        }
    }

    /** Bad YAML, with a 1-based line and column in the document (0 when unknown). */
    static final class YamlParseException extends RuntimeException {
        private final int line;
        private final int column;

        YamlParseException(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        int line() {
            return line;
        }

        int column() {
            return column;
        }
    }

    Node root() {
        return root;
    }

    List<Scalar> scalars() {
        return scalars;
    }

    /** The innermost scalar whose span holds the offset, if any. */
    Optional<Scalar> scalarAt(int offset) {
        Scalar best = null;
        for (Scalar s : scalars) {
            if (s.start() <= offset && offset < s.end()
                    && (best == null || s.end() - s.start() < best.end() - best.start())) {
                best = s;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The scalar value at a path of keys (String) and indexes (Integer). */
    Optional<Scalar> scalarAtPath(List<Object> segments) {
        return scalars.stream().filter(s -> !s.key() && s.segments().equals(segments)).findFirst();
    }

    /** Whether the offset sits in a comment: after a {@code #} that starts a comment on its line. */
    boolean inComment(int offset) {
        int line = positions.line(offset);
        String lineText = positions.lineText(line);
        int col = positions.column(offset) - 1;
        for (int i = 0; i < Math.min(col, lineText.length()); i++) {
            if (lineText.charAt(i) == '#' && (i == 0 || Character.isWhitespace(lineText.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** A top-level string field such as {@code kind}, or a nested one such as {@code metadata.name}. */
    Optional<String> string(String... keys) {
        Node node = root;
        for (String key : keys) {
            if (!(node instanceof MappingNode mapping)) {
                return Optional.empty();
            }
            Node next = null;
            for (NodeTuple t : mapping.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    next = t.getValueNode();
                }
            }
            node = next;
        }
        return node instanceof ScalarNode s ? Optional.of(s.getValue()) : Optional.empty();
    }

    /** A string-to-string mapping such as {@code metadata.annotations}; empty when absent. */
    Map<String, String> stringMap(String... keys) {
        Node node = root;
        for (String key : keys) {
            if (!(node instanceof MappingNode mapping)) {
                return Map.of();
            }
            Node next = null;
            for (NodeTuple t : mapping.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    next = t.getValueNode();
                }
            }
            node = next;
        }
        Map<String, String> out = new LinkedHashMap<>();
        if (node instanceof MappingNode mapping) {
            for (NodeTuple t : mapping.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && t.getValueNode() instanceof ScalarNode v) {
                    out.put(k.getValue(), v.getValue());
                }
            }
        }
        return out;
    }

    static String formatPath(List<Object> segments) {
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

    private void walk(Node node, List<Object> segments, IdentityHashMap<Node, Boolean> seen) {
        if (seen.put(node, Boolean.TRUE) != null) {
            return; // an alias of a node already walked
        }
        if (node instanceof ScalarNode scalar) {
            add(scalar, segments, false);
        } else if (node instanceof SequenceNode sequence) {
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                List<Object> child = new ArrayList<>(segments);
                child.add(i);
                walk(items.get(i), child, seen);
            }
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                String key = keyNode instanceof ScalarNode k ? k.getValue() : "?";
                List<Object> child = new ArrayList<>(segments);
                child.add(key);
                if (keyNode instanceof ScalarNode k) {
                    add(k, child, true);
                }
                walk(tuple.getValueNode(), child, seen);
            }
        }
    }

    private void add(ScalarNode scalar, List<Object> segments, boolean key) {
        int start = scalar.getStartMark().map(m -> positions.offset(m.getLine(), m.getColumn())).orElse(0);
        int end = scalar.getEndMark().map(m -> positions.offset(m.getLine(), m.getColumn())).orElse(start);
        scalars.add(new Scalar(List.copyOf(segments), formatPath(segments), key, scalar.getValue(),
                scalar.getScalarStyle(), !scalar.isResolved(), start, end));
    }

    String text() {
        return text;
    }

    TextPositions positions() {
        return positions;
    }
}
