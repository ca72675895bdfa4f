package dev.runway.render.values;

import dev.runway.render.yaml.YamlTree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Where each value and each key of a values file starts. Read from a file, they are kept as a tree of the paths'
 * segments with a line and column on each node ({@link #builder}): some 80 bytes an entry whatever the depth, where
 * a map from {@link ValuesPath} to {@link SourcePosition} cost over 150 bytes an entry plus 4 bytes per level of
 * every path (a values file of 250,000 entries nested 100 deep needed 100 MB for its paths alone).
 */
public abstract sealed class ValuePositions {
    private ValuePositions() {}

    /** Where the value at {@code path} starts, if the file has it. */
    abstract Optional<SourcePosition> value(ValuesPath path);

    /** Where the key of the map entry at {@code path} starts, if the file has it. */
    abstract Optional<SourcePosition> key(ValuesPath path);

    /** The same positions {@code lines} further down the file (a later document of a file of several). */
    abstract ValuePositions shifted(int lines);

    /** Positions given as maps (a document built by hand, not read from a file). */
    static ValuePositions of(Map<ValuesPath, SourcePosition> values, Map<ValuesPath, SourcePosition> keys) {
        return new Mapped(Map.copyOf(values), Map.copyOf(keys));
    }

    /**
     * Positions that {@code reading} finds when they are first asked for, once, whichever thread asks (documents are
     * shared by a run's memo): on a file that reads well they are seldom needed, only for messages.
     */
    static ValuePositions deferred(Reading reading) {
        return new Deferred(new Once(reading), 0);
    }

    /** Finds the positions of a file, for {@link #deferred}. */
    interface Reading {
        ValuePositions read();
    }

    private static final class Once {
        private Reading reading;
        private ValuePositions found;

        Once(Reading reading) {
            this.reading = Objects.requireNonNull(reading, "reading");
        }

        synchronized ValuePositions get() {
            if (found == null) {
                found = reading.read();
                reading = null;
            }
            return found;
        }
    }

    private static final class Deferred extends ValuePositions {
        private final Once positions;
        private final int lineShift;

        Deferred(Once positions, int lineShift) {
            this.positions = positions;
            this.lineShift = lineShift;
        }

        private ValuePositions found() {
            ValuePositions found = positions.get();
            return lineShift == 0 ? found : found.shifted(lineShift);
        }

        @Override
        Optional<SourcePosition> value(ValuesPath path) {
            return found().value(path);
        }

        @Override
        Optional<SourcePosition> key(ValuesPath path) {
            return found().key(path);
        }

        @Override
        ValuePositions shifted(int lines) {
            return new Deferred(positions, lineShift + lines);
        }
    }

    /** Builds the positions of a file named {@code file} from a walk of its YAML tree. */
    static Builder builder(String file) {
        return new Builder(file);
    }

    private static final class Mapped extends ValuePositions {
        private final Map<ValuesPath, SourcePosition> values;
        private final Map<ValuesPath, SourcePosition> keys;

        Mapped(Map<ValuesPath, SourcePosition> values, Map<ValuesPath, SourcePosition> keys) {
            this.values = values;
            this.keys = keys;
        }

        @Override
        Optional<SourcePosition> value(ValuesPath path) {
            return Optional.ofNullable(values.get(path));
        }

        @Override
        Optional<SourcePosition> key(ValuesPath path) {
            return Optional.ofNullable(keys.get(path));
        }

        @Override
        ValuePositions shifted(int lines) {
            Map<ValuesPath, SourcePosition> shiftedValues = new HashMap<>();
            values.forEach((path, at) -> shiftedValues.put(path, shift(at, lines)));
            Map<ValuesPath, SourcePosition> shiftedKeys = new HashMap<>();
            keys.forEach((path, at) -> shiftedKeys.put(path, shift(at, lines)));
            return new Mapped(Map.copyOf(shiftedValues), Map.copyOf(shiftedKeys));
        }

        private static SourcePosition shift(SourcePosition at, int lines) {
            return new SourcePosition(at.file(), at.line() + lines, at.column());
        }
    }

    /** One segment of a path; a line of 0 means the file has no such value (or key) there. */
    private static final class Segment {
        int valueLine;
        int valueColumn;
        int keyLine;
        int keyColumn;
        Map<Object, Segment> children;

        Segment child(Object segment) {
            if (children == null) {
                children = new HashMap<>(4);
            }
            Segment child = children.get(segment);
            if (child == null) {
                child = new Segment();
                children.put(segment, child);
            }
            return child;
        }
    }

    private static final class Tree extends ValuePositions {
        private final String file;
        private final Segment root;
        private final int lineShift;

        Tree(String file, Segment root, int lineShift) {
            this.file = file;
            this.root = root;
            this.lineShift = lineShift;
        }

        private Segment find(ValuesPath path) {
            Segment at = root;
            for (Object segment : path.segments()) {
                at = at.children == null ? null : at.children.get(segment);
                if (at == null) {
                    return null;
                }
            }
            return at;
        }

        @Override
        Optional<SourcePosition> value(ValuesPath path) {
            Segment at = find(path);
            return at == null || at.valueLine == 0
                    ? Optional.empty()
                    : Optional.of(new SourcePosition(file, at.valueLine + lineShift, at.valueColumn));
        }

        @Override
        Optional<SourcePosition> key(ValuesPath path) {
            Segment at = find(path);
            return at == null || at.keyLine == 0
                    ? Optional.empty()
                    : Optional.of(new SourcePosition(file, at.keyLine + lineShift, at.keyColumn));
        }

        @Override
        ValuePositions shifted(int lines) {
            return new Tree(file, root, lineShift + lines);
        }
    }

    /**
     * Takes the entries of {@link YamlTree#walk} (view {@code DECODED}). The walk goes depth first and names a node's
     * path before the paths under it, so the segments of the last entry at each depth lead to the parent of the next.
     * Of repeated keys, the last one's position is kept, as a map's put keeps it.
     */
    static final class Builder implements YamlTree.Visitor {
        private final String file;
        private final Segment root = new Segment();
        private final List<Segment> open = new ArrayList<>();

        private Builder(String file) {
            this.file = Objects.requireNonNull(file, "file");
        }

        @Override
        public void entry(List<Object> segments, boolean key, Node node) {
            int depth = segments.size();
            while (open.size() > depth) {
                open.remove(open.size() - 1);
            }
            Segment at = depth == 0 ? root : open.get(depth - 1).child(segments.get(depth - 1));
            open.add(at);
            Optional<Mark> mark = node.getStartMark();
            int line = mark.isPresent() ? mark.get().getLine() + 1 : 1;
            int column = mark.isPresent() ? mark.get().getColumn() + 1 : 1;
            if (key) {
                at.keyLine = line;
                at.keyColumn = column;
            } else {
                at.valueLine = line;
                at.valueColumn = column;
            }
        }

        ValuePositions build() {
            return new Tree(file, root, 0);
        }
    }
}
