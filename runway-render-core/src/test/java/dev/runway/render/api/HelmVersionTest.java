package dev.runway.render.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HelmVersionTest {

    @Test
    void usersWriteVersionsInManyForms() {
        for (String helm4 : new String[] {"4", "4.1", "v4.1.4", "4.1.0", "HELM_4_1", " 4 "}) {
            assertEquals(HelmVersion.HELM_4_1, HelmVersion.parse(helm4), helm4);
        }
        for (String helm3 : new String[] {"3", "3.21", "v3.21.0", "3.21.4", "helm_3_21"}) {
            assertEquals(HelmVersion.HELM_3_21, HelmVersion.parse(helm3), helm3);
        }
        assertEquals(HelmVersion.DEFAULT, HelmVersion.parse(null));
        assertEquals(HelmVersion.DEFAULT, HelmVersion.parse(""));
    }

    @Test
    void otherVersionsAreRefusedNamingTheSupportedOnes() {
        for (String other : new String[] {"2", "3.20", "4.2", "5", "4.x", "latest", "4.1.4.1"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HelmVersion.parse(other));
            assertTrue(e.getMessage().startsWith("unsupported Helm version '" + other + "'"), e.getMessage());
        }
    }

    @Test
    void optionsRenderAsHelm4UnlessAsked() {
        assertEquals(HelmVersion.HELM_4_1, RenderOptions.of("a", "b").helmVersion());
        assertEquals(HelmVersion.HELM_4_1, new RenderOptions("a", "b", null, false, true).helmVersion());
        RenderOptions helm3 =
                RenderOptions.defaults().withHelmVersion(HelmVersion.HELM_3_21).withKubeVersion("v1.30.0");
        assertEquals(HelmVersion.HELM_3_21, helm3.helmVersion());
        assertEquals("v1.30.0", helm3.kubeVersion());
    }
}
