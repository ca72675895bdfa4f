package dev.runway.render.manifest;

import dev.runway.render.api.RenderException;
import dev.runway.render.yaml.GoYaml;
import dev.runway.render.yaml.GoYamlException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;

/**
 * Passes parser events through and fails where go-yaml v2's decoder (under sigs.k8s.io/yaml, which Helm uses to read
 * each rendered document) fails though the parser alone accepts the text:
 * <ul>
 * <li>an alias to an anchor the document never defined ("unknown anchor 'x' referenced");</li>
 * <li>a plain {@code <<} key (or one tagged {@code !!merge}) whose value is not a map, an alias of a map, or a list of
 * those. go-yaml's decoder.merge words it "map merge requires map or sequence of maps as the value", without a line.
 * A value like {@code podAnnotations: {"<<": "v"}} printed with toYaml gives such a key, so Helm refuses what a plain
 * YAML parser would accept. A quoted {@code "<<"} is an ordinary key (go-yaml's isMerge wants an implicit or
 * merge-tagged scalar).</li>
 * <li>a map or list as a key ({@code {a: 1}: b}, {@code ? [a]}): go-yaml's decoder.mapping refuses it as "invalid map
 * key" with Go's %#v of the key, which the project's go-yaml reader words (it reads the document again, once).
 * A key that is itself an empty collection ({@code {}: 1}) is go-yaml v2's forgotten key (ForgottenFlowKey) where it
 * is a simple key outside flow collections, else an invalid map key; other keys holding empty collections are left
 * alone.</li>
 * </ul>
 */
final class GoYamlDecodeCheck implements Iterator<Event> {
    private static final String MERGE_TAG = "tag:yaml.org,2002:merge";

    /** One open collection: a map knows whether a key or a value comes next, and whether the key was {@code <<}. */
    private static final class Frame {
        final boolean map;
        /** A list that is the value of a merge key: each item must be a map or an alias of one. */
        final boolean mergeList;
        /** Written in flow style ({@code {...}}, {@code [...]}). */
        final boolean flow;
        /** Where it starts, in code points (-1 where the reader gives no mark), and its column. */
        final int start;

        final int column;

        boolean expectKey = true;
        boolean mergeValueNext;

        Frame(boolean map, boolean mergeList, boolean flow, int start, int column) {
            this.map = map;
            this.mergeList = mergeList;
            this.flow = flow;
            this.start = start;
            this.column = column;
        }
    }

    private final Iterator<Event> events;
    private final String source;
    private final String document;
    /** How many collections were open where a map or list key began, or -1 outside such a key. */
    private int keyDepth = -1;
    /** Whether the key being read holds an empty collection. */
    private boolean emptyInKey;
    /** Where the collection key being read starts (code points), whether a flow collection holds it, and whether
     * it is the first key of the document's root map. */
    private int keyStart;

    private boolean keyInFlow;
    private boolean keyStartsDocument;
    /** Whether the map the key opens is an item of a list written at its parent map's column ({@code a:\n- x}). */
    private boolean keyInIndentlessList;

    private boolean previousWasStart;
    /** The document is read again at most once, so that many keys cost one read. */
    private boolean keyChecked;

    private final Deque<Frame> open = new ArrayDeque<>();
    /** Each anchor defined so far, to whether it names a map (go-yaml checks an alias's target kind). */
    private final Map<String, Boolean> anchorsToMaps = new HashMap<>();

    GoYamlDecodeCheck(Iterator<Event> events, String source, String document) {
        this.events = events;
        this.source = source;
        this.document = document;
    }

    @Override
    public boolean hasNext() {
        return events.hasNext();
    }

    @Override
    public Event next() {
        Event e = events.next();
        switch (e.getEventId()) {
            case Scalar, Alias, MappingStart, SequenceStart -> node(e);
            case MappingEnd, SequenceEnd -> {
                emptyInKey |= previousWasStart;
                open.pop();
                if (open.size() == keyDepth) {
                    keyDepth = -1;
                    if (previousWasStart) {
                        emptyKey();
                    } else if (!emptyInKey) {
                        collectionKey();
                    }
                }
                completed();
            }
            default -> {}
        }
        previousWasStart = e.getEventId() == Event.ID.MappingStart || e.getEventId() == Event.ID.SequenceStart;
        return e;
    }

    /** A map or list key ended: go-yaml's decoder refuses it, in the words the project's go-yaml reader finds. */
    private void collectionKey() {
        if (keyChecked) {
            return;
        }
        keyChecked = true;
        try {
            GoYaml.read(document, source);
        } catch (GoYamlException.TooManyValues e) {
            // Go reads on and refuses the key; the reader stopped before it could print the key as Go does.
            throw new RenderException("YAML parse error on " + source + ": error converting YAML to JSON: yaml: invalid"
                    + " map key: a map or list (by line " + e.line() + " the document holds more values than"
                    + " runway-render reads to print the key as Helm does; use a string as the key)");
        } catch (GoYamlException e) {
            if (e.getMessage().contains("yaml: invalid map key: ")) {
                throw new RenderException("YAML parse error on " + source + ": " + e.getMessage());
            }
        }
    }

    /**
     * A key that is an empty collection: go-yaml v2 forgets a simple one outside flow collections (see
     * ForgottenFlowKey) and its parser fails there, unless it starts the document (ManifestHead reads that); an
     * explicit one, or one inside a flow collection, is an invalid map key. Looked at once per document, because
     * finding the key's text walks the document to it.
     */
    private void emptyKey() {
        if (keyChecked || keyStart < 0) {
            return;
        }
        int at = document.offsetByCodePoints(0, keyStart);
        if (!keyInFlow && !ForgottenFlowKey.isExplicit(document, at) && ForgottenFlowKey.isSimpleKey(document, at)) {
            keyChecked = true;
            if (!keyStartsDocument) {
                throw new RenderException("YAML parse error on " + source + ": error converting YAML to JSON: "
                        + ForgottenFlowKey.parserError(document, at, keyInIndentlessList));
            }
            return;
        }
        collectionKey();
    }

    /**
     * Whether the map on top (the one a key is starting in) is an item of a block list at its own parent map's
     * column: go-yaml's parser ends such a list quietly where another token than '-' follows an item.
     */
    private boolean indentlessList() {
        java.util.Iterator<Frame> up = open.iterator();
        up.next(); // the map the key is in
        Frame list = up.hasNext() ? up.next() : null;
        Frame map = up.hasNext() ? up.next() : null;
        return list != null && !list.map && map != null && map.map && !map.flow && list.column == map.column;
    }

    private void node(Event e) {
        if (e instanceof AliasEvent alias
                && !anchorsToMaps.containsKey(alias.getAlias().getValue())) {
            throw new RenderException("YAML parse error on " + source
                    + ": error converting YAML to JSON: yaml: unknown anchor '"
                    + alias.getAlias().getValue()
                    + "' referenced");
        }
        boolean isMap = e.getEventId() == Event.ID.MappingStart;
        if (e instanceof NodeEvent node && !(e instanceof AliasEvent)) {
            node.getAnchor().ifPresent(anchor -> anchorsToMaps.put(anchor.getValue(), isMap));
        }
        Frame parent = open.peek();
        boolean mergeValue = parent != null && parent.map && !parent.expectKey && parent.mergeValueNext;
        boolean mergeItem = parent != null && parent.mergeList;
        if ((mergeValue || mergeItem)
                && !isMapOrAliasOfMap(e)
                && !(mergeValue && e.getEventId() == Event.ID.SequenceStart)) {
            throw new RenderException("YAML parse error on " + source
                    + ": error converting YAML to JSON: yaml: map merge requires map or sequence of maps as the value");
        }
        boolean mergeKey = parent != null && parent.map && parent.expectKey && isMergeKey(e);
        boolean collection = e.getEventId() == Event.ID.MappingStart || e.getEventId() == Event.ID.SequenceStart;
        int start = e.getStartMark().map(m -> m.getIndex()).orElse(-1);
        int column = e.getStartMark().map(m -> m.getColumn()).orElse(-1);
        if (collection && keyDepth < 0 && parent != null && parent.map && parent.expectKey) {
            keyDepth = open.size();
            emptyInKey = false;
            keyStart = start;
            keyInFlow = false;
            for (Frame f : open) {
                keyInFlow |= f.flow;
            }
            keyStartsDocument = open.size() == 1 && parent.start == start;
            keyInIndentlessList = indentlessList();
        }
        boolean flow = e instanceof CollectionStartEvent c && c.isFlow();
        switch (e.getEventId()) {
            case MappingStart -> open.push(new Frame(true, false, flow, start, column));
            case SequenceStart -> open.push(new Frame(false, mergeValue, flow, start, column));
            default -> {
                completed();
                if (mergeKey) {
                    parent.mergeValueNext = true;
                }
            }
        }
    }

    /** A node ended: in a map, a key is followed by its value and a value by the next key. */
    private void completed() {
        Frame parent = open.peek();
        if (parent != null && parent.map) {
            if (!parent.expectKey) {
                parent.mergeValueNext = false;
            }
            parent.expectKey = !parent.expectKey;
        }
    }

    private boolean isMapOrAliasOfMap(Event e) {
        if (e instanceof AliasEvent alias) {
            return anchorsToMaps.getOrDefault(alias.getAlias().getValue(), false);
        }
        return e.getEventId() == Event.ID.MappingStart;
    }

    private static boolean isMergeKey(Event e) {
        if (!(e instanceof ScalarEvent s) || !s.getValue().equals("<<")) {
            return false;
        }
        return s.getTag().map(MERGE_TAG::equals).orElse(s.getScalarStyle() == ScalarStyle.PLAIN);
    }
}
