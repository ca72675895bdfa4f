package dev.runway.render.values;

import dev.runway.render.regexp.GoRegexp;
import dev.runway.render.regexp.RememberedFind;
import dev.runway.render.yaml.GoJson.JsonNumber;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A small check of values against a values.schema.json that uses only common keywords, so that values which meet
 * the schema are confirmed without loading networknt's validator (about 250 classes and a fifth of a second of a
 * fresh JVM's first render). It answers {@link Answer#MEETS} or {@link Answer#FAILS} only where networknt certainly
 * gives the same verdict and {@link Answer#UNSURE} otherwise; {@link ValuesSchema} takes only MEETS from here and
 * sends everything else through networknt, so every error text still comes from networknt.
 *
 * <p>{@link #of} takes a schema only when every schema object in the document, definitions included, uses nothing
 * but the keywords below with well-formed values (else null): annotations, {@code type}, {@code enum},
 * {@code const}, {@code pattern}, {@code minLength}, {@code maxLength}, integral {@code minimum}/{@code maximum}/
 * {@code exclusiveMinimum}/{@code exclusiveMaximum}, {@code properties}, {@code additionalProperties},
 * {@code required}, {@code propertyNames}, {@code items} (one schema), {@code minItems}, {@code maxItems},
 * {@code minProperties}, {@code maxProperties}, {@code allOf}, {@code anyOf}, {@code oneOf}, {@code not}, boolean
 * schemas, and {@code $ref} to a top-level definition without sibling assertions. Drafts 6 to 2020-12 only (draft
 * 4's exclusive bounds and ids differ). Such a schema is one networknt compiles without error, so deferring
 * networknt changes no parse error either. ValuesSchemaFastPathTest checks the answers against networknt.
 *
 * <p>The schema is the plain tree {@code GoJson.decodeUseNumber} reads (maps, lists, strings, booleans, null and
 * {@link JsonNumber} literals) and the values are the Go values themselves, so that this check loads no Jackson:
 * a first render whose values meet the schema then does without Jackson's tree model as well as networknt.
 */
final class PlainSchemaCheck {

    /** The verdict on one value: certainly met, certainly not met, or a question for networknt. */
    enum Answer {
        MEETS,
        FAILS,
        UNSURE;

        static Answer of(boolean meets) {
            return meets ? MEETS : FAILS;
        }

        Answer not() {
            return this == MEETS ? FAILS : this == FAILS ? MEETS : UNSURE;
        }
    }

    /** Keywords that assert nothing. */
    private static final Set<String> ANNOTATIONS =
            Set.of("title", "description", "$comment", "default", "examples", "readOnly", "writeOnly", "deprecated");

    /** Deeper evaluation (a {@code $ref} loop through combinators, say) is left to networknt's own handling. */
    private static final int MAX_DEPTH = 256;

    /** Integral bounds beyond this are not compared here (a double comparison would round). */
    private static final long EXACT_DOUBLE = 1L << 53;

    private final Node root;

    /** The schema's patterns, one per text (for tests: which ones values have reached). */
    private final Map<String, LazyPattern> patterns;

    private PlainSchemaCheck(Node root, Map<String, LazyPattern> patterns) {
        this.root = root;
        this.patterns = patterns;
    }

    /**
     * The check for a schema document ({@code $schema} already removed), or null when the document uses anything
     * this class does not handle exactly.
     *
     * @param document the schema as {@code GoJson.decodeUseNumber} gives it
     * @param draft6OrLater whether the schema is read as draft 6 or later, the drafts handled
     */
    static PlainSchemaCheck of(Object document, boolean draft6OrLater) {
        if (!draft6OrLater || !(document instanceof Map<?, ?> root)) {
            return null;
        }
        Map<String, Node> definitions = new HashMap<>();
        try {
            Compiler compiler = new Compiler(definitions);
            for (String group : List.of("definitions", "$defs")) {
                Object defs = root.get(group);
                if (defs == null) {
                    continue;
                }
                if (!(defs instanceof Map<?, ?> named)) {
                    return null;
                }
                for (Map.Entry<?, ?> def : named.entrySet()) {
                    definitions.put("#/" + group + "/" + def.getKey(), compiler.compile(def.getValue(), 1));
                }
            }
            Node top = compiler.compile(document, 0);
            for (String ref : compiler.refs) {
                if (!definitions.containsKey(ref)) {
                    return null;
                }
            }
            IdentityHashMap<Node, Boolean> done = new IdentityHashMap<>();
            // One path for all: loops() leaves it empty again whenever it answers false.
            Set<Node> path = Collections.newSetFromMap(new IdentityHashMap<>());
            // From the $ref nodes only: every loop passes through one (each other edge leads to a node compiled from
            // a part of its source's own object), and a search from a node of a loop finds it.
            for (Node node : compiler.all) {
                if (node.ref != null && loops(node, done, path)) {
                    return null;
                }
            }
            return new PlainSchemaCheck(top, compiler.patterns);
        } catch (Unsupported e) {
            return null;
        }
    }

    /**
     * Whether {@code node} reaches itself again without descending into a property or item (a {@code $ref} loop,
     * perhaps through combinators): networknt fails on such a schema at parse or at validation, so it stays
     * networknt's to report.
     */
    private static boolean loops(Node node, IdentityHashMap<Node, Boolean> done, Set<Node> path) {
        if (done.containsKey(node)) {
            return false;
        }
        if (!path.add(node)) {
            return true;
        }
        List<Node> same = new ArrayList<>();
        if (node.ref != null) {
            same.add(node.definitions.get(node.ref));
        }
        if (node.not != null) {
            same.add(node.not);
        }
        // Three ifs, not a loop over Arrays.asList: that would load two classes only this line uses.
        if (node.allOf != null) {
            same.addAll(node.allOf);
        }
        if (node.anyOf != null) {
            same.addAll(node.anyOf);
        }
        if (node.oneOf != null) {
            same.addAll(node.oneOf);
        }
        for (Node next : same) {
            if (loops(next, done, path)) {
                return true;
            }
        }
        path.remove(node);
        done.put(node, Boolean.TRUE);
        return false;
    }

    /**
     * The verdict on {@code values} (a values tree: maps, lists and scalars), read as the JSON Helm hands its
     * validator ({@link #json}).
     */
    Answer check(Object values) {
        return root.check(values, 0);
    }

    /** The texts of the patterns compiled so far (for tests). */
    Set<String> compiledPatterns() {
        Set<String> texts = new java.util.TreeSet<>();
        for (Map.Entry<String, LazyPattern> pattern : patterns.entrySet()) {
            if (pattern.getValue().isCompiled()) {
                texts.add(pattern.getKey());
            }
        }
        return texts;
    }

    /**
     * A scalar of the values tree as the JSON value the validator sees (ValuesSchema's toJson): integers and
     * integral doubles within 9.2e18 are longs, other doubles stay doubles, bytes are base64 text, anything else
     * that is not a string, boolean or null is its text. Maps and lists come back as they are.
     */
    static Object json(Object value) {
        if (value == null
                || value instanceof Map<?, ?>
                || value instanceof List<?>
                || value instanceof String
                || value instanceof Boolean
                || value instanceof Long) {
            return value;
        }
        if (value instanceof Integer i) {
            return i.longValue();
        }
        if (value instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 9.2e18 ? (Object) d.longValue() : d;
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        return String.valueOf(value);
    }

    /**
     * A {@code pattern}'s unanchored find, compiled at the first value checked against it: runway-eks's schema has
     * 27 patterns of 22 texts, and the values of a first render reach 16 of those texts, so reading the schema no
     * longer compiles all 27 with RE2/J up front. Only patterns {@link #certainlyCompiles} vouches for wait; any
     * other compiles when the schema is read, as before, so a schema whose pattern Go's regexp refuses still goes to
     * networknt at parse (which refuses the whole schema, as Helm does) whether or not a value reaches the pattern.
     *
     * <p>Shared by every thread and render that checks against the schema, without a lock: {@link #compiled} is
     * volatile, so a thread sees either null or a fully built matcher, and two threads that race on the first
     * value each compile the same text to an equivalent matcher; the last one stored stays (the other's memo of
     * answers is dropped, which changes no answer).
     */
    static final class LazyPattern {
        /** Longer patterns are compiled when the schema is read. */
        private static final int MAX_LAZY_LENGTH = 256;

        /** Patterns with groups nested deeper are compiled when the schema is read. */
        private static final int MAX_LAZY_DEPTH = 32;

        /** What {@link #compiled} holds for a pattern RE2/J refuses (never expected: see {@link #find}). */
        private static final Object REFUSED = new Object();

        private final String text;

        /** The {@link RememberedFind} once compiled, {@link #REFUSED}, or null before the first value. */
        private volatile Object compiled;

        private LazyPattern(String text) {
            this.text = text;
        }

        /**
         * The find of {@code text}: deferred when {@link #certainlyCompiles}, else compiled now.
         *
         * @throws Unsupported when Go's regexp refuses the pattern: networknt reports it, with its own words
         */
        static LazyPattern of(String text) throws Unsupported {
            LazyPattern pattern = new LazyPattern(text);
            if (!certainlyCompiles(text)) {
                try {
                    pattern.compiled = new RememberedFind(GoRegexp.compile(text));
                } catch (RuntimeException e) {
                    throw new Unsupported();
                }
            }
            return pattern;
        }

        /** Whether a value has reached the pattern yet, or it was compiled when the schema was read. */
        boolean isCompiled() {
            return compiled != null;
        }

        /**
         * Whether the pattern matches somewhere in {@code value}; UNSURE should RE2/J refuse a pattern
         * {@link #certainlyCompiles} vouched for, so that networknt, which compiles the same way, reports it.
         */
        Answer find(String value) {
            Object find = compiled;
            if (find == null) {
                try {
                    find = new RememberedFind(GoRegexp.compile(text));
                } catch (RuntimeException e) {
                    find = REFUSED;
                }
                compiled = find;
            }
            return find instanceof RememberedFind f ? Answer.of(f.find(value)) : Answer.UNSURE;
        }

        /**
         * Whether {@link GoRegexp#compile} certainly accepts {@code expr}, from a quick look at a plain subset of
         * RE2 syntax: literal characters (no surrogates, no stray {@code ]} or <code>}</code>), {@code . ^ $ |},
         * groups {@code (...)} and {@code (?:...)} up to {@link #MAX_LAZY_DEPTH} deep, {@code \d \D \s \S \w
         * \W} and escaped punctuation, classes of characters, ascending ranges and those escapes ({@code -} only
         * first, last or in a range), {@code * + ?} after an item and counts {@code {n}}, {@code {n,}},
         * {@code {n,m}} up to 1000 after a single character, class or escape (never a group, so no counts nest),
         * each optionally non-greedy; at most {@link #MAX_LAZY_LENGTH} characters, so Go's size and height limits
         * are far away. False for anything else, which only costs the compile up front;
         * ValuesSchemaFastPathTest checks random patterns against GoRegexp.
         */
        static boolean certainlyCompiles(String expr) {
            int n = expr.length();
            if (n > MAX_LAZY_LENGTH) {
                return false;
            }
            int depth = 0;
            boolean item = false; // whether the last thing read may take a repetition operator
            boolean single = false; // whether it is one character, class or escape (not a group)
            int i = 0;
            while (i < n) {
                char c = expr.charAt(i);
                if (c == '(') {
                    if (i + 1 < n && expr.charAt(i + 1) == '?') {
                        if (i + 2 >= n || expr.charAt(i + 2) != ':') {
                            return false;
                        }
                        i += 2;
                    }
                    if (++depth > MAX_LAZY_DEPTH) {
                        return false;
                    }
                    item = false;
                    i++;
                } else if (c == ')') {
                    if (depth == 0) {
                        return false;
                    }
                    depth--;
                    item = true;
                    single = false;
                    i++;
                } else if (c == '|' || c == '^' || c == '$') {
                    item = false;
                    i++;
                } else if (c == '*' || c == '+' || c == '?' || c == '{') {
                    if (!item) {
                        return false;
                    }
                    i = c == '{' ? (single ? countEnd(expr, i) : -1) : i + 1;
                    if (i < 0) {
                        return false;
                    }
                    if (i < n && expr.charAt(i) == '?') {
                        i++;
                    }
                    item = false;
                } else if (c == '[') {
                    i = classEnd(expr, i);
                    if (i < 0) {
                        return false;
                    }
                    item = true;
                    single = true;
                } else if (c == '\\') {
                    if (i + 1 >= n || !plainEscape(expr.charAt(i + 1))) {
                        return false;
                    }
                    i += 2;
                    item = true;
                    single = true;
                } else if (c == ']' || c == '}' || Character.isSurrogate(c)) {
                    return false;
                } else {
                    i++; // a literal character, or '.'
                    item = true;
                    single = true;
                }
            }
            return depth == 0;
        }

        /** The index after a count <code>{n}</code>, <code>{n,}</code> or <code>{n,m}</code> at {@code start}, or -1. */
        private static int countEnd(String expr, int start) {
            int i = start + 1;
            int min = 0;
            int digits = 0;
            for (; i < expr.length() && expr.charAt(i) >= '0' && expr.charAt(i) <= '9'; i++, digits++) {
                min = min * 10 + (expr.charAt(i) - '0');
                if (digits == 4) {
                    return -1;
                }
            }
            if (digits == 0 || (digits > 1 && expr.charAt(start + 1) == '0') || min > 1000 || i >= expr.length()) {
                return -1;
            }
            if (expr.charAt(i) == '}') {
                return i + 1;
            }
            if (expr.charAt(i) != ',') {
                return -1;
            }
            int from = ++i;
            int max = 0;
            for (; i < expr.length() && expr.charAt(i) >= '0' && expr.charAt(i) <= '9'; i++) {
                max = max * 10 + (expr.charAt(i) - '0');
                if (i - from == 4) {
                    return -1;
                }
            }
            int maxDigits = i - from;
            if (i >= expr.length() || expr.charAt(i) != '}') {
                return -1;
            }
            if (maxDigits > 0 && ((maxDigits > 1 && expr.charAt(from) == '0') || max > 1000 || max < min)) {
                return -1;
            }
            return i + 1;
        }

        /** The index after the class that opens at {@code start}, or -1 when it is not a plain one. */
        private static int classEnd(String expr, int start) {
            int n = expr.length();
            int i = start + 1;
            if (i < n && expr.charAt(i) == '^') {
                i++;
            }
            boolean first = true;
            while (i < n) {
                char c = expr.charAt(i);
                if (c == ']') {
                    return first ? -1 : i + 1;
                }
                if (c == '[' || Character.isSurrogate(c)) {
                    return -1;
                }
                if (c == '-') {
                    if (!first && (i + 1 >= n || expr.charAt(i + 1) != ']')) {
                        return -1;
                    }
                    i++;
                } else if (c == '\\') {
                    if (i + 1 >= n || !plainEscape(expr.charAt(i + 1))) {
                        return -1;
                    }
                    i += 2;
                } else if (i + 2 < n && expr.charAt(i + 1) == '-' && expr.charAt(i + 2) != ']') {
                    char high = expr.charAt(i + 2);
                    if (high == '\\' || high == '[' || high == '-' || Character.isSurrogate(high) || high < c) {
                        return -1;
                    }
                    i += 3;
                } else {
                    i++;
                }
                first = false;
            }
            return -1;
        }

        /** Whether backslash and {@code c} is a Perl class or escaped punctuation, in and out of classes. */
        private static boolean plainEscape(char c) {
            return c == 'd'
                    || c == 'D'
                    || c == 's'
                    || c == 'S'
                    || c == 'w'
                    || c == 'W'
                    || ".+*?()|[]{}^$\\-/".indexOf(c) >= 0;
        }
    }

    /** A part of the schema this class does not handle exactly. */
    private static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }

    /** Compiles schema objects; collects the {@code $ref}s to check that each names a definition. */
    private static final class Compiler {
        final Map<String, Node> definitions;
        final List<String> refs = new ArrayList<>();
        final List<Node> all = new ArrayList<>();
        /** One pattern per text: runway-eks's schema repeats some, and they share one compile and one memo. */
        final Map<String, LazyPattern> patterns = new HashMap<>();

        Compiler(Map<String, Node> definitions) {
            this.definitions = definitions;
        }

        Node compile(Object schema, int depth) throws Unsupported {
            if (depth > MAX_DEPTH) {
                throw new Unsupported();
            }
            if (schema instanceof Boolean b) {
                return new Node(b);
            }
            if (!(schema instanceof Map<?, ?> keywords)) {
                throw new Unsupported();
            }
            Node node = new Node(true);
            all.add(node);
            boolean hasRef = false;
            boolean hasAssertion = false;
            for (Map.Entry<?, ?> field : keywords.entrySet()) {
                String key = (String) field.getKey();
                Object value = field.getValue();
                if (ANNOTATIONS.contains(key)) {
                    continue;
                }
                if (key.equals("definitions") || key.equals("$defs")) {
                    if (depth != 0) {
                        throw new Unsupported(); // nested definitions would need pointers this class does not follow
                    }
                    continue;
                }
                if (key.equals("$ref")) {
                    hasRef = true;
                    String ref = value instanceof String text ? text : "";
                    String name = ref.startsWith("#/definitions/")
                            ? ref.substring("#/definitions/".length())
                            : ref.startsWith("#/$defs/") ? ref.substring("#/$defs/".length()) : null;
                    if (name == null || !plainName(name)) {
                        throw new Unsupported();
                    }
                    node.ref = ref;
                    node.definitions = definitions;
                    refs.add(ref);
                    continue;
                }
                hasAssertion = true;
                switch (key) {
                    case "type" -> node.types = types(value);
                    case "enum" -> {
                        if (!(value instanceof List<?> members) || members.isEmpty()) {
                            throw new Unsupported();
                        }
                        node.enumValues = members;
                    }
                    case "const" -> {
                        node.hasConst = true;
                        node.constValue = value;
                    }
                    case "pattern" -> {
                        if (!(value instanceof String text)) {
                            throw new Unsupported();
                        }
                        LazyPattern pattern = patterns.get(text);
                        if (pattern == null) {
                            pattern = LazyPattern.of(text);
                            patterns.put(text, pattern);
                        }
                        node.pattern = pattern;
                    }
                    case "minLength" -> node.minLength = count(value);
                    case "maxLength" -> node.maxLength = count(value);
                    case "minItems" -> node.minItems = count(value);
                    case "maxItems" -> node.maxItems = count(value);
                    case "minProperties" -> node.minProperties = count(value);
                    case "maxProperties" -> node.maxProperties = count(value);
                    case "minimum" -> node.minimum = bound(value);
                    case "maximum" -> node.maximum = bound(value);
                    case "exclusiveMinimum" -> node.exclusiveMinimum = bound(value);
                    case "exclusiveMaximum" -> node.exclusiveMaximum = bound(value);
                    case "uniqueItems" -> {
                        if (!Boolean.FALSE.equals(value)) {
                            throw new Unsupported();
                        }
                    }
                    case "required" -> {
                        if (!(value instanceof List<?> given)) {
                            throw new Unsupported();
                        }
                        List<String> names = new ArrayList<>();
                        for (Object name : given) {
                            if (!(name instanceof String text)) {
                                throw new Unsupported();
                            }
                            names.add(text);
                        }
                        node.required = List.copyOf(names);
                    }
                    case "properties" -> {
                        if (!(value instanceof Map<?, ?> given)) {
                            throw new Unsupported();
                        }
                        Map<String, Node> properties = new HashMap<>();
                        for (Map.Entry<?, ?> property : given.entrySet()) {
                            properties.put((String) property.getKey(), compile(property.getValue(), depth + 1));
                        }
                        node.properties = properties;
                    }
                    case "additionalProperties" -> node.additional = compile(value, depth + 1);
                    case "propertyNames" -> node.propertyNames = compile(value, depth + 1);
                    case "items" -> node.items = compile(value, depth + 1);
                    case "not" -> node.not = compile(value, depth + 1);
                    case "allOf" -> node.allOf = list(value, depth);
                    case "anyOf" -> node.anyOf = list(value, depth);
                    case "oneOf" -> node.oneOf = list(value, depth);
                    default -> throw new Unsupported();
                }
            }
            if (hasRef && hasAssertion) {
                throw new Unsupported(); // drafts disagree on $ref's siblings (ignored up to draft 7)
            }
            return node;
        }

        /**
         * Whether a {@code $ref} names a definition without JSON-pointer escapes ({@code [A-Za-z0-9_.-]+}); a loop,
         * not a regular expression, as everything on a first render's path.
         */
        private static boolean plainName(String name) {
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (!((c >= 'A' && c <= 'Z')
                        || (c >= 'a' && c <= 'z')
                        || (c >= '0' && c <= '9')
                        || c == '_'
                        || c == '.'
                        || c == '-')) {
                    return false;
                }
            }
            return !name.isEmpty();
        }

        private List<Node> list(Object value, int depth) throws Unsupported {
            if (!(value instanceof List<?> schemas) || schemas.isEmpty()) {
                throw new Unsupported();
            }
            List<Node> nodes = new ArrayList<>();
            for (Object schema : schemas) {
                nodes.add(compile(schema, depth + 1));
            }
            return List.copyOf(nodes);
        }

        /** The {@code type} keyword's names as a set of {@link Node} type bits (never 0). */
        private static int types(Object value) throws Unsupported {
            List<?> names;
            if (value instanceof String) {
                names = List.of(value);
            } else if (value instanceof List<?> list && !list.isEmpty()) {
                names = list;
            } else {
                throw new Unsupported();
            }
            int types = 0;
            for (Object name : names) {
                int bit = name instanceof String text ? Node.typeBit(text) : 0;
                if (bit == 0 || (types & bit) != 0) {
                    throw new Unsupported();
                }
                types |= bit;
            }
            return types;
        }

        /** A count keyword's value: an integer literal (not {@code 5.0}) from 0 to Integer.MAX_VALUE. */
        private static int count(Object value) throws Unsupported {
            BigInteger n = integer(value);
            if (n.signum() < 0 || n.bitLength() > 31) {
                throw new Unsupported();
            }
            return n.intValue();
        }

        private static Long bound(Object value) throws Unsupported {
            BigInteger n = integer(value);
            if (n.abs().compareTo(BigInteger.valueOf(EXACT_DOUBLE)) > 0) {
                throw new Unsupported();
            }
            return n.longValue();
        }

        /** An integer literal's value; a fraction or exponent (read as a double by networknt's Jackson) is not one. */
        private static BigInteger integer(Object value) throws Unsupported {
            if (!(value instanceof JsonNumber number) || !number.integral()) {
                throw new Unsupported();
            }
            return new BigInteger(number.text());
        }
    }

    /** One compiled schema object (or boolean schema); unset keywords are null. Immutable once compiled. */
    private static final class Node {
        final boolean accepts;
        String ref;
        /**
         * The {@code type} keyword as bits ({@link #OBJECT} and so on), 0 when absent: every value of every check
         * tests its type, and a few bit tests cost less than a set lookup per candidate type.
         */
        int types;

        List<?> enumValues;
        /** Whether {@code const} is given: its value may be JSON null. */
        boolean hasConst;

        Object constValue;
        LazyPattern pattern;
        Integer minLength;
        Integer maxLength;
        Integer minItems;
        Integer maxItems;
        Integer minProperties;
        Integer maxProperties;
        Long minimum;
        Long maximum;
        Long exclusiveMinimum;
        Long exclusiveMaximum;
        List<String> required;
        Map<String, Node> properties;
        Node additional;
        Node propertyNames;
        Node items;
        Node not;
        List<Node> allOf;
        List<Node> anyOf;
        List<Node> oneOf;
        /** The document's definitions, for a {@code $ref}: filled while the document compiles, read-only after. */
        Map<String, Node> definitions;

        Node(boolean accepts) {
            this.accepts = accepts;
        }

        static final int OBJECT = 1;
        static final int ARRAY = 2;
        static final int STRING = 4;
        static final int NUMBER = 8;
        static final int INTEGER = 16;
        static final int BOOLEAN = 32;
        static final int NULL = 64;

        /** The bit of a JSON schema type name, 0 for any other text. */
        static int typeBit(String name) {
            return switch (name) {
                case "object" -> OBJECT;
                case "array" -> ARRAY;
                case "string" -> STRING;
                case "number" -> NUMBER;
                case "integer" -> INTEGER;
                case "boolean" -> BOOLEAN;
                case "null" -> NULL;
                default -> 0;
            };
        }

        Answer check(Object given, int depth) {
            if (!accepts) {
                return Answer.FAILS;
            }
            Object value = json(given);
            if (depth > MAX_DEPTH || (value instanceof Double d && !Double.isFinite(d))) {
                return Answer.UNSURE; // networknt fails on an infinite or NaN number under several keywords
            }
            if (ref != null) {
                return definitions.get(ref).check(value, depth + 1);
            }
            Answer answer = Answer.MEETS;
            if (types != 0) {
                answer = and(answer, type(value));
            }
            if (enumValues != null) {
                Answer any = Answer.FAILS;
                for (Object candidate : enumValues) {
                    any = or(any, same(value, candidate));
                }
                answer = and(answer, any);
            }
            if (hasConst) {
                answer = and(answer, same(value, constValue));
            }
            if (answer == Answer.FAILS) {
                return answer;
            }
            if (value instanceof String text) {
                answer = and(answer, string(text));
            } else if (value instanceof Long || value instanceof Double) {
                answer = and(answer, number((Number) value));
            } else if (value instanceof Map<?, ?> map) {
                answer = and(answer, object(map, depth));
            } else if (value instanceof List<?> list) {
                answer = and(answer, array(list, depth));
            }
            if (answer == Answer.FAILS) {
                return answer;
            }
            // From here on, a keyword whose answer cannot change the verdict is not evaluated: that changes no answer
            // (and() and or() are commutative), only which patterns a first render compiles.
            if (not != null) {
                answer = and(answer, not.check(value, depth + 1).not());
                if (answer == Answer.FAILS) {
                    return answer;
                }
            }
            if (allOf != null) {
                for (Node each : allOf) {
                    answer = and(answer, each.check(value, depth + 1));
                    if (answer == Answer.FAILS) {
                        return answer;
                    }
                }
            }
            if (anyOf != null) {
                answer = and(answer, anyOf(value, depth));
                if (answer == Answer.FAILS) {
                    return answer;
                }
            }
            if (oneOf != null) {
                int meets = 0;
                boolean unsure = false;
                for (int i = 0; i < oneOf.size() && meets < 2; i++) {
                    Answer a = oneOf.get(i).check(value, depth + 1);
                    meets += a == Answer.MEETS ? 1 : 0;
                    unsure |= a == Answer.UNSURE;
                }
                answer = and(answer, meets > 1 ? Answer.FAILS : unsure ? Answer.UNSURE : Answer.of(meets == 1));
            }
            return answer;
        }

        /**
         * anyOf: met once one branch is met, so the branches after it are not evaluated, and branches whose patterns
         * are compiled already ({@link #patternCompiled}) go first. runway-eks's ids take a pattern of their own or a
         * Flux placeholder ({@code $ref} to one shared pattern): with placeholders, a first render compiles the
         * placeholder's pattern at the first id and no later id's own pattern.
         */
        private Answer anyOf(Object value, int depth) {
            int n = anyOf.size();
            boolean[] ready = new boolean[n]; // fixed before the first pass: a branch may compile another's pattern
            for (int i = 0; i < n; i++) {
                ready[i] = anyOf.get(i).patternCompiled();
            }
            Answer any = Answer.FAILS;
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < n; i++) {
                    if (ready[i] == (pass == 0)) {
                        any = or(any, anyOf.get(i).check(value, depth + 1));
                        if (any == Answer.MEETS) {
                            return any;
                        }
                    }
                }
            }
            return any;
        }

        /** Whether this node's own pattern (after its {@code $ref}s) is compiled or absent: only an ordering hint. */
        private boolean patternCompiled() {
            Node node = this;
            for (int hops = 0; node.ref != null && hops < MAX_DEPTH; hops++) {
                node = node.definitions.get(node.ref);
            }
            return node.pattern == null || node.pattern.isCompiled();
        }

        /** {@code value} is already {@link #json}'s: numbers are Long or Double. */
        private Answer type(Object value) {
            boolean integralDouble = value instanceof Double d && d == Math.rint(d);
            if (integralDouble && (types & (INTEGER | NUMBER)) == INTEGER) {
                return Answer.UNSURE; // json() keeps only huge integral doubles as doubles
            }
            return Answer.of((value instanceof Map<?, ?> && (types & OBJECT) != 0)
                    || (value instanceof List<?> && (types & ARRAY) != 0)
                    || (value instanceof String && (types & STRING) != 0)
                    || (value instanceof Boolean && (types & BOOLEAN) != 0)
                    || (value == null && (types & NULL) != 0)
                    || ((value instanceof Long || value instanceof Double) && (types & NUMBER) != 0)
                    || (value instanceof Long && (types & INTEGER) != 0));
        }

        private Answer string(String text) {
            if (minLength != null || maxLength != null) {
                int length = text.codePointCount(0, text.length());
                if ((minLength != null && length < minLength) || (maxLength != null && length > maxLength)) {
                    return Answer.FAILS;
                }
            }
            return pattern == null ? Answer.MEETS : pattern.find(text);
        }

        /**
         * A Long or a Double, as {@link #json} gives numbers. Compared exactly without BigDecimal (whose class a first
         * render would load for this alone): a long against a long, and a finite double against a bound within
         * 2^53 ({@code Compiler.bound}), which converts to double without rounding.
         */
        private Answer number(Number value) {
            if (minimum == null && maximum == null && exclusiveMinimum == null && exclusiveMaximum == null) {
                return Answer.MEETS;
            }
            if (value instanceof Double d && !Double.isFinite(d)) {
                return Answer.UNSURE;
            }
            boolean meets = (minimum == null || compare(value, minimum) >= 0)
                    && (maximum == null || compare(value, maximum) <= 0)
                    && (exclusiveMinimum == null || compare(value, exclusiveMinimum) > 0)
                    && (exclusiveMaximum == null || compare(value, exclusiveMaximum) < 0);
            return Answer.of(meets);
        }

        /** The sign of {@code value - bound}: a Long or a finite Double against a bound of at most 2^53. */
        private static int compare(Number value, long bound) {
            if (value instanceof Double d) {
                double b = bound; // exact: |bound| <= 2^53
                return d < b ? -1 : d > b ? 1 : 0; // -0.0 equals 0, as BigDecimal's compareTo has it
            }
            return Long.compare(value.longValue(), bound);
        }

        private Answer object(Map<?, ?> value, int depth) {
            int size = value.size();
            if ((minProperties != null && size < minProperties) || (maxProperties != null && size > maxProperties)) {
                return Answer.FAILS;
            }
            Answer answer = Answer.MEETS;
            if (required != null) {
                for (String name : required) {
                    if (!value.containsKey(name)) {
                        return Answer.FAILS;
                    }
                }
            }
            for (Map.Entry<?, ?> field : value.entrySet()) {
                if (!(field.getKey() instanceof String key)) {
                    return Answer.UNSURE; // two keys might have one text; the validator sees only one of them
                }
                if (propertyNames != null) {
                    answer = and(answer, propertyNames.check(key, depth + 1));
                }
                Node sub = properties == null ? null : properties.get(key);
                if (sub == null) {
                    sub = additional;
                }
                if (sub != null) {
                    answer = and(answer, sub.check(field.getValue(), depth + 1));
                }
                if (answer == Answer.FAILS) {
                    return answer;
                }
            }
            return answer;
        }

        private Answer array(List<?> value, int depth) {
            int size = value.size();
            if ((minItems != null && size < minItems) || (maxItems != null && size > maxItems)) {
                return Answer.FAILS;
            }
            Answer answer = Answer.MEETS;
            if (items != null) {
                for (Object item : value) {
                    answer = and(answer, items.check(item, depth + 1));
                    if (answer == Answer.FAILS) {
                        return answer;
                    }
                }
            }
            return answer;
        }

        /**
         * Whether {@code value} equals an enum or const member as networknt compares them: strings, booleans and
         * null by kind and content; numbers, maps and lists are networknt's to compare (its numeric equality).
         */
        private static Answer same(Object value, Object member) {
            boolean plainValue = value == null || value instanceof String || value instanceof Boolean;
            boolean plainMember = member == null || member instanceof String || member instanceof Boolean;
            if (plainValue && plainMember) {
                return Answer.of(Objects.equals(value, member));
            }
            if (plainValue || plainMember) {
                return Answer.FAILS; // a string, boolean or null against a number, map or list: different kinds
            }
            return Answer.UNSURE;
        }

        private static Answer and(Answer a, Answer b) {
            if (a == Answer.FAILS || b == Answer.FAILS) {
                return Answer.FAILS;
            }
            return a == Answer.UNSURE || b == Answer.UNSURE ? Answer.UNSURE : Answer.MEETS;
        }

        private static Answer or(Answer a, Answer b) {
            if (a == Answer.MEETS || b == Answer.MEETS) {
                return Answer.MEETS;
            }
            return a == Answer.UNSURE || b == Answer.UNSURE ? Answer.UNSURE : Answer.FAILS;
        }
    }
}
