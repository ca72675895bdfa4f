package dev.runway.render.funcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.ScratchDirectories;
import dev.runway.render.oracle.HelmOracle;
import dev.runway.render.template.TemplateFunction;
import dev.runway.render.yaml.GoYaml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The function library against real Helm, without the engine: every expression of {@code funcs-oracle/cases.txt} is
 * rendered by Helm ({@code {{ EXPR | toString | b64enc }}}) and evaluated here with {@link MiniTemplate}; failing
 * expressions of {@code funcs-oracle/errors.txt} must fail with Helm's message.
 */
class FuncsOracleTest {

    static final Map<String, TemplateFunction> FUNCTIONS = withBuiltins();

    /** The library as helm-java's Helm 3.21 (the oracle here) has it, plus the text/template builtins the cases use. */
    private static Map<String, TemplateFunction> withBuiltins() {
        Map<String, TemplateFunction> m =
                new LinkedHashMap<>(FunctionLibrary.functions(dev.runway.render.api.HelmVersion.HELM_3_21));
        m.put(
                "printf",
                (c, a) -> dev.runway.render.gofmt.GoFmt.sprintf(
                        (String) a.get(0), a.subList(1, a.size()).toArray()));
        m.put("print", (c, a) -> dev.runway.render.gofmt.GoFmt.sprint(a.toArray()));
        m.put("println", (c, a) -> dev.runway.render.gofmt.GoFmt.sprintln(a.toArray()));
        m.put(
                "len",
                (c, a) -> a.get(0) instanceof String s
                        ? s.getBytes(StandardCharsets.UTF_8).length
                        : a.get(0) instanceof Map<?, ?> mm ? mm.size() : ((List<?>) a.get(0)).size());
        m.put(
                "urlquery",
                (c, a) -> java.net.URLEncoder.encode(
                        dev.runway.render.gofmt.GoFmt.sprint(a.toArray()), StandardCharsets.UTF_8));
        return m;
    }

    record Case(String name, String expression) {}

    static List<Case> cases(String resource) throws IOException {
        List<Case> out = new ArrayList<>();
        int n = 0;
        for (String line : resourceText(resource).split("\n", -1)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            n++;
            out.add(new Case(String.format("c%04d", n), line.trim()));
        }
        return out;
    }

    static String resourceText(String name) throws IOException {
        try (InputStream in = FuncsOracleTest.class.getClassLoader().getResourceAsStream(name)) {
            assertTrue(in != null, "missing test resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Path chart(String template, String values) throws IOException {
        Path dir = ScratchDirectories.create("funcs-oracle");
        Path chart = dir.resolve("probe");
        Files.createDirectories(chart.resolve("templates"));
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: probe\nversion: 0.1.0\n");
        Files.writeString(chart.resolve("templates/probe.yaml"), template);
        Files.writeString(chart.resolve("values.yaml"), values);
        return chart;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> root(String values) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("Values", GoYaml.read(values, "values.yaml"));
        return root;
    }

    @Test
    void expressionsMatchHelm() throws IOException {
        List<Case> cases = cases("funcs-oracle/cases.txt");
        String values = resourceText("funcs-oracle/values.yaml");
        StringBuilder t = new StringBuilder();
        for (Case c : cases) {
            t.append("#P ")
                    .append(c.name())
                    .append(": {{ ")
                    .append(c.expression())
                    .append(" | toString | b64enc }}\n");
        }
        HelmOracle.Result r = HelmOracle.template(HelmOracle.Request.of(chart(t.toString(), values), "rel", "default"));
        assertNull(r.error(), "Helm failed");
        Map<String, String> helm = new LinkedHashMap<>();
        for (String line : r.output().split("\n", -1)) {
            if (line.startsWith("#P ")) {
                int colon = line.indexOf(": ");
                String b64 = colon < 0 ? "" : line.substring(colon + 2).trim();
                helm.put(
                        line.substring(3, colon < 0 ? line.length() - 1 : colon),
                        new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8));
            }
        }
        Map<String, Object> root = root(values);
        int pass = 0;
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            String expected = helm.get(c.name());
            String ours;
            try {
                ours = dev.runway.render.gofmt.GoValues.strval(MiniTemplate.eval(c.expression(), root, FUNCTIONS));
            } catch (RuntimeException | dev.runway.render.template.TemplateFunctionException e) {
                ours = "<exception " + e + ">";
            }
            if (expected != null && expected.equals(ours)) {
                pass++;
            } else {
                failures.add(c.expression() + "\n    helm: [" + expected + "]\n    ours: [" + ours + "]");
            }
        }
        System.out.printf("[funcs-oracle] expressions: %d passed, %d failed%n", pass, failures.size());
        failures.forEach(f -> System.out.println("[funcs-oracle] MISMATCH " + f));
        assertEquals(List.of(), failures);
    }

    @Test
    void errorsMatchHelm() throws IOException {
        List<Case> cases = cases("funcs-oracle/errors.txt");
        String values = resourceText("funcs-oracle/values.yaml");
        Map<String, Object> root = root(values);
        int pass = 0;
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            HelmOracle.Result r = HelmOracle.template(
                    HelmOracle.Request.of(chart("# {{ " + c.expression() + " }}\n", values), "rel", "default"));
            String expected = r.error() == null
                    ? "<no error>"
                    : r.error().substring(r.error().indexOf(">: ") + 3);
            int hint = expected.indexOf("\n\nUse --debug");
            if (hint >= 0) {
                expected = expected.substring(0, hint);
            }
            String ours;
            try {
                MiniTemplate.eval(c.expression(), root, FUNCTIONS);
                ours = "<no error>";
            } catch (MiniTemplate.CallError e) {
                ours = e.goMessage();
            } catch (RuntimeException | dev.runway.render.template.TemplateFunctionException e) {
                ours = "<exception " + e + ">";
            }
            if (expected.equals(ours)) {
                pass++;
            } else {
                failures.add(c.expression() + "\n    helm: [" + expected + "]\n    ours: [" + ours + "]");
            }
        }
        System.out.printf("[funcs-oracle] errors: %d passed, %d failed%n", pass, failures.size());
        failures.forEach(f -> System.out.println("[funcs-oracle] MISMATCH " + f));
        assertEquals(List.of(), failures);
    }
}
