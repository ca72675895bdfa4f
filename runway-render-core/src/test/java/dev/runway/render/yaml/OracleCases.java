package dev.runway.render.yaml;

import java.util.ArrayList;
import java.util.List;

/** Generated values files for the oracle tests: tricky strings, numbers and keys, written as YAML both sides read alike. */
final class OracleCases {

    private OracleCases() {}

    static final List<String> STRINGS = List.of(
            "",
            " ",
            "a ",
            " a",
            "  two leading",
            "plain",
            "with space",
            "yes",
            "no",
            "on",
            "off",
            "y",
            "n",
            "Y",
            "true",
            "False",
            "TRUE",
            "null",
            "~",
            "NULL",
            "Null",
            "123",
            "0123",
            "0x1F",
            "0o17",
            "0b101",
            "1e3",
            "1E3",
            "1.5",
            ".5",
            "5.",
            "-1",
            "+1",
            "-0",
            "1_000",
            "1:30",
            "12:30:45",
            "190:20:30.15",
            "2001-12-14",
            "2001-12-14T21:59:43.10-05:00",
            "2001-12-14 21:59:43.10",
            "2001-13-14",
            "2001-1-2",
            "1.2.3",
            "v1.2.3",
            "08",
            "09.5",
            ".inf",
            "-.inf",
            "+.inf",
            ".nan",
            ".NaN",
            "<<",
            "=",
            "-",
            "--",
            "---",
            "...",
            "- a",
            "-a",
            "? a",
            "?a",
            ": a",
            ":a",
            "a:",
            "a: b",
            "a:b",
            "a #b",
            "a#b",
            "#a",
            "a,b",
            "[a]",
            "{a}",
            "a]",
            "a}",
            "*a",
            "&a",
            "!a",
            "|a",
            ">a",
            "'a",
            "\"a",
            "%a",
            "@a",
            "`a",
            "a'b",
            "a\"b",
            "a\\b",
            "tab\there",
            "\ttab",
            "line\nbreak",
            "trailing\n",
            "two\n\n",
            "three\n\n\n",
            "\nleading",
            "  indented\nx",
            "a \nb",
            "a\n b",
            "a\n\n b",
            "été",
            "日本語",
            "emoji 😀",
            "\u2028",
            "a\u2028b",
            "nbsp\u00a0x",
            "ctrl\u0001",
            "del\u007f",
            "bom\ufeff",
            "crlf\r\n",
            "cr\rx",
            "<>&",
            "a: b\nc: d",
            "- item\n- item2",
            "# not comment\n",
            "x\u0085y",
            "\u00a0",
            "esc\u001b",
            "nul\u0000",
            "The quick brown fox jumps over the lazy dog and keeps running far beyond eighty columns of text here",
            "Thequickbrownfoxjumpsoverthelazydogandkeepsrunningfarbeyondeightycolumnsoftexthereandthereandeverywhere",
            "a long line with  double  spaces that goes on and on and on past the eighty column limit of go-yaml v2 ok",
            " leading space then a long line that goes on and on and on past the eighty column limit of go-yaml v2",
            "trailing space and a long line that goes on and on and on past the eighty column limit of go-yaml v2 ",
            "tab\tand a long line that goes on and on and on past the eighty column limit of go-yaml v2 emitter ok",
            "quote: and a long line that goes on and on and on past the eighty column limit of go-yaml v2 emitter",
            "12345678901234567890123456789012345678901234567890123456789012345678901234567890 x",
            "1234567890123456789012345678901234567890123456789012345678901234567890123456789 x y",
            "multi\nline with a very long second line that goes on and on and on past the eighty column limit of go-yaml",
            "long word list: alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega",
            "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ\n-----END CERTIFICATE-----\n",
            "{\"json\": \"inside\", \"n\": 1}",
            "https://example.com/path?q=1&r=2#frag",
            "C:\\path\\file",
            "${aws_account_id}",
            "arn:aws:iam::${aws_account_id}:role/EKS-GCP-Role-x",
            "100%",
            "50m",
            "1Gi",
            "0.5",
            "1e-7",
            "0.1.2",
            "1,000",
            "$x",
            "a b c ",
            "é long line with unicode characters éééééééééééééééééééééé and more éééé text",
            "   ",
            "\n",
            "\n\n",
            " \n ",
            "a\tb\nc",
            "line1\r\nline2",
            "x\u2029y",
            "\u3000ideographic space",
            "a \u0085 b",
            "a\u0085\u0085b",
            "\u0085x",
            "x\u0085",
            "c1\u0080",
            "nonchar\uFFFE",
            "x\u0085\n\u0085y");

    static String stringsValuesFile() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < STRINGS.size(); i++) {
            sb.append(String.format("s%03d: ", i))
                    .append(yamlDoubleQuoted(STRINGS.get(i)))
                    .append('\n');
        }
        // The same strings as values of one map and items of one list.
        sb.append("allInList:\n");
        for (String s : STRINGS) {
            sb.append("  - ").append(yamlDoubleQuoted(s)).append('\n');
        }
        return sb.toString();
    }

    static final List<String> NUMBERS = List.of(
            "0",
            "1",
            "-1",
            "42",
            "100",
            "1000",
            "100000",
            "999999",
            "1000000",
            "1234567",
            "123456789",
            "9007199254740993",
            "12345678901234567890",
            "1e20",
            "1e21",
            "1e22",
            "1.5e300",
            "5e-324",
            "0.1",
            "0.5",
            "1.5",
            "-2.25",
            "3.14159265358979",
            "0.000001",
            "0.0000001",
            "1e-7",
            "1.5e-7",
            "0.0001",
            "0.00001",
            "123456.789",
            "1234567.5",
            "0.30000000000000004",
            "2.5e-5",
            "1.7976931348623157e308",
            "-0.0",
            "0x1F",
            "0o17",
            "0755",
            "0b1010",
            "1_000_000",
            "+12",
            "08",
            "1e3",
            "6.02e23",
            ".5",
            "-.5",
            "1.",
            "4294967296",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "18446744073709551615",
            "18446744073709551616",
            "123456789012",
            "0.1e1",
            "100.0",
            "2.0",
            "1e6",
            "1E6",
            "-1e6",
            "65536.5");

    static String numbersValuesFile() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < NUMBERS.size(); i++) {
            sb.append(String.format("n%03d: ", i)).append(NUMBERS.get(i)).append('\n');
        }
        sb.append("allNumbers: [").append(String.join(", ", NUMBERS)).append("]\n");
        return sb.toString();
    }

    /**
     * Keys whose go-yaml comparisons form a cycle ("a10" < "a1b" < "a2" < "a10", or "0x10", "1e3" among numbers) are
     * left out on purpose: Go sorts them starting from its random map order, so Helm itself is not deterministic.
     */
    static String keysValuesFile() {
        StringBuilder sb = new StringBuilder();
        List<String> keys = new ArrayList<>(List.of(
                "b",
                "a",
                "B",
                "A",
                "_x",
                "1",
                "10",
                "2",
                "a10",
                "a2",
                "a02",
                "ab",
                "a b",
                "yes",
                "no",
                "true",
                "null",
                "",
                "- x",
                "x: y",
                "#c",
                "é",
                "Z",
                "z",
                "a.b",
                "a-b",
                "a_b",
                "01",
                "001",
                "1.5",
                "v1",
                "v10",
                "v9",
                "k8s",
                "K8s",
                "with\nnewline",
                "tab\tkey",
                "x".repeat(129),
                "y".repeat(128),
                "~",
                "20",
                "100",
                "3",
                "item10a",
                "item9b",
                "日本"));
        sb.append("mixed:\n");
        for (int i = 0; i < keys.size(); i++) {
            sb.append("  ")
                    .append(yamlDoubleQuoted(keys.get(i)))
                    .append(": ")
                    .append(i)
                    .append('\n');
        }
        sb.append("""
                yamlTypedKeys:
                  1: int
                  true: bool
                  1.5: float
                  yes: yes
                  0x10: hex
                  2.50: f2
                  1e3: exp
                  off: off
                  2001-01-01: date
                  12345678901: big
                  0.1: tenth
                """);
        sb.append("nelKey:\n  \"nel\\u0085key\": 1\n");
        sb.append("nested:\n  z:\n    b: 1\n    a: [3, 2, {y: 1, x: 2}]\n  a:\n    empty: {}\n    list: []\n");
        return sb.toString();
    }

    /** A YAML double-quoted scalar that go-yaml and snakeyaml read identically (non-ASCII escaped). */
    static String yamlDoubleQuoted(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                sb.append('\\').appendCodePoint(c);
            } else if (c >= 0x20 && c < 0x7f) {
                sb.appendCodePoint(c);
            } else if (c <= 0xFFFF) {
                sb.append(String.format("\\u%04X", c));
            } else {
                sb.append(String.format("\\U%08X", c));
            }
        });
        return sb.append('"').toString();
    }
}
