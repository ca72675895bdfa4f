package dev.runway.render.values;

import dev.runway.render.io.BoundedFiles;
import dev.runway.render.yaml.GoYaml;
import dev.runway.render.yaml.GoYamlException;
import dev.runway.render.yaml.GuardedYaml;
import dev.runway.render.yaml.YamlLimitException;
import dev.runway.render.yaml.YamlTree;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.StreamEndEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * Reads values files safely. The YAML events of the first document are checked against the {@link ValuesLimits}
 * (size, nesting depth, number of aliases, size after alias expansion) as they are read, so a billion-laughs file or a
 * 100000-level list stops with a clear message at the line that crosses the limit, and syntax errors name the line
 * and column. Then the Go values are built by a {@link YamlValueDecoder}: by default {@link GoYaml#read}, the reader
 * {@code fromYaml} uses too, so values files and templates agree on what YAML means. Where each value starts is
 * found only when a message first asks ({@link ValuePositions#deferred}).
 */
public final class ValuesFiles {
    private final ValuesLimits limits;
    private final YamlValueDecoder decoder;

    private ValuesFiles(ValuesLimits limits, YamlValueDecoder decoder) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.decoder = decoder;
    }

    /**
     * Files up to this size (64 Ki characters, some 16,000 entries at most) have their positions found only when a
     * message first asks, after their values are built; larger ones have them found first, as before, so that their
     * node tree is never live beside their values (see {@link #positions}).
     */
    static final int DEFERRED_POSITIONS_MAX_CHARS = 64 << 10;

    /** The shared Helm-compatible YAML reader (FUNCS' {@link GoYaml#read}), with Go's error turned into ours. */
    private static final YamlValueDecoder GO_YAML = new GoYamlDecoder();

    /** A named class, not a lambda: each lambda class is spun at its first use in a fresh JVM (issue 19). */
    private static final class GoYamlDecoder implements YamlValueDecoder {
        @Override
        public Object decode(String text, String sourceName) {
            try {
                return GoYaml.read(text, sourceName);
            } catch (GoYamlException e) {
                SourcePosition at =
                        e.line() > 0 ? new SourcePosition(sourceName, e.line(), Math.max(e.column(), 1)) : null;
                throw new ValuesFileException(sourceName, at, e.getMessage());
            }
        }
    }

    /** A reader with the default limits and Helm's YAML reading. */
    public static ValuesFiles standard() {
        return new ValuesFiles(ValuesLimits.DEFAULT, GO_YAML);
    }

    public static ValuesFiles withLimits(ValuesLimits limits) {
        return new ValuesFiles(limits, GO_YAML);
    }

    /** Builds the values with another decoder (for example {@code GoYaml::read}); limits and positions stay. */
    public ValuesFiles withDecoder(YamlValueDecoder decoder) {
        return new ValuesFiles(limits, Objects.requireNonNull(decoder, "decoder"));
    }

    public ValuesLimits limits() {
        return limits;
    }

    private Object decode(String text, String sourceName) {
        return decoder.decode(text, sourceName);
    }

    /** Reads a file from disk (UTF-8), named in messages as given. */
    public ValuesDocument read(Path file) {
        return read(file, file.toString());
    }

    /** Reads a file from disk (UTF-8), named in messages and positions {@code name} (a path relative to a project). */
    public ValuesDocument read(Path file, String name) {
        return read(readText(file, name), name);
    }

    /** The file's text, checked for size and UTF-8. */
    private String readText(Path file, String name) {
        try {
            // A UTF-8 character has at most 4 bytes. Read with a cap: Files.size is 0 for /dev/zero and /proc files.
            return BoundedFiles.readUtf8(file, (long) limits.maxChars() * 4);
        } catch (CharacterCodingException e) {
            throw new ValuesFileException(name, null, "the file is not UTF-8 text");
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ValuesFileException(name, null, "no such file");
        } catch (BoundedFiles.FileTooLargeException e) {
            throw new ValuesFileException(
                    name,
                    null,
                    "the file has more than " + e.limit() + " bytes; values files are limited to " + limits.maxChars()
                            + " characters");
        } catch (BoundedFiles.NotARegularFileException e) {
            throw new ValuesFileException(
                    name,
                    null,
                    "the path names " + e.kind() + ", not a regular file; "
                            + (e.kind().equals("a directory")
                                    ? "name a values file in it"
                                    : "save the values to a regular file and name that file"));
        } catch (IOException e) {
            throw new ValuesFileException(name, null, "cannot read the file: " + e.getMessage());
        }
    }

    /** Reads values from text; {@code sourceName} names the file in messages and positions. */
    public ValuesDocument read(String text, String sourceName) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sourceName, "sourceName");
        if (text.length() > limits.maxChars()) {
            throw new ValuesFileException(
                    sourceName,
                    null,
                    "the file has " + text.length() + " characters; values files are limited to " + limits.maxChars());
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        LoadSettings settings = GuardedYaml.settings(sourceName)
                .setMaxAliasesForCollections(Math.max(limits.maxAliases(), 1))
                .setAllowRecursiveKeys(false)
                .setCodePointLimit(Math.max(limits.maxChars(), 1))
                .setUseMarks(true)
                .build();
        try {
            ValuePositions positions = null;
            if (text.length() > DEFERRED_POSITIONS_MAX_CHARS || !eventsDecide(settings, text, sourceName)) {
                positions = positions(settings, text, sourceName);
            }
            Object values;
            try {
                values = decode(text, sourceName);
            } catch (RuntimeException decodeError) {
                if (positions == null) {
                    // Before the decoder's words come the composer's own (an undefined alias), as when it went first.
                    firstDocument(settings, text, sourceName);
                }
                throw decodeError;
            }
            if (positions == null) {
                positions = ValuePositions.deferred(new PositionReading(settings, text, sourceName));
            }
            return new ValuesDocument(sourceName, topLevelMap(values, sourceName, positions), positions);
        } catch (YamlLimitException e) {
            // GuardedYaml's limits hold for every reader; here they read like the values files' own.
            SourcePosition at =
                    e.getProblemMark().map(mark -> position(sourceName, mark)).orElse(null);
            throw new ValuesFileException(
                    sourceName,
                    at,
                    "limit crossed: " + e.problem()
                            + "; values files this large or this deeply nested are refused to protect the renderer");
        } catch (MarkedYamlEngineException e) {
            SourcePosition at = e.getProblemMark()
                    .or(e::getContextMark)
                    .map(mark -> position(sourceName, mark))
                    .orElse(null);
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            throw new ValuesFileException(sourceName, at, "YAML syntax error: " + problem + context);
        } catch (YamlEngineException e) {
            throw new ValuesFileException(sourceName, null, "YAML error: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            // snakeyaml-engine rejects some malformed tags (for example "!%17") this way (found by fuzzing).
            throw new ValuesFileException(sourceName, null, "YAML error: " + e.getMessage());
        }
    }

    /**
     * The positions of the first document. The composed node tree (some 300 bytes an entry) is unreachable once this
     * returns, so it is not live beside the decoded values, which the caller builds next, and no path is kept per
     * entry ({@link ValuePositions}): together they made a values file of 300,000 entries need more than 128 MB.
     */
    private ValuePositions positions(LoadSettings settings, String text, String sourceName) {
        Node root = firstDocument(settings, text, sourceName);
        ValuePositions.Builder positions = ValuePositions.builder(sourceName);
        if (root != null) {
            YamlTree.walk(root, YamlTree.View.DECODED, positions);
        }
        return positions.build();
    }

    /**
     * Reads the first document's events for their limit and syntax errors, and says whether that is all the composer
     * would check: true unless the document has a tag or an alias, which the composer judges too (a tag it cannot
     * take, an alias to no anchor). Then, on a file that reads well, neither a node tree nor positions are built until
     * a message asks where a value is (issue 19: the composer, its node classes and the walk were a cold cost of every
     * first render, for positions that are seldom read).
     */
    private boolean eventsDecide(LoadSettings settings, String text, String sourceName) {
        LimitedEvents events = new LimitedEvents(sourceName);
        events.apply(GuardedYaml.parser(settings, text));
        events.drain();
        return !events.taggedOrAliased;
    }

    /**
     * The positions of a file of up to {@link #DEFERRED_POSITIONS_MAX_CHARS}, found when they are first asked for; its
     * text is let go once they are.
     */
    private final class PositionReading implements ValuePositions.Reading {
        private final LoadSettings settings;
        private final String sourceName;
        private String text;

        PositionReading(LoadSettings settings, String text, String sourceName) {
            this.settings = settings;
            this.text = text;
            this.sourceName = sourceName;
        }

        @Override
        public ValuePositions read() {
            try {
                return positions(settings, text, sourceName);
            } catch (RuntimeException e) {
                // Not reached: the events and the decoder took the same text. Without a tree, no value has a position.
                return ValuePositions.builder(sourceName).build();
            } finally {
                text = null;
            }
        }
    }

    /**
     * Reads every YAML document of a file (Helm 4 merges them, later ones winning; see {@link YamlDocuments}). Each
     * document's positions count lines from the top of the file.
     */
    public List<ValuesDocument> readDocuments(Path file) {
        return readDocuments(file, file.toString());
    }

    /** Reads every YAML document of a file, named in messages and positions {@code name}. */
    public List<ValuesDocument> readDocuments(Path file, String name) {
        return readDocuments(readText(file, name), name);
    }

    /** Reads every YAML document of values given as text; {@code sourceName} names it in messages. */
    public List<ValuesDocument> readDocuments(String text, String sourceName) {
        List<YamlDocuments.Part> parts;
        try {
            parts = YamlDocuments.split(text);
        } catch (IllegalArgumentException e) {
            throw new ValuesFileException(sourceName, null, "error reading yaml document: " + e.getMessage());
        }
        List<ValuesDocument> documents = new java.util.ArrayList<>();
        for (YamlDocuments.Part part : parts) {
            int shift = part.firstLine() - 1;
            try {
                ValuesDocument d = read(part.text(), sourceName);
                documents.add(
                        new ValuesDocument(sourceName, d.values(), d.positions().shifted(shift)));
            } catch (ValuesFileException e) {
                String prefix = e.position().map(Object::toString).orElse(e.file()) + ": ";
                String problem = e.getMessage().substring(prefix.length());
                throw new ValuesFileException(
                        sourceName, e.position().map(at -> shifted(at, shift)).orElse(null), problem);
            }
        }
        return documents;
    }

    private static SourcePosition shifted(SourcePosition at, int lines) {
        return new SourcePosition(at.file(), at.line() + lines, at.column());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> topLevelMap(Object values, String sourceName, ValuePositions positions) {
        if (values == null) {
            return new LinkedHashMap<>();
        }
        if (values instanceof Map<?, ?> map) {
            return ValueTrees.mutableCopy((Map<String, Object>) map);
        }
        throw new ValuesFileException(
                sourceName,
                positions.value(ValuesPath.ROOT).orElse(null),
                "the top level of a values file must be a map of names to values, " + "found "
                        + ValueTrees.describeKind(values));
    }

    /**
     * The first document, composed (Go's YAML reader decodes only the first document of a values file; the rest is
     * ignored, even when broken), with the limits checked on the events as the composer takes them
     * ({@link LimitedEvents}): one parse of the text for both. Before the composer's own errors (an undefined alias,
     * a recursive key) come any limit or syntax error of the whole first document, as when the limits had a pass of
     * their own before composing.
     */
    private Node firstDocument(LoadSettings settings, String text, String sourceName) {
        LimitedEvents events = new LimitedEvents(sourceName);
        try {
            List<Node> documents = GuardedYaml.composeAll(settings, text, events);
            return documents.isEmpty() ? null : documents.get(0);
        } catch (RuntimeException e) {
            if (!events.failed) {
                events.drain();
            }
            throw e;
        }
    }

    /**
     * The events of the first document, passed on to the composer as it takes them, each checked on the way:
     * depth, alias count and the size of everything aliases expand to. After the first document the stream ends.
     */
    private final class LimitedEvents implements Parser, UnaryOperator<Parser> {
        private final String sourceName;
        private final Map<Anchor, Long> anchorSizes = new HashMap<>();
        private final Deque<long[]> open = new ArrayDeque<>();
        private final Deque<Optional<Anchor>> openAnchors = new ArrayDeque<>();
        private Parser events;
        private long total;
        private int aliases;
        /** The first document ended: the composer is told the stream ends there. */
        private Event end;
        /** The end was handed over: no events are left. */
        private boolean endTaken;
        /** An event could not be read or crossed a limit: that error is the read's. */
        private boolean failed;
        /** A node had a tag of its own, or an alias was read: what the composer makes of them is for it to say. */
        private boolean taggedOrAliased;

        LimitedEvents(String sourceName) {
            this.sourceName = sourceName;
        }

        /**
         * Reads the events of {@code parser} (the composer takes this object as its events) from a fresh count: a
         * composer rerun on a deeper stack ({@link GuardedYaml#composeAll}) reads the text again from its start.
         */
        @Override
        public Parser apply(Parser parser) {
            this.events = parser;
            anchorSizes.clear();
            open.clear();
            openAnchors.clear();
            total = 0;
            aliases = 0;
            end = null;
            endTaken = false;
            failed = false;
            taggedOrAliased = false;
            return this;
        }

        @Override
        public boolean checkEvent(Event.ID choice) {
            return peekEvent().getEventId() == choice;
        }

        @Override
        public Event peekEvent() {
            if (end != null) {
                return end;
            }
            try {
                return events.peekEvent();
            } catch (RuntimeException e) {
                failed = true;
                throw e;
            }
        }

        @Override
        public boolean hasNext() {
            if (end != null) {
                return !endTaken;
            }
            try {
                return events.hasNext();
            } catch (RuntimeException e) {
                failed = true;
                throw e;
            }
        }

        @Override
        public Event next() {
            if (end != null) {
                endTaken = true;
                return end;
            }
            try {
                Event event = events.next();
                check(event);
                return event;
            } catch (RuntimeException e) {
                failed = true;
                throw e;
            }
        }

        /** The rest of the first document after the composer stopped: its limit and syntax errors come first. */
        void drain() {
            while (end == null && !checkEvent(Event.ID.StreamEnd)) {
                next();
            }
        }

        private void check(Event event) {
            if ((event instanceof ScalarEvent scalar && scalar.getTag().isPresent())
                    || (event instanceof CollectionStartEvent collection
                            && collection.getTag().isPresent())
                    || event instanceof AliasEvent) {
                taggedOrAliased = true;
            }
            if (event.getEventId() == Event.ID.DocumentEnd) {
                end = new StreamEndEvent(event.getEndMark(), event.getEndMark());
            } else if (event instanceof CollectionStartEvent start) {
                if (open.size() + 1 > limits.maxDepth()) {
                    throw limit(sourceName, event, "values are nested more than " + limits.maxDepth() + " levels deep");
                }
                open.push(new long[] {1});
                openAnchors.push(start.getAnchor());
            } else if (event.getEventId() == Event.ID.MappingEnd || event.getEventId() == Event.ID.SequenceEnd) {
                long size = open.pop()[0];
                Optional<Anchor> anchor = openAnchors.pop();
                if (anchor.isPresent()) {
                    anchorSizes.put(anchor.get(), size);
                }
                total = add(open, total, size, sourceName, event);
            } else if (event instanceof ScalarEvent scalar) {
                if (scalar.getAnchor().isPresent()) {
                    anchorSizes.put(scalar.getAnchor().get(), 1L);
                }
                total = add(open, total, 1, sourceName, event);
            } else if (event instanceof AliasEvent alias) {
                aliases++;
                if (aliases > limits.maxAliases()) {
                    throw limit(sourceName, event, "more than " + limits.maxAliases() + " aliases (*name)");
                }
                long size =
                        anchorSizes.getOrDefault(((NodeEvent) alias).getAnchor().orElse(null), 1L);
                total = add(open, total, size, sourceName, event);
            }
        }
    }

    private long add(Deque<long[]> open, long total, long size, String sourceName, Event event) {
        if (open.isEmpty()) {
            total += size;
        } else {
            open.peek()[0] += size;
        }
        long pending = total;
        for (long[] counter : open) {
            pending += counter[0];
        }
        if (pending > limits.maxExpandedNodes() || size > limits.maxExpandedNodes()) {
            throw limit(
                    sourceName,
                    event,
                    "the values expand to more than " + limits.maxExpandedNodes()
                            + " entries once aliases (*name) are expanded");
        }
        return total;
    }

    private static ValuesFileException limit(String sourceName, Event event, String what) {
        SourcePosition at =
                event.getStartMark().map(mark -> position(sourceName, mark)).orElse(null);
        return new ValuesFileException(
                sourceName,
                at,
                "limit crossed: " + what
                        + "; values files this large or this deeply nested are refused to protect the renderer");
    }

    private static SourcePosition position(String file, Mark mark) {
        return new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1);
    }
}
