package dev.runway.render.yaml;

import java.util.Optional;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;

/**
 * A scalar's value as go-yaml reads it from one text, where snakeyaml-engine reads it differently: a literal or folded
 * block scalar whose last line ends the text without a line break keeps no final line break in Go (its scanner chomps
 * the breaks it read, and there is none), where snakeyaml-engine adds one: {@code fromYaml "a: |\n  x"} is "x". Every
 * reader of snakeyaml's events or nodes that stands for Go's reading asks here, so they agree. The text's length in
 * code points (what snakeyaml's marks count) is counted once, and only for such a scalar.
 */
final class GoBlockScalar {
    private final String text;
    private final boolean endsWithBreak;
    private int codePoints = -1;

    GoBlockScalar(String text) {
        this.text = text;
        this.endsWithBreak = text.isEmpty() || isBreak(text.charAt(text.length() - 1));
    }

    /** The value go-yaml reads for a scalar snakeyaml read as {@code value} in this text. */
    String value(String value, ScalarStyle style, Optional<Mark> end) {
        if (endsWithBreak
                || (style != ScalarStyle.LITERAL && style != ScalarStyle.FOLDED)
                || !value.endsWith("\n")
                || end.isEmpty()) {
            return value;
        }
        if (codePoints < 0) {
            codePoints = text.codePointCount(0, text.length());
        }
        return end.get().getIndex() == codePoints ? value.substring(0, value.length() - 1) : value;
    }

    /** go-yaml's is_break. */
    private static boolean isBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
