package dev.runway.render.yaml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import dev.runway.render.io.DeepStack;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.LoadSettingsBuilder;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * The one guarded way into YAML and JSON text: every reader of the project (values, Chart.yaml, {@code fromYaml},
 * {@code fromJson}, values.schema.json, rendered manifests, snapshots, docs) takes its snakeyaml-engine settings,
 * parser, composer or loader, or its Jackson factory, from here, so the same limits hold on every path:
 * <ul>
 * <li>size: {@link #MAX_CODE_POINTS} per text;</li>
 * <li>nesting: go-yaml's 10,000 levels ({@link #MAX_DEPTH}) where the project's own reader builds the values, and
 * {@link #TREE_MAX_DEPTH} where a library builds a tree by recursion (snakeyaml-engine's composer and constructor,
 * Jackson's deserializers), checked on the event stream before any tree is built;</li>
 * <li>aliases: go-yaml v3 decode.go's rule (see {@link #allowedAliasRatio}), so a billion laughs stops at once.</li>
 * </ul>
 * Crossing a limit throws {@link YamlLimitException}, which every reader reports with its file and line.
 */
public final class GuardedYaml {
    /**
     * go-yaml's scanner refuses more than 10,000 nested flow collections (max_flow_level) or block indentations
     * (max_indents) with "exceeded max depth of 10000"; encoding/json's scanner stops at the same depth
     * (maxNestingDepth), which is where Helm's JSON step refuses deeper values.
     */
    public static final int MAX_DEPTH = 10_000;
    /**
     * Readers that build their tree by recursion (snakeyaml-engine's composer, Jackson's deserializers, and the
     * walkers of those trees) stop at 1,000 levels, Jackson's own default, far beyond any manifest or schema.
     */
    public static final int TREE_MAX_DEPTH = 1_000;
    /** The longest text read: 16 MiB, the engine's limit for any string a template makes. */
    public static final int MAX_CODE_POINTS = 16 << 20;

    private GuardedYaml() {}

    /** snakeyaml-engine settings with the size limit; aliases and depth are checked by {@link #parser}. */
    public static LoadSettingsBuilder settings(String label) {
        return LoadSettings.builder()
                .setLabel(label == null ? "<input>" : label)
                .setCodePointLimit(MAX_CODE_POINTS)
                .setAllowRecursiveKeys(false)
                // The alias ratio rule below bounds expansion; snakeyaml's own count would refuse legitimate anchors.
                .setMaxAliasesForCollections(Integer.MAX_VALUE);
    }

    /**
     * The events of {@code text} with every limit checked as they come: depth past {@link #TREE_MAX_DEPTH}, go-yaml's
     * alias ratio and self-referring aliases throw {@link YamlLimitException}.
     */
    public static Parser parser(LoadSettings settings, String text) {
        return new GuardedParser(new ParserImpl(settings, reader(settings, text)), TREE_MAX_DEPTH, false, true);
    }

    /** Texts up to this length are read with snakeyaml-engine's 1 Ki-character buffer. */
    static final int SMALL_TEXT = 64 << 10;

    /** The buffer longer texts are read with: a fixed allocation per reader, and 16 refills for the longest text. */
    static final int LARGE_TEXT_BUFFER = 1 << 20;

    /**
     * A reader of {@code text}. snakeyaml-engine's StreamReader copies its whole window of unread characters at every
     * refill of its buffer, and a token (a comment, a plain scalar) stays in the window until it ends: a
     * 15-million-character comment line took 70 s to read with the default 1 Ki buffer (quadratic). Longer texts get
     * a buffer of up to {@value #LARGE_TEXT_BUFFER} characters, so a token is copied at most 16 times; short ones keep
     * the default, since every reader allocates its buffer whole.
     */
    private static StreamReader reader(LoadSettings settings, String text) {
        if (text.length() <= SMALL_TEXT) {
            return new StreamReader(settings, text);
        }
        LoadSettings large = settings(settings.getLabel())
                .setUseMarks(settings.getUseMarks())
                .setBufferSize(Math.min(text.length() + 1, LARGE_TEXT_BUFFER))
                .build();
        return new StreamReader(large, text);
    }

    /**
     * For the project's own go-yaml reader: depth checked as go-yaml's scanner checks it (flow and block nesting,
     * each up to {@link #MAX_DEPTH}) and, at the end of the document, all nesting together (Helm's JSON step); the
     * reader applies go-yaml's alias rule itself while decoding.
     */
    static Parser goParser(LoadSettings settings, String text) {
        return new GuardedParser(new ParserImpl(settings, reader(settings, text)), MAX_DEPTH, true, false);
    }

    /**
     * The events of {@code text} for a reader that checks a document as go-yaml v2 decodes it without building it
     * (the manifest head): depth as {@link #goParser} checks it, aliases as {@link #parser} does.
     * {@link GoYamlErrors#limitMessage} words what it throws as Helm does.
     */
    public static Iterable<Event> goEvents(LoadSettings settings, String text) {
        return () -> new GuardedParser(new ParserImpl(settings, reader(settings, text)), MAX_DEPTH, true, true);
    }

    /** snakeyaml-engine's composer over the guarded events (one node per document). */
    public static Composer composer(LoadSettings settings, String text) {
        return new Composer(settings, parser(settings, text));
    }

    /**
     * Every document of {@code text} as snakeyaml-engine nodes, through the guarded events, composed at once:
     * snakeyaml-engine's composer recurses per level (two frames), which {@link #TREE_MAX_DEPTH} levels can make too
     * much for a small or busy thread stack (found by fuzzing), so composing runs where {@link DeepStack} says.
     */
    public static List<Node> composeAll(LoadSettings settings, String text) {
        return composeAll(settings, text, UnaryOperator.identity());
    }

    /**
     * {@link #composeAll(LoadSettings, String)} of the guarded events as {@code events} passes them on: a reader that
     * checks limits of its own on the way, or ends the stream early, without a second parse of the text.
     */
    public static List<Node> composeAll(LoadSettings settings, String text, UnaryOperator<Parser> events) {
        try {
            return composeAllOnThisThread(settings, text, events);
        } catch (StackOverflowError e) {
            return onDeepStack(() -> composeAllOnThisThread(settings, text, events));
        }
    }

    private static List<Node> composeAllOnThisThread(LoadSettings settings, String text, UnaryOperator<Parser> events) {
        List<Node> documents = new ArrayList<>();
        // A plain loop rather than forEachRemaining(documents::add): no lambda to link on a first read.
        Composer composer = new Composer(settings, events.apply(parser(settings, text)));
        while (composer.hasNext()) {
            documents.add(composer.next());
        }
        return documents;
    }

    /** The first document (snakeyaml-engine's composeString), through the guarded events. */
    public static Optional<Node> compose(LoadSettings settings, String text) {
        return compose(settings, text, UnaryOperator.identity());
    }

    /** {@link #compose(LoadSettings, String)} of the guarded events as {@code events} passes them on. */
    public static Optional<Node> compose(LoadSettings settings, String text, UnaryOperator<Parser> events) {
        try {
            return new Composer(settings, events.apply(parser(settings, text))).getSingleNode();
        } catch (StackOverflowError e) {
            return onDeepStack(() -> new Composer(settings, events.apply(parser(settings, text))).getSingleNode());
        }
    }

    /**
     * snakeyaml-engine's Load whose string methods read through the guarded events, on a deep enough stack (the
     * constructor recurses like the composer); {@code loadAllFromString} reads every document at once.
     */
    public static Load load(LoadSettings settings) {
        return new Load(settings) {
            @Override
            protected Composer createComposer(String yaml) {
                return composer(settings, yaml);
            }

            @Override
            public Object loadFromString(String yaml) {
                try {
                    return super.loadFromString(yaml);
                } catch (StackOverflowError e) {
                    return onDeepStack(() -> super.loadFromString(yaml));
                }
            }

            @Override
            public Iterable<Object> loadAllFromString(String yaml) {
                try {
                    return loadAll(yaml);
                } catch (StackOverflowError e) {
                    return onDeepStack(() -> loadAll(yaml));
                }
            }

            private List<Object> loadAll(String yaml) {
                List<Object> documents = new ArrayList<>();
                for (Object document : super.loadAllFromString(yaml)) {
                    documents.add(document);
                }
                return documents;
            }
        };
    }

    /**
     * The readers run on the calling thread first and come here when its stack overflows: no functional object on
     * the common path, as each lambda costs a class spin in a fresh JVM (issue 19).
     */
    private static <T> T onDeepStack(java.util.function.Supplier<T> read) {
        return DeepStack.rerun(read, overflow -> new YamlEngineException("the YAML nests too deeply to read"));
    }

    // ---- Jackson

    /** Jackson's read limits: the same size and tree depth as the YAML readers. */
    public static StreamReadConstraints jsonConstraints() {
        return StreamReadConstraints.builder()
                .maxDocumentLength(MAX_CODE_POINTS)
                .maxStringLength(MAX_CODE_POINTS)
                .maxNestingDepth(TREE_MAX_DEPTH)
                .build();
    }

    /** A JSON factory with {@link #jsonConstraints()}. */
    public static JsonFactory jsonFactory() {
        return JsonFactory.builder().streamReadConstraints(jsonConstraints()).build();
    }

    /** A JSON mapper builder over {@link #jsonFactory()}, for callers that add their own features. */
    public static JsonMapper.Builder jsonMapper() {
        return JsonMapper.builder(jsonFactory());
    }

    /**
     * A YAML factory builder for Jackson with the same limits: snakeyaml's own size, alias and nesting limits
     * (Jackson's YAML parser runs on snakeyaml, not snakeyaml-engine) and Jackson's read constraints.
     */
    public static YAMLFactoryBuilder yamlFactory() {
        org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setNestingDepthLimit(TREE_MAX_DEPTH);
        // snakeyaml counts aliases of collections; Jackson expands them into the tree it builds.
        options.setMaxAliasesForCollections(50);
        options.setAllowRecursiveKeys(false);
        return YAMLFactory.builder().loaderOptions(options).streamReadConstraints(jsonConstraints());
    }

    // ---- the rules

    /**
     * go-yaml v3 decode.go allowedAliasRatio (v2 has the same rule): up to 400,000 decoded nodes, 99% of them may
     * come from alias expansion; from 4,000,000 on, 10%; linear in between. decode.go's unmarshal fails with
     * "document contains excessive aliasing" once more than 100 nodes came from aliases, more than 1,000 were
     * decoded, and the share from aliases is above this ratio.
     */
    static double allowedAliasRatio(long decodes) {
        if (decodes <= 400_000) {
            return 0.99;
        }
        if (decodes >= 4_000_000) {
            return 0.10;
        }
        return 0.99 - 0.89 * ((decodes - 400_000) / 3_600_000.0);
    }

    /** decode.go's check, after {@code decodes} nodes of which {@code fromAliases} came from aliases. */
    static boolean excessiveAliasing(long decodes, long fromAliases) {
        return fromAliases > 100 && decodes > 1000 && (double) fromAliases / decodes > allowedAliasRatio(decodes);
    }

    /**
     * Checks events as they pass. Depth: go-yaml counts nested flow collections and block indentations apart (a
     * block sequence directly under a map key at the key's column, "indentless", adds no indentation); all nesting
     * together is limited too, at once, or at the end of the document when {@code deferDepth} (Helm's JSON step
     * runs after go-yaml parsed the document, so go-yaml's own errors deeper in it come first). Aliases (when
     * {@code checkAliases}): each node counts once, an alias counts once plus the expanded size of its anchor, all of
     * which came from aliases, as decode.go counts them while it expands.
     */
    private static final class GuardedParser implements Parser {
        private final Parser events;
        private final int maxDepth;
        private final boolean deferDepth;
        private final boolean checkAliases;
        /** Open collections: flow or not, start column, whether it added a block indentation, size so far. */
        private final Deque<Open> open = new ArrayDeque<>();

        private final Map<String, Long> anchorSizes = new HashMap<>();
        private final List<String> openAnchors = new ArrayList<>();
        private int flowDepth;
        private int blockIndents;
        private long decodes;
        private long fromAliases;
        private YamlLimitException deferred;

        private static final class Open {
            final boolean flow;
            final boolean indents;
            final boolean map;
            final int column;
            final String anchor;
            long size = 1;

            Open(boolean flow, boolean indents, boolean map, int column, String anchor) {
                this.flow = flow;
                this.indents = indents;
                this.map = map;
                this.column = column;
                this.anchor = anchor;
            }
        }

        GuardedParser(Parser events, int maxDepth, boolean deferDepth, boolean checkAliases) {
            this.events = events;
            this.maxDepth = maxDepth;
            this.deferDepth = deferDepth;
            this.checkAliases = checkAliases;
        }

        @Override
        public boolean checkEvent(Event.ID choice) {
            return events.checkEvent(choice);
        }

        @Override
        public Event peekEvent() {
            return events.peekEvent();
        }

        @Override
        public boolean hasNext() {
            return events.hasNext();
        }

        @Override
        public Event next() {
            Event event = events.next();
            switch (event.getEventId()) {
                case DocumentStart -> {
                    anchorSizes.clear();
                    decodes = 0;
                    fromAliases = 0;
                    deferred = null;
                }
                case MappingStart, SequenceStart -> opened((CollectionStartEvent) event);
                case MappingEnd, SequenceEnd -> closed();
                case Scalar -> {
                    counted(1, 0, event);
                    Optional<Anchor> anchor = ((ScalarEvent) event).getAnchor();
                    if (anchor.isPresent()) {
                        anchorSizes.put(anchor.get().getValue(), 1L);
                    }
                }
                case Alias -> aliased((AliasEvent) event);
                default -> {}
            }
            return event;
        }

        private void opened(CollectionStartEvent start) {
            boolean map = start.getEventId() == Event.ID.MappingStart;
            // Plain Optional checks rather than lambdas here: each lambda is a class made at its first use, which a
            // first render in a fresh JVM pays for (JFR: ~1% of its main thread for this parser's three).
            Optional<Mark> mark = start.getStartMark();
            int column = mark.isPresent() ? mark.get().getColumn() : 0;
            Open parent = open.peek();
            boolean indentless =
                    !start.isFlow() && !map && parent != null && parent.map && !parent.flow && parent.column == column;
            boolean indents = !start.isFlow() && !indentless;
            String anchor =
                    start.getAnchor().isPresent() ? start.getAnchor().get().getValue() : null;
            open.push(new Open(start.isFlow(), indents, map, column, anchor));
            if (anchor != null) {
                openAnchors.add(anchor);
            }
            if (start.isFlow()) {
                flowDepth++;
            } else if (indents) {
                blockIndents++;
            }
            if (flowDepth > MAX_DEPTH) {
                throw new YamlLimitException(
                        YamlLimitException.Kind.FLOW_DEPTH,
                        "exceeded max depth of " + MAX_DEPTH,
                        start.getStartMark(),
                        map);
            }
            if (blockIndents > MAX_DEPTH) {
                throw new YamlLimitException(
                        YamlLimitException.Kind.BLOCK_DEPTH,
                        "exceeded max depth of " + MAX_DEPTH,
                        start.getStartMark(),
                        map);
            }
            if (open.size() > maxDepth) {
                YamlLimitException e = new YamlLimitException(
                        YamlLimitException.Kind.DEPTH,
                        "maps and lists nest more than " + maxDepth + " levels deep",
                        start.getStartMark(),
                        map);
                if (!deferDepth) {
                    throw e;
                }
                if (deferred == null) {
                    deferred = e;
                }
            }
            decodes++;
        }

        private void closed() {
            Open done = open.pop();
            if (done.flow) {
                flowDepth--;
            } else if (done.indents) {
                blockIndents--;
            }
            if (done.anchor != null) {
                openAnchors.remove(openAnchors.size() - 1);
                anchorSizes.put(done.anchor, done.size);
            }
            Open parent = open.peek();
            if (parent != null) {
                parent.size += done.size;
            } else if (deferred != null) {
                // The document's root is complete: nothing later in it can be go-yaml's error first.
                throw deferred;
            }
        }

        /** Adds a node of {@code size} (of which {@code aliased} came from an alias) to the open collection. */
        private void counted(long size, long aliased, Event at) {
            Open parent = open.peek();
            if (parent != null) {
                parent.size += size;
            }
            decodes += size;
            fromAliases += aliased;
            if (checkAliases && excessiveAliasing(decodes, fromAliases)) {
                throw new YamlLimitException(
                        YamlLimitException.Kind.ALIASING,
                        "document contains excessive aliasing",
                        at.getStartMark(),
                        false);
            }
        }

        private void aliased(AliasEvent alias) {
            String name = alias.getAlias().getValue();
            if (checkAliases && openAnchors.contains(name)) {
                throw new YamlLimitException(
                        YamlLimitException.Kind.SELF_ALIAS,
                        "anchor '" + name + "' value contains itself",
                        alias.getStartMark(),
                        false);
            }
            long size = anchorSizes.getOrDefault(name, 0L);
            counted(1 + size, size, alias);
        }
    }
}
