package dev.runway.render.robust;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 15, bounded work and memory in the engine: each hostile template renders in a JVM of its own with
 * {@code -Xmx256m} and must end within seconds with Helm's output or the project's own error (never an
 * OutOfMemoryError or StackOverflowError). The forked JVM ({@link ForkedRender}) prints its render time and peak
 * heap, which the harness echoes for the record.
 */
class HostileEngineTest {
    private static final String SELF = "{{ $d := dict }}{{ $_ := set $d \"self\" $d }}";
    /** The budget on created values (ExecutionLimits.maxCreatedBytes), by default 128 MiB. */
    private static final String CREATED = "the render's function calls created more than 134217728 bytes of values";

    /** The budget on what function calls read (ExecutionLimits.maxReadChars). */
    private static final String READ = "the render's function calls read more than "
            + dev.runway.render.template.ExecutionLimits.DEFAULT_MAX_READ_CHARS + " characters of their arguments";

    private static final String DEEP = "{{ $d := dict }}{{ range until 100000 }}{{ $d = dict \"a\" $d }}{{ end }}";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '§', quoteCharacter = '`', textBlock = """
            self-toJson         § SELF a: [{{ toJson $d }}]                        § OK a: []
            self-toYaml         § SELF a: [{{ toYaml $d }}]                        § OK a: []
            self-mustToJson     § SELF {{ mustToJson $d }}                         § ERROR json: unsupported value: encountered a cycle via map[string]interface {}
            self-mustToYaml     § SELF {{ mustToYaml $d }}                         § ERROR error marshaling into JSON: json: unsupported value: encountered a cycle
            self-printf         § SELF {{ printf "%v" $d }}                        § ERROR printing a value: the value nests more than 10000 maps or lists deep
            self-print          § SELF {{ print $d }}                              § ERROR printing a value: the value nests more than 10000
            self-deepCopy       § SELF {{ deepCopy $d }}                           § ERROR deepCopy: the value nests more than 10000
            self-toToml         § SELF {{ toToml $d }}                             § ERROR the TOML text would be longer than 16777216
            self-toYamlPretty   § SELF {{ toYamlPretty $d }}                       § ERROR toYamlPretty: the value nests more than 10000
            self-deepEqual      § SELF a: {{ deepEqual $d $d }}                    § OK a: true
            deep-toYaml         § DEEP a: [{{ toYaml $d }}]                        § OK a: []
            deep-mustToYaml     § DEEP {{ mustToYaml $d }}                         § ERROR yaml: exceeded max depth of 10000
            deep-toPrettyJson   § DEEP a: [{{ toPrettyJson $d }}]                  § ERROR the JSON text would be longer than 16777216
            deep9999-toYaml     § {{ $d := dict }}{{ range until 9999 }}{{ $d = dict \"a\" $d }}{{ end }}{{ toYaml $d | len }} § ERROR the YAML text would be longer than 16777216
            deep-toJson         § DEEP a: {{ toJson $d | len }}                    § OK a: 600002
            double-print        § {{ $s := \"ab\" }}{{ range until 40 }}{{ $s = print $s $s }}{{ end }}          § ERROR would be longer than 16777216 characters
            double-cat          § {{ $s := \"ab\" }}{{ range until 40 }}{{ $s = cat $s $s }}{{ end }}            § ERROR would be longer than 16777216 characters
            double-concat       § {{ $l := list 1 }}{{ range until 40 }}{{ $l = concat $l $l }}{{ end }}       § ERROR a list would have more than 4194304 elements
            double-printf       § {{ $s := \"ab\" }}{{ range until 40 }}{{ $s = printf \"%s%s\" $s $s }}{{ end }} § ERROR would be longer than 16777216 characters
            shared-list-print   § {{ $l := list \"x\" }}{{ range until 60 }}{{ $l = list $l $l }}{{ end }}{{ print $l | len }} § ERROR would be longer than 16777216 characters
            shared-list-toJson  § {{ $l := list \"x\" }}{{ range until 60 }}{{ $l = list $l $l }}{{ end }}{{ toJson $l | len }} § ERROR would be longer than 16777216 characters
            indent-huge         § {{ indent 10000000 (repeat 100 \"a\\n\") }}      § ERROR indent's result would be longer than 16777216
            replace-empty       § {{ $s := repeat 100000 \"a\" }}{{ replace \"\" $s $s | len }} § ERROR replace's result would be longer than 16777216
            regex-backtracking  § a: {{ regexMatch \"^(a+)+$\" (printf \"%sb\" (repeat 100000 \"a\")) }} § OK a: false
            regex-nested-repeat § {{ mustRegexMatch \"((a{1000}){1000}){1000}\" \"a\" }} § ERROR invalid repeat count
            fromToml-deep       § a: {{ len (fromToml (printf \"a = %s1%s\" (repeat 100000 \"[\") (repeat 100000 \"]\"))) }} § OK a: 1
            regex-x-plus-2-60   § a: {{ regexReplaceAll \"(x+){2,60}y\" (repeat 60 \"x\") \"z\" | len }} § OK a: 60
            regex-dot-star-30   § a: {{ regexMatch \"(.*a){30}b\" (repeat 40 \"a\") }} § OK a: false
            regex-a-or-aa       § a: {{ regexMatch \"^(a|aa){1,100}$\" (printf \"%sb\" (repeat 60 \"a\")) }} § OK a: false
            regex-backreference § {{ mustRegexMatch \"(a)\\\\1\" \"aa\" }}          § ERROR error parsing regexp: invalid escape sequence
            regex-dollar-eol    § a: {{ regexMatch \"^[a-z]+$\" \"ab\\n\" }}       § OK a: false
            merge-key-output    § {{ toYaml (dict \"<<\" \"v\") }}                    § ERROR map merge requires map or sequence of maps as the value
            printf-star-width   § a: {{ printf \"%*d\" 1000000000 1 | quote }}      § OK a: "%!(BADWIDTH)1"
            randAlpha-huge      § {{ randAlpha 1000000000 | len }}                § ERROR randAlpha's result of 1000000000 characters would be longer than 16777216
            randAlphaNum-huge   § {{ randAlphaNum 1000000000 | len }}             § ERROR randAlphaNum's result of 1000000000 characters would be longer
            randBytes-huge      § {{ randBytes 1000000000 | len }}                § ERROR randBytes's result of 1000000000 bytes would be longer
            repeat-huge         § {{ repeat 1073741824 \"ab\" | len }}            § ERROR repeat would build 2147483648 characters
            until-nested        § {{ range until 1000000 }}{{ range until 1000000 }}{{ end }}{{ end }} § ERROR steps
            untilStep-overflow  § a: {{ untilStep -2147483648 2147483647 1073741824 | len }} § OK a: 4
            trunc-min-int       § a: {{ trunc -2147483648 \"abc\" }} § OK a: abc
            indent-negative     § {{ indent -1 \"a\" }}                          § ERROR error calling indent: strings: negative Repeat count
            template-loop       § {{ define \"l\" }}{{ template \"l\" . }}{{ end }}{{ template \"l\" . }} § ERROR exceeded maximum template depth (100000)
            self-merge          § SELF a: {{ merge (dict) $d | len }}             § OK a: 1
            self-mergeOverwrite § SELF a: {{ mergeOverwrite (dict) $d | len }}    § OK a: 1
            append-quadratic    § {{ $l := list }}{{ range until 200000 }}{{ $l = append $l . }}{{ end }} § ERROR CREATED
            cat-quadratic       § {{ $s := \"\" }}{{ range until 300000 }}{{ $s = cat $s \"xxxxxxxx\" }}{{ end }} § ERROR CREATED
            twenty-list-copies  § {{ $l := list 1 }}{{ range until 22 }}{{ $l = concat $l $l }}{{ end }}{{ $d := dict }}{{ range until 20 }}{{ $_ := set $d (toString .) (concat $l (list)) }}{{ end }} § ERROR CREATED
            deepCopy-kept       § {{ $l := list 1 }}{{ range until 20 }}{{ $l = concat $l $l }}{{ end }}{{ $m := dict \"l\" $l }}{{ $d := dict }}{{ range until 1000 }}{{ $_ := set $d (toString .) (deepCopy $m) }}{{ end }} § ERROR CREATED
            printf-kept         § {{ $x := repeat 8000000 \"a\" }}{{ $l := list }}{{ range until 50 }}{{ $l = append $l (printf \"%s%s\" $x $x) }}{{ end }} § ERROR CREATED
            set-grow            § {{ $d := dict }}{{ range $i := until 1000 }}{{ range until 5000 }}{{ $_ := set $d (printf \"%d.%d\" $i .) 1 }}{{ end }}{{ end }} § ERROR CREATED
            fromJson-kept       § {{ $y := toJson (until 100000) }}{{ $l := list }}{{ range until 300 }}{{ $l = append $l (fromJsonArray $y) }}{{ end }} § ERROR CREATED
            fromYaml-long-token § a: {{ len (fromYaml (printf \"#%s\" (repeat 15000000 \"x\"))) }} § OK a: 0
            fromYaml-reparsed   § {{ $y := repeat 2000000 \"a: b\\n\" }}{{ range until 1000 }}{{ $_ := fromYamlArray $y }}{{ end }} § ERROR CREATED
            sha256sum-loop      § {{ $b := repeat 16000000 \"a\" }}{{ range until 1000000 }}{{ $_ := sha256sum $b }}{{ end }} § ERROR READ
            regexMatch-loop     § {{ $b := repeat 16000000 \"a\" }}{{ range until 1000000 }}{{ $_ := regexMatch \"x\" $b }}{{ end }} § ERROR READ
            regex-groups-loop   § {{ $b := repeat 16000000 \"a\" }}{{ range until 1000000 }}{{ $_ := regexMatch \"(a|b)*c\" $b }}{{ end }} § ERROR READ
            tpl-comment-loop    § {{ $t := printf \"{{/*%s*/}}\" (repeat 10000000 \"a\") }}{{ range until 1000000 }}{{ $_ := tpl $t . }}{{ end }} § ERROR READ
            contains-loop       § {{ $b := repeat 16000000 \"a\" }}{{ range until 1000000 }}{{ $_ := contains \"x\" $b }}{{ end }} § ERROR READ
            eq-loop             § {{ $b := repeat 16000000 \"a\" }}{{ $c := printf \"%s\" $b }}{{ range until 1000000 }}{{ $_ := eq $b $c }}{{ end }} § ERROR READ
            semverCompare-loop  § {{ $b := printf \"1.0.0-%s\" (repeat 4000000 \"a\") }}{{ range until 1000000 }}{{ $_ := semverCompare \"*\" $b }}{{ end }} § ERROR READ
            has-loop            § {{ $l := until 1000000 }}{{ range until 1000000 }}{{ $_ := has -1 $l }}{{ end }} § ERROR READ
            deepEqual-loop      § {{ $l := until 1000000 }}{{ $m := until 1000000 }}{{ range until 1000000 }}{{ $_ := deepEqual $l $m }}{{ end }} § ERROR READ
            int64-long-digits   § a: {{ int64 (repeat 16000000 \"1\") }}          § OK a: 0
            semver-long-digits  § {{ semver (repeat 16000000 \"1\") }}            § ERROR value out of range
            semver-long-prerelease § a: {{ semverCompare \"<1.0.0-2\" (printf \"1.0.0-%s\" (repeat 4000000 \"1\")) }} § OK a: false
            uniq-distinct       § a: {{ len (uniq (until 1000000)) }}             § OK a: 1000000
            fromJson-deep       § a: {{ (fromJson (printf \"%s1%s\" (repeat 100000 \"[\") (repeat 100000 \"]\"))).Error }} § OK a: invalid character '[' exceeded max depth
            """)
    void hostileTemplateEndsQuicklyInBoundedMemory(String name, String template, String expected)
            throws IOException, InterruptedException {
        String text = template.replace("SELF ", SELF)
                .replace("DEEP ", DEEP)
                .replace("\\\"", "\"")
                .replace("\\\\n", "\\n");
        fork(name, expected.replace("CREATED", CREATED).replace("READ", READ), List.of(text));
    }

    /** tpl on a value that calls tpl on itself: Helm recurses until Go's stack gives out. */
    @Test
    void tplCallingItself() throws IOException, InterruptedException {
        ForkedRender.expect(
                "tpl-recursion",
                List.of("{{ tpl .Values.t . }}", "{}", "t: '{{ tpl .Values.t . }}'\n"),
                "ERROR",
                "tpl is nested more than 100 levels deep");
    }

    /** Parentheses and actions nested 100,000 deep, or 100,000 actions on one line: no overflow, no quadratic time. */
    @Test
    void deeplyNestedParenthesesAndActions() throws IOException, InterruptedException {
        int depth = 100_000;
        ForkedRender.expect(
                "nested-parens",
                List.of("a: {{ " + "(".repeat(depth) + "1" + ")".repeat(depth) + " }}"),
                "ERROR",
                "parse error at (bad/templates/t.yaml:1): max expression depth exceeded");
        // Go's parser and executor take these (Helm 4.1: 20,000 nested ifs in 0.2 s); a line count per action from
        // the template's start made them take a minute here.
        ForkedRender.expect(
                "nested-if", List.of("{{ if true }}".repeat(depth) + "a: 1" + "{{ end }}".repeat(depth)), "OK", "a: 1");
        ForkedRender.expect(
                "nested-with-range",
                List.of("{{ with 1 }}{{ range until 1 }}".repeat(depth / 2) + "a: 1"
                        + "{{ end }}{{ end }}".repeat(depth / 2)),
                "OK",
                "a: 1");
        ForkedRender.expect("many-actions", List.of("a: " + "{{ 1 }}".repeat(depth)), "OK", "a: 1111");
        ForkedRender.expect("long-pipeline", List.of("a: {{ 1" + " | print".repeat(depth) + " }}"), "OK", "a: 1");
    }

    /** A values.schema.json that refers to itself without end, nests deeply or is very wide. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '§', quoteCharacter = '`', textBlock = """
            schema-ref-cycle    § {"$defs":{"a":{"$ref":"#/$defs/b"},"b":{"$ref":"#/$defs/a"}},"$ref":"#/$defs/a"} § a: 1 § ERROR causing reference cycle
            schema-self-ref     § {"properties":{"a":{"$ref":"#/properties/a"}}}    § a: 1 § ERROR causing reference cycle
            schema-deep         § DEEP_SCHEMA                                        § a: 1 § ERROR the schema is not valid JSON
            schema-wide-allOf   § WIDE_SCHEMA                                        § a: 1 § OK a: 1
            schema-remote-ref   § {"properties":{"a":{"$ref":"http://example.invalid/x.json"}}} § a: 1 § ERROR remote document http://example.invalid/x.json
            schema-recursive-ok § {"$defs":{"t":{"properties":{"c":{"$ref":"#/$defs/t"}}}},"$ref":"#/$defs/t"} § c: {c: {c: {}}} § OK a: 1
            """)
    void hostileSchemaEndsQuicklyInBoundedMemory(String name, String schema, String values, String expected)
            throws IOException, InterruptedException {
        String text = schema.replace(
                        "DEEP_SCHEMA", "{\"properties\":{\"a\":".repeat(100_000) + "{}" + "}}".repeat(100_000))
                .replace(
                        "WIDE_SCHEMA",
                        "{\"allOf\":["
                                + String.join(
                                        ",",
                                        java.util.Collections.nCopies(
                                                100_000, "{\"properties\":{\"a\":{\"minimum\":0}}}"))
                                + "]}");
        fork(name, expected, List.of("a: 1", text, values));
    }

    /** {@code expected} is the outcome (OK or ERROR), a space, and a part of the output or message. */
    private static void fork(String name, String expected, List<String> arguments)
            throws IOException, InterruptedException {
        int space = expected.indexOf(' ');
        ForkedRender.expect(name, arguments, expected.substring(0, space), expected.substring(space + 1));
    }
}
