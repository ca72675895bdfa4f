package dev.runway.it.k3s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The cluster plumbing itself: server-side apply, strict field validation and dry runs behave as kubectl's. */
@ExtendWith(K3sCluster.class)
class K3sClusterIT {

    @Test
    void appliesReadsBackAndRejectsUnknownFields(KubeApi api) {
        api.createNamespace("runway-smoke");
        KubeApi.ApplyResult applied = api.apply("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: smoke
                  namespace: runway-smoke
                data:
                  key: value
                """, false);
        assertTrue(applied.accepted(), applied.message());
        JsonNode stored = api.get("v1", "ConfigMap", "runway-smoke", "smoke");
        assertNotNull(stored);
        assertEquals("value", stored.path("data").path("key").asText());

        KubeApi.ApplyResult unknownField = api.apply("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: smoke-strict
                  namespace: runway-smoke
                  colour: blue
                """, true);
        assertFalse(unknownField.accepted(), "strict field validation must refuse an unknown field");
        assertTrue(unknownField.message().contains("colour"), unknownField.message());
        assertEquals(null, api.get("v1", "ConfigMap", "runway-smoke", "smoke-strict"), "a dry run persists nothing");
    }
}
