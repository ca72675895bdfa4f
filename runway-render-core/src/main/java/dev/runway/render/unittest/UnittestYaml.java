package dev.runway.render.unittest;

import com.google.re2j.Pattern;
import dev.runway.render.gofmt.GoValues;
import dev.runway.render.regexp.GoRegexp;
import dev.runway.render.yaml.GoYaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * YAML as helm-unittest reads and writes it: gopkg.in/yaml.v3 decoding (integers stay integers) for suites,
 * rendered manifests and snapshot files, and its TrustedMarshalYAML (yaml.v3 encoder, indent 2, leading newlines
 * of strings dropped) for failure messages and snapshots.
 */
final class UnittestYaml {
    /** helm-unittest's document splitter (test_suite.go), the same as Helm's releaseutil. */
    /** The key under which a text file (NOTES.txt) or a render error is held as a manifest. */
    static final String RAW = "raw";

    static final Pattern SPLITTER = GoRegexp.compile("(?:^|\\s*\n)---\\s*");

    private UnittestYaml() {}

    static Object read(String text, String source) {
        return GoYaml.readV3(text, source);
    }

    /** TrustedMarshalYAML: the value as a whole yaml.v3 document with its trailing newline. */
    static String marshal(Object value) {
        try {
            return GoYaml.marshalV3(withoutLeadingNewlines(value));
        } catch (StackOverflowError e) {
            // A suite's expected value nested many thousand levels deep: a deep stack, and past that the suite's
            // own error.
            return dev.runway.render.io.DeepStack.rerun(
                    () -> GoYaml.marshalV3(withoutLeadingNewlines(value)),
                    overflow -> new UnittestException("yaml: the value nests too deeply to write"));
        }
    }

    /** The parts of a multi-document text split as helm-unittest splits them (empty parts included). */
    static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        com.google.re2j.Matcher m = SPLITTER.matcher(text);
        int last = 0;
        while (m.find()) {
            parts.add(text.substring(last, m.start()));
            last = m.end();
        }
        parts.add(text.substring(last));
        return parts;
    }

    /** parseYamlFile: every non-empty document of a rendered template, as maps. */
    static List<Map<String, Object>> manifests(String rendered, String source) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String part : split(rendered)) {
            Object doc = read(part, source);
            if (doc instanceof Map<?, ?> map && !map.isEmpty()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) map;
                out.add(typed);
            } else if (doc != null && !(doc instanceof Map)) {
                throw new UnittestException(source + ": yaml: unmarshal errors: cannot unmarshal a "
                        + GoValues.yamlV3TypeName(doc) + " into a manifest (a map)");
            }
        }
        return out;
    }

    private static Object withoutLeadingNewlines(Object v) {
        if (v instanceof String s) {
            int i = 0;
            while (i < s.length() && s.charAt(i) == '\n') {
                i++;
            }
            return s.substring(i);
        }
        if (v instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, val) -> out.put(k, withoutLeadingNewlines(val)));
            return out;
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(item -> out.add(withoutLeadingNewlines(item)));
            return out;
        }
        return v;
    }
}
