package dev.runway.render.values;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A one-line dump of a Go value tree with the Go kind of every scalar, the same text the conformance chart's
 * {@code dump} template prints with Helm ({@code kindOf} and {@code toJson} for scalars, keys sorted), so that
 * types (int64 vs string vs bool vs nil) are compared, not just JSON shapes.
 */
final class GoValueDump {
    private GoValueDump() {}

    static final String TEMPLATE = """
            {{- define "dump" -}}
            {{- if kindIs "map" . -}}
            {{- "{" -}}{{- range $k, $v := . -}}{{ toJson $k }}:{{ include "dump" $v }},{{- end -}}{{- "}" -}}
            {{- else if kindIs "slice" . -}}
            {{- "[" -}}{{- range . -}}{{ include "dump" . }},{{- end -}}{{- "]" -}}
            {{- else -}}
            {{- kindOf . }}:{{ toJson . -}}
            {{- end -}}
            {{- end -}}
            # {{ include "dump" .Values }}
            """;

    static String dump(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static void write(Object value, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            new TreeMap<>((Map<String, Object>) map).forEach((k, v) -> {
                out.append(jsonString(k)).append(':');
                write(v, out);
                out.append(',');
            });
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (Object item : list) {
                write(item, out);
                out.append(',');
            }
            out.append(']');
        } else if (value == null) {
            out.append("invalid:null");
        } else if (value instanceof String s) {
            out.append("string:").append(jsonString(s));
        } else if (value instanceof Boolean b) {
            out.append("bool:").append(b);
        } else if (value instanceof Long l) {
            out.append("int64:").append(l);
        } else if (value instanceof Double d) {
            // encoding/json: shortest digits, plain notation below 1e21
            String text = Math.abs(d) < 1e21 && (d == 0 || Math.abs(d) >= 1e-6)
                    ? new java.math.BigDecimal(Double.toString(d))
                            .stripTrailingZeros()
                            .toPlainString()
                    : d.toString();
            out.append("float64:").append(text);
        } else {
            throw new IllegalArgumentException("not a Go value: " + value.getClass());
        }
    }

    /** encoding/json's string form, HTML-safe as Sprig's toJson writes it. */
    static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
