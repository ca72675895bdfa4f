package dev.runway.render.gofmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * strconv.ParseFloat(s, 64) as Go reads it (src/strconv/atof.go: special, readFloat, underscoreOK): the results the
 * conformance case funcs-conversion/float64-go-syntax checks against Helm, and the syntax corners around them.
 */
class GoStrconvParseFloatTest {

    @Test
    void decimalLiterals() {
        assertEquals(1000.0, GoStrconv.parseFloat("1e3"));
        assertEquals(0.5, GoStrconv.parseFloat(".5"));
        assertEquals(5.0, GoStrconv.parseFloat("5."));
        assertEquals(5.0, GoStrconv.parseFloat("+.5e1"));
        assertEquals(-2.5, GoStrconv.parseFloat("-2.5"));
        assertEquals(10.5, GoStrconv.parseFloat("1_0.5"));
        assertEquals(1e10, GoStrconv.parseFloat("1e1_0"));
    }

    @Test
    void hexadecimalLiteralsNeedAPExponent() {
        assertEquals(16.0, GoStrconv.parseFloat("0x1p4"));
        assertEquals(3.0, GoStrconv.parseFloat("0x1.8p1"));
        assertEquals(16.0, GoStrconv.parseFloat("0x_1p4"));
        assertEquals(0.25, GoStrconv.parseFloat("0X1P-2"));
        assertNull(GoStrconv.parseFloat("0x10"));
        assertNull(GoStrconv.parseFloat("0x1p"));
        assertNull(GoStrconv.parseFloat("0x"));
        assertNull(GoStrconv.parseFloat("0xgp1"));
    }

    @Test
    void specialValues() {
        assertEquals(Double.POSITIVE_INFINITY, GoStrconv.parseFloat("Inf"));
        assertEquals(Double.POSITIVE_INFINITY, GoStrconv.parseFloat("+INF"));
        assertEquals(Double.NEGATIVE_INFINITY, GoStrconv.parseFloat("-infinity"));
        assertTrue(Double.isNaN(GoStrconv.parseFloat("nan")));
        assertNull(GoStrconv.parseFloat("+NaN"), "Go takes a sign before inf, not before nan");
        assertNull(GoStrconv.parseFloat("infin"));
    }

    @Test
    void pastFloat64sRangeIsAnErrorAndAnUnderflowIsZero() {
        assertNull(GoStrconv.parseFloat("1e400"));
        assertNull(GoStrconv.parseFloat("-1.5e999"));
        assertNull(GoStrconv.parseFloat(".5e400"));
        assertNull(GoStrconv.parseFloat("0x1p1024"));
        assertEquals(0.0, GoStrconv.parseFloat("1e-400"));
        assertEquals(0.0, GoStrconv.parseFloat("0e99999"));
        assertEquals(Double.MAX_VALUE, GoStrconv.parseFloat("1.7976931348623157e308"));
    }

    @Test
    void syntaxErrors() {
        for (String bad : new String[] {
            "", " 1", "1 ", "1e", "1e+", "1.2.3", "_1", "1_", "1__0", "1_.5", ".", "e5", "1d", "1f", "0b1p1", "١"
        }) {
            assertNull(GoStrconv.parseFloat(bad), bad);
        }
    }
}
