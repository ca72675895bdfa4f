package dev.runway.render.unittest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.yaml.GoYaml;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code =~} in assertion paths matches with Go's regexp (RE2/J), as helm-unittest's yaml-jsonpath does. */
class RegexFiltersTest {
    private static final Object POD = GoYaml.read("""
            spec:
              containers:
                - name: web-main
                  image: web:1
                  port: 80
                  path: /api/v1
                - name: web-sidecar
                  image: proxy:2
                  port: 8080
                  path: /metrics
                - name: "abc\\n"
                  image: trailing-newline:3
                  port: 9000
                  path: /
                - name: batch
                  image: batch:4
                  port: 81
                  path: /api/v2
            """, "pod.yaml");

    private static List<Object> images(String filter) {
        return ValuePaths.get(POD, "spec.containers[?(" + filter + ")].image");
    }

    @Test
    void matchesUnanchoredWithGoSyntax() {
        assertEquals(List.of("web:1", "proxy:2"), images("@.name =~ /^web-/"));
        assertEquals(List.of("web:1", "proxy:2", "batch:4"), images("@.name =~ /[a-z]-|ch/"));
        assertEquals(List.of("web:1", "batch:4"), images("@.path =~ /^\\/api\\//"));
        assertEquals(List.of("web:1", "proxy:2"), images("@.name =~ /(?i)^WEB/"));
    }

    @Test
    void combinesWithOtherTermsAsJaywayWould() {
        assertEquals(List.of("web:1"), images("@.name =~ /^web-/ && @.port == 80"));
        assertEquals(List.of("web:1", "proxy:2", "batch:4"), images("@.name =~ /^web-/ || @.port == 81"));
        assertEquals(List.of("trailing-newline:3", "batch:4"), images("!(@.name =~ /^web-/)"));
        assertEquals(List.of("batch:4"), images("(@.port > 80 && @.port < 100) && @.path =~ /v2$/"));
        assertEquals(
                List.of("proxy:2"), images("@.name =~ /a&&b|sidecar/ && @.path =~ /[)]?metrics/ || @.port == 8080"));
    }

    /** A string term only: numbers do not match (yaml-jsonpath compares typed values), absent paths neither. */
    @Test
    void onlyStringsMatch() {
        assertEquals(List.of(), images("@.port =~ /80/"));
        assertEquals(List.of(), images("@.missing =~ /.*/"));
    }

    /** Go's $ without (?m) is the end of the text; java.util.regex's $ also matches before a final newline. */
    @Test
    void dollarIsTheEndOfTheTextAsInGo() {
        assertEquals(List.of(), images("@.name =~ /c$/"));
        assertEquals(List.of("trailing-newline:3"), images("@.name =~ /c\\n$/"));
    }

    /** POSIX classes are Go syntax; java.util.regex reads [[:alpha:]] as a set of the characters ':alph'. */
    @Test
    void posixClassesAreGoSyntax() {
        assertEquals(List.of("batch:4"), images("@.name =~ /^[[:alpha:]]+$/"));
    }

    /** What RE2 refuses fails as a path error with Go's message, however java.util.regex would read it. */
    @Test
    void whatGoRefusesIsAPathError() {
        for (String refused : List.of("(?=web)", "(w)\\1", "web\\Z", "a*+")) {
            ValuePaths.PathException e =
                    assertThrows(ValuePaths.PathException.class, () -> images("@.name =~ /" + refused + "/"), refused);
            assertTrue(e.getMessage().contains("error parsing regexp"), e.getMessage());
        }
        ValuePaths.PathException flags = assertThrows(ValuePaths.PathException.class, () -> images("@.name =~ /web/i"));
        assertTrue(flags.getMessage().contains("write them inside it, as (?i)"), flags.getMessage());
        assertThrows(ValuePaths.PathException.class, () -> images("@.name =~ /web"));
    }

    /**
     * (a+)+$ against a long run of a's that ends otherwise takes exponential time in a backtracking engine; RE2 is
     * linear. The timeout only guards against a hang: it is no speed target.
     */
    @Test
    void aPathologicalPatternFinishesFast() {
        String hostile = "a".repeat(200_000) + "!";
        Object doc =
                GoYaml.read("items:\n  - name: " + hostile + "\n    id: long\n  - name: aaa\n    id: short\n", "x");
        List<Object> ids = assertTimeoutPreemptively(
                Duration.ofSeconds(20), () -> ValuePaths.get(doc, "items[?(@.name =~ /(a+)+$/)].id"));
        assertEquals(List.of("short"), ids);
    }

    /** A =~ filter inside the path of another =~ term is matched with Go's regexp too. */
    @Test
    void nestedFiltersMatchWithGoRegexpToo() {
        Object doc = GoYaml.read("""
                pods:
                  - name: a
                    containers: [{name: web-1}]
                  - name: b
                    containers: [{name: db-1}]
                """, "x");
        assertEquals(
                List.of("a"), ValuePaths.get(doc, "pods[?(@.containers[?(@.name =~ /^web/)].name =~ /-1$/)].name"));
    }
}
