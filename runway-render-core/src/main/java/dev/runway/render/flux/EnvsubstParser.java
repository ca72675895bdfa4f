package dev.runway.render.flux;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The parser of Flux's envsubst (fluxcd/pkg/envsubst/parse: parse.go and scan.go, forked from drone/envsubst),
 * reproduced step by step because its quirks decide what Flux does with a manifest: it works on UTF-8 bytes,
 * un-reads by the width of the last rune read, and removes escape characters from its buffer as it goes
 * ({@code $$} to {@code $} in plain text; {@code \/}, {@code \\} and {@code $$} inside replace patterns). A parallel
 * array maps every byte of the (shrinking) buffer back to its char offset in the original text, for positions.
 *
 * <p>Not thread-safe: one instance parses one text.
 */
final class EnvsubstParser {

    private static final int EOF = 0; // Go's scanner uses rune(0) as eof

    private static final int TOKEN_ILLEGAL = 0;
    private static final int TOKEN_EOF = 1;
    private static final int TOKEN_IDENT = 2;
    private static final int TOKEN_LBRACK = 3;
    private static final int TOKEN_RBRACK = 4;

    private static final int SCAN_IDENT = 1;
    private static final int SCAN_LBRACK = 2;
    private static final int SCAN_RBRACK = 4;
    private static final int SCAN_ESCAPE = 8;

    private static final int ESCAPE_DOLLAR = 1;
    private static final int ESCAPE_BACKSLASH = 2;
    private static final int ESCAPE_ALL = ESCAPE_DOLLAR | ESCAPE_BACKSLASH;

    /**
     * Which runes a scan step takes (the parser's accept functions): one enum rather than a lambda each, since every
     * lambda is a class spun at the parser's first use in a JVM.
     */
    private enum Accept {
        ACCEPT_RUNE,
        ACCEPT_IDENT,
        ACCEPT_COLON,
        ACCEPT_ONE_HASH,
        ACCEPT_NOT_CLOSING,
        ACCEPT_HASH_FUNC,
        ACCEPT_PERCENT_FUNC,
        ACCEPT_DEFAULT_FUNC,
        ACCEPT_REPLACE_FUNC,
        ACCEPT_ONE_EQUAL,
        ACCEPT_ONE_COLON,
        REJECT_COLON_CLOSE,
        ACCEPT_SLASH,
        ACCEPT_NOT_SLASH,
        ACCEPT_CASING_FUNC;

        boolean test(int r, int i) {
            return switch (this) {
                case ACCEPT_RUNE -> true;
                case ACCEPT_IDENT -> Character.isLetter(r) || Character.isDigit(r) || r == '_';
                case ACCEPT_COLON -> r == ':';
                case ACCEPT_ONE_HASH -> r == '#' && i == 1;
                case ACCEPT_NOT_CLOSING -> r != '}';
                case ACCEPT_HASH_FUNC -> r == '#' && i < 3;
                case ACCEPT_PERCENT_FUNC -> r == '%' && i < 3;
                case ACCEPT_DEFAULT_FUNC ->
                    (i == 1 && r == ':') || (i == 2 && (r == '=' || r == '-' || r == '?' || r == '+'));
                case ACCEPT_REPLACE_FUNC -> (i == 1 && r == '/') || (i == 2 && (r == '/' || r == '#' || r == '%'));
                case ACCEPT_ONE_EQUAL -> i == 1 && r == '=';
                case ACCEPT_ONE_COLON -> i == 1 && r == ':';
                case REJECT_COLON_CLOSE -> r != ':' && r != '}';
                case ACCEPT_SLASH -> r == '/';
                case ACCEPT_NOT_SLASH -> r != '/';
                case ACCEPT_CASING_FUNC -> (r == ',' || r == '^') && i < 3;
            };
        }
    }

    /**
     * The deepest nesting of expressions read ({@code ${a:=${b:=...}}}). Go's growing stacks let Flux read any depth;
     * here 25,000 levels overflowed the stack, so deeper nesting is an error of its own.
     */
    static final int MAX_NESTING = 100;

    /**
     * The most malformed expressions a tolerant parse reports before it stops with {@link
     * EnvsubstException.Kind#TOO_MANY_ERRORS}: each is a finding of its own, Flux stops at the first, and no manifest
     * has a thousand (100,000 malformed <code>${</code> made 100,000 findings).
     */
    static final int MAX_ERRORS = 1_000;

    /**
     * How much a tolerant parse may read again after its restarts: {@link #REREAD_PER_BYTE} times the text's bytes plus
     * {@link #REREAD_ALLOWANCE}, then it stops with {@link EnvsubstException.Kind#TOO_MANY_ERRORS}. A failed expression
     * can read far (an unclosed default runs on to the next <code>}</code>) and the restart just after its
     * <code>${</code> reads that stretch again, so unclosed defaults nested before a long text each re-read all of it.
     * A real manifest's few malformed expressions re-read it a few times at most; 16 times plus 16 MiB costs about
     * 0.1 s a MB.
     */
    static final int REREAD_PER_BYTE = 16;

    static final long REREAD_ALLOWANCE = 16L << 20;

    /**
     * What a tolerant parse found: every expression that parsed, and every error with where it happened (the last a
     * {@link EnvsubstException.Kind#TOO_MANY_ERRORS} where it stopped early).
     */
    record Outcome(List<EnvsubstNode> nodes, List<EnvsubstException> errors) {}

    private final int size; // the text's length in UTF-8 bytes
    /**
     * The text's bytes and origins as written, copied at a tolerant parse's first {@link #skip()} (the only edit) for
     * its restarts; null until then, so that texts without {@code $$} and Flux's own parse copy nothing.
     */
    private byte[] pristine;

    private int[] pristineOrigin;
    private final byte[] buf;
    private final int[] origin; // origin[i]: char offset in source of buf[i]; origin[len]: end
    private int len;
    /** Just past the furthest byte of {@link #buf} read since the (re)start: edits lie before it. */
    private int reach;
    /**
     * Bytes {@link #skip()} removed: bytes before {@code pos} sit at their index, the rest {@code gap} further on.
     * scan.go copies the rest of the text down at each escape, which made {@code $$} repeated quadratic (1.6 MB of
     * {@code $}: 47 s); this keeps the bytes read so far contiguous, for {@link #string()}, at a few bytes a step.
     */
    private int gap;

    private int pos;
    private int start;
    private int width;
    private int mode;
    private int escapeChars;
    private Accept accept;
    private int exprStart; // char offset of the outermost ${ being parsed
    private int nesting; // expressions being read, the outermost included
    private boolean tolerant;

    EnvsubstParser(String source) {
        buf = source.getBytes(StandardCharsets.UTF_8);
        size = buf.length;
        origin = new int[size + 1];
        int b = 0;
        for (int c = 0; c < source.length(); ) {
            int cp = source.codePointAt(c);
            int n = Character.isSurrogate((char) cp) && cp < 0x10000
                    ? 1 // a lone surrogate encodes as '?'
                    : cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            for (int k = 0; k < n; k++) {
                origin[b + k] = c;
            }
            b += n;
            c += Character.charCount(cp);
        }
        origin[size] = source.length();
        len = size;
    }

    /** Parses the whole text the way Flux does: the first error aborts. */
    EnvsubstNode parse() {
        Outcome outcome = run(false);
        return outcome.nodes().size() == 1 ? outcome.nodes().get(0) : new EnvsubstNode.Sequence(outcome.nodes());
    }

    /**
     * Parses on after errors (restarting just after a failed <code>${</code>), to report every malformed expression, up
     * to {@link #MAX_ERRORS} of them and within the re-read budget ({@link #REREAD_PER_BYTE}).
     */
    Outcome parseTolerant() {
        return run(true);
    }

    /**
     * Goes back to byte {@code from} of the text as it was (a tolerant parse's restart after a failed expression):
     * only the bytes read since the last restart can have been edited, so only those are restored.
     */
    private void restart(int from) {
        if (pristine != null) {
            System.arraycopy(pristine, from, buf, from, reach - from);
            System.arraycopy(pristineOrigin, from, origin, from, reach - from);
        }
        len = size;
        gap = 0;
        pos = from;
        start = from;
        width = 0;
        reach = from;
    }

    private Outcome run(boolean tolerant) {
        this.tolerant = tolerant;
        List<EnvsubstNode> nodes = new ArrayList<>();
        List<EnvsubstException> errors = new ArrayList<>();
        long reread = 0;
        long rereadBudget = REREAD_PER_BYTE * (long) size + REREAD_ALLOWANCE;
        while (true) {
            // parseAny
            accept = Accept.ACCEPT_RUNE;
            mode = SCAN_IDENT | SCAN_LBRACK | SCAN_ESCAPE;
            escapeChars = ESCAPE_DOLLAR;
            int token = scan();
            if (token == TOKEN_EOF) {
                break;
            } else if (token == TOKEN_IDENT) {
                nodes.add(new EnvsubstNode.Text(string()));
            } else if (token == TOKEN_LBRACK) {
                exprStart = originAt(start);
                int afterBrace = pos + gap; // index in the text as written of the byte after the '{'
                try {
                    nodes.add(parseFunc(start));
                } catch (EnvsubstException e) {
                    if (!tolerant) {
                        throw e;
                    }
                    reread += reach - afterBrace;
                    if (errors.size() == MAX_ERRORS || reread > rereadBudget) {
                        errors.add(tooManyErrors(errors.size() + 1, e));
                        break;
                    }
                    errors.add(e);
                    nodes.add(new EnvsubstNode.Text("${"));
                    restart(afterBrace);
                }
            } else {
                EnvsubstException e = error(EnvsubstException.Kind.BAD_SUBSTITUTION);
                if (!tolerant) {
                    throw e;
                }
                errors.add(e);
                break;
            }
        }
        return new Outcome(nodes, errors);
    }

    private static EnvsubstException tooManyErrors(int found, EnvsubstException at) {
        return new EnvsubstException(
                EnvsubstException.Kind.TOO_MANY_ERRORS,
                found + " malformed expressions by here, more than runway-render checks (Flux stops at the first);"
                        + " the rest of the text was not checked",
                at.offset(),
                at.expressionStart(),
                false);
    }

    private EnvsubstException error(EnvsubstException.Kind kind) {
        return new EnvsubstException(kind, kind.text(), originAt(Math.min(pos, len)), exprStart, !tolerant);
    }

    // ---- parser (parse.go) ----

    private EnvsubstNode parseFunc(int dollarPos) {
        if (nesting == MAX_NESTING) {
            throw error(EnvsubstException.Kind.NESTED_TOO_DEEPLY);
        }
        nesting++;
        try {
            return parseExpression(dollarPos);
        } finally {
            nesting--;
        }
    }

    private EnvsubstNode parseExpression(int dollarPos) {
        escapeChars = ESCAPE_ALL;
        if (peek() == '#') {
            return parseLenFunc(dollarPos);
        }
        accept = Accept.ACCEPT_IDENT;
        mode = SCAN_IDENT;
        String name;
        if (scan() == TOKEN_IDENT) {
            name = string();
        } else {
            throw error(EnvsubstException.Kind.PARSE_VARIABLE_NAME);
        }
        switch (peek()) {
            case ':' -> {
                return parseDefaultOrSubstr(name, dollarPos);
            }
            case '=' -> {
                return parseDefaultFunc(name, dollarPos);
            }
            case ',', '^' -> {
                return parseCasingFunc(name, dollarPos);
            }
            case '/' -> {
                return parseReplaceFunc(name, dollarPos);
            }
            case '#' -> {
                return parseRemoveFunc(name, Accept.ACCEPT_HASH_FUNC, dollarPos);
            }
            case '%' -> {
                return parseRemoveFunc(name, Accept.ACCEPT_PERCENT_FUNC, dollarPos);
            }
            default -> {}
        }
        accept = Accept.ACCEPT_IDENT;
        mode = SCAN_RBRACK;
        if (scan() == TOKEN_RBRACK) {
            return func(name, "", List.of(), dollarPos);
        }
        throw error(EnvsubstException.Kind.MISSING_CLOSING_BRACE);
    }

    private EnvsubstNode.Func func(String param, String operator, List<EnvsubstNode> args, int dollarPos) {
        return new EnvsubstNode.Func(param, operator, args, originAt(dollarPos), originAt(pos));
    }

    private EnvsubstNode parseParam(Accept acceptFunc, int scanMode) {
        accept = acceptFunc;
        mode = scanMode | SCAN_LBRACK;
        int token = scan();
        if (token == TOKEN_LBRACK) {
            return parseFunc(start);
        } else if (token == TOKEN_IDENT || token == TOKEN_RBRACK) {
            return new EnvsubstNode.Text(string());
        }
        throw error(EnvsubstException.Kind.PARSE_FUNC_SUBSTITUTION);
    }

    private EnvsubstNode parseDefaultOrSubstr(String name, int dollarPos) {
        read();
        int r = peek();
        unread();
        if (r == '=' || r == '-' || r == '?' || r == '+') {
            return parseDefaultFunc(name, dollarPos);
        }
        return parseSubstrFunc(name, dollarPos);
    }

    private EnvsubstNode parseSubstrFunc(String name, int dollarPos) {
        accept = Accept.ACCEPT_ONE_COLON;
        mode = SCAN_IDENT;
        if (scan() != TOKEN_IDENT) {
            throw error(EnvsubstException.Kind.BAD_SUBSTITUTION);
        }
        String operator = string();
        List<EnvsubstNode> args = new ArrayList<>();
        args.add(parseParam(Accept.REJECT_COLON_CLOSE, SCAN_IDENT));
        accept = Accept.ACCEPT_COLON;
        mode = SCAN_IDENT | SCAN_RBRACK;
        int token = scan();
        if (token == TOKEN_RBRACK) {
            return func(name, operator, args, dollarPos);
        } else if (token != TOKEN_IDENT) {
            throw error(EnvsubstException.Kind.BAD_SUBSTITUTION);
        }
        args.add(parseParam(Accept.ACCEPT_NOT_CLOSING, SCAN_IDENT));
        consumeRbrack();
        return func(name, operator, args, dollarPos);
    }

    private EnvsubstNode parseRemoveFunc(String name, Accept acceptFunc, int dollarPos) {
        accept = acceptFunc;
        mode = SCAN_IDENT;
        if (scan() != TOKEN_IDENT) {
            throw error(EnvsubstException.Kind.BAD_SUBSTITUTION);
        }
        String operator = string();
        List<EnvsubstNode> args = List.of(parseParam(Accept.ACCEPT_NOT_CLOSING, SCAN_IDENT));
        consumeRbrack();
        return func(name, operator, args, dollarPos);
    }

    private EnvsubstNode parseReplaceFunc(String name, int dollarPos) {
        accept = Accept.ACCEPT_REPLACE_FUNC;
        mode = SCAN_IDENT;
        if (scan() != TOKEN_IDENT) {
            throw error(EnvsubstException.Kind.BAD_SUBSTITUTION);
        }
        String operator = string();
        List<EnvsubstNode> args = new ArrayList<>();
        // parse.go parseReplaceFunc scans the pattern with acceptNotSlash: an empty pattern (${var/#/prefix},
        // ${var///x}) is "unable to parse substitution within function" in Flux, not a match of the empty string.
        args.add(parseParam(Accept.ACCEPT_NOT_SLASH, SCAN_IDENT | SCAN_ESCAPE));
        accept = Accept.ACCEPT_SLASH;
        mode = SCAN_IDENT;
        if (scan() != TOKEN_IDENT) {
            throw error(EnvsubstException.Kind.BAD_SUBSTITUTION);
        }
        if (peek() == '}') {
            consumeRbrack();
            return func(name, operator, args, dollarPos);
        }
        args.add(parseParam(Accept.ACCEPT_NOT_CLOSING, SCAN_IDENT | SCAN_ESCAPE));
        consumeRbrack();
        return func(name, operator, args, dollarPos);
    }

    private EnvsubstNode parseDefaultFunc(String name, int dollarPos) {
        accept = peek() == '=' ? Accept.ACCEPT_ONE_EQUAL : Accept.ACCEPT_DEFAULT_FUNC;
        mode = SCAN_IDENT;
        if (scan() != TOKEN_IDENT) {
            throw error(EnvsubstException.Kind.PARSE_DEFAULT_FUNCTION);
        }
        String operator = string();
        List<EnvsubstNode> args = new ArrayList<>();
        while (true) {
            if (peek() == '}') {
                consumeRbrack();
                return func(name, operator, args, dollarPos);
            }
            args.add(parseParam(Accept.ACCEPT_NOT_CLOSING, SCAN_IDENT));
        }
    }

    private EnvsubstNode parseCasingFunc(String name, int dollarPos) {
        accept = Accept.ACCEPT_CASING_FUNC;
        mode = SCAN_IDENT;
        if (scan() != TOKEN_IDENT) {
            throw error(EnvsubstException.Kind.BAD_SUBSTITUTION);
        }
        String operator = string();
        consumeRbrack();
        return func(name, operator, List.of(), dollarPos);
    }

    private EnvsubstNode parseLenFunc(int dollarPos) {
        accept = Accept.ACCEPT_ONE_HASH;
        mode = SCAN_IDENT;
        if (scan() != TOKEN_IDENT) {
            throw error(EnvsubstException.Kind.BAD_SUBSTITUTION);
        }
        String operator = string();
        accept = Accept.ACCEPT_IDENT;
        mode = SCAN_IDENT;
        if (scan() != TOKEN_IDENT) {
            throw error(EnvsubstException.Kind.BAD_SUBSTITUTION);
        }
        String param = string();
        consumeRbrack();
        return func(param, operator, List.of(), dollarPos);
    }

    private void consumeRbrack() {
        mode = SCAN_RBRACK;
        if (scan() != TOKEN_RBRACK) {
            throw error(EnvsubstException.Kind.BAD_SUBSTITUTION);
        }
    }

    // ---- scanner (scan.go) ----

    private int read() {
        if (pos >= len) {
            width = 0;
            return EOF;
        }
        int at = pos + gap;
        int b0 = buf[at] & 0xff;
        int n;
        int r;
        if (b0 < 0x80) {
            n = 1;
            r = b0;
        } else if (b0 >= 0xf0 && pos + 3 < len) {
            n = 4;
            r = ((b0 & 0x07) << 18) | ((buf[at + 1] & 0x3f) << 12) | ((buf[at + 2] & 0x3f) << 6) | (buf[at + 3] & 0x3f);
        } else if (b0 >= 0xe0 && pos + 2 < len) {
            n = 3;
            r = ((b0 & 0x0f) << 12) | ((buf[at + 1] & 0x3f) << 6) | (buf[at + 2] & 0x3f);
        } else if (b0 >= 0xc0 && pos + 1 < len) {
            n = 2;
            r = ((b0 & 0x1f) << 6) | (buf[at + 1] & 0x3f);
        } else {
            n = 1;
            r = 0xFFFD; // utf8.RuneError
        }
        reach = Math.max(reach, at + n);
        if (gap > 0) {
            System.arraycopy(buf, at, buf, pos, n);
            System.arraycopy(origin, at, origin, pos, n);
        }
        width = n;
        pos += n;
        return r;
    }

    private void unread() {
        pos -= width;
        if (gap > 0) {
            System.arraycopy(buf, pos, buf, pos + gap, Math.min(width, buf.length - pos - gap));
            System.arraycopy(origin, pos, origin, pos + gap, width);
        }
    }

    /**
     * Removes the byte just read from the buffer (an escape character), as scan.go's skip does: the byte after it
     * takes its place, read.
     */
    private void skip() {
        if (tolerant && pristine == null) {
            pristine = buf.clone();
            pristineOrigin = origin.clone();
        }
        if (pos < len) {
            buf[pos - 1] = buf[pos + gap];
        }
        origin[pos - 1] = origin[pos + gap];
        gap++;
        len--;
    }

    /** The offset in the source of the byte at {@code i}. */
    private int originAt(int i) {
        return origin[i < pos ? i : i + gap];
    }

    private int peek() {
        int r = read();
        unread();
        return r;
    }

    private String string() {
        return new String(buf, start, pos - start, StandardCharsets.UTF_8);
    }

    private boolean shouldEscape(int character) {
        return (escapeChars & character) != 0;
    }

    private int scan() {
        start = pos;
        int r = read();
        if (r == EOF) {
            return TOKEN_EOF;
        } else if (scanLbrack(r)) {
            return TOKEN_LBRACK;
        } else if (scanRbrack(r)) {
            return TOKEN_RBRACK;
        } else if (scanIdent(r)) {
            return TOKEN_IDENT;
        }
        return TOKEN_ILLEGAL;
    }

    private boolean scanIdent(int first) {
        if ((mode & SCAN_IDENT) == 0) {
            return false;
        }
        if (scanEscaped(first)) {
            skip();
        } else if (!accept.test(first, pos - start)) {
            return false;
        }
        while (true) {
            int r = read();
            if (r == EOF) {
                unread();
                break;
            }
            if (scanLbrack(r)) {
                unread();
                unread();
                break;
            }
            if (scanEscaped(r)) {
                skip();
                continue;
            }
            if (!accept.test(r, pos - start)) {
                unread();
                break;
            }
        }
        return true;
    }

    private boolean scanLbrack(int r) {
        if ((mode & SCAN_LBRACK) == 0) {
            return false;
        }
        if (r == '$') {
            if (read() == '{') {
                return true;
            }
            unread();
        }
        return false;
    }

    private boolean scanRbrack(int r) {
        return (mode & SCAN_RBRACK) != 0 && r == '}';
    }

    private boolean scanEscaped(int r) {
        if ((mode & SCAN_ESCAPE) == 0) {
            return false;
        }
        if (r == '$' && shouldEscape(ESCAPE_DOLLAR) && peek() == '$') {
            return true;
        }
        if (r == '\\' && shouldEscape(ESCAPE_BACKSLASH)) {
            int next = peek();
            return next == '/' || next == '\\';
        }
        return false;
    }
}
