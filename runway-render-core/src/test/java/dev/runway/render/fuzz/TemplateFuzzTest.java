package dev.runway.render.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.runway.render.chart.EngineFunctions;
import dev.runway.render.funcs.FunctionLibrary;
import dev.runway.render.template.ExecutionLimits;
import dev.runway.render.template.ExecutionScope;
import dev.runway.render.template.TemplateExecException;
import dev.runway.render.template.TemplateFunction;
import dev.runway.render.template.TemplateParseException;
import dev.runway.render.template.TemplateSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;

/**
 * The template engine on hostile input: the lexer and parser may only reject text with
 * {@link TemplateParseException}; the executor may only fail with {@link TemplateExecException} (or the parse
 * exception), never with another exception, a stack overflow or a hang; the execution limits stop loops.
 */
@Tag("fuzz")
class TemplateFuzzTest {

    /** Functions left out of fuzzing: they reach the network or spend seconds on key generation per call. */
    private static final Set<String> SLOW_OR_NETWORK = Set.of(
            "getHostByName",
            "genPrivateKey",
            "genCA",
            "genCAWithKey",
            "genSelfSignedCert",
            "genSelfSignedCertWithKey",
            "genSignedCert",
            "genSignedCertWithKey",
            "derivePassword",
            "bcrypt",
            "htpasswd",
            "encryptAES",
            "decryptAES");

    private static final Map<String, TemplateFunction> FUNCTIONS = functions();

    /** Small limits so that each input ends quickly; the engine's default limits are far larger. */
    private static final ExecutionLimits LIMITS = new ExecutionLimits(20_000, 1_000_000);

    /** Pieces of template syntax; random sequences of them reach far deeper into the parser than random bytes. */
    private static final String[] PIECES = {
        "{{",
        "}}",
        "{{- ",
        " -}}",
        " ",
        "\n",
        "x",
        "text",
        "{{/* c */}}",
        "end",
        "else",
        "else if",
        "if",
        "range",
        "with",
        "define",
        "block",
        "template",
        "break",
        "continue",
        "\"a\"",
        "\"b\"",
        "`raw`",
        "'c'",
        "1",
        "-2",
        "3.5",
        "0x1F",
        "1e3",
        "true",
        "false",
        "nil",
        ".",
        "$",
        "$x",
        "$x :=",
        "$x =",
        ".Values",
        ".Values.a",
        ".a.b",
        ".Release.Name",
        "|",
        "(",
        ")",
        ",",
        ":=",
        "include",
        "tpl",
        "toYaml",
        "fromYaml",
        "toJson",
        "fromJson",
        "default",
        "required",
        "fail",
        "printf \"%v\"",
        "print",
        "len",
        "index",
        "slice",
        "eq",
        "ne",
        "lt",
        "and",
        "or",
        "not",
        "until",
        "untilStep",
        "seq",
        "list",
        "dict",
        "set",
        "get",
        "keys",
        "repeat",
        "nindent 2",
        "indent 2",
        "quote",
        "upper",
        "trim",
        "b64enc",
        "b64dec",
        "regexMatch",
        "regexReplaceAll",
        "semverCompare",
        "add",
        "mul",
        "div",
        "mod",
        "sub",
        "int",
        "float64",
        "toString",
        "atoi",
        "splitList",
        "join",
        "first",
        "last",
        "append",
        "merge",
        "deepCopy",
        "kindOf",
        "typeOf",
        "empty",
        "coalesce",
        "ternary",
        "sha256sum",
        "lookup",
        "call",
        "html",
        "js",
        "urlquery",
        "ge",
        "le",
        "gt",
    };

    private static Map<String, TemplateFunction> functions() {
        Map<String, TemplateFunction> all = new HashMap<>(FunctionLibrary.functions());
        all.putAll(EngineFunctions.functions());
        all.keySet().removeAll(SLOW_OR_NETWORK);
        return all;
    }

    @FuzzTest(maxDuration = "60s")
    void parserThrowsOnlyParseErrors(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        runDeep(() -> {
            TemplateSet set = new TemplateSet("fuzz", FUNCTIONS);
            try {
                set.parse("fuzz.yaml", text);
            } catch (TemplateParseException expected) {
                assertNotNull(expected.getMessage());
            }
        });
    }

    @FuzzTest(maxDuration = "60s")
    void executorThrowsOnlyTemplateErrors(FuzzedDataProvider data) {
        Map<String, Object> dot = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("a", FuzzValues.goValue(data, 3));
        values.put("b", FuzzValues.goValue(data, 2));
        dot.put("Values", values);
        dot.put("Release", Map.of("Name", "fuzz", "Namespace", "default"));
        String text = template(data);
        runDeep(() -> execute(text, dot));
    }

    /** Template text built from syntax pieces, with the rest of the input as raw text now and then. */
    static String template(FuzzedDataProvider data) {
        StringBuilder sb = new StringBuilder();
        int count = data.consumeInt(0, 40);
        for (int i = 0; i < count; i++) {
            int pick = data.consumeInt(0, PIECES.length);
            sb.append(pick == PIECES.length ? data.consumeString(8) : PIECES[pick]);
            if (data.consumeBoolean()) {
                sb.append(' ');
            }
        }
        return sb.toString();
    }

    static void execute(String text, Object dot) {
        TemplateSet set = new TemplateSet("fuzz", FUNCTIONS);
        try {
            set.parse("fuzz.yaml", text);
            String out = set.execute("fuzz.yaml", dot, new ExecutionScope(LIMITS));
            assertNotNull(out);
        } catch (TemplateParseException | TemplateExecException expected) {
            assertNotNull(expected.getMessage());
        }
    }

    /**
     * Runs on a thread with a large stack, as {@link dev.runway.render.HelmRenderer} does for deep include chains:
     * the invariant is that recursion ends with an error message, not a StackOverflowError.
     */
    static void runDeep(Runnable body) {
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(
                null,
                () -> {
                    try {
                        body.run();
                    } catch (Throwable e) {
                        failure[0] = e;
                    }
                },
                "fuzz-deep-stack",
                512L * 1024 * 1024);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (failure[0] instanceof RuntimeException r) {
            throw r;
        }
        if (failure[0] instanceof Error e) {
            throw e;
        }
    }
}
