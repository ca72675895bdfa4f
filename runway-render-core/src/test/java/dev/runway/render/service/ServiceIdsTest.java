package dev.runway.render.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceIdsTest {

    @Test
    void theRunwayEksRuleWithWhereTheIdWasSetAndAFix() {
        assertEquals(Optional.empty(), ServiceIds.problem("orders-api", "v.yaml:1:12", ChartSource.RUNWAY_EKS));
        String upper = ServiceIds.problem("Orders-API", "v.yaml:1:12", ChartSource.RUNWAY_EKS)
                .orElseThrow();
        assertTrue(upper.startsWith("v.yaml:1:12: serviceId \"Orders-API\" is not a valid service id: "), upper);
        assertTrue(
                upper.endsWith("starting with a letter and ending with a letter or digit; for example serviceId: "
                        + "orders-api"),
                upper);
        String longId = ServiceIds.problem(
                        "payments-api-eu-west-fraud-x", "--set serviceId=...", ChartSource.RUNWAY_EKS)
                .orElseThrow();
        assertTrue(
                longId.contains("(it has 28 characters); for example serviceId: payments-api-eu-west-fraud"), longId);
        assertTrue(ServiceIds.problem("1orders", "x", ChartSource.RUNWAY_EKS).isPresent(), "starts with a letter");
        assertTrue(ServiceIds.problem("p", "x", ChartSource.RUNWAY_EKS)
                .orElseThrow()
                .contains("(it has 1 character)"));
        assertEquals(
                "x: serviceId \"__\" is not a valid service id: a service id names the release, the namespace, "
                        + "the ServiceAccount and the cloud identities EKS-GCP-Role-<id> and eks-<id>, so it must have 2 to 26 "
                        + "characters: lowercase letters, digits and '-', starting with a letter and ending with a letter or "
                        + "digit",
                ServiceIds.problem("__", "x", ChartSource.RUNWAY_EKS).orElseThrow(),
                "no fix to offer");
    }

    @Test
    void anotherChartOnlyNeedsAReleaseNameAndNamespace() {
        ChartSource chart = ChartSource.directory(Path.of("chart"));
        assertEquals(Optional.empty(), ServiceIds.problem("1orders", "x", chart), "a digit may start a release name");
        assertTrue(ServiceIds.problem("a".repeat(54), "x", chart).orElseThrow().contains("at most 53 characters"));
        assertTrue(ServiceIds.problem("my.app", "x", chart).isPresent(), "no dots in a namespace");
    }
}
