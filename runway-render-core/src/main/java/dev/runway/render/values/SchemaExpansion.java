package dev.runway.render.values;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many schemas one value may be checked against in place: a sub-schema's {@code allOf}, {@code anyOf},
 * {@code oneOf}, {@code not}, {@code if}/{@code then}/{@code else}, {@code dependentSchemas} and local {@code $ref}s
 * all apply to the same value, so a schema that nests {@code anyOf: [{$ref: d(n-1)}, {$ref: d(n-1)}]} n times has a
 * value checked 2^n times. Helm's validator (santhosh-tekuri/jsonschema) and networknt both walk every branch of a
 * failing value, and 39 such levels never finish in either; a schema from elsewhere must not hang a build, so one whose
 * expansion passes {@link #MAX_IN_PLACE} is refused before any value is checked. Counted once per sub-schema
 * (memoised, without recursion); a {@code $ref} that leads back to a schema being counted adds nothing (networknt stops
 * such a loop itself).
 */
final class SchemaExpansion<N> {
    /**
     * Measured (December 2026) over 178 values.schema.json files (eight public-chart corpora, the conformance cases,
     * runway-eks): the largest in-place expansion is 10 (datadog's). The bound is 100,000 times that, and leaves a
     * wide schema (an allOf of 100,000 branches: linear work) alone.
     */
    static final long MAX_IN_PLACE = 1_000_000;

    private static final List<String> ONE_SCHEMA = List.of("not", "if", "then", "else");
    private static final List<String> SCHEMA_ARRAYS = List.of("allOf", "anyOf", "oneOf");
    private static final List<String> SCHEMA_MAPS = List.of("dependentSchemas", "dependencies");

    /** What the count reads of a schema tree: Jackson's (for networknt) or plain maps and lists (the fast check). */
    interface Tree<N> {
        /** An object's member, or null. */
        N member(N object, String key);

        boolean isObject(N node);

        boolean isArray(N node);

        /** An array's elements or an object's member values; nothing for a scalar. */
        Iterable<N> children(N node);

        /** A string's text, or null. */
        String text(N node);

        /** The node at a JSON pointer from the root, or null. */
        N at(N root, String pointer);
    }

    private final Tree<N> tree;
    private final N root;
    private final IdentityHashMap<N, Long> counted = new IdentityHashMap<>();
    private final IdentityHashMap<N, Boolean> onPath = new IdentityHashMap<>();

    private SchemaExpansion(Tree<N> tree, N root) {
        this.tree = tree;
        this.root = root;
    }

    /**
     * The largest number of schemas any one sub-schema applies to its value in place, counting itself; at most
     * {@link #MAX_IN_PLACE} + 1.
     */
    static <N> long largest(Tree<N> tree, N root) {
        SchemaExpansion<N> expansion = new SchemaExpansion<>(tree, root);
        long largest = 0;
        ArrayDeque<N> all = new ArrayDeque<>();
        all.push(root);
        IdentityHashMap<N, Boolean> seen = new IdentityHashMap<>();
        while (!all.isEmpty()) {
            N node = all.pop();
            if (!(tree.isObject(node) || tree.isArray(node)) || seen.put(node, Boolean.TRUE) != null) {
                continue;
            }
            if (tree.isObject(node)) {
                largest = Math.max(largest, expansion.count(node));
                if (largest > MAX_IN_PLACE) {
                    return largest;
                }
            }
            for (N child : tree.children(node)) {
                if (child != null) { // a JSON null in a plain tree
                    all.push(child);
                }
            }
        }
        return largest;
    }

    /** Refuses a schema whose in-place expansion passes {@link #MAX_IN_PLACE}, naming the file and what to change. */
    static <N> void check(Tree<N> tree, N root, String sourceName) {
        if (largest(tree, root) > MAX_IN_PLACE) {
            throw new ValuesFileException(
                    sourceName,
                    null,
                    "the schema cannot be used: its allOf, anyOf, oneOf, not, if/then/else and $ref nest so that one"
                            + " value would be checked against more than " + MAX_IN_PLACE + " schemas (each level"
                            + " multiplies the checks below it; Helm would take hours too): refer to a shared"
                            + " definition once per level rather than from several branches of the same anyOf or"
                            + " oneOf");
        }
    }

    /** In-place expansion of one schema object, without recursion: a stack of frames over its applicators. */
    private long count(N start) {
        Long known = counted.get(start);
        if (known != null) {
            return known;
        }
        ArrayDeque<Frame<N>> stack = new ArrayDeque<>();
        stack.push(new Frame<>(start, inPlace(start)));
        onPath.put(start, Boolean.TRUE);
        long result = 0;
        while (!stack.isEmpty()) {
            Frame<N> frame = stack.peek();
            if (frame.next < frame.children.size()) {
                N child = frame.children.get(frame.next++);
                Long done = counted.get(child);
                if (done != null) {
                    frame.add(done);
                } else if (onPath.containsKey(child)) {
                    continue; // a loop back to a schema being counted
                } else {
                    onPath.put(child, Boolean.TRUE);
                    stack.push(new Frame<>(child, inPlace(child)));
                }
                continue;
            }
            stack.pop();
            onPath.remove(frame.schema);
            counted.put(frame.schema, frame.total);
            result = frame.total;
            if (!stack.isEmpty()) {
                stack.peek().add(frame.total);
            }
        }
        return result;
    }

    /** The schemas {@code schema} applies to its own value: its applicators' sub-schemas and its local $ref. */
    private List<N> inPlace(N schema) {
        List<N> out = new ArrayList<>();
        if (!tree.isObject(schema)) {
            return out;
        }
        for (String keyword : ONE_SCHEMA) {
            N sub = tree.member(schema, keyword);
            if (sub != null && tree.isObject(sub)) {
                out.add(sub);
            }
        }
        for (String keyword : SCHEMA_ARRAYS) {
            N subs = tree.member(schema, keyword);
            if (subs != null && tree.isArray(subs)) {
                addSchemas(subs, out);
            }
        }
        for (String keyword : SCHEMA_MAPS) {
            N subs = tree.member(schema, keyword);
            if (subs != null && tree.isObject(subs)) {
                addSchemas(subs, out);
            }
        }
        N ref = tree.member(schema, "$ref");
        String refText = ref == null ? null : tree.text(ref);
        if (refText != null && refText.startsWith("#/")) {
            N target = tree.at(root, refText.substring(1));
            if (target != null && tree.isObject(target)) {
                out.add(target);
            }
        }
        return out;
    }

    /** The object sub-schemas among an array's elements or a map's values. */
    private void addSchemas(N container, List<N> out) {
        for (N sub : tree.children(container)) {
            if (tree.isObject(sub)) {
                out.add(sub);
            }
        }
    }

    /** One schema being counted: its in-place sub-schemas, the next to count, and the sum so far (itself: 1). */
    private static final class Frame<N> {
        final N schema;
        final List<N> children;
        int next;
        long total = 1;

        Frame(N schema, List<N> children) {
            this.schema = schema;
            this.children = children;
        }

        void add(long count) {
            total = Math.min(total + count, MAX_IN_PLACE + 1);
        }
    }

    /** Jackson's tree, as networknt reads the schema. */
    static final Tree<JsonNode> JACKSON = new Tree<>() {
        @Override
        public JsonNode member(JsonNode object, String key) {
            return object.get(key);
        }

        @Override
        public boolean isObject(JsonNode node) {
            return node.isObject();
        }

        @Override
        public boolean isArray(JsonNode node) {
            return node.isArray();
        }

        @Override
        public Iterable<JsonNode> children(JsonNode node) {
            return node;
        }

        @Override
        public String text(JsonNode node) {
            return node.isTextual() ? node.asText() : null;
        }

        @Override
        public JsonNode at(JsonNode root, String pointer) {
            try {
                JsonNode target = root.at(pointer);
                return target.isMissingNode() ? null : target;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    };

    /** Plain maps, lists and scalars, as the fast check reads the schema. */
    static final Tree<Object> PLAIN = new Tree<>() {
        @Override
        public Object member(Object object, String key) {
            return object instanceof Map<?, ?> m ? m.get(key) : null;
        }

        @Override
        public boolean isObject(Object node) {
            return node instanceof Map<?, ?>;
        }

        @Override
        public boolean isArray(Object node) {
            return node instanceof List<?>;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Iterable<Object> children(Object node) {
            if (node instanceof Map<?, ?> m) {
                return (Iterable<Object>) m.values();
            }
            return node instanceof List<?> l ? (Iterable<Object>) l : List.of();
        }

        @Override
        public String text(Object node) {
            return node instanceof String s ? s : null;
        }

        @Override
        public Object at(Object root, String pointer) {
            Object node = root;
            for (String token : pointer.substring(1).split("/", -1)) {
                String key = token.replace("~1", "/").replace("~0", "~");
                if (node instanceof Map<?, ?> m) {
                    node = m.get(key);
                } else if (node instanceof List<?> l
                        && !key.isEmpty()
                        && key.chars().allMatch(Character::isDigit)
                        && key.length() < 10
                        && Integer.parseInt(key) < l.size()) {
                    node = l.get(Integer.parseInt(key));
                } else {
                    return null;
                }
            }
            return node;
        }
    };
}
