package dev.runway.render.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

/** A few fluent checks on a message or output text, each failing with the whole text in view. */
final class Text {
    private final String text;

    private Text(String text) {
        this.text = text;
    }

    static Text assertThat(String text) {
        return new Text(text);
    }

    static LongCheck assertThat(long value) {
        return new LongCheck(value);
    }

    record LongCheck(long value) {
        void isGreaterThan(long other) {
            assertTrue(value > other, value + " should be greater than " + other);
        }
    }

    Text contains(String part) {
        assertTrue(text != null && text.contains(part), () -> "expected to contain <" + part + "> in:\n" + text);
        return this;
    }

    Text containsIgnoringCase(String part) {
        assertTrue(
                text != null && text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT)),
                () -> "expected to contain <" + part + "> (any case) in:\n" + text);
        return this;
    }

    Text doesNotContain(String part) {
        assertFalse(text.contains(part), () -> "expected not to contain <" + part + "> in:\n" + text);
        return this;
    }

    Text startsWith(String prefix) {
        assertTrue(text != null && text.startsWith(prefix), () -> "expected to start with <" + prefix + "> :\n" + text);
        return this;
    }

    Text isEqualTo(String expected) {
        assertEquals(expected, text);
        return this;
    }
}
