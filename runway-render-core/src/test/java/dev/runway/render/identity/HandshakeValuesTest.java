package dev.runway.render.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.runway.render.eks.ClusterRuntime;
import dev.runway.render.eks.RunwayEksValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandshakeValuesTest {

    private static RunwayEksValues.Builder payments() {
        return RunwayEksValues.builder("payments", "registry.example.com/runway/payments")
                .imageTag("1.4.2");
    }

    /** The user's values as the renderer merges them: only the keys the user gave. */
    private static Map<String, Object> user(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void readFromTheValuesMapTheyAreWhatTheTypedModelGives() {
        for (RunwayEksValues values : List.of(
                payments().build(),
                payments().profiling(true).build(),
                payments()
                        .runtime(ClusterRuntime.GKE)
                        .gcp(new RunwayEksValues.Gcp("payments-prod", "123456789012", "wip-pool", "EKS-Provider"))
                        .build(),
                payments().aws(new RunwayEksValues.Aws("210987654321")).build())) {
            HandshakeValues typed = HandshakeValues.of(values);
            assertEquals(typed, HandshakeValues.fromValues(values.toValues()));
            assertEquals(
                    Handshake.of(values, "payments", "staging", null),
                    Handshake.of(HandshakeValues.fromValues(values.toValues()), "payments", "staging", null));
        }
    }

    @Test
    void whatTheValuesDoNotGiveIsTheChartDefault() {
        HandshakeValues values = HandshakeValues.fromValues(
                user("serviceId", "payments", "gcp", user("projectId", "payments-prod"), "profiling", user()));
        assertEquals(
                new HandshakeValues(
                        "payments",
                        ClusterRuntime.EKS,
                        "${aws_account_id}",
                        "payments-prod",
                        "${gcp_project_number}",
                        "${gcp_wip_id}",
                        false),
                values);
        assertEquals(HandshakeValues.of(RunwayEksValues.defaults()), HandshakeValues.fromValues(Map.of()));
    }

    @Test
    void aValueOfTheWrongTypeIsNamed() {
        assertEquals(
                "values do not fit the runway-eks chart: gcp.projectNumber must be a string, not the number 1.23456789E8",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> HandshakeValues.fromValues(user("gcp", user("projectNumber", 123456789.0))))
                        .getMessage());
        assertEquals(
                "values do not fit the runway-eks chart: profiling.enabled must be a boolean, not the string \"yes\"",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> HandshakeValues.fromValues(user("profiling", user("enabled", "yes"))))
                        .getMessage());
        assertEquals(
                "values do not fit the runway-eks chart: aws must be a map, not a list [1]",
                assertThrows(IllegalArgumentException.class, () -> HandshakeValues.fromValues(user("aws", List.of(1))))
                        .getMessage());
        assertEquals(
                "values do not fit the runway-eks chart: runtime must be eks or gke, not aks",
                assertThrows(IllegalArgumentException.class, () -> HandshakeValues.fromValues(user("runtime", "aks")))
                        .getMessage());
        Map<String, Object> deleted = user("aws", user("accountId", null));
        assertEquals(
                "values do not fit the runway-eks chart: aws.accountId is null, which deletes the chart's default;"
                        + " the identity handshake needs it",
                assertThrows(IllegalArgumentException.class, () -> HandshakeValues.fromValues(deleted))
                        .getMessage());
    }
}
