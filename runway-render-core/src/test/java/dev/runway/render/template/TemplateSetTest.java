package dev.runway.render.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One behaviour of Go's text/template per test; the conformance suite checks the same against real Helm. */
class TemplateSetTest {

    private static String run(String text, Object data) {
        TemplateSet set = new TemplateSet("gotpl", Map.of());
        set.parse("t", text);
        return set.execute("t", data, new ExecutionScope());
    }

    private static String run(String text) {
        return run(text, values());
    }

    private static Map<String, Object> values() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "str");
        m.put("f", 1000000.0);
        m.put("l", new ArrayList<>(List.of("a", "b", "c")));
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("b", 2.0);
        inner.put("a", 1.0);
        m.put("m", inner);
        m.put("n", null);
        return m;
    }

    private static String execError(String text) {
        return assertThrows(TemplateExecException.class, () -> run(text)).getMessage();
    }

    private static String parseError(String text) {
        return assertThrows(TemplateParseException.class, () -> run(text)).getMessage();
    }

    @Nested
    class Text {
        @Test
        void textIsCopied() {
            assertEquals("a\nb", run("a\nb"));
        }

        @Test
        void trimMarkersRemoveAdjacentWhiteSpace() {
            assertEquals("a:b", run("a \n\t {{- \":\" -}} \n b"));
        }

        @Test
        void minusWithoutSpaceIsANumber() {
            assertEquals("x -3", run("x {{-3}}"));
        }

        @Test
        void commentsPrintNothingAndMayTrim() {
            assertEquals("ab", run("a {{- /* note */ -}} b"));
            assertEquals("a\nb", run("a{{/* multi\nline */}}\nb"));
        }

        @Test
        void commentMustEndAtTheDelimiter() {
            assertTrue(parseError("{{/* x */ }}").endsWith("comment ends before closing delimiter"));
        }

        @Test
        void quotedStringsWithAndWithoutEscapes() {
            assertEquals("plain ✓", run("{{ \"plain ✓\" }}"));
            assertEquals("", run("{{ \"\" }}"));
            assertEquals("a\"b\tc é", run("{{ \"a\\\"b\\tc \\u00e9\" }}"));
            assertTrue(parseError("{{ \"\\q\" }}").endsWith("invalid syntax"));
        }

        @Test
        void rawStringsKeepBackslashes() {
            assertEquals("a\\nb", run("{{ `a\\nb` }}"));
        }
    }

    @Nested
    class Values {
        @Test
        void missingKeysPrintNoValue() {
            assertEquals("<no value>", run("{{ .missing }}"));
            assertEquals("<no value>", run("{{ .n }}"));
        }

        @Test
        void nilInsidePrintIsNil() {
            assertEquals("<nil>", run("{{ print .missing }}"));
        }

        @Test
        void fieldOfMissingKeyIsANilPointerError() {
            assertTrue(execError("{{ .missing.x }}")
                    .endsWith("executing \"t\" at <.missing.x>: nil pointer evaluating interface {}.x"));
        }

        @Test
        void fieldOfNoValueVariableIsEmpty() {
            assertEquals("<no value>", run("{{ $x := .missing }}{{ $x.y }}"));
        }

        @Test
        void fieldOfAStringNamesTheInterfaceType() {
            assertTrue(execError("{{ .s.x }}").endsWith("can't evaluate field x in type interface {}"));
        }

        @Test
        void floatsPrintAsGoDoes() {
            assertEquals("1e+06", run("{{ .f }}"));
            assertEquals("1.5 1000 16 97", run("{{ 1.5 }} {{ 1e3 }} {{ 0x10 }} {{ 'a' }}"));
        }

        @Test
        void mapsPrintWithSortedKeys() {
            assertEquals("map[a:1 b:2]", run("{{ .m }}"));
        }
    }

    @Nested
    class Variables {
        @Test
        void declareAndAssign() {
            assertEquals("2", run("{{ $x := 1 }}{{ $x = 2 }}{{ $x }}"));
        }

        @Test
        void innerDeclarationShadowsUntilEnd() {
            assertEquals("2 1", run("{{ $x := 1 }}{{ if true }}{{ $x := 2 }}{{ $x }}{{ end }} {{ $x }}"));
        }

        @Test
        void assignmentInRangeChangesTheOuterVariable() {
            assertEquals("c", run("{{ $x := 0 }}{{ range .l }}{{ $x = . }}{{ end }}{{ $x }}"));
        }

        @Test
        void dollarIsTheTopLevelDataInRange() {
            assertEquals("strstrstr", run("{{ range .l }}{{ $.s }}{{ end }}"));
        }

        @Test
        void undefinedVariablesFailAtParseTime() {
            assertEquals("template: t:1: undefined variable \"$y\"", parseError("{{ $y }}"));
        }
    }

    @Nested
    class Control {
        @Test
        void ifElseIfElse() {
            assertEquals("B", run("{{ if .missing }}A{{ else if .s }}B{{ else }}C{{ end }}"));
        }

        @Test
        void truthFollowsGoZeroValues() {
            assertEquals(
                    "ffffft",
                    run("{{ if 0 }}t{{ else }}f{{ end }}{{ if \"\" }}t{{ else }}f{{ end }}"
                            + "{{ if .n }}t{{ else }}f{{ end }}{{ if false }}t{{ else }}f{{ end }}"
                            + "{{ if 0.0 }}t{{ else }}f{{ end }}{{ if .m }}t{{ else }}f{{ end }}"));
        }

        @Test
        void withSetsDotAndElseKeepsIt() {
            assertEquals(
                    "1|str", run("{{ with .m }}{{ .a }}{{ end }}|{{ with .missing }}x{{ else }}{{ .s }}{{ end }}"));
        }

        @Test
        void rangeOverListMapAndInteger() {
            assertEquals("0a1b2c", run("{{ range $i, $v := .l }}{{ $i }}{{ $v }}{{ end }}"));
            assertEquals("a=1 b=2 ", run("{{ range $k, $v := .m }}{{ $k }}={{ $v }} {{ end }}"));
            assertEquals("012", run("{{ range 3 }}{{ . }}{{ end }}"));
        }

        @Test
        void rangeElseOnEmpty() {
            assertEquals("none", run("{{ range .missing }}x{{ else }}none{{ end }}"));
        }

        @Test
        void breakAndContinue() {
            assertEquals("a", run("{{ range .l }}{{ if eq . \"b\" }}{{ break }}{{ end }}{{ . }}{{ end }}"));
            assertEquals("ac", run("{{ range .l }}{{ if eq . \"b\" }}{{ continue }}{{ end }}{{ . }}{{ end }}"));
        }

        @Test
        void breakOutsideRangeDoesNotParse() {
            assertTrue(parseError("{{ break }}").endsWith("{{break}} outside {{range}}"));
        }

        @Test
        void rangeOverAStringFails() {
            assertTrue(execError("{{ range .s }}{{ end }}").endsWith("range can't iterate over str"));
        }
    }

    @Nested
    class Templates {
        @Test
        void defineAndTemplate() {
            assertEquals("<1>", run("{{ define \"x\" }}<{{ .a }}>{{ end }}{{ template \"x\" .m }}"));
        }

        @Test
        void blockDefinesAndRuns() {
            assertEquals("default", run("{{ block \"b\" . }}default{{ end }}"));
        }

        @Test
        void laterFileReplacesADefinitionUnlessEmpty() {
            TemplateSet set = new TemplateSet("gotpl", Map.of());
            set.parse("a", "{{ define \"d\" }}A{{ end }}");
            set.parse("b", "{{ define \"d\" }}B{{ end }}");
            set.parse("c", "{{ define \"d\" }}{{ end }}");
            assertEquals("B", set.execute("d", null, new ExecutionScope()));
        }

        @Test
        void missingTemplateFails() {
            assertTrue(execError("{{ template \"nope\" }}").endsWith("template \"nope\" not defined"));
        }

        @Test
        void errorsInADefineNameTheDefineAndItsFile() {
            TemplateSet set = new TemplateSet("gotpl", Map.of());
            set.parse("file.tpl", "\n{{ define \"d\" }}{{ .x.y }}{{ end }}{{ template \"d\" . }}");
            TemplateExecException e = assertThrows(
                    TemplateExecException.class, () -> set.execute("file.tpl", Map.of(), new ExecutionScope()));
            assertEquals(
                    "template: file.tpl:2:21: executing \"d\" at <.x.y>: nil pointer evaluating interface {}.y",
                    e.getMessage());
        }
    }

    @Nested
    class BuiltinFunctions {
        @Test
        void andOrReturnOperandsAndShortCircuit() {
            assertEquals("0 x", run("{{ and 1 0 (index .l 9) }} {{ or 0 \"x\" (index .l 9) }}"));
        }

        @Test
        void lenCountsBytes() {
            assertEquals("6 3 2", run("{{ len \"héllo\" }} {{ len .l }} {{ len .m }}"));
        }

        @Test
        void lenOfMissingKeyAndOfNoValue() {
            assertTrue(execError("{{ len .missing }}").endsWith("error calling len: len of nil pointer"));
            assertTrue(execError("{{ $x := .missing }}{{ len $x }}")
                    .endsWith("error calling len: reflect: call of reflect.Value.Type on zero Value"));
        }

        @Test
        void indexListsMapsAndStrings() {
            assertEquals(
                    "b 2 <no value> 98",
                    run("{{ index .l 1 }} {{ index .m \"b\" }} {{ index .m \"z\" }} " + "{{ index \"abc\" 1 }}"));
            assertTrue(execError("{{ index .l 5 }}").endsWith("error calling index: index out of range: 5"));
        }

        @Test
        void comparisonsFollowGoTypes() {
            assertEquals(
                    "true false true true",
                    run("{{ eq 1 1 }} {{ eq .missing \"x\" }} {{ lt \"a\" \"b\" }} " + "{{ ge 2 2 }}"));
            assertTrue(execError("{{ eq .f 1 }}")
                    .endsWith("error calling eq: incompatible types for comparison: float64 and int"));
        }

        @Test
        void printFunctions() {
            assertEquals(
                    "a1 2b|x 1\n|007",
                    run("{{ print \"a\" 1 2 \"b\" }}|{{ println \"x\" 1 }}|" + "{{ printf \"%03d\" 7 }}"));
        }

        @Test
        void escapers() {
            assertEquals(
                    "&lt;a&gt;&amp;&#39;&#34; \\u003Cx\\u003E a+b%26c",
                    run("{{ html \"<a>&'\\\"\" }} " + "{{ js \"<x>\" }} {{ urlquery \"a b&c\" }}"));
        }

        @Test
        void wrongArgumentCountNamesTheFunction() {
            assertTrue(execError("{{ not }}").endsWith("at <not>: wrong number of args for not: want 1 got 0"));
        }

        @Test
        void unknownFunctionsFailAtParseTime() {
            assertEquals("template: t:1: function \"nope\" not defined", parseError("{{ nope }}"));
        }

        @Test
        void userFunctionsWinAndGetPipelineValueLast() {
            TemplateSet set = new TemplateSet("gotpl", Map.of("join2", (c, a) -> a.get(0) + "+" + a.get(1)));
            set.parse("t", "{{ \"b\" | join2 \"a\" }}");
            assertEquals("a+b", set.execute("t", null, new ExecutionScope()));
        }

        @Test
        void argumentTypeErrorsAreWordedAndPlacedAsGoDoes() {
            TemplateSet set = new TemplateSet("gotpl", Map.of("needint", (c, a) -> {
                if (!(a.get(0) instanceof Integer)) {
                    throw new TemplateArgumentException(0, "int", "wrong type");
                }
                return a.get(0);
            }));
            set.parse("t", "{{ needint \"2\" }}");
            set.parse("u", "{{ needint .f }}");
            set.parse("v", "{{ needint .missing }}");
            assertEquals(
                    "template: t:1:11: executing \"t\" at <\"2\">: expected integer; found \"2\"",
                    assertThrows(TemplateExecException.class, () -> set.execute("t", values(), new ExecutionScope()))
                            .getMessage());
            assertEquals(
                    "template: u:1:11: executing \"u\" at <.f>: wrong type for value; expected int; got float64",
                    assertThrows(TemplateExecException.class, () -> set.execute("u", values(), new ExecutionScope()))
                            .getMessage());
            assertTrue(assertThrows(TemplateExecException.class, () -> set.execute("v", values(), new ExecutionScope()))
                    .getMessage()
                    .endsWith("wrong type for value; expected int; got interface {}"));
        }

        @Test
        void functionErrorsAreWrapped() {
            TemplateSet set = new TemplateSet("gotpl", Map.of("boom", (c, a) -> {
                throw new TemplateFunctionException("bad input");
            }));
            set.parse("t", "x {{ boom 1 }}");
            TemplateExecException e =
                    assertThrows(TemplateExecException.class, () -> set.execute("t", null, new ExecutionScope()));
            assertEquals("template: t:1:5: executing \"t\" at <boom 1>: error calling boom: bad input", e.getMessage());
        }
    }

    @Nested
    class ParseErrors {
        @Test
        void unclosedActionNamesWhereItStarted() {
            assertEquals("template: t:2: unclosed action started at t:1", parseError("{{ .x\n"));
        }

        @Test
        void missingEnd() {
            assertEquals("template: t:1: unexpected EOF", parseError("{{ if true }}x"));
        }

        @Test
        void nonExecutablePipelineStage() {
            assertEquals("template: t:1: non executable command in pipeline stage 2", parseError("{{ 1 | 2 }}"));
        }
    }

    /** A map with one Go method, Hello, as Helm's Values has AsMap; its keys include one named like the method. */
    private static final class Greeter extends GoMethodMap {
        private final Map<String, Object> keys = new LinkedHashMap<>(Map.of("name", "payments", "Hello", "key"));

        @Override
        public java.util.Set<Entry<String, Object>> entrySet() {
            return keys.entrySet();
        }

        @Override
        public TemplateFunction method(String name) {
            return name.equals("Hello") ? (c, a) -> "hello " + a.size() : null;
        }
    }

    @Nested
    class MethodMaps {
        @Test
        void aMethodWinsOverAKeyOfTheSameName() {
            assertEquals("hello 0 hello 2", run("{{ .Hello }} {{ .Hello 1 2 }}", new Greeter()));
            assertEquals("hello 1", run("{{ 1 | .Hello }}", new Greeter()));
        }

        @Test
        void otherFieldsReadKeys() {
            assertEquals(
                    "payments <no value> true", run("{{ .name }} {{ .missing }} {{ eq .missing nil }}", new Greeter()));
            assertEquals("payments", run("{{ with $g := . }}{{ $g.name }}{{ end }}", new Greeter()));
        }

        @Test
        void aKeyWithArgumentsIsAnError() {
            TemplateExecException e =
                    assertThrows(TemplateExecException.class, () -> run("{{ .name 1 }}", new Greeter()));
            assertEquals(
                    "template: t:1:3: executing \"t\" at <.name>: name is not a method but has arguments",
                    e.getMessage());
        }
    }
}
