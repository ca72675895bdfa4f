package dev.runway.render.funcs;

import dev.runway.render.gofmt.GoStrconv;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** BurntSushi/toml's Encoder for the value model, as Helm's toToml uses it (errors are returned as text). */
final class Toml {

    private Toml() {}

    static String encode(Object v) {
        StringBuilder sb = new StringBuilder();
        if (!(v instanceof Map<?, ?> map)) {
            if (v == null) {
                return "";
            }
            try {
                writeValue(sb, v);
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
            return sb.toString();
        }
        try {
            writeTable(sb, new ArrayList<>(), map);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return sb.toString();
    }

    private static boolean isTable(Object v) {
        return v instanceof Map;
    }

    private static boolean isArrayOfTables(Object v) {
        if (!(v instanceof List<?> l) || l.isEmpty()) {
            return false;
        }
        for (Object o : l) {
            if (!(o instanceof Map)) {
                return false;
            }
        }
        return true;
    }

    private static void writeTable(StringBuilder sb, List<String> path, Map<?, ?> map) {
        // BurntSushi's encoder has no bound: a map that contains itself runs Helm out of memory.
        if (path.size() > dev.runway.render.gofmt.ValueLimits.MAX_NESTING) {
            throw dev.runway.render.gofmt.ValueLimits.tooDeep("toToml");
        }
        if (sb.length() > dev.runway.render.gofmt.ValueLimits.MAX_VALUE_CHARS) {
            throw dev.runway.render.gofmt.ValueLimits.tooLong("the TOML text");
        }
        List<String> keys = new ArrayList<>();
        for (Object k : map.keySet()) {
            keys.add(String.valueOf(k));
        }
        keys.sort(StringFunctions::compareBytes);
        String indent = "  ".repeat(Math.max(path.size() - 1, 0));
        if (!path.isEmpty()) {
            indent = "  ".repeat(path.size());
        }
        for (String k : keys) {
            Object v = map.get(k);
            if (v == null || isTable(v) || isArrayOfTables(v)) {
                continue;
            }
            sb.append(indent.isEmpty() ? "" : "  ".repeat(path.size()))
                    .append(key(k))
                    .append(" = ");
            writeValue(sb, v);
            sb.append('\n');
        }
        for (String k : keys) {
            Object v = map.get(k);
            if (v instanceof Map<?, ?> sub) {
                List<String> p = new ArrayList<>(path);
                p.add(k);
                if (p.size() == 1 && sb.length() > 0) {
                    // An empty line between top-level tables only.
                    sb.append('\n');
                }
                sb.append("  ".repeat(path.size()))
                        .append('[')
                        .append(dotted(p))
                        .append("]\n");
                writeTable(sb, p, sub);
            } else if (isArrayOfTables(v)) {
                List<String> p = new ArrayList<>(path);
                p.add(k);
                for (Object item : (List<?>) v) {
                    if (sb.length() > 0) {
                        sb.append('\n');
                    }
                    sb.append("  ".repeat(path.size()))
                            .append("[[")
                            .append(dotted(p))
                            .append("]]\n");
                    writeTable(sb, p, (Map<?, ?>) item);
                }
            }
        }
    }

    private static String dotted(List<String> p) {
        List<String> q = new ArrayList<>();
        for (String s : p) {
            q.add(key(s));
        }
        return String.join(".", q);
    }

    private static String key(String k) {
        if (!k.isEmpty()
                && k.chars()
                        .allMatch(c -> (c >= 'a' && c <= 'z')
                                || (c >= 'A' && c <= 'Z')
                                || (c >= '0' && c <= '9')
                                || c == '_'
                                || c == '-')) {
            return k;
        }
        return quote(k);
    }

    private static void writeValue(StringBuilder sb, Object v) {
        if (v instanceof String s) {
            sb.append(quote(s));
        } else if (v instanceof Boolean b) {
            sb.append(b);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d)) {
                sb.append("nan");
            } else if (Double.isInfinite(d)) {
                sb.append(d > 0 ? "inf" : "-inf");
            } else {
                String f = GoStrconv.formatFloat(d, 'f', -1, 64);
                sb.append(f.contains(".") ? f : f + ".0");
            }
        } else if (v instanceof Number n) {
            sb.append(n);
        } else if (v instanceof List<?> l) {
            sb.append('[');
            boolean first = true;
            for (Object o : l) {
                if (o == null) {
                    throw new IllegalArgumentException("toml: cannot encode a nil value in an array");
                }
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                if (o instanceof Map<?, ?> m) {
                    writeInlineTable(sb, m);
                } else {
                    writeValue(sb, o);
                }
            }
            sb.append(']');
        } else if (v instanceof Map<?, ?> m) {
            writeInlineTable(sb, m);
        } else {
            sb.append(quote(String.valueOf(v)));
        }
    }

    private static void writeInlineTable(StringBuilder sb, Map<?, ?> m) {
        List<String> keys = new ArrayList<>();
        for (Object k : m.keySet()) {
            keys.add(String.valueOf(k));
        }
        keys.sort(StringFunctions::compareBytes);
        sb.append('{');
        boolean first = true;
        for (String k : keys) {
            Object v = m.get(k);
            if (v == null) {
                continue;
            }
            sb.append(first ? " " : ", ");
            first = false;
            sb.append(key(k)).append(" = ");
            writeValue(sb, v);
        }
        sb.append(first ? "}" : " }");
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\f' -> sb.append("\\f");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
