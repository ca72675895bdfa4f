package dev.runway.render.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The lexer's char[] fast paths (issue 19): the tokens of the edges where a shortcut could go wrong, spelled out. (When
 * they were written, the lexer also gave the same tokens as the charAt lexer before them on 50,000 generated
 * templates; that copy of the old lexer was not kept.)
 */
class LexerTest {

    /** Tokens as "KIND@pos:val", one string per template. */
    private static String lex(String text) {
        return Lexer.lex(text).stream()
                .map(t -> t.kind() + "@" + t.pos() + ":" + t.val())
                .collect(Collectors.joining(" | "));
    }

    @Test
    void singleBracesAreText() {
        assertEquals("TEXT@0:a { b }{ c } | EOF@12:", lex("a { b }{ c }"));
        assertEquals(
                "TEXT@0:x | LEFT_DELIM@1:{{ | CHAR@3:{ | FIELD@4:.y | RIGHT_DELIM@6:}} | TEXT@8:} | EOF@9:",
                lex("x{{{.y}}}"));
    }

    @Test
    void delimitersAtTheEndOfTheInput() {
        assertEquals("TEXT@0:x | LEFT_DELIM@1:{{ | ERROR@3:unclosed action", lex("x{{"));
        // A lone "}" is no terminator of a field.
        assertEquals("LEFT_DELIM@0:{{ | ERROR@2:bad character U+007D '}'", lex("{{.a}"));
        assertEquals("LEFT_DELIM@0:{{ | FIELD@2:.a | SPACE@4:  | CHAR@5:} | ERROR@6:unclosed action", lex("{{.a }"));
        assertEquals("LEFT_DELIM@0:{{ | FIELD@2:.a | RIGHT_DELIM@4:}} | EOF@6:", lex("{{.a}}"));
        assertEquals("LEFT_DELIM@0:{{ | SPACE@2:  | NUMBER@3:- | ERROR@4:unclosed action", lex("{{ -"));
        assertEquals("TEXT@0:}} | EOF@2:", lex("}}"));
    }

    @Test
    void trimMarkers() {
        assertEquals(
                "TEXT@0:a | LEFT_DELIM@4:{{ | FIELD@8:.x | RIGHT_DELIM@12:}} | TEXT@17:b | EOF@18:",
                lex("a \n {{- .x -}} \n b"));
        // Two spaces before "-}}": the first is a SPACE token, the second belongs to the marker.
        assertEquals("LEFT_DELIM@0:{{ | FIELD@2:.x | SPACE@4:  | RIGHT_DELIM@7:}} | EOF@9:", lex("{{.x  -}}"));
        assertEquals("LEFT_DELIM@0:{{ | NUMBER@2:-3 | RIGHT_DELIM@4:}} | EOF@6:", lex("{{-3}}"));
        // "-}}" without the space is no trim marker.
        assertEquals("LEFT_DELIM@0:{{ | ERROR@2:bad character U+002D '-'", lex("{{.x-}}"));
        assertEquals("LEFT_DELIM@0:{{ | SPACE@2:\t | RIGHT_DELIM@5:}} | EOF@7:", lex("{{\t\t-}}"));
    }

    @Test
    void comments() {
        assertEquals("TEXT@0:a | COMMENT@6:/* c */ | TEXT@18:b | EOF@19:", lex("a {{- /* c */ -}} b"));
        assertEquals("COMMENT@2:/* x\ny */ | EOF@13:", lex("{{/* x\ny */}}"));
        assertEquals("ERROR@2:unclosed comment", lex("{{/* x"));
        assertEquals("ERROR@2:comment ends before closing delimiter", lex("{{/* x */ }}"));
    }

    @Test
    void quotedAndRawStrings() {
        assertEquals(
                "LEFT_DELIM@0:{{ | STRING@2:\"a\\\"}}\" | SPACE@9:  | RAW_STRING@10:`x\ny}}` | RIGHT_DELIM@17:}} | EOF@19:",
                lex("{{\"a\\\"}}\" `x\ny}}`}}"));
        // The quote fast path remembers the next backslash and newline: strings before, between and after them.
        assertEquals(
                "LEFT_DELIM@0:{{ | STRING@2:\"a\" | SPACE@5:  | STRING@6:\"b\\\"c\" | SPACE@12:  | STRING@13:\"d\" "
                        + "| RIGHT_DELIM@16:}} | TEXT@18:\n | LEFT_DELIM@19:{{ | STRING@21:\"e\" | RIGHT_DELIM@24:}} | EOF@26:",
                lex("{{\"a\" \"b\\\"c\" \"d\"}}\n{{\"e\"}}"));
        assertEquals("LEFT_DELIM@0:{{ | ERROR@2:unterminated quoted string", lex("{{\"a\nb\"}}"));
        assertEquals("LEFT_DELIM@0:{{ | ERROR@2:unterminated quoted string", lex("{{\"a\\\nb\"}}"));
        assertEquals("LEFT_DELIM@0:{{ | ERROR@2:unterminated quoted string", lex("{{\"a\\"));
        assertEquals("LEFT_DELIM@0:{{ | ERROR@2:unterminated raw quoted string", lex("{{`a}}"));
        assertEquals("LEFT_DELIM@0:{{ | CHAR_CONSTANT@2:'\\'' | RIGHT_DELIM@6:}} | EOF@8:", lex("{{'\\''}}"));
    }

    @Test
    void nonLatin1TextAndWords() {
        assertEquals(
                "TEXT@0:héllo ✓  | LEFT_DELIM@8:{{ | FIELD@10:.naïve | SPACE@16:  | IDENTIFIER@17:ünï | SPACE@20:  "
                        + "| VARIABLE@21:$π | RIGHT_DELIM@23:}} | TEXT@25:😀 | EOF@27:",
                lex("héllo ✓ {{.naïve ünï $π}}😀"));
        assertEquals("LEFT_DELIM@0:{{ | ERROR@2:bad character U+1F600 '😀'", lex("{{.a😀}}"));
        assertEquals("LEFT_DELIM@0:{{ | ERROR@2:unrecognized character in action: U+20AC '€'", lex("{{€}}"));
        assertEquals("LEFT_DELIM@0:{{ | ERROR@2:unrecognized character in action: U+0001", lex("{{\u0001}}"));
        // ª (U+00AA) is a letter below U+0100: not ASCII, so it takes the code point path.
        assertEquals("LEFT_DELIM@0:{{ | IDENTIFIER@2:ªb_1 | RIGHT_DELIM@6:}} | EOF@8:", lex("{{ªb_1}}"));
    }

    @Test
    void crlf() {
        assertEquals(
                "TEXT@0:a | LEFT_DELIM@3:{{ | FIELD@7:.x | RIGHT_DELIM@11:}} | TEXT@15:b | EOF@16:",
                lex("a\r\n{{- .x -}}\r\nb"));
        assertEquals("LEFT_DELIM@0:{{ | FIELD@2:.x | SPACE@4:\r\n | RIGHT_DELIM@6:}} | EOF@8:", lex("{{.x\r\n}}"));
    }

    @Test
    void keywordsNumbersAndPunctuation() {
        assertEquals(
                "LEFT_DELIM@0:{{ | IF@2:if | SPACE@4:  | BOOL@5:true | SPACE@9:  | NUMBER@10:0x1F | SPACE@14:  "
                        + "| NUMBER@15:1e3 | SPACE@18:  | COMPLEX@19:1+2i | SPACE@23:  | VARIABLE@24:$x | SPACE@26:  "
                        + "| DECLARE@27::= | SPACE@29:  | LEFT_PAREN@30:( | IDENTIFIER@31:f | PIPE@32:| "
                        + "| DOT@33:. | RIGHT_PAREN@34:) | CHAR@35:, | NIL@36:nil | RIGHT_DELIM@39:}} | EOF@41:",
                lex("{{if true 0x1F 1e3 1+2i $x := (f|.),nil}}"));
        assertEquals("LEFT_DELIM@0:{{ | ERROR@2:expected :=", lex("{{:}}"));
        assertEquals("LEFT_DELIM@0:{{ | LEFT_PAREN@2:( | ERROR@3:unclosed left paren", lex("{{(}}"));
    }
}
