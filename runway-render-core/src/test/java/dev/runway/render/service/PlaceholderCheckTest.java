package dev.runway.render.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlaceholderCheckTest {

    @Test
    void placeholderLeftAloneIsFine() {
        assertEquals(
                List.of(),
                PlaceholderCheck.check(
                        "set", List.of("gcp.projectId=${gcp_project_id}"), List.of("gcp.projectId=${gcp_project_id}")));
    }

    @Test
    void emptiedValueIsAnErrorThatSaysWhereFluxPlaceholdersGo() {
        List<PlaceholderCheck.Problem> problems = PlaceholderCheck.check("set", List.of(), List.of("gcp.projectId="));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).error());
        assertTrue(
                problems.get(0).message().contains("'gcp.projectId=' has an empty value"),
                problems.get(0).message());
        assertTrue(
                problems.get(0).message().contains("values file"),
                problems.get(0).message());
    }

    @Test
    void emptyAssignmentInsideACommaListIsFound() {
        List<PlaceholderCheck.Problem> problems = PlaceholderCheck.check("set", List.of(), List.of("a=1,b=,c=2"));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).message().contains("'b='"));
    }

    @Test
    void chartVariableReplacedByMavenIsAnError() {
        List<PlaceholderCheck.Problem> problems = PlaceholderCheck.check(
                "set", List.of("aws.accountId=${aws_account_id}"), List.of("aws.accountId=123456789012"));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).error());
        assertTrue(
                problems.get(0).message().contains("Maven replaced ${aws_account_id}"),
                problems.get(0).message());
        assertTrue(problems.get(0).message().contains("reached the goal as 'aws.accountId=123456789012'"));
    }

    @Test
    void otherFluxLookingVariableReplacedIsAWarning() {
        List<PlaceholderCheck.Problem> problems =
                PlaceholderCheck.check("set", List.of("env.REGION=${cluster_region}"), List.of("env.REGION=eu-west-1"));
        assertEquals(1, problems.size());
        assertFalse(problems.get(0).error());
    }

    @Test
    void mavenPropertiesAreMeantToBeReplaced() {
        assertEquals(
                List.of(),
                PlaceholderCheck.check(
                        "set",
                        List.of("image.tag=${project.version}", "image.tag=${revision}"),
                        List.of("image.tag=1.4.2")));
    }
}
