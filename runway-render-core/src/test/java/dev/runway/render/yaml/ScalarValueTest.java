package dev.runway.render.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** ScalarValue writes out equals and hashCode (issue 19); the encoder keys maps with it, so they must keep records'. */
class ScalarValueTest {

    @Test
    void scalarsAreEqualByTextAndStyle() {
        YamlEmitter.ScalarValue plain = new YamlEmitter.ScalarValue("a", YamlEmitter.Style.PLAIN);
        assertEquals(plain, new YamlEmitter.ScalarValue("a", YamlEmitter.Style.PLAIN));
        assertEquals(plain.hashCode(), new YamlEmitter.ScalarValue("a", YamlEmitter.Style.PLAIN).hashCode());
        assertNotEquals(plain, new YamlEmitter.ScalarValue("b", YamlEmitter.Style.PLAIN));
        assertNotEquals(plain, new YamlEmitter.ScalarValue("a", YamlEmitter.Style.DOUBLE_QUOTED));
        assertNotEquals(plain, "a");
    }
}
