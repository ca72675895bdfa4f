package dev.runway.render.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The emitter's fast analysis of printable ASCII scalars (analyzeAscii) must agree with the full analysis
 * (yaml_emitter_analyze_scalar) wherever it answers, and toYaml must write the same text either way.
 */
class YamlEmitterAsciiTest {

    /** Characters that steer the analysis, and some it must refuse (tab, breaks, controls, DEL, non-ASCII). */
    private static final String ALPHABET = "ab1 :#-.?,[]{}&*!|>'\"%@`\\/=\t\n\r\u0000\u007f\u0085é\u2028\ufeff";

    @Test
    void fastAnalysisAgreesWithTheFullOne() {
        Random random = new Random(19);
        List<String> samples = new ArrayList<>(List.of(
                "a",
                "yes",
                "0x1",
                "nginx:1.25",
                "http://example.com/x",
                "a: b",
                "a:",
                "a #b",
                "a#b",
                " lead",
                "trail ",
                " ",
                "...",
                "..x",
                "..",
                "---",
                "-x",
                "- x",
                "x-",
                "a,b",
                "a[0]",
                "{x}",
                "say \"hi\"",
                "back\\slash",
                "é",
                "tab\tin",
                "multi\nline",
                "x".repeat(200),
                "word ".repeat(40).trim()));
        for (int i = 0; i < 200_000; i++) {
            int length = random.nextInt(7);
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < length; k++) {
                b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            samples.add(b.toString());
        }
        int answered = 0;
        for (String s : samples) {
            YamlEmitter.Analysis fast = new YamlEmitter.Analysis();
            boolean ascii = YamlEmitter.analyzeAscii(s, s.toCharArray(), s.length(), fast);
            boolean plainAscii = !s.isEmpty() && s.chars().allMatch(c -> c >= 0x20 && c < 0x7F);
            if (!plainAscii) {
                assertFalse(ascii, () -> show(s));
                continue;
            }
            if (!ascii) {
                // Only a leading indicator or "..." sends printable ASCII to the full analysis.
                assertTrue("#,[]{}&*!|>'\"%@`?:-".indexOf(s.charAt(0)) >= 0 || s.startsWith("..."), () -> show(s));
                continue;
            }
            answered++;
            int[] cps = s.codePoints().toArray();
            for (boolean v3 : new boolean[] {false, true}) {
                YamlEmitter.Analysis full = new YamlEmitter.Analysis();
                YamlEmitter.analyze(cps, cps.length, v3, full);
                assertEquals(full.multiline, fast.multiline, () -> "multiline " + show(s));
                assertEquals(full.flowPlainAllowed, fast.flowPlainAllowed, () -> "flow plain " + show(s));
                assertEquals(full.blockPlainAllowed, fast.blockPlainAllowed, () -> "block plain " + show(s));
                assertEquals(full.singleQuotedAllowed, fast.singleQuotedAllowed, () -> "single " + show(s));
                assertEquals(full.blockAllowed, fast.blockAllowed, () -> "block " + show(s));
            }
            assertEquals(s.indexOf('"') < 0 && s.indexOf('\\') < 0, fast.noEscapes, () -> show(s));
        }
        assertTrue(answered > 1000, "the fast analysis answered " + answered + " times");
    }

    @Test
    void commonScalarsTakeTheFastPath() {
        for (String s : List.of("nginx", "nginx:1.25", "http://example.com/x", "a b", "yes", "0x1", "a #b", "a: b")) {
            assertTrue(YamlEmitter.analyzeAscii(s, s.toCharArray(), s.length(), new YamlEmitter.Analysis()), s);
        }
    }

    @Test
    void toYamlOfScalarsTheFastPathSees() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("plain", "nginx:1.25");
        m.put("bool", "yes");
        m.put("hex", "0x1");
        m.put("colonSpace", "a: b");
        m.put("trailingColon", "a:");
        m.put("hash", "a #b");
        m.put("lead", " lead");
        m.put("trail", "trail ");
        m.put("quotes", "say \"hi\"");
        m.put("slash", "back\\slash");
        m.put("nonAscii", "é");
        m.put("multi", "multi\nline");
        m.put("a: key", "v");
        m.put("long", "word ".repeat(30).trim());
        m.put("longQuoted", ("true " + "word ".repeat(30)).trim() + " ");
        m.put("k".repeat(130), "long key");
        // As go-yaml v2 writes it (the same text as before the fast path).
        String expected = "'a: key': v\n"
                + "bool: \"yes\"\n"
                + "colonSpace: 'a: b'\n"
                + "hash: 'a #b'\n"
                + "hex: \"0x1\"\n"
                + "? " + "k".repeat(130) + "\n: long key\n"
                + "lead: ' lead'\n"
                + "long: word word word word word word word word word word word word word word word word\n"
                + "  word word word word word word word word word word word word word word\n"
                + "longQuoted: 'true word word word word word word word word word word word word word\n"
                + "  word word word word word word word word word word word word word word word word\n"
                + "  word '\n"
                + "multi: |-\n  multi\n  line\n"
                + "nonAscii: é\n"
                + "plain: nginx:1.25\n"
                + "quotes: say \"hi\"\n"
                + "slash: back\\slash\n"
                + "trail: 'trail '\n"
                + "trailingColon: 'a:'";
        assertEquals(expected, GoYaml.toYaml(m));
    }

    private static String show(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.chars()
                .forEach(c -> b.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return b.append('"').toString();
    }
}
