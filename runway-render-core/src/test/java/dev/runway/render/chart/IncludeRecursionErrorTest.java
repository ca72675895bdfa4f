package dev.runway.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.api.HelmVersion;
import dev.runway.render.funcs.FunctionLibrary;
import dev.runway.render.io.DeepStack;
import dev.runway.render.template.ExecutionLimits;
import dev.runway.render.template.ExecutionScope;
import dev.runway.render.template.TemplateExecException;
import dev.runway.render.template.TemplateFunction;
import dev.runway.render.template.TemplateSet;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An include that recurses until Helm's limit fails with Go's "error calling include: %w" at every level, each
 * level's message holding the whole message below it. The messages must stay byte for byte Helm's while the error
 * keeps only linear state alive (conformance cases lang-define/include-recursion-* compare the text with Helm).
 */
class IncludeRecursionErrorTest {
    private static final String SELF = "{{ define \"r\" }}{{ include \"r\" . }}{{ end }}{{ include \"r\" . }}";

    /** Helm's text: the outer include, then one level per include of "r" up to the limit, then the limit's error. */
    private static final String SELF_MESSAGE =
            "template: t.yaml:1:47: executing \"t.yaml\" at <include \"r\" .>: error calling include: "
                    + "template: t.yaml:1:19: executing \"r\" at <include \"r\" .>: error calling include: "
                            .repeat(EngineFunctions.INCLUDE_RECURSION_LIMIT + 1)
                    + "rendering template has a nested reference name: r: unable to execute template";

    private static TemplateExecException failure(String template) {
        Map<String, TemplateFunction> functions = new HashMap<>(FunctionLibrary.functions());
        functions.putAll(EngineFunctions.functions());
        TemplateSet set = new TemplateSet("t", functions);
        set.parse("t.yaml", template);
        // Helm's 1,000 levels need more stack than a test thread has: the renderer reruns so (DeepStack) too.
        return DeepStack.rerun(
                () -> assertThrows(
                        TemplateExecException.class,
                        () -> set.execute("t.yaml", Map.of(), new ExecutionScope(ExecutionLimits.DEFAULT))),
                IllegalStateException::new);
    }

    @Test
    void aThousandNestedIncludesEndInHelmsMessage() {
        TemplateExecException e = failure(SELF);
        assertEquals(SELF_MESSAGE, e.getMessage());
        assertEquals(SELF_MESSAGE, HelmErrors.execError("t.yaml", e, HelmVersion.HELM_3_21));
        // Helm 4 gives up tracing at the limit's error, which is not a template error, and prints Go's message.
        assertEquals(SELF_MESSAGE, HelmErrors.execError("t.yaml", e, HelmVersion.HELM_4_1));
        // Every link of the chain (Go's errors.Unwrap) reads as the tail of the whole message, from its own start.
        int links = 0;
        for (Throwable link = e; link != null; link = link.getCause()) {
            String message = link.getMessage();
            assertTrue(SELF_MESSAGE.endsWith(message), "link " + links);
            assertTrue(message.startsWith("template: ") || message.startsWith("rendering template"), message);
            links++;
        }
        assertEquals(2 * (EngineFunctions.INCLUDE_RECURSION_LIMIT + 2), links);
    }

    /**
     * What the error keeps alive, measured as its serialized form (messages as stored, prefixes, stack traces):
     * 105 MB for these 1,000 levels when every level stored its whole message (a sum of messages growing by 80
     * characters a level) and every wrapper its own stack trace of up to 1,024 frames; 160 KB now.
     */
    @Test
    void theErrorKeepsStateLinearInDepth() throws IOException {
        TemplateExecException e = failure(SELF);
        long bytes = DeepStack.rerun(() -> serializedSize(e), IllegalStateException::new);
        int levels = EngineFunctions.INCLUDE_RECURSION_LIMIT + 2;
        assertTrue(bytes < 1_000L * levels, bytes + " bytes for " + levels + " levels");
        assertEquals(SELF_MESSAGE, e.getMessage());
    }

    @Test
    void helm4TracesADeepChainOfTemplateErrors() {
        TemplateExecException e = failure("{{ define \"r\" }}{{ if lt (int .) 990 }}{{ include \"r\" (add . 1) }}"
                + "{{ else }}{{ .x }}{{ end }}{{ end }}# {{ include \"r\" 0 }}");
        // As the Helm 4 CLI prints it (conformance case lang-define/include-recursion-error-at-depth): equal
        // consecutive links print once.
        assertEquals("""
                t.yaml:1:107
                  executing "t.yaml" at <include "r" 0>:
                    error calling include:
                t.yaml:1:42
                  executing "r" at <include "r" (add . 1)>:
                    error calling include:
                t.yaml:1:79
                  executing "r" at <.x>:
                    can't evaluate field x in type int64""", HelmErrors.execError("t.yaml", e, HelmVersion.HELM_4_1));
        assertTrue(HelmErrors.execError("t.yaml", e, HelmVersion.HELM_3_21)
                .endsWith("error calling include: template: t.yaml:1:79: executing \"r\" at <.x>: "
                        + "can't evaluate field x in type int64"));
    }

    private static long serializedSize(Throwable t) {
        long[] count = new long[1];
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                count[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                count[0] += len;
            }
        };
        try (ObjectOutputStream out = new ObjectOutputStream(counting)) {
            out.writeObject(t);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return count[0];
    }
}
