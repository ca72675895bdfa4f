package dev.runway.render.manifest;

import dev.runway.render.api.HelmVersion;
import dev.runway.render.api.RenderException;
import dev.runway.render.yaml.GoYamlErrors;
import dev.runway.render.yaml.GuardedYaml;
import dev.runway.render.yaml.YamlLimitException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ParserException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * releaseutil.SimpleHead: apiVersion, kind, metadata.name, metadata.namespace and the annotations of one
 * document, read the way Helm checks each rendered document: the whole document must be valid YAML and a map
 * (or empty). Reads parser events only, without building the document, because this runs for every manifest.
 */
public record ManifestHead(
        String apiVersion, String kind, String name, String namespace, Map<String, String> annotations) {

    /** Reads the head as the default Helm version reports errors. */
    public static ManifestHead parse(String document, String source) {
        return parse(document, source, HelmVersion.DEFAULT);
    }

    /**
     * Reads the head; an error names Go's type the way this Helm version does ({@code util.SimpleHead} in Helm 4,
     * whose package moved to pkg/release/v1/util, {@code releaseutil.SimpleHead} in Helm 3).
     */
    public static ManifestHead parse(String document, String source, HelmVersion version) {
        String readerProblem = GoYamlErrors.readerProblem(document);
        if (readerProblem != null) {
            throw new RenderException(
                    "YAML parse error on " + source + ": error converting YAML to JSON: yaml: " + readerProblem);
        }
        String headType = version.isHelm4() ? "util.SimpleHead" : "releaseutil.SimpleHead";
        // go-yaml v2 reads a document that starts with "{}:" or "[]:" as that empty collection and no further.
        char forgottenKey = ForgottenFlowKey.atDocumentStart(document);
        if (forgottenKey == '{') {
            return new ManifestHead("", "", "", "", Map.of());
        }
        if (forgottenKey == '[') {
            throw new RenderException("YAML parse error on " + source
                    + ": error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type "
                    + headType);
        }
        try {
            Iterator<Event> events = new GoYamlDecodeCheck(
                    GuardedYaml.goEvents(Reader.SETTINGS, document).iterator(), source, document);
            return new Reader(events, source, headType).read();
        } catch (YamlLimitException e) {
            throw new RenderException("YAML parse error on " + source + ": " + GoYamlErrors.limitMessage(e, true));
        } catch (MarkedYamlEngineException e) {
            throw new RenderException("YAML parse error on " + source + ": error converting YAML to JSON: "
                    + GoYamlErrors.syntaxMessage(e, document));
        } catch (YamlEngineException e) {
            throw new RenderException(
                    "YAML parse error on " + source + ": error converting YAML to JSON: yaml: " + e.getMessage());
        }
    }

    /** The hook annotation's value, or null when this is not a hook. */
    public String hook() {
        return annotations.get("helm.sh/hook");
    }

    /** Walks the events of one document, keeping the few fields Helm reads and checking the rest is YAML. */
    private static final class Reader {
        // Here rather than in ManifestHead: the scanner's fast path builds ManifestHeads for most documents and
        // should not pay for parser settings and patterns it never uses (a few ms of a first render).
        static final LoadSettings SETTINGS = GuardedYaml.settings("manifest")
                .setAllowDuplicateKeys(true)
                .setMaxAliasesForCollections(1000)
                .build();
        private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
        private static final Pattern BOOL = Pattern.compile("(?i)true|false|yes|no|on|off|y|n");
        private static final Pattern NUMBER = Pattern.compile("[-+]?(\\.?[0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?"
                + "|0x[0-9a-fA-F_]+|0o?[0-7_]+|\\.(inf|Inf|INF)|\\.(nan|NaN|NAN))");

        private final Iterator<Event> events;
        private final String source;
        /** Go's name of the type Helm decodes into, for its error text. */
        private final String headType;

        private String apiVersion = "";
        private String kind = "";
        private String name = "";
        private String namespace = "";
        private Map<String, String> annotations = Map.of();

        Reader(Iterator<Event> events, String source, String headType) {
            this.headType = headType;
            this.events = events;
            this.source = source;
        }

        ManifestHead read() {
            Event root = null;
            RenderException notAMap = null;
            try {
                while (events.hasNext()) {
                    Event e = events.next();
                    if (root == null && isNode(e)) {
                        root = e;
                        notAMap = readRoot(e);
                    } else if (isNode(e)) {
                        skip(e);
                    }
                }
            } catch (ParserException e) {
                // go-yaml v2's Unmarshal reads the first document only: after its root, a token that cannot start a
                // document ends it (an implicit end), where snakeyaml wants a '---'.
                if (root == null || !e.getProblem().startsWith("expected '<document start>'")) {
                    throw e;
                }
            }
            // Helm converts the whole document from YAML to JSON before decoding it into its head type, so a syntax
            // error after a scalar or sequence root (noticed only while reading on) wins over "cannot unmarshal".
            if (notAMap != null) {
                throw notAMap;
            }
            return new ManifestHead(apiVersion, kind, name, namespace, annotations);
        }

        private static boolean isNode(Event e) {
            return switch (e.getEventId()) {
                case Scalar, MappingStart, SequenceStart, Alias -> true;
                default -> false;
            };
        }

        /** Reads a map root; returns the error for a root that is not a map (or null), for after the document. */
        private RenderException readRoot(Event e) {
            switch (e.getEventId()) {
                case MappingStart -> readTopMapping();
                case SequenceStart -> {
                    skip(e);
                    return notAMap("array");
                }
                case Scalar -> {
                    String kindName = jsonKind((ScalarEvent) e);
                    if (!kindName.equals("null")) {
                        return notAMap(kindName);
                    }
                }
                default -> {
                    // an alias at the root: nothing Helm can read
                }
            }
            return null;
        }

        private RenderException notAMap(String jsonKind) {
            return new RenderException("YAML parse error on " + source
                    + ": error unmarshaling JSON: while decoding JSON: json: cannot unmarshal " + jsonKind
                    + " into Go value of type " + headType);
        }

        private void readTopMapping() {
            readEntries((k, value) -> {
                if ("apiVersion".equals(k)) {
                    apiVersion = stringValue(value);
                } else if ("kind".equals(k)) {
                    kind = stringValue(value);
                } else if ("metadata".equals(k) && value.getEventId() == Event.ID.MappingStart) {
                    readMetadata();
                } else {
                    return false;
                }
                return true;
            });
        }

        private void readMetadata() {
            readEntries((k, value) -> {
                if ("name".equals(k)) {
                    name = stringValue(value);
                } else if ("namespace".equals(k)) {
                    namespace = stringValue(value);
                } else if ("annotations".equals(k) && value.getEventId() == Event.ID.MappingStart) {
                    readAnnotations();
                } else {
                    return false;
                }
                return true;
            });
        }

        private void readAnnotations() {
            Map<String, String> found = new LinkedHashMap<>();
            readEntries((k, value) -> {
                if (k != null && value instanceof ScalarEvent s) {
                    found.put(k, s.getValue());
                    return true;
                }
                return false;
            });
            annotations = found;
        }

        /**
         * Reads the entries of the mapping just opened, up to its end: {@code field} gets each key's text and the
         * first event of its value and says whether it read the value; a value it did not read is skipped.
         */
        private void readEntries(BiPredicate<String, Event> field) {
            while (true) {
                Event key = events.next();
                if (key.getEventId() == Event.ID.MappingEnd) {
                    return;
                }
                String k = scalarText(key);
                Event value = events.next();
                if (!field.test(k, value)) {
                    skip(value);
                }
            }
        }

        /** The text of a scalar key, or null for a collection key (which is skipped). */
        private String scalarText(Event key) {
            if (key instanceof ScalarEvent s) {
                return s.getValue();
            }
            skip(key);
            return null;
        }

        /** A string field: Helm leaves it empty when the value is not a string. */
        private String stringValue(Event value) {
            if (value instanceof ScalarEvent s) {
                return jsonKind(s).equals("string") ? s.getValue() : "";
            }
            skip(value);
            return "";
        }

        private void skip(Event start) {
            if (start.getEventId() != Event.ID.MappingStart && start.getEventId() != Event.ID.SequenceStart) {
                return;
            }
            int depth = 1;
            while (depth > 0) {
                Event e = events.next();
                switch (e.getEventId()) {
                    case MappingStart, SequenceStart -> depth++;
                    case MappingEnd, SequenceEnd -> depth--;
                    default -> {}
                }
            }
        }

        private static String jsonKind(ScalarEvent s) {
            if (s.getScalarStyle() != ScalarStyle.PLAIN) {
                return "string";
            }
            String v = s.getValue();
            if (s.getTag().isPresent() && !s.getTag().get().equals("!")) {
                String tag = s.getTag().get();
                if (tag.endsWith(":str")) {
                    return "string";
                }
            }
            if (NULL.matcher(v).matches()) {
                return "null";
            }
            if (BOOL.matcher(v).matches()) {
                return "bool";
            }
            if (NUMBER.matcher(v).matches()) {
                return "number";
            }
            return "string";
        }
    }
}
