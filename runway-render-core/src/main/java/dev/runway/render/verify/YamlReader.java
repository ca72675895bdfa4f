package dev.runway.render.verify;

import dev.runway.render.verify.YNode.ScalarType;
import dev.runway.render.verify.YNode.YMap;
import dev.runway.render.verify.YNode.YScalar;
import dev.runway.render.verify.YNode.YSeq;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads manifest YAML into {@link YNode}s the way kubectl and Flux hand it to the API server: sigs.k8s.io/yaml
 * with go-yaml v2 scalar resolution ({@code yes}, {@code on} are booleans; {@code 0x1F} is a number; {@code 1e3}
 * a float), every map key a string, {@code <<} merge keys applied. snakeyaml-engine only builds the node tree
 * (with line marks); the typing rules are Go's, applied here.
 */
final class YamlReader {

    /** One YAML document of a file; {@code root} is null for an empty document. */
    record Document(String file, int firstLine, YNode root, String text) {}

    /** A YAML syntax error with the place it happened. */
    static final class YamlSyntaxException extends RuntimeException {
        private final int line;

        YamlSyntaxException(String message, int line) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
    private static final Set<String> TRUES =
            Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
    private static final Set<String> FALSES =
            Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
    private static final Set<String> SPECIAL_FLOATS = Set.of(
            ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN");
    /** go-yaml v2's yamlStyleFloat. */
    private static final Pattern FLOAT = Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");

    private YamlReader() {}

    /** Parses one YAML document (or several separated by {@code ---}) of a file. */
    static List<Document> read(String text, String file) {
        return read(text, file, 1);
    }

    /**
     * Parses the documents of {@code text}; line numbers count from {@code firstLine} (the line of the text's
     * first character within {@code file}).
     */
    static List<Document> read(String text, String file, int firstLine) {
        LoadSettings settings = dev.runway.render.yaml.GuardedYaml.settings(file)
                .setAllowDuplicateKeys(true) // reported as findings, the way the API server's strict mode does
                .build();
        List<String> texts = splitDocuments(text);
        List<Document> documents = new ArrayList<>();
        int line = firstLine;
        for (String docText : texts) {
            YNode root;
            try {
                Node node = dev.runway.render.yaml.GuardedYaml.compose(settings, docText)
                        .orElse(null);
                root = node == null ? null : new Converter(line).convert(node);
            } catch (MarkedYamlEngineException e) {
                int at = e.getProblemMark().map(m -> m.getLine()).orElse(0) + line;
                throw new YamlSyntaxException(file + ":" + at + ": " + e.getProblem(), at);
            } catch (YamlEngineException e) {
                throw new YamlSyntaxException(file + ":" + line + ": " + e.getMessage(), line);
            } catch (YamlSyntaxException e) {
                throw new YamlSyntaxException(file + ": " + e.getMessage(), e.line());
            }
            if (root != null && !(root instanceof YScalar s && s.type() == ScalarType.NULL)) {
                documents.add(new Document(file, line, root, docText));
            }
            line += countLines(docText);
        }
        return documents;
    }

    /**
     * Splits at {@code ---} lines, keeping the line count of every part (the separator line belongs to no
     * document), so marks can be shifted to file lines.
     */
    static List<String> splitDocuments(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int start = 0;
        boolean first = true;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            String line = end < 0 ? text.substring(start) : text.substring(start, end + 1);
            if (line.isEmpty()) {
                break;
            }
            String bare = line.stripTrailing();
            if (bare.equals("---") || bare.startsWith("--- ") || bare.startsWith("---\t")) {
                if (!first || current.length() > 0) {
                    parts.add(current.toString());
                }
                // The separator line itself: an empty line keeps the numbering right.
                current = new StringBuilder("\n");
                first = false;
            } else {
                current.append(line);
            }
            if (end < 0) {
                break;
            }
            start = end + 1;
        }
        parts.add(current.toString());
        return parts;
    }

    private static int countLines(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static final class Converter {
        private final int baseLine;
        private final IdentityHashMap<Node, YNode> done = new IdentityHashMap<>();
        private final Set<Node> inProgress = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

        Converter(int baseLine) {
            this.baseLine = baseLine;
        }

        int lineOf(Node node) {
            return node.getStartMark().map(m -> m.getLine()).orElse(0) + baseLine;
        }

        YNode convert(Node node) {
            YNode known = done.get(node);
            if (known != null) {
                return known;
            }
            if (!inProgress.add(node)) {
                // go-yaml refuses these too ("anchor value contains itself"); JSON cannot hold them.
                throw new YamlSyntaxException(
                        "line " + lineOf(node) + ": an alias refers to a node that contains it", lineOf(node));
            }
            YNode result;
            if (node instanceof ScalarNode scalar) {
                result = scalar(scalar);
            } else if (node instanceof SequenceNode seq) {
                List<YNode> items = new ArrayList<>();
                for (Node item : seq.getValue()) {
                    items.add(convert(item));
                }
                result = new YSeq(items, lineOf(node));
            } else {
                result = mapping((MappingNode) node);
            }
            inProgress.remove(node);
            done.put(node, result);
            return result;
        }

        private YMap mapping(MappingNode node) {
            Map<String, YNode> entries = new LinkedHashMap<>();
            Map<String, Integer> keyLines = new LinkedHashMap<>();
            List<String> duplicates = new ArrayList<>();
            List<YMap> merges = new ArrayList<>();
            for (NodeTuple tuple : node.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (keyNode instanceof ScalarNode k
                        && k.isPlain()
                        && k.getValue().equals("<<")
                        && (k.isResolved() || Tag.MERGE.equals(k.getTag()))) {
                    YNode merged = convert(tuple.getValueNode());
                    if (merged instanceof YMap m) {
                        merges.add(m);
                    } else if (merged instanceof YSeq s) {
                        for (YNode item : s.items()) {
                            if (item instanceof YMap m) {
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
            for (YMap m : merges) {
                for (Map.Entry<String, YNode> e : m.entries().entrySet()) {
                    if (!entries.containsKey(e.getKey())) {
                        entries.put(e.getKey(), e.getValue());
                        keyLines.put(e.getKey(), m.lineOf(e.getKey()));
                    }
                }
            }
            return new YMap(entries, keyLines, duplicates, lineOf(node));
        }

        private String keyText(Node keyNode) {
            if (keyNode instanceof ScalarNode s) {
                YScalar scalar = scalar(s);
                return switch (scalar.type()) {
                    case NULL -> "null";
                    default -> scalar.value();
                };
            }
            // A complex key: sigs.k8s.io/yaml cannot turn it into JSON; keep something readable.
            return String.valueOf(convert(keyNode));
        }

        private YScalar scalar(ScalarNode node) {
            int line = lineOf(node);
            String text = node.getValue();
            if (!node.isResolved()) {
                return explicit(node.getTag(), text, line);
            }
            if (!node.isPlain()) {
                return new YScalar(ScalarType.STRING, text, line);
            }
            return resolvePlain(text, line);
        }
    }

    /** go-yaml v2's resolve() for a plain scalar. */
    static YScalar resolvePlain(String text, int line) {
        if (NULLS.contains(text)) {
            return new YScalar(ScalarType.NULL, "null", line);
        }
        if (TRUES.contains(text)) {
            return new YScalar(ScalarType.BOOL, "true", line);
        }
        if (FALSES.contains(text)) {
            return new YScalar(ScalarType.BOOL, "false", line);
        }
        if (SPECIAL_FLOATS.contains(text)) {
            return new YScalar(ScalarType.FLOAT, text, line);
        }
        String plain = text.replace("_", "");
        BigInteger integer = parseGoInt(plain);
        if (integer != null) {
            return new YScalar(ScalarType.INT, integer.toString(), line);
        }
        if (FLOAT.matcher(plain).matches()) {
            String normal = plain.startsWith("+") ? plain.substring(1) : plain;
            normal = normal.startsWith("-.")
                    ? "-0" + normal.substring(1)
                    : normal.startsWith(".") ? "0" + normal : normal;
            BigDecimal value = new BigDecimal(normal);
            return new YScalar(ScalarType.FLOAT, value.toString(), line);
        }
        return new YScalar(ScalarType.STRING, text, line);
    }

    private static YScalar explicit(Tag tag, String text, int line) {
        if (Tag.STR.equals(tag) || Tag.BINARY.equals(tag)) {
            return new YScalar(ScalarType.STRING, text, line);
        }
        if (Tag.NULL.equals(tag)) {
            return new YScalar(ScalarType.NULL, "null", line);
        }
        if (Tag.BOOL.equals(tag) || Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
            return resolvePlain(text, line);
        }
        // Any other tag: go-yaml keeps the text.
        return new YScalar(ScalarType.STRING, text, line);
    }

    /** strconv.ParseInt(s, 0, 64) plus go-yaml v2's 0b prefix; null when s is no integer. */
    private static BigInteger parseGoInt(String s) {
        if (s.isEmpty()) {
            return null;
        }
        String sign = "";
        String digits = s;
        if (digits.startsWith("+") || digits.startsWith("-")) {
            sign = digits.startsWith("-") ? "-" : "";
            digits = digits.substring(1);
        }
        int radix = 10;
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            radix = 16;
            digits = digits.substring(2);
        } else if (digits.startsWith("0b") || digits.startsWith("0B")) {
            radix = 2;
            digits = digits.substring(2);
        } else if (digits.startsWith("0o") || digits.startsWith("0O")) {
            radix = 8;
            digits = digits.substring(2);
        } else if (digits.length() > 1 && digits.startsWith("0")) {
            radix = 8;
            digits = digits.substring(1);
        }
        if (digits.isEmpty()) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), radix) < 0) {
                return null;
            }
        }
        BigInteger value = new BigInteger(sign + digits, radix);
        if (value.bitLength() > 63) {
            // ParseInt fails; go-yaml then tries ParseUint (unsigned) and finally float.
            return sign.isEmpty() && value.bitLength() <= 64 ? value : null;
        }
        return value;
    }

    static BigDecimal numberValue(YScalar scalar) {
        try {
            return new BigDecimal(scalar.value());
        } catch (NumberFormatException e) {
            return null; // .inf, .nan
        }
    }

    /** True when {@code text} is standard base64, as Go's encoding/json reads []byte. */
    static boolean isBase64(String text) {
        try {
            Base64.getDecoder().decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A JSON-like rendering of a node, for messages and structural comparison. */
    static Object plain(YNode node) {
        if (node instanceof YMap m) {
            Map<String, Object> out = new java.util.TreeMap<>();
            m.entries().forEach((k, v) -> out.put(k, plain(v)));
            return out;
        }
        if (node instanceof YSeq s) {
            return s.items().stream().map(YamlReader::plain).toList();
        }
        YScalar s = (YScalar) node;
        return switch (s.type()) {
            case NULL -> "null";
            case STRING -> "\"" + s.value() + "\"";
            default -> s.value();
        };
    }
}
