package dev.runway.render.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Quantities and names read as apimachinery reads them. */
class QuantitiesAndNamesTest {

    @Test
    void quantitiesParseLikeApimachinery() {
        assertEquals(0, Quantities.parse("100m").orElseThrow().compareTo(new java.math.BigDecimal("0.1")));
        assertEquals(0, Quantities.parse("0.25").orElseThrow().compareTo(new java.math.BigDecimal("0.25")));
        assertEquals(0, Quantities.parse("1Gi").orElseThrow().compareTo(new java.math.BigDecimal("1073741824")));
        assertEquals(0, Quantities.parse("1e3").orElseThrow().compareTo(new java.math.BigDecimal("1000")));
        assertEquals(0, Quantities.parse("-1k").orElseThrow().compareTo(new java.math.BigDecimal("-1000")));
        for (String bad : List.of("100mm", "128MB", "1.2.3", "Gi", "", "1 Gi", "1ki", "e3")) {
            assertTrue(Quantities.parse(bad).isEmpty(), bad);
        }
    }

    @Test
    void namesFollowApimachinery() {
        assertTrue(Names.portName("http").isEmpty());
        assertTrue(Names.portName("grpc-web").isEmpty());
        assertTrue(Names.portName("a--b").isPresent());
        assertTrue(Names.portName("123").isPresent());
        assertTrue(Names.portName("-http").isPresent());
        assertTrue(Names.qualifiedName("app.kubernetes.io/name").isEmpty());
        assertTrue(Names.qualifiedName("/name").isPresent());
        assertTrue(Names.qualifiedName("a".repeat(64)).isPresent());
        assertTrue(Names.labelValue("").isEmpty());
        assertTrue(Names.labelValue("v1.2_3-x").isEmpty());
        assertTrue(Names.labelValue("-x").isPresent());
        assertTrue(Names.dns1123Subdomain("a.b-c").isEmpty());
        assertTrue(Names.dns1035Label("a1").isEmpty());
        assertTrue(Names.dns1035Label("1a").isPresent());
        assertTrue(Names.envVarNameRejected("MY.VAR-1").isEmpty());
        assertTrue(Names.envVarNameRejected("A=B").isPresent());
    }
}
