package dev.runway.render.semver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * SemverRange reads Masterminds' version and constraint expressions by hand; {@link RegexSemverRange} is the code
 * before that, with the expressions themselves through RE2/J. Both must accept, reject and answer alike on every text.
 */
class SemverRangeRegexTest {
    private static final List<String> VERSIONS = List.of(
            "",
            "1",
            "v1",
            "1.2",
            "v1.2",
            "1.2.3",
            "v1.2.3",
            "1.2.3-rc.1",
            "1.2.3-rc.1+build.5",
            "1.2.3+b",
            "1.2.3-0",
            "1.2.3-01",
            "1.2.3-a..b",
            "1.2.3-",
            "1.2.3+",
            "1.2.3.4",
            "1.",
            "1.2.",
            ".1",
            "v",
            "vv1",
            "1.x",
            "x",
            "1.2.3-alpha-beta",
            "1.2.3--",
            "1.2.3-a.",
            "1.2.3+a.",
            "18446744073709551615",
            "18446744073709551616",
            "1.2.3-18446744073709551616",
            " 1.2.3",
            "1.2.3 ",
            "1.27.0-0",
            "1.30.2-eks.1",
            "v1.30.2-eks.1+x",
            "1.2.3-a+b+c",
            "0.0.0",
            "2.0.0-beta.2",
            "10.20.30",
            "1.2.3-beta.11",
            "1.2.3-beta.2",
            "1.2.3-1",
            "1.2.3-a");

    private static final List<String> CONSTRAINTS = List.of(
            "",
            " ",
            ">=1.27.0-0",
            ">= 1.27.0",
            ">=1.2 <2",
            ">=1.2, <2",
            ">=1.2,<2",
            "1.2 - 1.4",
            " 1.2 - 1.4 ",
            "1.2 -1.4",
            "1.2- 1.4",
            "1 - 2 || 3 - 4",
            "1 - 2 - 3",
            "a1 - 2",
            "v1 - v2",
            "^1.2",
            "~1.2",
            "~>1.2",
            "=>1",
            "=<1",
            "!=1.2.x",
            "1.x",
            "1.X",
            "*",
            "x",
            "1.2.*",
            ">>1",
            "=",
            ">",
            "1 2",
            "1,,2",
            "1 , 2",
            "1,",
            ",1",
            "||",
            "1||2",
            "1 || 2",
            "1|||2",
            "1|2",
            "<=1.2.3-rc.1",
            ">1.2.3-beta.2 <1.2.3",
            "1.2.3.4",
            "1.2.3.4 - 5",
            "1.2.3-",
            "1.2.3--a",
            ">= 1.2.3 , < 2.0.0",
            "\t>=1\n",
            "> =1",
            "~ 1",
            "^0.0.x",
            "^0.x",
            "^0.0.1",
            "~0",
            "!=1 !=2",
            ">1.x",
            ">1.2.x",
            "<=1.x",
            "<=1.2.x",
            "v",
            ">v1",
            "1.2.3+b - 2",
            "1 -  2",
            "1\u000b- 2",
            ">=1.27.0-0 <1.35.0",
            "1.2.3 - 1.2.3-rc.1+meta",
            "x - 1",
            "1 - x",
            "1 -\n2",
            "1.27 - 1.30");

    @Test
    void versionsReadAsTheExpressionReadsThem() {
        for (String v : withVariants(VERSIONS)) {
            assertEquals(describe(RegexSemverRange.parseVersion(v)), describe(SemverRange.parseVersion(v)), v);
            assertEquals(RegexSemverRange.kubeVersionForCheck(v), SemverRange.kubeVersionForCheck(v), v);
        }
    }

    @Test
    void constraintsReadAsTheExpressionsReadThem() {
        for (String c : withVariants(CONSTRAINTS)) {
            assertSame(c);
        }
    }

    @Test
    void randomTextsOfTheExpressionsAlphabet() {
        Random random = new Random(24);
        String alphabet = "0123456789..--++vxX*| ,\t\n=<>!~^ab||";
        for (int i = 0; i < 5_000; i++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(14);
            for (int j = 0; j < length; j++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = b.toString();
            assertSame(text);
            assertEquals(describe(RegexSemverRange.parseVersion(text)), describe(SemverRange.parseVersion(text)), text);
            assertEquals(RegexSemverRange.kubeVersionForCheck(text), SemverRange.kubeVersionForCheck(text), text);
        }
    }

    @Test
    void randomConstraintsBuiltFromParts() {
        Random random = new Random(7);
        String[] parts = {
            ">=",
            "<",
            "~",
            "^",
            "!=",
            "=",
            "",
            " ",
            "  ",
            ",",
            ", ",
            " - ",
            " -",
            "||",
            " || ",
            "1",
            "1.2",
            "1.2.3",
            "v1.2",
            "1.x",
            "*",
            "1.2.3-rc.1",
            "-0",
            "+b",
            ".",
            "X"
        };
        for (int i = 0; i < 5_000; i++) {
            StringBuilder b = new StringBuilder();
            int count = random.nextInt(8);
            for (int j = 0; j < count; j++) {
                b.append(parts[random.nextInt(parts.length)]);
            }
            assertSame(b.toString());
        }
    }

    @Test
    void longTextsTakeTheExpressionForRanges() {
        String longRange = " ".repeat(300) + "1.2 - 1.4" + " ".repeat(10);
        String longRun = "1".repeat(400) + " - 2 x";
        for (String text : List.of(longRange, longRun, "1 2 ".repeat(100), ">=1 ".repeat(80) + "1 - 2")) {
            assertSame(text);
        }
    }

    @Test
    void hostileConstraintsEndInLinearTime() {
        for (int size : new int[] {1 << 10, 1 << 20}) {
            List<String> texts = List.of(
                    " ".repeat(size) + ">",
                    ">=1 ".repeat(size / 4),
                    "1".repeat(size) + " - 2 x",
                    "1.1.1.1".repeat(size / 8) + " - 2",
                    "v1.2.3-" + "a.".repeat(size / 2) + "b");
            for (String text : texts) {
                // A million characters would take minutes if a reading were quadratic in the text.
                String error = assertTimeoutPreemptively(
                        Duration.ofSeconds(5), () -> SemverRange.constraintError(text, false));
                String version = assertTimeoutPreemptively(
                        Duration.ofSeconds(5), () -> describe(SemverRange.parseVersion(text)));
                if (size < 1 << 12) { // the expressions' answers, on the small ones only (RE2/J is slower)
                    assertEquals(RegexSemverRange.constraintError(text, false), error, text);
                    assertEquals(describe(RegexSemverRange.parseVersion(text)), version, text);
                }
            }
        }
    }

    @Test
    void manyRangesLandWhereMastermindsPutsThem() {
        // Masterminds replaces each range's text where it first occurs in the text rewritten so far; a loose dash
        // ("1 - 2 - 3 x 2 - 3") moves a later range into an earlier replacement. Long texts take the RE2/J finder.
        Random random = new Random(11);
        String[] parts = {"1 - 2", "2 - 3", " - ", "-", "- ", " ", "1", "2", "3", "x", "||", ",", "1.0-rc- ", "\n"};
        for (int i = 0; i < 3_000; i++) {
            StringBuilder b = new StringBuilder();
            int count = random.nextInt(16);
            for (int j = 0; j < count || (i % 10 == 0 && b.length() <= 300); j++) {
                b.append(parts[random.nextInt(parts.length)]);
            }
            assertSame(b.toString());
        }
    }

    @Test
    void manyRangesEndInLinearTime() {
        int size = 1 << 18;
        // Replacing each range in a fresh copy of the whole text took 24 s and 18 s on these before.
        String ranges = "1 - 2 ".repeat(size / 6);
        String error = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> SemverRange.constraintError(ranges));
        assertEquals(null, error);
        assertEquals(true, SemverRange.isCompatible(ranges, "1.5.0"));
        // A loose dash keeps Masterminds' order of replacements, which costs the text's length per range: refused.
        String loose = "1 - 2 - 3 ".repeat(size / 10);
        String refused = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> SemverRange.constraintError(loose));
        assertEquals("constraint of " + loose.length() + " characters has too many ranges to rewrite", refused);
        assertEquals(false, SemverRange.isCompatible(loose, "1.5.0"));
    }

    private static void assertSame(String c) {
        assertEquals(RegexSemverRange.constraintError(c, true), SemverRange.constraintError(c, true), c);
        assertEquals(RegexSemverRange.constraintError(c, false), SemverRange.constraintError(c, false), c);
        // One reading answers for both wordings and every version, as semverCompare uses it.
        SemverRange.Constraints once = SemverRange.constraints(c);
        assertEquals(RegexSemverRange.constraintError(c, true), once.error(true), c);
        assertEquals(RegexSemverRange.constraintError(c, false), once.error(false), c);
        for (String v : List.of("1.2.3", "1.27.0", "1.30.2", "0.0.1", "1.2.3-rc.1", "2.0.0", "1.4.0", "0.1.0")) {
            assertEquals(RegexSemverRange.isCompatible(c, v), SemverRange.isCompatible(c, v), c + " against " + v);
            assertEquals(RegexSemverRange.isCompatible(c, v), once.allows(v), c + " against " + v);
        }
    }

    private static List<String> withVariants(List<String> texts) {
        List<String> out = new ArrayList<>();
        for (String t : texts) {
            out.add(t);
            out.add(" " + t);
            out.add(t + " ");
            out.add(t + "\n");
            out.add("\n" + t);
            out.add(t + "x");
            out.add("v" + t);
        }
        return out;
    }

    private static String describe(SemverRange.Version v) {
        return v == null ? "null" : v.major() + "/" + v.minor() + "/" + v.patch() + "/" + v.pre() + "/" + v.metadata();
    }
}
