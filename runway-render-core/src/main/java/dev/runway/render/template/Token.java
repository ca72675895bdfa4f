package dev.runway.render.template;

import dev.runway.render.gofmt.GoStrconv;

/** One lexical item of a template, as Go's text/template lexer emits it. {@code pos} is a char offset. */
record Token(Kind kind, int pos, String val) {

    enum Kind {
        ERROR,
        EOF,
        TEXT,
        COMMENT,
        LEFT_DELIM,
        RIGHT_DELIM,
        SPACE,
        ASSIGN,
        DECLARE,
        PIPE,
        LEFT_PAREN,
        RIGHT_PAREN,
        STRING,
        RAW_STRING,
        CHAR_CONSTANT,
        NUMBER,
        /** A complex constant such as 1+2i (Go's itemComplex); an imaginary one alone (2i) is a NUMBER. */
        COMPLEX,
        BOOL,
        FIELD,
        VARIABLE,
        IDENTIFIER,
        CHAR,
        DOT,
        NIL,
        // keywords
        BLOCK,
        BREAK,
        CONTINUE,
        DEFINE,
        ELSE,
        END,
        IF,
        RANGE,
        TEMPLATE,
        WITH;

        boolean isKeyword() {
            return compareTo(BLOCK) >= 0;
        }
    }

    /** Go's item.String(), used in "unexpected X in Y" parse errors. */
    @Override
    public String toString() {
        if (kind == Kind.EOF) {
            return "EOF";
        }
        if (kind == Kind.ERROR) {
            return val;
        }
        if (kind.isKeyword()) {
            return "<" + val + ">";
        }
        if (val.codePointCount(0, val.length()) > 10) {
            return GoStrconv.quote(val.substring(0, val.offsetByCodePoints(0, 10))) + "...";
        }
        return GoStrconv.quote(val);
    }
}
