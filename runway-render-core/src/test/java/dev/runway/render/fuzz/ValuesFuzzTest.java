package dev.runway.render.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.runway.render.values.SetValueException;
import dev.runway.render.values.Strvals;
import dev.runway.render.values.ValuesFileException;
import dev.runway.render.values.ValuesFiles;
import dev.runway.render.yaml.GoJson;
import dev.runway.render.yaml.GoYaml;
import dev.runway.render.yaml.GoYamlException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;

/**
 * Values on hostile input: a values file is read or rejected with {@link ValuesFileException}; a {@code --set}
 * line is parsed or rejected with {@link SetValueException}; YAML text is read or rejected with
 * {@link GoYamlException}; and {@code fromYaml(toYaml(x))} gives back {@code x} as Go sees it.
 */
@Tag("fuzz")
class ValuesFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void valuesFileReadsOrExplains(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        TemplateFuzzTest.runDeep(() -> {
            try {
                assertNotNull(ValuesFiles.standard().read(text, "values.yaml").values());
            } catch (ValuesFileException expected) {
                assertNotNull(expected.getMessage());
            }
        });
    }

    @FuzzTest(maxDuration = "60s")
    void setLineParsesOrExplains(FuzzedDataProvider data) {
        String line = data.consumeRemainingAsString();
        for (int mode = 0; mode < 3; mode++) {
            Map<String, Object> dest = new LinkedHashMap<>();
            try {
                switch (mode) {
                    case 0 -> Strvals.parseInto(line, dest);
                    case 1 -> Strvals.parseIntoString(line, dest);
                    default -> Strvals.parseJson(line, dest);
                }
            } catch (SetValueException expected) {
                assertNotNull(expected.getMessage());
            }
        }
    }

    @FuzzTest(maxDuration = "60s")
    void yamlReadsOrExplains(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        TemplateFuzzTest.runDeep(() -> {
            try {
                GoYaml.read(text, "fuzz.yaml");
            } catch (GoYamlException expected) {
                assertNotNull(expected.getMessage());
            }
            assertNotNull(GoYaml.fromYaml(text));
        });
    }

    @FuzzTest(maxDuration = "60s")
    void fromYamlOfToYamlGivesTheValueBack(FuzzedDataProvider data) {
        Object value = FuzzValues.goValue(data, 3);
        Object expected;
        try {
            expected = asGoSeesItAfterJson(value);
        } catch (NotRepresentable skip) {
            return;
        }
        String yaml;
        try {
            yaml = GoYaml.marshal(value);
        } catch (GoJson.GoJsonException | GoYamlException e) {
            throw new AssertionError("toYaml failed on a value JSON can hold: " + value, e);
        }
        Object back;
        try {
            back = GoYaml.read(yaml, "roundtrip.yaml");
        } catch (GoYamlException e) {
            throw new AssertionError(
                    "fromYaml failed on toYaml's output for " + GoJson.toJson(value) + ":\n" + yaml, e);
        }
        assertEquals(expected, back, () -> "toYaml gave:\n" + yaml);
    }

    /** A value json.Marshal refuses or changes beyond recognition (NaN, infinities, control characters). */
    private static final class NotRepresentable extends Exception {
        NotRepresentable() {
            super(null, null, false, false);
        }
    }

    /**
     * The Go value after sigs.k8s.io/yaml's round trip: every number is float64, []byte is its base64 string,
     * lone UTF-16 surrogates are U+FFFD; map equality ignores order, as Go's maps do. Values Go itself cannot
     * round-trip (NaN, infinities, C1 controls, the merge key "<<") are skipped.
     */
    private static Object asGoSeesItAfterJson(Object v) throws NotRepresentable {
        if (v == null || v instanceof Boolean) {
            return v;
        }
        if (v instanceof String s) {
            return text(s);
        }
        if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw new NotRepresentable();
            }
            return d == 0 ? 0.0 : d;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof byte[] b) {
            return Base64.getEncoder().encodeToString(b);
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object o : list) {
                out.add(asGoSeesItAfterJson(o));
            }
            return out;
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = text((String) e.getKey());
                // A plain "<<" key is go-yaml v2's merge key: Go's own round trip fails or merges it.
                if (!key.equals(e.getKey()) || out.containsKey(key) || key.equals("<<")) {
                    throw new NotRepresentable();
                }
                out.put(key, asGoSeesItAfterJson(e.getValue()));
            }
            return out;
        }
        throw new NotRepresentable();
    }

    private static String text(String s) throws NotRepresentable {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 0x7F && c <= 0x9F) || c == 0xFFFE || c == 0xFFFF) {
                throw new NotRepresentable();
            }
            if (c == 0x2028 || c == 0x2029) {
                // Known gap, not Go's behaviour (FUZZING.md, finding 5): toYaml writes them as the escapes \L and \P
                // inside double quotes, as go-yaml does, but snakeyaml-engine 3.2 cannot read those escapes back.
                throw new NotRepresentable();
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                sb.append('\uFFFD');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
