package dev.runway.render.yaml;

import dev.runway.render.gofmt.GoBytes;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ParserException;
import org.snakeyaml.engine.v2.exceptions.ScannerException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * go-yaml v2's error texts, in one place so every YAML reader of the engine (the manifest head reader, the values
 * reader) words a problem as {@code helm template} prints it. Helm 4.1.4 and 3.21 both read each rendered document
 * with sigs.k8s.io/yaml v1.6.0 (Unmarshal into SimpleHead in manifest_sorter.go), which converts YAML to JSON with
 * go.yaml.in/yaml/v2 (a copy of gopkg.in/yaml.v2, libyaml's reader, scanner and parser ported to Go) before
 * encoding/json decodes it: hence {@code error converting YAML to JSON: yaml: ...} before a syntax error and
 * {@code error unmarshaling JSON: ...} only for a document that is valid YAML but not a map.
 */
public final class GoYamlErrors {

    private GoYamlErrors() {}

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
        // Scanned as an array: whole documents come here, often in a first render's interpreted code, where a
        // charAt per character is a call.
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if ((c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t' || c == '\r') {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < chars.length && Character.isLowSurrogate(chars[i + 1])) {
                i++;
            } else if (Character.isSurrogate(c)) {
                // An escaped byte (or a stray surrogate): which problem go-yaml names depends on the bytes around.
                return decodeProblem(GoBytes.bytes(text));
            } else if (!printable(c)) {
                return "control characters are not allowed";
            }
        }
        return null;
    }

    /**
     * A YAML syntax error of {@code text} found by snakeyaml-engine, worded and numbered as go-yaml words it
     * ({@code yaml: line N: problem}), for callers that parse events themselves.
     */
    public static String syntaxMessage(MarkedYamlEngineException e, String text) {
        String message = libyamlMessage(e, text);
        if (message.endsWith(CANNOT_START) && e.getProblemMark().isPresent()) {
            Mark mark = e.getProblemMark().get();
            String tabProblem = tabProblem(text.split("\n", -1), mark.getLine(), mark.getColumn());
            if (tabProblem != null) {
                return message.substring(0, message.length() - CANNOT_START.length()) + tabProblem;
            }
        }
        return message;
    }

    /**
     * A limit of {@link GuardedYaml} in Go's words. A depth limit: go-yaml's scanner says {@code yaml: line N: exceeded
     * max depth of 10000} (no line on the first); for nesting only the JSON step refuses, and encoding/json's scanner
     * says {@code invalid character '[' exceeded max depth} behind sigs.k8s.io/yaml's prefix. Aliases: go-yaml's
     * decoder fails without a line ({@code yaml: document contains excessive aliasing}). With {@code helmErrors},
     * sigs.k8s.io/yaml's prefixes as Helm prints them.
     */
    public static String limitMessage(YamlLimitException e, boolean helmErrors) {
        String converting = helmErrors ? "error converting YAML to JSON: " : "";
        return switch (e.kind()) {
            case DEPTH ->
                helmErrors
                        ? "error unmarshaling JSON: while decoding JSON: invalid character '"
                                + (e.openedMap() ? '{' : '[') + "' exceeded max depth"
                        : depthMessage(e, converting);
            case FLOW_DEPTH, BLOCK_DEPTH -> depthMessage(e, converting);
            case ALIASING, SELF_ALIAS -> converting + "yaml: " + e.problem();
        };
    }

    private static String depthMessage(YamlLimitException e, String converting) {
        int zeroBased = e.getProblemMark().map(Mark::getLine).orElse(0);
        return converting + "yaml: " + (zeroBased != 0 ? "line " + (zeroBased + 1) + ": " : "")
                + "exceeded max depth of " + GuardedYaml.MAX_DEPTH;
    }

    /**
     * A YAML syntax error of {@code text} as go-yaml words it: {@code yaml: line N: problem}. go-yaml v2's fail()
     * names the problem line when it is not the first (scanner errors count from 1 there), else the context line;
     * libyaml forces a line break before STREAM-END, so a problem found there (an unclosed collection, a key without
     * ':' on the last line) is one line further.
     */
    public static String libyamlMessage(MarkedYamlEngineException e, String text) {
        return libyamlMessage(e, text, true);
    }

    /**
     * {@link #libyamlMessage(MarkedYamlEngineException, String)} for go-yaml v2 ({@code goYamlV2}) or v3, whose
     * scanner keeps two tokens more queued ahead of its parser, so that a missing ':' after an empty flow collection
     * is its scanner's error there, as in snakeyaml (see {@link #forgottenKeyText}).
     */
    public static String libyamlMessage(MarkedYamlEngineException e, String text, boolean goYamlV2) {
        String forgotten = goYamlV2 ? forgottenKeyText(e, text) : null;
        if (forgotten != null) {
            MarkedYamlEngineException parserError = parserError(forgotten);
            if (parserError != null) {
                return goMessage(parserError, forgotten);
            }
        }
        return goMessage(e, text);
    }

    private static String goMessage(MarkedYamlEngineException e, String text) {
        String problem = libyamlProblem(e.getProblem(), e.getContext());
        Optional<Mark> mark = e.getProblemMark();
        boolean scanner = e.getClass().getSimpleName().contains("Scanner");
        int textLength = text.codePointCount(0, text.length());
        // Of the scanner's problems, only a pending key is noticed after that forced line break.
        boolean afterStreamEnd = !scanner || problem.equals("could not find expected ':'");
        int problemLine = mark.map(
                        m -> m.getLine() + (afterStreamEnd && m.getIndex() >= textLength && m.getColumn() > 0 ? 1 : 0))
                .orElse(0);
        int goLine;
        if (problemLine != 0) {
            goLine = scanner ? problemLine + 1 : problemLine;
        } else {
            goLine = e.getContextMark().map(Mark::getLine).orElse(0);
        }
        return "yaml: " + (goLine != 0 ? "line " + goLine + ": " : "") + problem;
    }

    /**
     * go-yaml v2.4 forgets the possible key of an empty flow collection ({@code {}} or {@code []}) opened outside
     * any flow collection once it closes: increase_flow_level gives the new level the collection's own token number
     * and decrease_flow_level deletes that number from simple_keys_by_tok (scannerc.go). The collection then goes to
     * the parser without waiting for a ':', so where a key was required (at a block collection's column) go-yaml's
     * parser refuses it ("did not find expected key", on the collection's line) instead of the scanner's
     * "could not find expected ':'" that snakeyaml reports. Returns {@code text} with the collection's opening
     * bracket turned into a ']', which cannot start a key either, so that snakeyaml's parser fails where go-yaml's
     * does; null for any other error.
     */
    private static String forgottenKeyText(MarkedYamlEngineException e, String text) {
        if (!(e instanceof ScannerException)
                || e.getProblem() == null
                || !e.getProblem().startsWith("could not find expected ':'")
                || e.getContextMark().isEmpty()) {
            return null;
        }
        int index = e.getContextMark().get().getIndex();
        if (index < 0 || index >= text.codePointCount(0, text.length())) {
            return null;
        }
        int open = text.offsetByCodePoints(0, index);
        char bracket = text.charAt(open);
        if (bracket != '{' && bracket != '[') {
            return null;
        }
        int i = open + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '#') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
            } else {
                break;
            }
        }
        if (i == text.length() || (text.charAt(i) != '}' && text.charAt(i) != ']')) {
            return null;
        }
        return text.substring(0, open) + ']' + text.substring(open + 1);
    }

    /** The error snakeyaml's parser meets in {@code text} (events only, limits checked), or null. */
    private static MarkedYamlEngineException parserError(String text) {
        try {
            Parser parser = GuardedYaml.goParser(GuardedYaml.settings(null).build(), text);
            while (parser.hasNext()) {
                parser.next();
            }
            return null;
        } catch (ParserException e) {
            return e;
        } catch (YamlEngineException e) {
            return null;
        }
    }

    /** libyaml's wording for the problems snakeyaml (a sibling of libyaml) reports in its own words. */
    private static String libyamlProblem(String problem, String context) {
        if (problem == null) {
            return "unknown problem parsing YAML content";
        }
        if (problem.startsWith("mapping values are not allowed")) {
            return "mapping values are not allowed in this context";
        }
        if (problem.startsWith("sequence entries are not allowed")) {
            return "block sequence entries are not allowed in this context";
        }
        if (problem.startsWith("unexpected character found")
                && context != null
                && (context.contains("anchor") || context.contains("alias"))) {
            return "did not find expected alphabetic or numeric character";
        }
        if (problem.startsWith("expected <block end>")) {
            if (context != null && context.contains("collection")) {
                return "did not find expected '-' indicator";
            }
            return "did not find expected key";
        }
        if (problem.startsWith("expected ',' or ']'")) {
            return "did not find expected ',' or ']'";
        }
        if (problem.startsWith("expected ',' or '}'")) {
            return "did not find expected ',' or '}'";
        }
        if (problem.startsWith("expected '<document start>'")) {
            return "did not find expected <document start>";
        }
        if (problem.startsWith("expected the node content")) {
            return "did not find expected node content";
        }
        if (problem.startsWith("expected escape sequence of")) {
            return "did not find expected hexdecimal number";
        }
        if (problem.startsWith("found unknown escape character")) {
            return "found unknown escape character";
        }
        if (problem.startsWith("found character") && problem.contains("cannot start any token")) {
            return "found character that cannot start any token";
        }
        if (problem.startsWith("could not find expected ':'")) {
            return "could not find expected ':'";
        }
        if (problem.startsWith("found unexpected end of stream")) {
            return "found unexpected end of stream";
        }
        if (problem.startsWith("found undefined tag handle")) {
            return "found undefined tag handle";
        }
        // A block scalar's header: libyaml reads its indicators, then blanks and a comment, and wants the line to end
        // there; snakeyaml refuses any other character right after the indicators in its own words.
        if (problem.startsWith("expected chomping or indentation indicators")
                || problem.startsWith("expected a comment or a line break")) {
            return "did not find expected comment or line break";
        }
        if (problem.startsWith("expected indentation indicator in the range 1-9")) {
            return "found an indentation indicator equal to 0";
        }
        if (problem.startsWith("special characters are not allowed")) {
            return "control characters are not allowed";
        }
        return problem;
    }

    private static final String CANNOT_START = "found character that cannot start any token";

    /**
     * snakeyaml stops a plain or block scalar before a tab in the indentation of the next line and then refuses the
     * tab as a token; libyaml finds the tab while still inside the scalar (scannerc.go) and says so: {@code found a
     * tab character where an indentation space is expected} in a block scalar ({@code |} or {@code >}), {@code found
     * a tab character that violates indentation} after a plain scalar. Null when the tab is elsewhere.
     */
    private static String tabProblem(String[] lines, int line, int column) {
        if (line >= lines.length
                || column >= lines[line].length()
                || lines[line].charAt(column) != '\t'
                || !lines[line].substring(0, column).isBlank()) {
            return null;
        }
        int previous = line - 1;
        while (previous >= 0 && lines[previous].isBlank()) {
            previous--;
        }
        if (previous < 0) {
            return null;
        }
        // Inside a block scalar: a header line above, and every line between indented deeper than the header. The
        // pattern is compiled here, on this error path, so that a render's clean reads do not pay for it.
        Pattern blockScalarHeader = Pattern.compile(".*[:\\-] +[|>][-+0-9]*( +#.*)?|[|>][-+0-9]*");
        int headerIndent = Integer.MAX_VALUE;
        for (int i = previous; i >= 0; i--) {
            String l = lines[i];
            if (l.isBlank()) {
                continue;
            }
            int indent = indentOf(l);
            if (blockScalarHeader.matcher(l.strip()).matches() && indent < headerIndent) {
                return "found a tab character where an indentation space is expected";
            }
            headerIndent = Math.min(headerIndent, indent);
        }
        String last = lines[previous].strip();
        boolean plainScalarEnd = !last.startsWith("#")
                && !last.contains(" #")
                && !last.endsWith(":")
                && !last.endsWith("-")
                && !last.endsWith("\"")
                && !last.endsWith("'")
                && "[]{},|>".indexOf(last.charAt(last.length() - 1)) < 0;
        return plainScalarEnd ? "found a tab character that violates indentation" : null;
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
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
        return v == 0x09
                || v == 0x0A
                || v == 0x0D
                || (v >= 0x20 && v <= 0x7E)
                || v == 0x85
                || (v >= 0xA0 && v <= 0xD7FF)
                || (v >= 0xE000 && v <= 0xFFFD)
                || (v >= 0x10000 && v <= 0x10FFFF);
    }
}
