package dev.runway.render.yaml;

import java.util.function.UnaryOperator;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.ComposerException;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * Events passed on to snakeyaml-engine's composer until the document holds more than {@link YamlReader#MAX_NODES}
 * nodes (scalars, maps, lists, aliases), then a syntax-like error at the node that crossed it: a composed node costs
 * some 220 bytes, so a 16 MiB manifest of {@code [a,a,...]} (8 million nodes) ran out of 128 MB of heap.
 */
final class CountedEvents implements Parser {
    /** Wraps a parser's events (a class, not a method reference: no lambda class to spin on a first read). */
    static final UnaryOperator<Parser> AROUND = new UnaryOperator<>() {
        @Override
        public Parser apply(Parser events) {
            return new CountedEvents(events);
        }
    };

    private final Parser events;
    private int nodes;

    CountedEvents(Parser events) {
        this.events = events;
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
            case Scalar, Alias, SequenceStart, MappingStart -> {
                if (++nodes > YamlReader.MAX_NODES) {
                    throw new ComposerException(
                            "the document holds more than " + YamlReader.MAX_NODES
                                    + " values, the most one text may hold here (to bound the memory it takes)",
                            event.getStartMark());
                }
            }
            default -> {
                // ends of collections, documents and the stream, and comments hold no node
            }
        }
        return event;
    }
}
