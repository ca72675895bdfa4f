package dev.runway.render.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Flux envsubst language, checked against the behaviour documented and tested in fluxcd/pkg:
 * envsubst/eval_test.go (TestExpand, TestExpandStrict), envsubst/parse/parse.go, scan.go and funcs.go, and
 * kustomize-controller's docs/spec/v1/kustomizations.md ("Post build variable substitution").
 */
class EnvsubstTest {

    private static String eval(String text, Map<String, String> vars) {
        return Envsubst.eval(text, name -> Optional.ofNullable(vars.get(name)), false);
    }

    private static String strict(String text, Map<String, String> vars) {
        return Envsubst.eval(text, name -> Optional.ofNullable(vars.get(name)), true);
    }

    // Cases from fluxcd/pkg envsubst/eval_test.go TestExpand (sourced there from tldp.org parameter-substitution).
    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '\'',
            value = {
                "abcdEFGH28ij|var01=abcdEFGH28ij|abcdEFGH28ij",
                "${#var01}|var01=abcdEFGH28ij|12",
                "${var01^}|var01=abcdEFGH28ij|AbcdEFGH28ij",
                "${var01^^}|var01=abcdEFGH28ij|ABCDEFGH28IJ",
                "${var01,}|var01=ABCDEFGH28IJ|aBCDEFGH28IJ",
                "${var01,,}|var01=ABCDEFGH28IJ|abcdefgh28ij",
                "${path_name:11}|path_name=/home/bozo/ideas/thoughts.for.today|ideas/thoughts.for.today",
                "${path_name:11:5}|path_name=/home/bozo/ideas/thoughts.for.today|ideas",
                "${var=xyz}|var=abc|abc",
                "${var=xyz}|other=1|xyz",
                "something ${var=${default_var}}|default_var=foo|something foo",
                "foo: ${var=${default_var}-suffix}|default_var=foo1|foo: foo1-suffix",
                "foo: ${var=prefix${default_var}-suffix}|default_var=foo1|foo: prefixfoo1-suffix",
                "${var:=xyz}|other=1|xyz",
                "${stringZ/%abc/XYZ}|stringZ=abcABC123ABCabc|abcABC123ABCXYZ",
                "${stringZ/#abc/XYZ}|stringZ=abcABC123ABCabc|XYZABC123ABCabc",
                "${stringZ//abc/xyz}|stringZ=abcABC123ABCabc|xyzABC123ABCxyz",
                "${stringZ/abc/xyz}|stringZ=abcABC123ABCabc|xyzABC123ABCabc",
                "${filename#*.}|filename=bash.string.txt|string.txt",
                "${filename#*/}|filename=path/to/file|to/file",
                "${filename#*/}|filename=/path/to/file|path/to/file",
                "${filename##*.}|filename=bash.string.txt|txt",
                "${filename##*/}|filename=path/to/file|file",
                "${filename##*/}|filename=/path/to/file|file",
                "${filename%.*}|filename=bash.string.txt|bash.string",
                "${filename%%.*}|filename=bash.string.txt|bash",
                "${var=${var01^^}}|var01=abcdEFGH28ij|ABCDEFGH28IJ",
                "$${var01}|var01=abcdEFGH28ij|${var01}",
                "some text ${var01}$${var$${var01}$var01${var01}|var01=abcdEFGH28ij|some text abcdEFGH28ij${var${var01}$var01abcdEFGH28ij",
                "something $${var=${default_var}}|default_var=foo|something ${var=foo}",
                "${stringZ/\\//-}|stringZ=foo/bar|foo-bar",
                "${stringZ//\\//-}|stringZ=foo/bar/baz|foo-bar-baz",
                "\\\\something ${var=${default_var}}|default_var=foo|\\\\something foo",
                "${stringZ/./}|stringZ=foo.bar|foobar",
            })
    void fluxTestExpandCases(String input, String assignment, String expected) {
        String[] kv = assignment.split("=", 2);
        assertEquals(expected, eval(input, Map.of(kv[0], kv[1])));
    }

    @Test
    void theFourClusterVariablesInAllDocumentedForms() {
        Map<String, String> vars = Map.of(
                "aws_account_id",
                "123456789012",
                "gcp_project_number",
                "987654321098",
                "gcp_wip_id",
                "eks-pool",
                "gcp_project_id",
                "acme-prod");
        assertEquals("arn:aws:iam::123456789012:role/x", eval("arn:aws:iam::${aws_account_id}:role/x", vars));
        // kustomizations.md lists ${var:=default}, ${var:position}, ${var:position:length},
        // ${var/substring/replacement}
        assertEquals("acme-prod", eval("${gcp_project_id:=fallback}", vars));
        assertEquals("prod", eval("${gcp_project_id:5}", vars));
        assertEquals("acme", eval("${gcp_project_id:0:4}", vars));
        assertEquals("acme-staging", eval("${gcp_project_id/prod/staging}", vars));
        assertEquals("fallback", eval("${unset_var:=fallback}", vars));
        assertEquals("fallback", eval("${unset_var:-fallback}", vars));
    }

    @Test
    void everyDefaultingOperatorMeansValueIfNonEmptyElseDefault() {
        // funcs.go toDefault serves =, :=, :-, -, +, :+, :? alike: unlike bash, ${set:+alt} keeps the value and
        // ${unset:?msg} prints msg instead of failing.
        Map<String, String> vars = Map.of("set", "v", "empty", "");
        assertEquals("v", eval("${set:+alt}", vars));
        assertEquals("alt", eval("${empty:+alt}", vars));
        assertEquals("msg", eval("${unset:?msg}", vars));
        assertEquals("d", eval("${empty:=d}", vars));
        assertEquals("d", eval("${empty=d}", vars));
        assertEquals("", eval("${unset:-}", vars));
    }

    @Test
    void negativeSubstringAndLengthCountBytes() {
        assertEquals("abcd", eval("${v:-3:2}", Map.of("v", "abcd")), "':-' is the default operator, as in bash");
        assertEquals("abcd", eval("${v: -3:2}", Map.of("v", "abcd")), "Atoi(\" -3\") fails, so the value is returned");
        // funcs.go toSubstr slices s[pos:pos+length] with no check: a negative length panics in Go (bash would
        // count from the end). The panic fails kustomize-controller's reconciliation.
        EnvsubstException panic = assertThrows(EnvsubstException.class, () -> eval("${v:1:-1}", Map.of("v", "abcd")));
        assertEquals(EnvsubstException.Kind.PANIC, panic.kind());
        assertEquals("runtime error: slice bounds out of range [1:0]", panic.getMessage());
        EnvsubstException below =
                assertThrows(EnvsubstException.class, () -> eval("${v:3:-5}", Map.of("v", "abcdefgh")));
        assertEquals("runtime error: slice bounds out of range [:-2] with length 8", below.getMessage());
        assertEquals("", eval("${v:9:-1}", Map.of("v", "abcdefgh")), "pos+length >= len: the bounded branch");
        // Flux's own Test_substr cases (envsubst/funcs_test.go).
        assertEquals("12345678", eval("${v:0:8}", Map.of("v", "123456789123456789")));
        assertEquals("23456789", eval("${v:1:8}", Map.of("v", "123456789123456789")));
        assertEquals("123456789", eval("${v:9}", Map.of("v", "123456789123456789")));
        assertEquals("123456789", eval("${v:9:50}", Map.of("v", "123456789123456789")));
        // (Its negative-offset cases call toSubstr directly: in a template "${v:-3:2}" is the ':-' default operator.)
        assertEquals("", eval("${v:9:1}", Map.of("v", "12345678")));
        assertEquals("3", eval("${#v}", Map.of("v", "é.")), "length counts UTF-8 bytes (Go len)");
        assertEquals("", eval("${v:10}", Map.of("v", "abcd")));
        assertEquals("cd", eval("${v:2:10}", Map.of("v", "abcd")));
    }

    @Test
    void dollarDollarIsAnEscapeAnywhereInText() {
        // scan.go scanEscaped: in plain text "$$" loses one "$" whatever follows; "$var" is left alone.
        assertEquals("pa$word", eval("pa$$word", Map.of("x", "1")));
        assertEquals("$x and ${x}", eval("$x and $${x}", Map.of("x", "1")));
        assertEquals("$1", eval("$$${x}", Map.of("x", "1")));
        assertEquals("cost: 5$", eval("cost: 5$", Map.of("x", "1")));
    }

    @Test
    void escapeForFluxRoundTrips() {
        for (String literal : new String[] {"${x}", "a$$b", "$", "$$", "$${", "price $5 ${y:=1}", "x$"}) {
            String escaped = FluxEscaping.escape(literal);
            assertEquals(literal, eval(escaped, Map.of("x", "SUBST", "y", "SUBST")), escaped);
        }
        assertEquals("$${aws_account_id}", FluxEscaping.escape("${aws_account_id}"));
    }

    @Test
    void malformedExpressionsFailWithFluxErrorText() {
        assertError("${}", EnvsubstException.Kind.PARSE_VARIABLE_NAME);
        assertError("${ var }", EnvsubstException.Kind.PARSE_VARIABLE_NAME);
        assertError("value: ${var", EnvsubstException.Kind.MISSING_CLOSING_BRACE);
        assertError("${my-var}", EnvsubstException.Kind.MISSING_CLOSING_BRACE);
        assertError("${my.var}", EnvsubstException.Kind.MISSING_CLOSING_BRACE);
        assertError("${var-default}", EnvsubstException.Kind.MISSING_CLOSING_BRACE);
        assertError("${var:=abc", EnvsubstException.Kind.PARSE_FUNC_SUBSTITUTION);
        assertError("${var:}", EnvsubstException.Kind.PARSE_FUNC_SUBSTITUTION);
        assertError("${var/abc}", EnvsubstException.Kind.BAD_SUBSTITUTION);
        assertError("${#}", EnvsubstException.Kind.BAD_SUBSTITUTION);
        assertError("${var^x}", EnvsubstException.Kind.BAD_SUBSTITUTION);
    }

    @Test
    void namesTheParserAcceptsButFluxCanNeverDefine() {
        // The parser reads any Unicode letters and digits; kustomize_varsub.go rejects variable definitions whose
        // names fail ^[_[:alpha:]][_[:alpha:][:digit:]]*$, so such a placeholder is always unset.
        assertEquals("", eval("${1abc}", Map.of("x", "1")));
        assertTrue(FluxVariableNames.isValid("gcp_project_id"));
        assertTrue(FluxVariableNames.isValid("_x1"));
        assertEquals(false, FluxVariableNames.isValid("1abc"));
        assertEquals(false, FluxVariableNames.isValid("café"));
        assertEquals(false, FluxVariableNames.isValid("my-var"));
    }

    @Test
    void strictModeFailsOnUnsetVariablesWithoutDefault() {
        // eval_test.go TestExpandStrict and template.go isDefaultOp (fluxcd/flux2#5836).
        EnvsubstException e = assertThrows(EnvsubstException.class, () -> strict("${missing}", Map.of()));
        assertEquals("variable not set (strict mode): \"missing\"", e.getMessage());
        for (String op : new String[] {
            "${#missing}",
            "${missing^}",
            "${missing,,}",
            "${missing:0}",
            "${missing/p/r}",
            "${missing#p}",
            "${missing%%p}"
        }) {
            assertThrows(EnvsubstException.class, () -> strict(op, Map.of()), op);
        }
        assertEquals("fallback", strict("${missing:-fallback}", Map.of()));
        assertEquals("assigned", strict("${missing=assigned}", Map.of()));
        assertEquals("", strict("${foo}", Map.of("foo", "")));
        // Arguments are evaluated first: an unset variable inside a default fails even when the outer one is set.
        assertThrows(EnvsubstException.class, () -> strict("${a:=${b}}", Map.of("a", "set")));
        assertEquals("", eval("${missing}", Map.of()));
    }

    @Test
    void expressionsCarryOffsets() {
        String text = "a: \"${x}\"\nb: ${y:=${z}}\n";
        var funcs = Envsubst.expressions(Envsubst.parse(text));
        assertEquals(3, funcs.size());
        assertEquals("${x}", text.substring(funcs.get(0).start(), funcs.get(0).end()));
        assertEquals(
                "${y:=${z}}", text.substring(funcs.get(1).start(), funcs.get(1).end()));
        assertEquals("${z}", text.substring(funcs.get(2).start(), funcs.get(2).end()));
        assertEquals(":=", funcs.get(1).operator());
    }

    @Test
    void offsetsSurviveEscapesAndMultibyteText() {
        String text = "é $${no} ü ${yes}";
        var funcs = Envsubst.expressions(Envsubst.parse(text));
        assertEquals(1, funcs.size());
        assertEquals("${yes}", text.substring(funcs.get(0).start(), funcs.get(0).end()));
    }

    @Test
    void tolerantParseReportsEveryMalformedExpression() {
        var outcome = new EnvsubstParser("${ok} ${ bad } ${also-bad} ${fine}").parseTolerant();
        assertEquals(2, outcome.errors().size());
        assertEquals(6, outcome.errors().get(0).expressionStart());
        assertEquals(15, outcome.errors().get(1).expressionStart());
        assertEquals(
                2,
                Envsubst.expressions(new EnvsubstNode.Sequence(outcome.nodes())).size());
    }

    private static void assertError(String text, EnvsubstException.Kind kind) {
        EnvsubstException e = assertThrows(EnvsubstException.class, () -> eval(text, Map.of("var", "v")), text);
        assertEquals(kind, e.kind(), text);
        assertEquals(kind.text(), e.getMessage());
    }

    @Test
    void trimPatternsAreGlobsLikeGoPathMatch() {
        // funcs.go trims with path.Match globs: *, ?, [class], [^class], backslash escapes; a malformed glob
        // leaves the value unchanged.
        Map<String, String> v = Map.of("v", "eks-pool-01");
        assertEquals("pool-01", eval("${v#???-}", v));
        assertEquals("01", eval("${v##*-}", v));
        assertEquals("eks-pool-01", eval("${v##*[-]}", v), "Go's path.Match rejects [-]: unchanged");
        assertEquals("01", eval("${v##*[\\-]}", v));
        // % and %% reverse the value and the pattern text (funcs.go trimShortestSuffix), so a class such as
        // [0-9] turns into the malformed ]9-0[ and the value stays unchanged.
        assertEquals("eks-pool-01", eval("${v%[0-9][0-9]}", v));
        assertEquals("eks-pool-0", eval("${v%?}", v));
        assertEquals("eks-pool-01", eval("${v%[^0-9]}", v));
        assertEquals("eks-pool", eval("${v%-*}", v));
        assertEquals("eks", eval("${v%%-*}", v));
        assertEquals("eks-pool-01", eval("${v#[}", v), "bad pattern: unchanged");
        assertEquals("pool-01", eval("${v#eks\\-}", v));
        assertEquals(true, dev.runway.render.glob.GoPath.ENVSUBST.match("a*/b", "a/x/b"));
        assertEquals(false, dev.runway.render.glob.GoPath.ENVSUBST.match("a?c", "abbc"));
    }

    @Test
    void replaceEdgeCasesFollowGoStringsReplace() {
        Map<String, String> v = Map.of("v", "a.b.c");
        assertEquals("a-b.c", eval("${v/./-}", v));
        assertEquals("a-b-c", eval("${v//./-}", v));
        assertError("${var//.}", EnvsubstException.Kind.BAD_SUBSTITUTION); // the pattern runs on past '}'
        assertEquals("abc", eval("${v//./}", v));
        assertEquals("a.b.c", eval("${v/#x/y}", v));
        assertEquals("a.b.c", eval("${v/#a/}", v), "replacePrefix needs two arguments (funcs.go)");
        assertEquals("-a-.-b-", Envsubst.goReplace("a.b", "", "-", -1), "Go inserts around every rune");
        assertEquals("-a.b", Envsubst.goReplace("a.b", "", "-", 1));
    }

    /**
     * Each {@code $$} escape removed its byte by copying the rest of the text down, as Flux's scanner does: 1.6 MB of
     * {@code $} took 47 s (quadratic). Escapes inside a replace pattern take the same path.
     */
    @Test
    void manyEscapesEndInLinearTime() {
        String dollars = "$".repeat(1_600_000);
        String out = assertTimeoutPreemptively(
                Duration.ofSeconds(20), () -> Envsubst.eval(dollars, name -> Optional.empty(), false));
        assertEquals("$".repeat(800_000), out);
        String pattern = "${a/" + "\\/".repeat(400_000) + "/x}";
        String replaced = assertTimeoutPreemptively(
                Duration.ofSeconds(20), () -> Envsubst.eval(pattern, name -> Optional.of("//"), false));
        assertEquals("//", replaced);
        assertEquals("$a $$ ${", Envsubst.eval("$$a $$$$ $${", name -> Optional.empty(), false));
    }

    /**
     * Nested defaults 25,000 deep overflowed the stack (a raw StackOverflowError from the parser): more than
     * {@link EnvsubstParser#MAX_NESTING} levels are now the parser's own error, in both parses, while that many levels
     * still read, evaluate and list their expressions as Flux does.
     */
    @Test
    void nestingDeeperThanTheLimitIsAnErrorNotAStackOverflow() {
        String deep = nested(25_000);
        EnvsubstException e = assertThrows(EnvsubstException.class, () -> Envsubst.parse(deep));
        assertEquals(EnvsubstException.Kind.NESTED_TOO_DEEPLY, e.kind());
        assertEquals(0, e.expressionStart());
        assertTrue(e.getMessage().contains("nested more than 100 deep"), e.getMessage());
        EnvsubstParser.Outcome tolerant = new EnvsubstParser(nested(2_000)).parseTolerant();
        assertEquals(
                EnvsubstException.Kind.NESTED_TOO_DEEPLY,
                tolerant.errors().get(0).kind());

        String deepest = nested(EnvsubstParser.MAX_NESTING);
        assertEquals("y", Envsubst.eval(deepest, name -> Optional.empty(), false));
        assertEquals("v", Envsubst.eval(deepest, name -> Optional.of("v"), true));
        assertEquals(
                EnvsubstParser.MAX_NESTING,
                Envsubst.expressions(Envsubst.parse(deepest)).size());
    }

    /**
     * The tolerant parse restarts just after each failed <code>${</code>; it re-encoded the rest of the text for each
     * restart, so 100,000 malformed expressions took 21 s (quadratic). Now it restarts in place, and stops with its
     * own error after {@link EnvsubstParser#MAX_ERRORS}, since each one is a finding and Flux stops at the first.
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "'${ '    | 0 | PARSE_VARIABLE_NAME   | 3",
                "'${a '   | 0 | MISSING_CLOSING_BRACE | 4",
                "'${'     | 0 | PARSE_VARIABLE_NAME   | 3",
                "'$$${ $$'| 2 | PARSE_VARIABLE_NAME   | 5",
                "'${a:'   | 0 | NESTED_TOO_DEEPLY     | 402",
                "'${a:='  | 0 | NESTED_TOO_DEEPLY     | 502",
            })
    void manyMalformedExpressionsStopAtTheLimit(String shape, int dollar, EnvsubstException.Kind kind, int reach) {
        String text = shape.repeat(100_000);
        EnvsubstParser.Outcome outcome = new EnvsubstParser(text).parseTolerant();
        int limit = EnvsubstParser.MAX_ERRORS;
        assertEquals(limit + 1, outcome.errors().size());
        for (int i = 0; i < limit; i++) {
            EnvsubstException e = outcome.errors().get(i);
            assertEquals(kind, e.kind(), shape + " #" + i);
            assertEquals(i * shape.length() + dollar, e.expressionStart(), shape + " #" + i);
            assertEquals(i * shape.length() + reach, e.offset(), shape + " #" + i);
        }
        EnvsubstException last = outcome.errors().get(limit);
        assertEquals(EnvsubstException.Kind.TOO_MANY_ERRORS, last.kind());
        assertEquals(limit * shape.length() + dollar, last.expressionStart());
        assertEquals(
                "1001 malformed expressions by here, more than runway-render checks (Flux stops at the first);"
                        + " the rest of the text was not checked",
                last.getMessage());
        assertEquals(
                limit,
                outcome.nodes().stream()
                        .filter(n -> n.equals(new EnvsubstNode.Text("${")))
                        .count());
    }

    /**
     * Unclosed defaults nested before a long text each read it to the end before failing, and the restart after each
     * read it again: the tolerant parse stops once it has re-read the text {@link EnvsubstParser#REREAD_PER_BYTE}
     * times over (plus {@link EnvsubstParser#REREAD_ALLOWANCE}).
     */
    @Test
    void malformedExpressionsReadingFarStopWithinTheRereadBudget() {
        int opens = 90;
        String text = "${a:=".repeat(opens) + "x".repeat(1_000_000);
        List<EnvsubstException> errors =
                new EnvsubstParser(text).parseTolerant().errors();
        long budget = EnvsubstParser.REREAD_PER_BYTE * (long) text.length() + EnvsubstParser.REREAD_ALLOWANCE;
        int failures = 0;
        for (long reread = 0; reread <= budget; failures++) {
            reread += text.length() - (5 * failures + 2); // each reads on to the end from just after its ${
        }
        assertTrue(failures > 30 && failures < opens, "failures " + failures);
        assertEquals(failures, errors.size());
        for (int i = 0; i < errors.size() - 1; i++) {
            assertEquals(
                    EnvsubstException.Kind.PARSE_FUNC_SUBSTITUTION,
                    errors.get(i).kind());
            assertEquals(5 * i, errors.get(i).expressionStart());
        }
        EnvsubstException last = errors.get(errors.size() - 1);
        assertEquals(EnvsubstException.Kind.TOO_MANY_ERRORS, last.kind());
        assertEquals(5 * (errors.size() - 1), last.expressionStart());
        assertTrue(last.getMessage().startsWith(errors.size() + " malformed expressions by here"), last.getMessage());

        EnvsubstParser.Outcome shortTail =
                new EnvsubstParser("${a:=".repeat(opens) + "x".repeat(1_000)).parseTolerant();
        assertEquals(opens, shortTail.errors().size());
        assertTrue(
                shortTail.errors().stream().allMatch(e -> e.kind() == EnvsubstException.Kind.PARSE_FUNC_SUBSTITUTION));
    }

    /**
     * What the tolerant parse reported before it restarted in place (re-encoding the rest of the text at each error):
     * a failed replace edits its escapes ({@code $$}, {@code \\}) in the buffer, and the restart reads them as written.
     */
    @Test
    void tolerantParseRestartsOnTheTextAsWritten() {
        String text = "ü ${x/\\\\//$$ ${ok} é$$ ${bad $${no} ${y:-ü} ${#}";
        EnvsubstParser.Outcome outcome = new EnvsubstParser(text).parseTolerant();
        assertEquals(
                List.of(
                        new EnvsubstNode.Text("ü "),
                        new EnvsubstNode.Text("${"),
                        new EnvsubstNode.Text("x/\\\\//$ "),
                        new EnvsubstNode.Func("ok", "", List.of(), 13, 18),
                        new EnvsubstNode.Text(" é$ "),
                        new EnvsubstNode.Text("${"),
                        new EnvsubstNode.Text("bad ${no} "),
                        new EnvsubstNode.Func("y", ":-", List.of(new EnvsubstNode.Text("ü")), 36, 43),
                        new EnvsubstNode.Text(" "),
                        new EnvsubstNode.Text("${"),
                        new EnvsubstNode.Text("#}")),
                outcome.nodes());
        assertEquals(
                List.of("BAD_SUBSTITUTION 14 2", "MISSING_CLOSING_BRACE 29 23", "BAD_SUBSTITUTION 48 44"),
                outcome.errors().stream()
                        .map(e -> e.kind() + " " + e.offset() + " " + e.expressionStart())
                        .toList());
    }

    private static String nested(int levels) {
        return "${a:=".repeat(levels) + "y" + "}".repeat(levels);
    }
}
