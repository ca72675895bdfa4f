package dev.runway.render.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Code Quality report is written without Jackson (issue 19: jackson-core cost a cold runway:verify 83 classes).
 * This test keeps the former writer (Jackson's streaming generator with its default pretty printer) and compares the
 * bytes as the report file holds them (UTF-8). Strings are quoted by GoJson (encoding/json without HTML escaping),
 * which differs from Jackson, by decision, on three groups of characters; everywhere else the bytes are Jackson's:
 *
 * <ul>
 *   <li>controls without a short escape whose hex has a letter: Go writes {@code \u001f}, Jackson {@code \u001F};
 *   <li>U+2028 and U+2029: Go escapes them, Jackson wrote them raw (valid JSON, but not a JavaScript string);
 *   <li>a surrogate without its pair: Go writes {@code \ufffd}, Jackson wrote it raw and the UTF-8 file write turned
 *       it into {@code ?}.
 * </ul>
 *
 * <p>All three read back as the same JSON strings (the unpaired surrogate as U+FFFD).
 */
class VerifyReportsCodeQualityTest {
    private static final ObjectMapper READER = new ObjectMapper();

    private static final List<String> HOSTILE = List.of(
            "plain text",
            "",
            "\"quoted\" and 'single'",
            "back\\slash \\\\ \\u0041 \\n",
            "\b\f\n\r\t",
            "\u0000\u0001\u0002\u0007\u0010\u0019\u007f",
            "</script><!-- a&b <c> ]]> &amp; &#x27;",
            "a/b //c",
            "é 日本 \u00a0\u0080\u009f\u00ad\ufeff\ufffd\ufffe\uffff",
            "\uD83D\uDE00 non-BMP \uDBFF\uDFFF",
            "${aws_account_id} $${x} {{ .Values }}",
            "line one\nline two\r\n\ttabbed",
            "x".repeat(5000));

    /** Characters where GoJson's quoting and Jackson's differ by decision (see the class comment). */
    private static boolean decidedDifference(char c) {
        return (c < 0x20 && (c & 0xF) >= 10 && !shortEscape(c))
                || c == '\u2028'
                || c == '\u2029'
                || Character.isSurrogate(c);
    }

    private static boolean shortEscape(char c) {
        return c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t';
    }

    private static VerifyReports.Input input(String text) {
        ResourceRef ref = new ResourceRef("v1", "ConfigMap", "ns" + text, "name" + text);
        List<Finding> findings = List.of(
                new Finding(Severity.ERROR, "structure.wrong-type", ref, "data." + text, text, "fix " + text, text, 3),
                new Finding(Severity.WARNING, "rules." + text, ref, "", "message " + text, "", "", 0),
                new Finding(Severity.INFO, "identity.x", ResourceRef.none(), "", text, text, "", -4),
                // the same identity twice: the second fingerprint is numbered
                new Finding(Severity.ERROR, "structure.wrong-type", ref, "data." + text, text, "fix " + text, text, 3));
        return new VerifyReports.Input("t", List.of(ref), findings, null, "default" + text + ".yaml");
    }

    @Test
    void reportBytesAreWhatJacksonWroteOverHostileText() throws Exception {
        for (String text : HOSTILE) {
            assertArrayEquals(
                    utf8(codeQualityWithJackson(input(text))),
                    utf8(VerifyReports.codeQuality(input(text))),
                    () -> "text " + READER.valueToTree(text));
        }
        VerifyReports.Input none = new VerifyReports.Input("t", List.of(), List.of(), null, "x.yaml");
        assertEquals(codeQualityWithJackson(none), VerifyReports.codeQuality(none));
        assertEquals("[ ]\n", VerifyReports.codeQuality(none));
    }

    /** Every UTF-16 unit, alone and between text: the bytes differ only on the decided characters. */
    @Test
    void everyCharacterIsWrittenAsJacksonDidExceptTheDecidedOnes() throws Exception {
        int decided = 0;
        for (int c = 0; c <= 0xFFFF; c++) {
            String text = "a" + (char) c + "b";
            VerifyReports.Input input = input(text);
            byte[] ours = utf8(VerifyReports.codeQuality(input));
            String jackson = codeQualityWithJackson(input);
            if (!decidedDifference((char) c)) {
                assertArrayEquals(utf8(jackson), ours, "U+" + Integer.toHexString(c));
                continue;
            }
            decided++;
            // The same JSON strings when read back, an unpaired surrogate as U+FFFD.
            String expected = READER.readTree(jackson).toString();
            if (Character.isSurrogate((char) c)) {
                expected = expected.replace((char) c, '\ufffd');
            }
            assertEquals(
                    expected,
                    READER.readTree(new String(ours, StandardCharsets.UTF_8)).toString(),
                    "U+" + Integer.toHexString(c));
        }
        // 0x0b, 0x0e, 0x0f, 0x1a to 0x1f; U+2028, U+2029; 2048 surrogates
        assertEquals(9 + 2 + 2048, decided);
    }

    @Test
    void decidedCharactersAreWrittenAsGoWritesThem() {
        String report = VerifyReports.codeQuality(input("\u000b\u001f\u2028\u2029 \uD800 \uDC00 \uDC00\uD800"));
        assertTrue(report.contains("\"\\u000b\\u001f\\u2028\\u2029 \\ufffd \\ufffd \\ufffd\\ufffd\""), report);
        assertTrue(new String(utf8(report), StandardCharsets.UTF_8).equals(report), "no unpaired surrogate left");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The former VerifyReports.codeQuality. */
    private static String codeQualityWithJackson(VerifyReports.Input input) throws Exception {
        StringWriter out = new StringWriter();
        Set<String> fingerprints = new LinkedHashSet<>();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartArray();
            for (Finding f : input.findings()) {
                json.writeStartObject();
                json.writeStringField(
                        "description",
                        f.resource() + " " + (f.path().isEmpty() ? "" : f.path() + ": ") + f.message()
                                + (f.fix().isEmpty() ? "" : ". Fix: " + f.fix()));
                json.writeStringField("check_name", f.check());
                String fingerprint = sha256(f.identity());
                for (int n = 1; !fingerprints.add(fingerprint); n++) {
                    fingerprint = sha256(f.identity() + "#" + n);
                }
                json.writeStringField("fingerprint", fingerprint);
                json.writeStringField(
                        "severity",
                        switch (f.severity()) {
                            case ERROR -> "critical";
                            case WARNING -> "minor";
                            case INFO -> "info";
                        });
                json.writeObjectFieldStart("location");
                json.writeStringField("path", f.file().isEmpty() ? input.defaultPath() : f.file());
                json.writeObjectFieldStart("lines");
                json.writeNumberField("begin", Math.max(1, f.line()));
                json.writeEndObject();
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        return out + "\n";
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
