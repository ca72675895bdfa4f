package dev.runway.render.unittest;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.Predicate;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value paths of helm-unittest assertions. A path is JSONPath without the leading {@code $}
 * ({@code spec.template.spec.containers[?(@.name == "basic")].image},
 * {@code metadata.annotations["kubernetes.io/ingress.class"]}), evaluated with Jayway JsonPath over the manifest;
 * like helm-unittest's yaml-jsonpath, it yields every matching value (none when the path is absent, {@code null}
 * when the key is there with no value). {@link #build} is the other direction: a {@code set} key
 * ({@code image.tag}, {@code list[0]}, {@code annotations[a.b/c]}) made into a values tree.
 */
final class ValuePaths {
    private static final Configuration JSONPATH = Configuration.builder()
            .jsonProvider(new JacksonJsonProvider())
            .mappingProvider(new JacksonMappingProvider())
            .options(Option.ALWAYS_RETURN_LIST, Option.SUPPRESS_EXCEPTIONS)
            .build();

    private ValuePaths() {}

    /** GetValueOfSetPath: every value the path finds in the manifest; the manifest itself for an empty path. */
    static List<Object> get(Object manifest, String path) {
        if (path == null || path.isEmpty()) {
            return List.of(manifest);
        }
        return find(manifest, jsonPath(path));
    }

    /** A full JSONPath ({@code $...}); filters with {@code =~} match with Go's regexp ({@link RegexFilters}). */
    private static List<Object> find(Object document, String path) {
        try {
            return findOnThisThread(document, path);
        } catch (StackOverflowError e) {
            // json-path compiles and walks a path one recursion per segment: a path of many thousand segments
            // (from a hostile suite) goes to a deep stack, and past that ends as the suite's own error.
            return dev.runway.render.io.DeepStack.rerun(
                    () -> findOnThisThread(document, path),
                    overflow -> new PathException("invalid path " + abbreviated(path) + ": it has too many segments"));
        }
    }

    private static String abbreviated(String path) {
        return path.length() > 200 ? path.substring(0, 200) + "..." : path;
    }

    private static List<Object> findOnThisThread(Object document, String path) {
        JsonPath compiled;
        try {
            RegexFilters.Rewritten rewritten = RegexFilters.rewrite(path, ValuePaths::find);
            compiled = JsonPath.compile(rewritten.path(), rewritten.predicates().toArray(new Predicate[0]));
        } catch (InvalidPathException | IllegalArgumentException e) {
            throw new PathException("invalid path " + path + ": " + e.getMessage());
        }
        Object found = compiled.read(document, JSONPATH);
        List<Object> out = new ArrayList<>();
        if (found instanceof List<?> list) {
            out.addAll(list);
        }
        return out;
    }

    private static String jsonPath(String path) {
        if (path.startsWith("$")) {
            return path;
        }
        return path.startsWith("[") || path.startsWith(".") ? "$" + path : "$." + path;
    }

    /** A path that cannot be parsed; assertions report it as an error of the manifest. */
    static final class PathException extends RuntimeException {
        PathException(String message) {
            super(message);
        }
    }

    /** BuildValueOfSetPath: {@code a.b[1]} with value v is {@code {a: {b: [null, v]}}}. */
    static Map<String, Object> build(String path, Object value) {
        if (path.isEmpty()) {
            throw new UnittestException("set path is empty");
        }
        List<Object> cursors = parseSetPath(path);
        Map<String, Object> root = new LinkedHashMap<>();
        Object current = root;
        for (int depth = 0; depth < cursors.size(); depth++) {
            Object cursor = cursors.get(depth);
            Object next;
            if (depth == cursors.size() - 1) {
                next = value;
            } else if (cursors.get(depth + 1) instanceof Integer idx) {
                List<Object> list = new ArrayList<>();
                for (int i = 0; i <= idx; i++) {
                    list.add(null);
                }
                next = list;
            } else {
                next = new LinkedHashMap<String, Object>();
            }
            if (cursor instanceof String key) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) current;
                m.put(key, next);
            } else {
                @SuppressWarnings("unchecked")
                List<Object> l = (List<Object>) current;
                l.set((Integer) cursor, next);
            }
            current = next;
        }
        return root;
    }

    private enum State {
        KEY,
        INDEX,
        DENOTATION,
        ESCAPING
    }

    /** traverseSetPath of valueutils.go: keys, [index] and [escaped.key] segments. */
    private static List<Object> parseSetPath(String path) {
        List<Object> cursors = new ArrayList<>();
        State state = State.KEY;
        StringBuilder escaped = new StringBuilder();
        int i = 0;
        while (true) {
            int start = i;
            while (i < path.length() && ".[],{}=".indexOf(path.charAt(i)) < 0) {
                i++;
            }
            String k = path.substring(start, i);
            if (i >= path.length()) {
                if (!k.isEmpty() && state == State.KEY) {
                    cursors.add(k);
                    return cursors;
                }
                if (k.isEmpty() && state == State.DENOTATION) {
                    return cursors;
                }
                throw new UnittestException("set path " + path + ": unexpected end of path");
            }
            char last = path.charAt(i++);
            if (",{}=".indexOf(last) >= 0) {
                throw new UnittestException("set path " + path + ": invalid token found " + last);
            }
            switch (state) {
                case INDEX -> {
                    if (last != ']') {
                        throw new UnittestException("set path " + path + ": missing index value");
                    }
                    int index;
                    try {
                        index = Integer.parseInt(k);
                    } catch (NumberFormatException e) {
                        throw new UnittestException("set path " + path + ": strconv.Atoi: parsing "
                                + dev.runway.render.gofmt.GoStrconv.quote(k) + ": invalid syntax");
                    }
                    // build makes a list of index + 1 elements: Helm's --set limits, not a heap-sized list.
                    if (index < 0) {
                        throw new UnittestException("set path " + path + ": negative " + index + " index not allowed");
                    }
                    if (index > dev.runway.render.values.Strvals.MAX_INDEX) {
                        throw new UnittestException("set path " + path + ": index of " + index
                                + " is greater than maximum supported index of "
                                + dev.runway.render.values.Strvals.MAX_INDEX);
                    }
                    cursors.add(index);
                    state = State.DENOTATION;
                }
                case DENOTATION -> {
                    if (last == '.') {
                        state = State.KEY;
                    } else if (last == '[') {
                        state = State.INDEX;
                    } else {
                        throw new UnittestException("set path " + path + ": invalid denotation token " + last);
                    }
                }
                case KEY -> {
                    if (last == '.') {
                        cursors.add(k);
                    } else if (last == '[') {
                        if (k.isEmpty()) {
                            escaped.setLength(0);
                            state = State.ESCAPING;
                        } else {
                            cursors.add(k);
                            state = State.INDEX;
                        }
                    } else {
                        throw new UnittestException("set path " + path + ": invalid key " + last);
                    }
                }
                case ESCAPING -> {
                    if (last == '.') {
                        escaped.append(k).append('.');
                    } else if (last == ']') {
                        escaped.append(k);
                        cursors.add(escaped.toString());
                        state = State.DENOTATION;
                    } else {
                        throw new UnittestException("set path " + path + ": invalid escaping token " + last);
                    }
                }
            }
        }
    }
}
