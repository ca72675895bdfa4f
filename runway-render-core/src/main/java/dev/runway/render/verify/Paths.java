package dev.runway.render.verify;

import java.util.regex.Pattern;

/** Field paths as findings print them: {@code spec.template.spec.containers[0].env[1].name}, {@code data["a.b"]}. */
final class Paths {
    private static final Pattern SIMPLE = Pattern.compile("[A-Za-z0-9_-]+");

    private Paths() {}

    static String field(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    static String key(String parent, String key) {
        if (SIMPLE.matcher(key).matches()) {
            return field(parent, key);
        }
        return parent + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
