package dev.runway.render.yaml;

import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * YAML that crosses one of {@link GuardedYaml}'s limits, found while the events are read, before any tree is built.
 * It is a snakeyaml-engine error with a problem mark, so every reader reports it like a syntax error, with the line;
 * {@link #problem()} is go-yaml's wording ({@code exceeded max depth of 10000}, {@code document contains excessive
 * aliasing}).
 */
public final class YamlLimitException extends MarkedYamlEngineException {
    /** Which limit. */
    public enum Kind {
        /** go-yaml's scanner: more than 10,000 nested flow collections (max_flow_level). */
        FLOW_DEPTH,
        /** go-yaml's scanner: more than 10,000 nested block indentations (max_indents). */
        BLOCK_DEPTH,
        /**
         * More maps and lists nested than the limit, neither kind alone past go-yaml's: Helm's JSON step refuses
         * it (encoding/json's maxNestingDepth); readers whose trees are recursive refuse it at their lower limit.
         */
        DEPTH,
        /** go-yaml's decode.go: the alias ratio rule. */
        ALIASING,
        /** An alias inside the node it names (go-yaml: "anchor 'a' value contains itself"). */
        SELF_ALIAS
    }

    private final Kind kind;
    private final boolean openedMap;

    YamlLimitException(Kind kind, String problem, Optional<Mark> mark, boolean openedMap) {
        super(null, Optional.empty(), problem, mark);
        this.kind = kind;
        this.openedMap = openedMap;
    }

    public Kind kind() {
        return kind;
    }

    /** go-yaml's text of the problem, without {@code yaml: line N:}. */
    public String problem() {
        return getProblem();
    }

    /** Whether the collection that crossed a depth limit is a map ('{' in encoding/json's message) or a list. */
    boolean openedMap() {
        return openedMap;
    }
}
