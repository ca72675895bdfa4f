package dev.runway.render.template;

import dev.runway.render.gofmt.GoStrconv;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits template text into tokens with the rules of Go's text/template lexer (lex.go): {@code {{ }}} actions,
 * <code>{{-</code> / <code>-}}</code> trimming of the adjacent white space, comments, and the words inside actions.
 * The token list ends with EOF, or with an ERROR token carrying the message.
 *
 * <p>It reads a {@code char[]} taken once, not {@code String.charAt}: a render's templates are lexed while the
 * JVM still interprets this class (issue 19), where every charAt is a call and an array read one bytecode.
 */
final class Lexer {
    private static final String LEFT = "{{";
    private static final String RIGHT = "}}";
    private static final Map<String, Token.Kind> KEYWORDS = Map.ofEntries(
            Map.entry(".", Token.Kind.DOT),
            Map.entry("block", Token.Kind.BLOCK),
            Map.entry("break", Token.Kind.BREAK),
            Map.entry("continue", Token.Kind.CONTINUE),
            Map.entry("define", Token.Kind.DEFINE),
            Map.entry("else", Token.Kind.ELSE),
            Map.entry("end", Token.Kind.END),
            Map.entry("if", Token.Kind.IF),
            Map.entry("range", Token.Kind.RANGE),
            Map.entry("nil", Token.Kind.NIL),
            Map.entry("template", Token.Kind.TEMPLATE),
            Map.entry("with", Token.Kind.WITH));

    private final String input;
    /** The input's chars and their count; read instead of input.charAt (see the class comment). */
    private final char[] buf;

    private final int len;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private int start;
    private int parenDepth;
    /**
     * The next backslash and newline at or after some earlier position (len: none; -1: not searched yet), for
     * lexQuote's fast path; pos only moves forward, so each stays right while it is at or after pos.
     */
    private int backslashAt = -1;

    private int newlineAt = -1;

    private Lexer(String input) {
        this.input = input;
        this.buf = input.toCharArray();
        this.len = buf.length;
    }

    static List<Token> lex(String input) {
        Lexer l = new Lexer(input);
        l.run();
        return l.tokens;
    }

    private void run() {
        while (true) {
            if (!lexText()) {
                return;
            }
            if (!lexAction()) {
                return;
            }
        }
    }

    private void emit(Token.Kind kind) {
        tokens.add(new Token(kind, start, input.substring(start, pos)));
        start = pos;
    }

    private void emit(Token.Kind kind, String val) {
        tokens.add(new Token(kind, start, val));
        start = pos;
    }

    private boolean error(String message) {
        tokens.add(new Token(Token.Kind.ERROR, start, message));
        return false;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isAlphaNumeric(int c) {
        return c == '_' || Character.isLetter(c) || Character.isDigit(c);
    }

    /** isAlphaNumeric for ASCII without calls: in ASCII, only A-Z, a-z and 0-9 are letters or digits. */
    private static boolean isAsciiAlphaNumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** The end of the run of alphanumeric code points starting at {@code at}. */
    private int alphaNumericEnd(int at) {
        while (at < len) {
            char c = buf[at];
            if (c < 0x80) {
                // isAsciiAlphaNumeric written out: this loop runs for every char of every word.
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') {
                    at++;
                    continue;
                }
                break;
            } else {
                int cp = Character.codePointAt(buf, at, len);
                if (!isAlphaNumeric(cp)) {
                    break;
                }
                at += Character.charCount(cp);
            }
        }
        return at;
    }

    private boolean hasLeftTrimMarker(int at) {
        return at + 1 < len && buf[at] == '-' && isSpace(buf[at + 1]);
    }

    private boolean hasRightTrimMarker(int at) {
        return at + 1 < len && isSpace(buf[at]) && buf[at + 1] == '-';
    }

    /** Whether "}}" starts at {@code at}. */
    private boolean atRight(int at) {
        return at + 1 < len && buf[at] == '}' && buf[at + 1] == '}';
    }

    /** Scans text up to the next left delimiter; returns false at end of input. */
    private boolean lexText() {
        int x = input.indexOf(LEFT, pos);
        if (x < 0) {
            pos = input.length();
            if (pos > start) {
                emit(Token.Kind.TEXT);
            }
            tokens.add(new Token(Token.Kind.EOF, pos, ""));
            return false;
        }
        int end = x;
        if (hasLeftTrimMarker(x + LEFT.length())) {
            while (end > start && isSpace(buf[end - 1])) {
                end--;
            }
        }
        pos = end;
        if (pos > start) {
            emit(Token.Kind.TEXT);
        }
        pos = x;
        start = x;
        return true;
    }

    /** At a left delimiter: a comment or an action up to its right delimiter. */
    private boolean lexAction() {
        pos += LEFT.length();
        boolean trim = hasLeftTrimMarker(pos);
        int afterMarker = trim ? 2 : 0;
        if (input.startsWith("/*", pos + afterMarker)) {
            pos += afterMarker;
            start = pos;
            return lexComment();
        }
        emit(Token.Kind.LEFT_DELIM);
        pos += afterMarker;
        start = pos;
        parenDepth = 0;
        return lexInsideAction();
    }

    private boolean lexComment() {
        pos += 2;
        int x = input.indexOf("*/", pos);
        if (x < 0) {
            return error("unclosed comment");
        }
        pos = x + 2;
        int delim = atRightDelim();
        if (delim == 0) {
            return error("comment ends before closing delimiter");
        }
        emit(Token.Kind.COMMENT);
        if (delim == 2) {
            pos += 2;
        }
        pos += RIGHT.length();
        if (delim == 2) {
            skipLeadingSpace();
        }
        start = pos;
        return true;
    }

    /** 0: not at a right delimiter; 1: at "}}"; 2: at " -}}". */
    private int atRightDelim() {
        if (hasRightTrimMarker(pos) && atRight(pos + 2)) {
            return 2;
        }
        return atRight(pos) ? 1 : 0;
    }

    private void skipLeadingSpace() {
        while (pos < len && isSpace(buf[pos])) {
            pos++;
        }
    }

    private boolean lexInsideAction() {
        while (true) {
            if (pos >= len) {
                return error("unclosed action");
            }
            char c = buf[pos];
            // A right delimiter starts with '}' or, trimmed, with a space: only then ask atRightDelim.
            int delim = c == '}' || c == ' ' || c == '\n' || c == '\t' || c == '\r' ? atRightDelim() : 0;
            if (delim != 0) {
                if (parenDepth != 0) {
                    return error("unclosed left paren");
                }
                if (delim == 2) {
                    pos += 2;
                    start = pos;
                }
                pos += RIGHT.length();
                emit(Token.Kind.RIGHT_DELIM);
                if (delim == 2) {
                    skipLeadingSpace();
                    start = pos;
                }
                return true;
            }
            if (isSpace(c)) {
                lexSpace();
                continue;
            }
            pos++;
            switch (c) {
                case '=' -> emit(Token.Kind.ASSIGN);
                case ':' -> {
                    if (pos >= len || buf[pos] != '=') {
                        return error("expected :=");
                    }
                    pos++;
                    emit(Token.Kind.DECLARE);
                }
                case '|' -> emit(Token.Kind.PIPE);
                case '"' -> {
                    if (!lexQuote('"', Token.Kind.STRING, "unterminated quoted string")) {
                        return false;
                    }
                }
                case '`' -> {
                    int x = input.indexOf('`', pos);
                    if (x < 0) {
                        return error("unterminated raw quoted string");
                    }
                    pos = x + 1;
                    emit(Token.Kind.RAW_STRING);
                }
                case '\'' -> {
                    if (!lexQuote('\'', Token.Kind.CHAR_CONSTANT, "unterminated character constant")) {
                        return false;
                    }
                }
                case '$' -> {
                    if (!lexFieldOrVariable(Token.Kind.VARIABLE)) {
                        return false;
                    }
                }
                case '(' -> {
                    emit(Token.Kind.LEFT_PAREN);
                    parenDepth++;
                }
                case ')' -> {
                    parenDepth--;
                    if (parenDepth < 0) {
                        return error("unexpected right paren");
                    }
                    emit(Token.Kind.RIGHT_PAREN);
                }
                default -> {
                    if (c == '.' && (pos >= len || buf[pos] < '0' || buf[pos] > '9')) {
                        if (!lexFieldOrVariable(Token.Kind.FIELD)) {
                            return false;
                        }
                    } else if (c == '.' || c == '+' || c == '-' || (c >= '0' && c <= '9')) {
                        pos--;
                        if (!lexNumber()) {
                            return false;
                        }
                    } else if (c < 0x80 ? isAsciiAlphaNumeric(c) : isAlphaNumeric(input.codePointAt(pos - 1))) {
                        pos--;
                        if (!lexIdentifier()) {
                            return false;
                        }
                    } else if (c < 0x7f && c >= 0x20) {
                        emit(Token.Kind.CHAR);
                    } else {
                        return error(String.format("unrecognized character in action: U+%04X", (int) c)
                                + (c >= 0x20 ? " '" + c + "'" : ""));
                    }
                }
            }
        }
    }

    private void lexSpace() {
        int numSpaces = 0;
        while (pos < len && isSpace(buf[pos])) {
            pos++;
            numSpaces++;
        }
        // The space before a "-}}" belongs to the trim marker.
        if (hasRightTrimMarker(pos - 1) && atRight(pos + 1)) {
            pos--;
            if (numSpaces == 1) {
                start = pos;
                return;
            }
        }
        emit(Token.Kind.SPACE);
    }

    private boolean lexQuote(char quote, Token.Kind kind, String unterminated) {
        // Fast path: the closing quote comes before any backslash and newline, found by JDK indexOf, not a loop here.
        int q = input.indexOf(quote, pos);
        if (q >= 0) {
            if (backslashAt < pos) {
                backslashAt = indexOrLen('\\');
            }
            if (newlineAt < pos) {
                newlineAt = indexOrLen('\n');
            }
            if (q < backslashAt && q < newlineAt) {
                pos = q + 1;
                emit(kind);
                return true;
            }
        }
        while (true) {
            if (pos >= len) {
                return error(unterminated);
            }
            char c = buf[pos++];
            if (c == '\\') {
                if (pos >= len || buf[pos] == '\n') {
                    return error(unterminated);
                }
                pos++;
            } else if (c == '\n') {
                return error(unterminated);
            } else if (c == quote) {
                break;
            }
        }
        emit(kind);
        return true;
    }

    private int indexOrLen(char c) {
        int x = input.indexOf(c, pos);
        return x < 0 ? len : x;
    }

    private boolean atTerminator() {
        if (pos >= len) {
            return true;
        }
        char c = buf[pos];
        if (isSpace(c)) {
            return true;
        }
        return switch (c) {
            case '.', ',', '|', ':', ')', '(' -> true;
            default -> atRight(pos);
        };
    }

    private boolean lexFieldOrVariable(Token.Kind kind) {
        if (atTerminator()) {
            emit(kind == Token.Kind.VARIABLE ? Token.Kind.VARIABLE : Token.Kind.DOT);
            return true;
        }
        pos = alphaNumericEnd(pos);
        if (!atTerminator()) {
            return badCharacter();
        }
        emit(kind);
        return true;
    }

    private boolean badCharacter() {
        int cp = input.codePointAt(pos);
        return error(String.format("bad character U+%04X '%s'", cp, new String(Character.toChars(cp))));
    }

    private boolean lexIdentifier() {
        pos = alphaNumericEnd(pos);
        if (!atTerminator()) {
            return badCharacter();
        }
        String word = input.substring(start, pos);
        Token.Kind kind = KEYWORDS.get(word);
        if (kind != null) {
            emit(kind, word);
        } else if (word.equals("true") || word.equals("false")) {
            emit(Token.Kind.BOOL, word);
        } else {
            emit(Token.Kind.IDENTIFIER, word);
        }
        return true;
    }

    private boolean accept(String valid) {
        if (pos < len && valid.indexOf(buf[pos]) >= 0) {
            pos++;
            return true;
        }
        return false;
    }

    private void acceptRun(String valid) {
        while (accept(valid)) {
            // keep going
        }
    }

    private boolean scanNumber() {
        accept("+-");
        String digits = "0123456789_";
        if (accept("0")) {
            if (accept("xX")) {
                digits = "0123456789abcdefABCDEF_";
            } else if (accept("oO")) {
                digits = "01234567_";
            } else if (accept("bB")) {
                digits = "01_";
            }
        }
        acceptRun(digits);
        if (accept(".")) {
            acceptRun(digits);
        }
        if (digits.length() == 10 + 1 && accept("eE")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        if (digits.length() == 16 + 6 + 1 && accept("pP")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        accept("i");
        if (pos < len && isAlphaNumeric(input.codePointAt(pos))) {
            pos++;
            return false;
        }
        return true;
    }

    private boolean lexNumber() {
        if (!scanNumber()) {
            return error("bad number syntax: " + GoStrconv.quote(input.substring(start, pos)));
        }
        char sign = pos < len ? buf[pos] : 0;
        if (sign == '+' || sign == '-') {
            // A complex number such as 1+2i.
            if (!scanNumber() || buf[pos - 1] != 'i') {
                return error("bad number syntax: " + GoStrconv.quote(input.substring(start, pos)));
            }
            emit(Token.Kind.COMPLEX);
            return true;
        }
        emit(Token.Kind.NUMBER);
        return true;
    }
}
