package dev.runway.render.yaml;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A node of {@link YamlTree}'s typed view: a YAML node as the Kubernetes tool chain sees it. Scalars carry the type
 * that sigs.k8s.io/yaml (go-yaml v2's resolution, {@link YamlResolver}, then JSON) gives them, so {@code 8080} is a
 * number and {@code "8080"} a string, and every node knows its line (1-based, within the document's file) for
 * findings.
 */
public sealed interface YNode permits YNode.YMap, YNode.YSeq, YNode.YScalar {

    int line();

    /** What JSON would call this node: object, array, string, number, boolean or null. */
    String typeName();

    /** A mapping; keys are strings (sigs.k8s.io/yaml turns every key into a JSON string). */
    record YMap(Map<String, YNode> entries, Map<String, Integer> keyLines, List<String> duplicateKeys, int line)
            implements YNode {
        public YMap {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            keyLines = Map.copyOf(keyLines);
            duplicateKeys = List.copyOf(duplicateKeys);
        }

        public YNode get(String key) {
            return entries.get(key);
        }

        public Optional<YMap> map(String key) {
            return entries.get(key) instanceof YMap m ? Optional.of(m) : Optional.empty();
        }

        public List<YNode> list(String key) {
            return entries.get(key) instanceof YSeq s ? s.items() : List.of();
        }

        /** The value as text when it is a string scalar (a timestamp included), else empty. */
        public Optional<String> string(String key) {
            return entries.get(key) instanceof YScalar s && s.isString() ? Optional.of(s.value()) : Optional.empty();
        }

        /** The scalar's text whatever its type (a number stays its digits), else empty. */
        public Optional<String> text(String key) {
            return entries.get(key) instanceof YScalar s && s.type() != ScalarType.NULL
                    ? Optional.of(s.value())
                    : Optional.empty();
        }

        public int lineOf(String key) {
            return keyLines.getOrDefault(key, line);
        }

        @Override
        public String typeName() {
            return "object";
        }
    }

    record YSeq(List<YNode> items, int line) implements YNode {
        public YSeq {
            items = List.copyOf(items);
        }

        @Override
        public String typeName() {
            return "array";
        }
    }

    /**
     * go-yaml v2's scalar kinds. A {@code TIMESTAMP} is a plain scalar that looks like a date: go-yaml v2 decodes
     * it into an interface as its text, so JSON sees a string (see {@link YScalar#isString}).
     */
    enum ScalarType {
        NULL,
        BOOL,
        INT,
        FLOAT,
        STRING,
        TIMESTAMP
    }

    /**
     * A scalar: {@code value} is its text as written for strings and timestamps (the decoded string), {@code true}
     * or {@code false} for booleans, {@code null} for null, the decimal digits for integers ({@code 0x1F} is
     * {@code 31}) and the decimal value for finite floats ({@code 1e3} is {@code 1E+3}, {@code .5} is {@code 0.5};
     * {@code .inf} and {@code .nan} stay as written).
     */
    record YScalar(ScalarType type, String value, int line) implements YNode {
        @Override
        public String typeName() {
            return switch (type) {
                case NULL -> "null";
                case BOOL -> "boolean";
                case INT, FLOAT -> "number";
                case STRING, TIMESTAMP -> "string";
            };
        }

        /** A JSON string: a string, or a timestamp, which go-yaml v2 hands over as its text. */
        public boolean isString() {
            return type == ScalarType.STRING || type == ScalarType.TIMESTAMP;
        }

        public boolean isNumber() {
            return type == ScalarType.INT || type == ScalarType.FLOAT;
        }

        /** The number's value for INT and FLOAT scalars (hex, octal and binary ints included); null otherwise. */
        public BigDecimal number() {
            if (!isNumber()) {
                return null;
            }
            try {
                return new BigDecimal(value);
            } catch (NumberFormatException e) {
                return null; // .inf, .nan
            }
        }
    }
}
