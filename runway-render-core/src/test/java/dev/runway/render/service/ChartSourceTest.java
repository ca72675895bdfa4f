package dev.runway.render.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ChartSource and PlannedEnvironment write out equals and hashCode (issue 19); they must keep records' meaning. */
class ChartSourceTest {

    @Test
    void sourcesAreEqualByDirectoryOrClasspathName() {
        assertEquals(ChartSource.directory(Path.of("chart")), ChartSource.directory(Path.of("chart")));
        assertEquals(
                ChartSource.directory(Path.of("chart")).hashCode(),
                ChartSource.directory(Path.of("chart")).hashCode());
        assertEquals(ChartSource.classpath("charts/runway-eks"), ChartSource.RUNWAY_EKS);
        assertEquals(ChartSource.classpath("charts/runway-eks").hashCode(), ChartSource.RUNWAY_EKS.hashCode());
        assertNotEquals(ChartSource.directory(Path.of("chart")), ChartSource.directory(Path.of("other")));
        assertNotEquals(ChartSource.directory(Path.of("chart")), ChartSource.classpath("chart"));
        assertNotEquals(ChartSource.classpath("chart"), ChartSource.classpath("other"));
        assertNotEquals(ChartSource.RUNWAY_EKS, "classpath:charts/runway-eks");
    }

    @Test
    void plannedEnvironmentsHashAlikeWhenEqual() {
        RenderRequest request = new RenderRequest(
                ChartSource.RUNWAY_EKS,
                List.of(),
                List.of("a=1"),
                List.of(),
                List.of(),
                "payments",
                "ns",
                null,
                Path.of("."));
        RenderRequest same = new RenderRequest(
                ChartSource.RUNWAY_EKS,
                List.of(),
                List.of("a=1"),
                List.of(),
                List.of(),
                "payments",
                "ns",
                null,
                Path.of("."));
        PlannedEnvironment staging = new PlannedEnvironment("staging", request, null);
        assertEquals(staging, new PlannedEnvironment("staging", same, null));
        assertEquals(staging.hashCode(), new PlannedEnvironment("staging", same, null).hashCode());
        assertNotEquals(staging, new PlannedEnvironment("production", same, null));
        assertNotEquals(staging, new PlannedEnvironment("staging", same, Path.of("committed")));
    }
}
