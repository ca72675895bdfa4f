package dev.runway.render.verify;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML node as the Kubernetes tool chain sees it: scalars already carry the type that sigs.k8s.io/yaml
 * (go-yaml v2 resolution rules, then JSON) gives them, so {@code 8080} is a number and {@code "8080"} a string,
 * and every node knows its line (1-based, within the document's file) for findings.
 */
sealed interface YNode permits YNode.YMap, YNode.YSeq, YNode.YScalar {

    int line();

    /** What JSON would call this node: object, array, string, number, boolean or null. */
    String typeName();

    /** A mapping; keys are strings (sigs.k8s.io/yaml turns every key into a JSON string). */
    record YMap(Map<String, YNode> entries, Map<String, Integer> keyLines, List<String> duplicateKeys, int line)
            implements YNode {
        public YMap {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            keyLines = Map.copyOf(keyLines);
            duplicateKeys = List.copyOf(duplicateKeys);
        }

        YNode get(String key) {
            return entries.get(key);
        }

        Optional<YMap> map(String key) {
            return entries.get(key) instanceof YMap m ? Optional.of(m) : Optional.empty();
        }

        List<YNode> list(String key) {
            return entries.get(key) instanceof YSeq s ? s.items() : List.of();
        }

        /** The value as text when it is a string scalar, else empty. */
        Optional<String> string(String key) {
            return entries.get(key) instanceof YScalar s && s.type() == ScalarType.STRING
                    ? Optional.of(s.value())
                    : Optional.empty();
        }

        /** The scalar's text whatever its type (a number stays its digits), else empty. */
        Optional<String> text(String key) {
            return entries.get(key) instanceof YScalar s && s.type() != ScalarType.NULL
                    ? Optional.of(s.value())
                    : Optional.empty();
        }

        int lineOf(String key) {
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

    enum ScalarType {
        NULL,
        BOOL,
        INT,
        FLOAT,
        STRING
    }

    /** A scalar: {@code value} is its text as written (for strings, the decoded string). */
    record YScalar(ScalarType type, String value, int line) implements YNode {
        @Override
        public String typeName() {
            return switch (type) {
                case NULL -> "null";
                case BOOL -> "boolean";
                case INT, FLOAT -> "number";
                case STRING -> "string";
            };
        }

        boolean isNumber() {
            return type == ScalarType.INT || type == ScalarType.FLOAT;
        }

        /** The number's value, for INT and FLOAT scalars (hex, octal and binary ints included). */
        BigDecimal number() {
            return YamlReader.numberValue(this);
        }
    }
}
