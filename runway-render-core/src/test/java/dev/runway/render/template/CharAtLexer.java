package dev.runway.render.template;

import dev.runway.render.gofmt.GoStrconv;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The lexer as it was before it read a char[] (issue 19): every char by String.charAt, plainly. Test-only reference
 * that {@link LexerTest} compares the faster {@link Lexer} with, token by token, on generated templates.
 */
final class CharAtLexer {
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
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private int start;
    private int parenDepth;

    private CharAtLexer(String input) {
        this.input = input;
    }

    static List<Token> lex(String input) {
        CharAtLexer l = new CharAtLexer(input);
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

    private boolean hasLeftTrimMarker(int at) {
        return at + 1 < input.length() && input.charAt(at) == '-' && isSpace(input.charAt(at + 1));
    }

    private boolean hasRightTrimMarker(int at) {
        return at + 1 < input.length() && isSpace(input.charAt(at)) && input.charAt(at + 1) == '-';
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
            while (end > start && isSpace(input.charAt(end - 1))) {
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
        if (hasRightTrimMarker(pos) && input.startsWith(RIGHT, pos + 2)) {
            return 2;
        }
        return input.startsWith(RIGHT, pos) ? 1 : 0;
    }

    private void skipLeadingSpace() {
        while (pos < input.length() && isSpace(input.charAt(pos))) {
            pos++;
        }
    }

    private boolean lexInsideAction() {
        while (true) {
            int delim = atRightDelim();
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
            if (pos >= input.length()) {
                return error("unclosed action");
            }
            char c = input.charAt(pos);
            if (isSpace(c)) {
                lexSpace();
                continue;
            }
            pos++;
            switch (c) {
                case '=' -> emit(Token.Kind.ASSIGN);
                case ':' -> {
                    if (pos >= input.length() || input.charAt(pos) != '=') {
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
                    if (c == '.' && (pos >= input.length() || input.charAt(pos) < '0' || input.charAt(pos) > '9')) {
                        if (!lexFieldOrVariable(Token.Kind.FIELD)) {
                            return false;
                        }
                    } else if (c == '.' || c == '+' || c == '-' || (c >= '0' && c <= '9')) {
                        pos--;
                        if (!lexNumber()) {
                            return false;
                        }
                    } else if (isAlphaNumeric(input.codePointAt(pos - 1))) {
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
        while (pos < input.length() && isSpace(input.charAt(pos))) {
            pos++;
            numSpaces++;
        }
        // The space before a "-}}" belongs to the trim marker.
        if (hasRightTrimMarker(pos - 1) && input.startsWith(RIGHT, pos + 1)) {
            pos--;
            if (numSpaces == 1) {
                start = pos;
                return;
            }
        }
        emit(Token.Kind.SPACE);
    }

    private boolean lexQuote(char quote, Token.Kind kind, String unterminated) {
        while (true) {
            if (pos >= input.length()) {
                return error(unterminated);
            }
            char c = input.charAt(pos++);
            if (c == '\\') {
                if (pos >= input.length() || input.charAt(pos) == '\n') {
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

    private boolean atTerminator() {
        if (pos >= input.length()) {
            return true;
        }
        char c = input.charAt(pos);
        if (isSpace(c)) {
            return true;
        }
        return switch (c) {
            case '.', ',', '|', ':', ')', '(' -> true;
            default -> input.startsWith(RIGHT, pos);
        };
    }

    private boolean lexFieldOrVariable(Token.Kind kind) {
        if (atTerminator()) {
            emit(kind == Token.Kind.VARIABLE ? Token.Kind.VARIABLE : Token.Kind.DOT);
            return true;
        }
        while (pos < input.length()) {
            int cp = input.codePointAt(pos);
            if (!isAlphaNumeric(cp)) {
                break;
            }
            pos += Character.charCount(cp);
        }
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
        while (pos < input.length()) {
            int cp = input.codePointAt(pos);
            if (!isAlphaNumeric(cp)) {
                break;
            }
            pos += Character.charCount(cp);
        }
        if (!atTerminator()) {
            return badCharacter();
        }
        String word = input.substring(start, pos);
        Token.Kind kind = KEYWORDS.get(word);
        if (kind != null) {
            emit(kind);
        } else if (word.equals("true") || word.equals("false")) {
            emit(Token.Kind.BOOL);
        } else {
            emit(Token.Kind.IDENTIFIER);
        }
        return true;
    }

    private boolean accept(String valid) {
        if (pos < input.length() && valid.indexOf(input.charAt(pos)) >= 0) {
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
        if (pos < input.length() && isAlphaNumeric(input.codePointAt(pos))) {
            pos++;
            return false;
        }
        return true;
    }

    private boolean lexNumber() {
        if (!scanNumber()) {
            return error("bad number syntax: " + GoStrconv.quote(input.substring(start, pos)));
        }
        char sign = pos < input.length() ? input.charAt(pos) : 0;
        if (sign == '+' || sign == '-') {
            // A complex number such as 1+2i.
            if (!scanNumber() || input.charAt(pos - 1) != 'i') {
                return error("bad number syntax: " + GoStrconv.quote(input.substring(start, pos)));
            }
        }
        emit(Token.Kind.NUMBER);
        return true;
    }
}
