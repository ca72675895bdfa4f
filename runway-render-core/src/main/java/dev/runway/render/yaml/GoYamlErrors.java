package dev.runway.render.yaml;

import dev.runway.render.gofmt.GoBytes;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * go-yaml v2's error texts (the reader under sigs.k8s.io/yaml, which Helm 3 and Helm 4 both use to read each rendered
 * document), in one place so every YAML reader of the engine (the manifest head reader, the values reader) words a
 * problem as {@code helm template} prints it.
 */
public final class GoYamlErrors {

    private GoYamlErrors() {
    }

    /**
     * The problem go-yaml's reader (readerc.go, yaml_parser_update_buffer) finds in {@code text} before any token is
     * scanned, or null: invalid UTF-8 (a Go string holding raw bytes, see {@link GoBytes}) or a character YAML does
     * not allow (a control character, U+FFFE). go-yaml words it without a line ({@code yaml: invalid leading UTF-8
     * octet}) because a reader error sets no mark.
     *
     * <p>go-yaml decodes its input in 512-byte chunks ahead of the scanner, so a syntax error more than a chunk
     * before a bad byte would be reported first; here the bad byte always wins, which differs only for a document
     * with both problems that far apart. A UTF-16 byte-order mark (which go-yaml would follow) is not looked for.
     */
    public static String readerProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\t' && c != '\r') || c >= 0x7F) {
                // Anything beyond printable ASCII: decode the bytes as go-yaml does.
                return decodeProblem(GoBytes.bytes(text));
            }
        }
        return null;
    }

    /**
     * A YAML syntax error of {@code text} found by snakeyaml-engine, worded and numbered as go-yaml words it
     * ({@code yaml: line N: problem}), for callers that parse events themselves.
     */
    public static String syntaxMessage(MarkedYamlEngineException e, String text) {
        return YamlReader.libyamlMessage(e, text);
    }

    private static String decodeProblem(byte[] b) {
        int i = b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < b.length) {
            int octet = b[i] & 0xFF;
            int width;
            int value;
            if (octet < 0x80) {
                width = 1;
                value = octet;
            } else if ((octet & 0xE0) == 0xC0) {
                width = 2;
                value = octet & 0x1F;
            } else if ((octet & 0xF0) == 0xE0) {
                width = 3;
                value = octet & 0x0F;
            } else if ((octet & 0xF8) == 0xF0) {
                width = 4;
                value = octet & 0x07;
            } else {
                return "invalid leading UTF-8 octet";
            }
            if (i + width > b.length) {
                return "incomplete UTF-8 octet sequence";
            }
            for (int k = 1; k < width; k++) {
                int next = b[i + k] & 0xFF;
                if ((next & 0xC0) != 0x80) {
                    return "invalid trailing UTF-8 octet";
                }
                value = (value << 6) + (next & 0x3F);
            }
            if ((width == 2 && value < 0x80) || (width == 3 && value < 0x800) || (width == 4 && value < 0x10000)) {
                return "invalid length of a UTF-8 sequence";
            }
            if ((value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF) {
                return "invalid Unicode character";
            }
            if (!printable(value)) {
                return "control characters are not allowed";
            }
            i += width;
        }
        return null;
    }

    /** libyaml's test of a character allowed in a YAML stream. */
    private static boolean printable(int v) {
        return v == 0x09 || v == 0x0A || v == 0x0D || (v >= 0x20 && v <= 0x7E) || v == 0x85
                || (v >= 0xA0 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) || (v >= 0x10000 && v <= 0x10FFFF);
    }
}
