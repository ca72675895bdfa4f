package dev.runway.render.yaml;

import dev.runway.render.gofmt.GoStrconv;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * Reads YAML the way Helm does (sigs.k8s.io/yaml.Unmarshal): go-yaml v2 decodes the first document into Go values
 * with YAML 1.1 scalar resolution, map keys become strings, and the JSON round trip turns every number into a
 * float64 ({@code Double}). snakeyaml-engine does the syntax (scanner and parser events); resolution, anchors,
 * aliases and merge keys are done here with go-yaml v2's rules.
 */
final class YamlReader {

    /** The parsed tree of the first document; aliases point at their anchored node. */
    private sealed interface Node permits Scalar, Sequence, Mapping, Alias {
        At mark();
    }

    /**
     * Where a node starts, for messages: 1-based line and column, -1 when unknown. Not snakeyaml's Mark: each Mark
     * holds the reader's window of the text at that point, so a tree of Marks kept some 4 bytes per character of the
     * text alive (64 MB for the 16 MiB a template string may have).
     */
    private record At(int line, int column) {
        static At of(Optional<Mark> mark) {
            return mark.isPresent()
                    ? new At(mark.get().getLine() + 1, mark.get().getColumn() + 1)
                    : new At(-1, -1);
        }
    }

    private record Scalar(String value, String tag, boolean plain, At mark) implements Node {}

    private record Sequence(List<Node> items, At mark) implements Node {}

    private record Mapping(List<Node> pairs, At mark) implements Node {}

    private static final class Alias implements Node {
        final String name;
        Node target;
        final At mark;

        Alias(String name, Node target, At mark) {
            this.name = name;
            this.target = target;
            this.mark = mark;
        }

        @Override
        public At mark() {
            return mark;
        }
    }

    /** Which Go reading the values follow. */
    enum Mode {
        /** sigs.k8s.io/yaml.Unmarshal as Helm calls it: go-yaml v2, then JSON into interface{}: numbers float64. */
        HELM,
        /** sigs.k8s.io/yaml.YAMLToJSON: go-yaml v2 values, JSON written as is (integers stay integers). */
        YAML_TO_JSON,
        /**
         * kustomize's kyaml (RNode.MarshalJSON): go-yaml v3 Unmarshal into map[string]interface{}, then json.Marshal:
         * YAML 1.2 booleans, timestamps as time.Time, duplicate keys and non-string keys of nested maps refused.
         */
        KYAML_JSON,
        /** gopkg.in/yaml.v3 Unmarshal into interface{} with no JSON step (helm-unittest). */
        V3,
        /**
         * sigs.k8s.io/yaml.Unmarshal into a struct (Chart.yaml into chart.Metadata): go-yaml v2 values keeping their
         * own number types (Long or BigInteger, Double with NaN and infinities), because the struct field decides how
         * a number becomes text; Helm's error text.
         */
        HELM_STRUCT;

        /** Errors read as Helm's loader prints them: "error converting YAML to JSON: ...". */
        boolean helmErrors() {
            return this == HELM || this == HELM_STRUCT;
        }
    }

    /**
     * Most nodes (scalars, maps, lists, aliases) one text may hold, so that a hostile text (fromYaml of 16 MiB of
     * {@code [a,a,...]}: 8 million nodes, gigabytes as a tree) ends in an error instead of an OutOfMemoryError;
     * 250,000 nodes read within 128 MB of heap. The same bound as the values files' (values.ValuesLimits), far above
     * real documents (Kubernetes keeps an object under 1.5 MB; a chart's values some thousands of values). Go has none.
     */
    static final int MAX_NODES = 250_000;

    private final Mode mode;
    private int nodes;
    private final Map<String, Node> anchors = new HashMap<>();
    private final java.util.Set<Node> decoding = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    private YamlReader(Mode mode) {
        this.mode = mode;
    }

    /**
     * yaml.v3's Unmarshal into interface{} (what helm-unittest reads suites, manifests and snapshots with): Long or
     * BigInteger for integers, Double for floats (NaN and infinities included), only true/false as booleans,
     * timestamps and other scalars as strings, map keys as their text.
     */
    static Object readV3(String text, String sourceName) {
        try {
            return readV3OnThisThread(text);
        } catch (StackOverflowError e) {
            return onDeepStack(() -> readV3OnThisThread(text));
        }
    }

    private static Object readV3OnThisThread(String text) {
        YamlReader reader = new YamlReader(Mode.V3);
        Node root = reader.parse(text);
        return root == null ? null : reader.toJsonValue(root);
    }

    /**
     * Building and decoding recurse once per level, and documents may nest up to go-yaml's 10,000 levels (checked
     * by {@link GuardedYaml#goParser} before anything deeper is built): more than a default thread's stack holds.
     * The readers run on the calling thread first and come here when it overflows (no lambda on the common path: a
     * lambda costs a class spin in a fresh JVM, issue 19).
     */
    private static Object onDeepStack(java.util.function.Supplier<Object> read) {
        return dev.runway.render.io.DeepStack.rerun(
                read, overflow -> new GoYamlException("yaml: the document nests too deeply to read", -1, -1));
    }

    /** go-yaml v2 + sigs.k8s.io/yaml: the first document as JSON-compatible Go values. */
    static Object read(String text, String sourceName) {
        return read(text, sourceName, Mode.HELM);
    }

    /** The first document read as {@code mode} says. */
    static Object read(String text, String sourceName, Mode mode) {
        try {
            return readOnThisThread(text, mode);
        } catch (StackOverflowError e) {
            return onDeepStack(() -> readOnThisThread(text, mode));
        }
    }

    private static Object readOnThisThread(String text, Mode mode) {
        YamlReader reader = new YamlReader(mode);
        Node root = reader.parse(text);
        if (root == null) {
            return null;
        }
        try {
            return reader.toJsonValue(root, true);
        } catch (GoYamlException e) {
            throw mode.helmErrors() ? e.wrap("error converting YAML to JSON: ") : e;
        }
    }

    private String text = "";

    /** Block scalars as go-yaml reads them from {@link #text}. */
    private GoBlockScalar blockScalars;

    /**
     * One immutable set of parser settings for every read: building them makes a new scalar resolver each time (a
     * few percent of a render that calls fromYaml). Their label is not used: messages are built from the problem,
     * context and line of snakeyaml's exception, never from its mark's name.
     */
    private static final LoadSettings SETTINGS = GuardedYaml.settings("<input>")
            .setAllowDuplicateKeys(true)
            .setParseComments(false)
            .build();

    private Node parse(String text) {
        this.text = text;
        this.blockScalars = new GoBlockScalar(text);
        String readerProblem = GoYamlErrors.readerProblem(text);
        if (readerProblem != null) {
            throw new GoYamlException(
                    (mode.helmErrors() ? "error converting YAML to JSON: " : "") + "yaml: " + readerProblem, -1, -1);
        }
        try {
            Parser parser = GuardedYaml.goParser(SETTINGS, text);
            while (parser.hasNext()) {
                Event event = parser.next();
                switch (event.getEventId()) {
                    case StreamStart, DocumentStart, Comment -> {
                        continue;
                    }
                    case StreamEnd -> {
                        return null;
                    }
                    default -> {
                        Node root = node(event, parser);
                        return root;
                    }
                }
            }
            return null;
        } catch (YamlLimitException e) {
            throw limitError(e);
        } catch (MarkedYamlEngineException e) {
            throw syntaxError(e, text);
        } catch (YamlEngineException e) {
            throw new GoYamlException(
                    (mode.helmErrors() ? "error converting YAML to JSON: " : "") + "yaml: " + e.getMessage(), -1, -1);
        }
    }

    private Node node(Event event, Parser parser) {
        if (++nodes > MAX_NODES) {
            throw new GoYamlException.TooManyValues(
                    (mode.helmErrors() ? "error converting YAML to JSON: " : "") + "yaml: line "
                            + line(event.getStartMark()) + ": the document holds more than " + MAX_NODES
                            + " values, the most one text may hold here (to bound the memory it takes)",
                    line(event.getStartMark()),
                    column(event.getStartMark()));
        }
        switch (event.getEventId()) {
            case Scalar -> {
                ScalarEvent s = (ScalarEvent) event;
                if (s.getScalarStyle() == ScalarStyle.DOUBLE_QUOTED) {
                    checkEscapes(s);
                }
                // Plain Optional checks rather than lambdas on this path (here and in anchor): each lambda is a
                // class made at its first use, which a first render in a fresh JVM pays for.
                Optional<String> tag = s.getTag();
                Scalar node = new Scalar(
                        blockScalars.value(s.getValue(), s.getScalarStyle(), s.getEndMark()),
                        tag.isPresent() && !tag.get().equals("!") ? tag.get() : null,
                        s.getScalarStyle() == ScalarStyle.PLAIN && s.getTag().isEmpty(),
                        At.of(s.getStartMark()));
                anchor(s, node);
                return node;
            }
            case Alias -> {
                AliasEvent a = (AliasEvent) event;
                String name = a.getAlias().getValue();
                Node target = anchors.get(name);
                if (target == null) {
                    throw new GoYamlException(
                            "error converting YAML to JSON: yaml: unknown anchor '" + name + "' referenced",
                            line(a.getStartMark()),
                            column(a.getStartMark()));
                }
                return new Alias(name, target, At.of(a.getStartMark()));
            }
            case SequenceStart -> {
                SequenceStartEvent s = (SequenceStartEvent) event;
                List<Node> items = new ArrayList<>();
                Sequence node = new Sequence(items, At.of(s.getStartMark()));
                anchor(s, node);
                while (true) {
                    Event next = nextContent(parser);
                    if (next.getEventId() == Event.ID.SequenceEnd) {
                        return node;
                    }
                    items.add(node(next, parser));
                }
            }
            case MappingStart -> {
                MappingStartEvent m = (MappingStartEvent) event;
                List<Node> pairs = new ArrayList<>();
                Mapping node = new Mapping(pairs, At.of(m.getStartMark()));
                anchor(m, node);
                while (true) {
                    Event next = nextContent(parser);
                    if (next.getEventId() == Event.ID.MappingEnd) {
                        return node;
                    }
                    pairs.add(node(next, parser));
                    pairs.add(node(nextContent(parser), parser));
                }
            }
            default ->
                throw new GoYamlException(
                        "error converting YAML to JSON: yaml: unexpected event " + event.getEventId(),
                        line(event.getStartMark()),
                        column(event.getStartMark()));
        }
    }

    private static Event nextContent(Parser parser) {
        Event e = parser.next();
        while (e.getEventId() == Event.ID.Comment) {
            e = parser.next();
        }
        return e;
    }

    /**
     * libyaml's scanner (go-yaml v2 and v3 alike) knows fewer escapes in double-quoted scalars than YAML 1.2 (and
     * snakeyaml-engine): {@code \/} is "found unknown escape character" there, so Go refuses what snakeyaml reads.
     */
    private void checkEscapes(ScalarEvent s) {
        Optional<Mark> start = s.getStartMark();
        Optional<Mark> end = s.getEndMark();
        if (start.isEmpty() || end.isEmpty()) {
            return;
        }
        int from = charIndex(start.get().getIndex());
        int to = charIndex(end.get().getIndex());
        int i = from + 1;
        while (i < to - 1) {
            if (text.charAt(i) != '\\') {
                i++;
                continue;
            }
            char next = text.charAt(i + 1);
            if ("0abt\tnvfre \"'\\N_LPxuU\r\n".indexOf(next) < 0) {
                int line = start.get().getLine()
                        + 1
                        + (int) text.substring(from, i)
                                .chars()
                                .filter(c -> c == '\n')
                                .count();
                throw new GoYamlException(
                        (mode.helmErrors() ? "error converting YAML to JSON: " : "") + "yaml: line " + line
                                + ": found unknown escape character",
                        line,
                        -1);
            }
            i += 2; // the backslash and the character it escapes
        }
    }

    /** Whether {@link #text} has no surrogate pairs (marks then index its chars); null until first asked. */
    private Boolean oneCharPerPoint;

    /** Where {@link #charIndex} last stopped: a code point index of {@link #text} and its char index. */
    private int cursorPoints;

    private int cursorChars;

    /**
     * The char index of code point {@code points} of {@link #text} (its end when the text is shorter). Marks come in
     * document order, so the walk goes on from the previous answer: linear in the text over a whole document, where
     * counting from the start for each double-quoted scalar was quadratic (and a fifth of the first read of a chart's
     * values.yaml).
     */
    private int charIndex(int points) {
        if (oneCharPerPoint == null) {
            // O(1) for Latin-1 text, the usual case, which needs no walk at all.
            oneCharPerPoint = text.codePointCount(0, text.length()) == text.length();
        }
        if (oneCharPerPoint) {
            return Math.min(points, text.length());
        }
        if (points < cursorPoints) {
            cursorPoints = 0;
            cursorChars = 0;
        }
        while (cursorPoints < points && cursorChars < text.length()) {
            cursorChars += Character.charCount(text.codePointAt(cursorChars));
            cursorPoints++;
        }
        return cursorChars;
    }

    private void anchor(NodeEvent event, Node node) {
        if (event.getAnchor().isPresent()) {
            anchors.put(event.getAnchor().get().getValue(), node);
        }
    }

    // ---- decoding (go-yaml v2 decode.go into interface{}, then sigs.k8s.io/yaml's JSON conversion)

    private Object toJsonValue(Node node) {
        return toJsonValue(node, false);
    }

    /** go-yaml's alias accounting (decode.go unmarshal): decodes in all, and those made inside an alias. */
    private long decodeCount;

    private long aliasCount;
    private int aliasDepth;

    private Object toJsonValue(Node node, boolean top) {
        decodeCount++;
        if (aliasDepth > 0) {
            aliasCount++;
        }
        if (GuardedYaml.excessiveAliasing(decodeCount, aliasCount)) {
            throw new GoYamlException(
                    "yaml: document contains excessive aliasing", line(node.mark()), column(node.mark()));
        }
        if (node instanceof Alias alias) {
            if (!decoding.add(alias.target)) {
                throw new GoYamlException(
                        "yaml: anchor '" + alias.name + "' value contains itself",
                        line(alias.mark),
                        column(alias.mark));
            }
            aliasDepth++;
            try {
                return toJsonValue(alias.target);
            } finally {
                aliasDepth--;
                decoding.remove(alias.target);
            }
        }
        if (node instanceof Scalar s) {
            return mode == Mode.V3 ? v3Scalar(resolveScalar(s)) : jsonScalar(resolveScalar(s), s);
        }
        if (node instanceof Sequence seq) {
            boolean added = decoding.add(seq);
            try {
                List<Object> out = new ArrayList<>(seq.items().size());
                for (Node item : seq.items()) {
                    out.add(toJsonValue(item));
                }
                return out;
            } finally {
                if (added) {
                    decoding.remove(seq);
                }
            }
        }
        Mapping map = (Mapping) node;
        boolean added = decoding.add(map);
        try {
            Map<String, Object> out = new LinkedHashMap<>();
            if (mode == Mode.KYAML_JSON) {
                checkKyamlMapping(map, top);
            }
            decodeMappingInto(map, out);
            return out;
        } finally {
            if (added) {
                decoding.remove(map);
            }
        }
    }

    private void decodeMappingInto(Mapping map, Map<String, Object> out) {
        List<Node> pairs = map.pairs();
        for (int i = 0; i + 1 < pairs.size(); i += 2) {
            Node k = pairs.get(i);
            Node v = pairs.get(i + 1);
            if (isMerge(k)) {
                merge(v, out);
                continue;
            }
            Object value = toJsonValue(v);
            if (mode == Mode.V3) {
                Node kn = k instanceof Alias a ? a.target : k;
                out.put(kn instanceof Scalar s ? s.value() : String.valueOf(toJsonValue(kn)), value);
                continue;
            }
            Object key = keyValue(k);
            out.put(keyString(key, value, k), value);
        }
    }

    /**
     * go-yaml v3 refuses a mapping that repeats a key ("mapping key already defined"), and decodes a nested mapping
     * whose keys are not all strings into map[interface{}]interface{}, which encoding/json cannot write. Keys of the
     * top-level map[string]interface{} are taken as their text.
     */
    private void checkKyamlMapping(Mapping map, boolean top) {
        List<Node> pairs = map.pairs();
        Map<String, Node> seen = new HashMap<>();
        for (int i = 0; i + 1 < pairs.size(); i += 2) {
            Node k = pairs.get(i);
            if (!(k instanceof Scalar s)) {
                continue;
            }
            Node first = seen.putIfAbsent(s.value(), k);
            if (first != null) {
                throw new GoYamlException(
                        "yaml: unmarshal errors:\n  line " + line(k.mark())
                                + ": mapping key " + GoStrconv.quote(s.value()) + " already defined at line "
                                + line(first.mark()),
                        line(k.mark()),
                        column(k.mark()));
            }
            if (!top && !isMerge(k) && resolveScalar(s).kind() != YamlResolver.Kind.STR) {
                throw new GoYamlException(
                        "json: unsupported type: map[interface {}]interface {}", line(k.mark()), column(k.mark()));
            }
        }
    }

    private static boolean isMerge(Node k) {
        return k instanceof Scalar s && s.value().equals("<<") && (s.plain() || YamlResolver.MERGE_TAG.equals(s.tag()));
    }

    private void merge(Node n, Map<String, Object> out) {
        Node target = n instanceof Alias a ? a.target : n;
        if (target instanceof Mapping m) {
            mergeMapping(n, m, out);
        } else if (n instanceof Sequence seq) {
            // Earlier maps take precedence, so apply them last.
            for (int i = seq.items().size() - 1; i >= 0; i--) {
                Node item = seq.items().get(i);
                Node it = item instanceof Alias a ? a.target : item;
                if (!(it instanceof Mapping m)) {
                    throw wantMap(item);
                }
                mergeMapping(item, m, out);
            }
        } else {
            throw wantMap(n);
        }
    }

    private void mergeMapping(Node via, Mapping m, Map<String, Object> out) {
        if (via instanceof Alias a) {
            if (!decoding.add(a.target)) {
                throw new GoYamlException(
                        "yaml: anchor '" + a.name + "' value contains itself", line(a.mark), column(a.mark));
            }
            aliasDepth++;
            try {
                decodeMappingInto(m, out);
            } finally {
                aliasDepth--;
                decoding.remove(a.target);
            }
        } else {
            decodeMappingInto(m, out);
        }
    }

    private static GoYamlException wantMap(Node n) {
        return new GoYamlException(
                "yaml: map merge requires map or sequence of maps as the value", line(n.mark()), column(n.mark()));
    }

    /** The Go value of a key before sigs.k8s.io/yaml turns it into a string. */
    private Object keyValue(Node k) {
        Node n = k instanceof Alias a ? a.target : k;
        if (n instanceof Scalar s && mode == Mode.KYAML_JSON) {
            return resolveScalar(s).kind() == YamlResolver.Kind.NULL ? "" : s.value();
        }
        if (n instanceof Scalar s) {
            return goKey(resolveScalar(s));
        }
        throw new GoYamlException(
                "yaml: invalid map key: " + describe(toJsonValue(n)), line(k.mark()), column(k.mark()));
    }

    /**
     * Go's %#v of a decoded key (go-yaml's maps have interface{} keys). fmt prints a map's entries sorted by key
     * (internal/fmtsort), strings in byte order, which for UTF-8 is code point order.
     */
    private static String describe(Object v) {
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("map[interface {}]interface {}{");
            boolean first = true;
            List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
            if (entries.stream().allMatch(e -> e.getKey() instanceof String)) {
                entries.sort((a, b) -> GoJson.compareUtf8((String) a.getKey(), (String) b.getKey()));
            }
            for (Map.Entry<?, ?> e : entries) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                sb.append(dev.runway.render.gofmt.GoFmt.sprintf("%#v", e.getKey()))
                        .append(':')
                        .append(dev.runway.render.gofmt.GoFmt.sprintf("%#v", e.getValue()));
            }
            return sb.append('}').toString();
        }
        return dev.runway.render.gofmt.GoFmt.sprintf("%#v", v);
    }

    /** A resolved scalar as a Go map key: strings, timestamps and {@code <<} as their text, others as decoded. */
    private static Object goKey(YamlResolver.Resolved r) {
        return r.kind() == YamlResolver.Kind.STR
                        || r.kind() == YamlResolver.Kind.TIMESTAMP
                        || r.kind() == YamlResolver.Kind.MERGE
                ? String.valueOf(r.value())
                : r.value();
    }

    /**
     * The JSON object key sigs.k8s.io/yaml makes of a scalar map key that go-yaml v2 reads ({@code y} is "true",
     * {@code 0x10} is "16", {@code 1.0} is "1"), or the key's text when Go refuses the key (decoding reports that).
     * For trees built by another parser ({@link YamlTree}): {@code tag} is null for an untagged scalar.
     */
    static String helmKeyName(String value, String tag, boolean plain) {
        try {
            String name = jsonKey(goKey(resolve(value, tag, plain, false)));
            return name != null ? name : value;
        } catch (GoYamlException e) {
            return value;
        }
    }

    /** sigs.k8s.io/yaml's JSON object key for a decoded Go key, or null for one it refuses (nil, uint64). */
    private static String jsonKey(Object key) {
        if (key instanceof String s) {
            return s;
        }
        if (key instanceof Long l) {
            return Long.toString(l);
        }
        if (key instanceof Double d) {
            String s = GoStrconv.formatFloat(d, 'g', -1, 32);
            return switch (s) {
                case "+Inf" -> ".inf";
                case "-Inf" -> "-.inf";
                case "NaN" -> ".nan";
                default -> s;
            };
        }
        if (key instanceof Boolean b) {
            return b ? "true" : "false";
        }
        return null;
    }

    private static String keyString(Object key, Object value, Node k) {
        String name = jsonKey(key);
        if (name != null) {
            return name;
        }
        if (key == null) {
            throw new GoYamlException(
                    "unsupported map key of type: %!s(<nil>), key: <nil>, value: " + goSyntax(value),
                    line(k.mark()),
                    column(k.mark()));
        }
        throw new GoYamlException(
                "unsupported map key of type: uint64, key: 0x" + ((BigInteger) key).toString(16) + ", value: "
                        + goSyntax(value),
                line(k.mark()),
                column(k.mark()));
    }

    private static String goSyntax(Object v) {
        if (v instanceof String s) {
            return GoStrconv.quote(s);
        }
        if (v == null) {
            return "<nil>";
        }
        return dev.runway.render.gofmt.GoFmt.formatValue(v);
    }

    private YamlResolver.Resolved resolveScalar(Scalar s) {
        try {
            return resolve(s.value(), s.tag(), s.plain(), mode == Mode.KYAML_JSON || mode == Mode.V3);
        } catch (GoYamlException e) {
            throw new GoYamlException(e.getMessage(), line(s.mark()), column(s.mark()));
        }
    }

    /** go-yaml's resolution of a scalar ({@code tag} null when untagged; v3's rules for plain scalars or v2's). */
    static YamlResolver.Resolved resolve(String value, String tag, boolean plain, boolean v3) {
        if (tag == null) {
            if (!plain) {
                return new YamlResolver.Resolved(YamlResolver.Kind.STR, value);
            }
            return v3 ? YamlResolver.resolvePlainV3(value) : YamlResolver.resolvePlain(value);
        }
        if (tag.equals(YamlResolver.BINARY_TAG)) {
            try {
                byte[] data = Base64.getMimeDecoder().decode(value);
                return new YamlResolver.Resolved(YamlResolver.Kind.STR, new String(data, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new GoYamlException("yaml: !!binary value contains invalid base64 data", -1, -1);
            }
        }
        if (!tag.startsWith("tag:yaml.org,2002:")
                || tag.equals(YamlResolver.MAP_TAG)
                || tag.equals(YamlResolver.SEQ_TAG)) {
            // Tags go-yaml cannot resolve keep the text as a string.
            return new YamlResolver.Resolved(YamlResolver.Kind.STR, value);
        }
        return YamlResolver.resolveTagged(tag, value);
    }

    private Object jsonScalar(YamlResolver.Resolved r, Scalar s) {
        Object v = r.value();
        switch (r.kind()) {
            case NULL -> {
                return null;
            }
            case BOOL -> {
                return v;
            }
            case TIMESTAMP -> {
                return mode == Mode.KYAML_JSON ? YamlResolver.timestampJson(s.value()) : s.value();
            }
            case INT -> {
                if (mode != Mode.HELM) {
                    return v;
                }
                return v instanceof Long l ? (double) l : ((BigInteger) v).doubleValue();
            }
            case FLOAT -> {
                double d = (Double) v;
                if (mode != Mode.HELM_STRUCT && (Double.isNaN(d) || Double.isInfinite(d))) {
                    throw new GoYamlException(
                            "json: unsupported value: " + GoStrconv.formatFloat(d, 'g', -1, 64),
                            line(s.mark()),
                            column(s.mark()));
                }
                return d;
            }
            default -> {
                return String.valueOf(v);
            }
        }
    }

    private static Object v3Scalar(YamlResolver.Resolved r) {
        return switch (r.kind()) {
            case NULL -> null;
            case BOOL, INT, FLOAT -> r.value();
            default -> String.valueOf(r.value());
        };
    }

    // ---- errors

    private GoYamlException limitError(YamlLimitException e) {
        Optional<Mark> mark = e.getProblemMark();
        return new GoYamlException(GoYamlErrors.limitMessage(e, mode.helmErrors()), line(mark), column(mark));
    }

    private GoYamlException syntaxError(MarkedYamlEngineException e, String text) {
        Optional<Mark> mark = e.getProblemMark();
        String prefix = mode.helmErrors() ? "error converting YAML to JSON: " : "";
        boolean goYamlV2 = mode != Mode.V3 && mode != Mode.KYAML_JSON;
        return new GoYamlException(prefix + GoYamlErrors.libyamlMessage(e, text, goYamlV2), line(mark), column(mark));
    }

    private static int line(Optional<Mark> mark) {
        return mark.map(m -> m.getLine() + 1).orElse(-1);
    }

    private static int column(Optional<Mark> mark) {
        return mark.map(m -> m.getColumn() + 1).orElse(-1);
    }

    private static int line(At at) {
        return at.line();
    }

    private static int column(At at) {
        return at.column();
    }
}
