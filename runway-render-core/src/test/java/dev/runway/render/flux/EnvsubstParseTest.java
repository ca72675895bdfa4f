package dev.runway.render.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parse trees for every case of fluxcd/pkg envsubst/parse/parse_test.go (TestParse). Trees are written compactly:
 * text as {@code 'text'}, an expression as {@code param<operator>(args)}; Go's nested ListNodes are flattened.
 */
class EnvsubstParseTest {

    static String describe(EnvsubstNode node) {
        if (node instanceof EnvsubstNode.Text t) {
            return "'" + t.value() + "'";
        } else if (node instanceof EnvsubstNode.Sequence s) {
            return s.nodes().stream().map(EnvsubstParseTest::describe).collect(Collectors.joining(" "));
        }
        EnvsubstNode.Func f = (EnvsubstNode.Func) node;
        String args = f.args().isEmpty()
                ? ""
                : f.args().stream().map(EnvsubstParseTest::describe).collect(Collectors.joining(",", "(", ")"));
        return f.param() + "<" + f.operator() + ">" + args;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "text|'text'",
                "}text|'}text'",
                "http://github.com|'http://github.com'",
                "$${string}|'${string}'",
                "$$string|'$string'",
                "\\\\.\\pipe\\pipename|'\\\\.\\pipe\\pipename'",
                "${string}|string<>",
                "${string,}|string<,>",
                "${string,,}|string<,,>",
                "${string^}|string<^>",
                "${string^^}|string<^^>",
                "${string:position}|string<:>('position')",
                "${string:position:length}|string<:>('position','length')",
                "${string#substring}|string<#>('substring')",
                "${string##substring}|string<##>('substring')",
                "${string%substring}|string<%>('substring')",
                "${string%%substring}|string<%%>('substring')",
                "${string/substring/replacement}|string</>('substring','replacement')",
                "${string//substring/replacement}|string<//>('substring','replacement')",
                "${string/#substring/replacement}|string</#>('substring','replacement')",
                "${string/%substring/replacement}|string</%>('substring','replacement')",
                "${string=default}|string<=>('default')",
                "${string:=default}|string<:=>('default')",
                "${string:-default}|string<:->('default')",
                "${string:?default}|string<:?>('default')",
                "${string:+default}|string<:+>('default')",
                "${#string}|string<#>",
                "${string#$%:*{}|string<#>('$%:*{')",
                "hello ${#string} world|'hello ' string<#> ' world'",
                "\\\\ hello ${#string} world \\\\|'\\\\ hello ' string<#> ' world \\\\'",
                "${string/\\/position/length}|string</>('/position','length')",
                "${string/\\/position\\\\/length}|string</>('/position\\','length')",
                "${string/position/\\/length}|string</>('position','/length')",
                "${string/position/\\/length\\\\}|string</>('position','/length\\')",
                "${string/position/\\/leng\\\\th}|string</>('position','/leng\\th')",
                "${string:${position}}|string<:>(position<>)",
                "${string:${stringy:position:length}:${stringz,,}}|string<:>(stringy<:>('position','length'),stringz<,,>)",
                "${string#${stringz}}|string<#>(stringz<>)",
                "${string=${stringz}}|string<=>(stringz<>)",
                "${string=prefix-${var}}|string<=>('prefix-',var<>)",
                "${string=${var}-suffix}|string<=>(var<>,'-suffix')",
                "${string=prefix-${var}-suffix}|string<=>('prefix-',var<>,'-suffix')",
                "${string=prefix${var} suffix}|string<=>('prefix',var<>,' suffix')",
                "${string//${stringy}/${stringz}}|string<//>(stringy<>,stringz<>)",
            })
    void fluxTestParseCases(String text, String tree) {
        assertEquals(tree, describe(Envsubst.parse(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"${v/#/pre-}", "${v/%/-post}", "${v///x}"})
    void anEmptyReplacePatternFailsAsInFlux(String text) {
        // parse.go parseReplaceFunc scans the pattern with acceptNotSlash, so a '/' right after the operator is no
        // token: Flux answers "unable to parse substitution within function" and the Kustomization fails.
        EnvsubstException e = assertThrows(EnvsubstException.class, () -> Envsubst.parse(text));
        assertEquals("unable to parse substitution within function", e.getMessage());
    }
}
