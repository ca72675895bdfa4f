package dev.runway.render.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PlaceholderCheckTest {

    @Test
    void expressionsAreWhatTheExpressionFinds() {
        Pattern expression = Pattern.compile("\\$\\{([^}]*)}");
        Random random = new Random(3);
        String[] parts = {"${", "}", "$", "{", "a", "b_1", "=", ",", " "};
        for (int i = 0; i < 2_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int j = random.nextInt(10); j > 0; j--) {
                b.append(parts[random.nextInt(parts.length)]);
            }
            List<String> found = new ArrayList<>();
            for (Matcher m = expression.matcher(b); m.find(); ) {
                found.add(m.group(1));
            }
            assertEquals(found, PlaceholderCheck.expressions(b.toString()), b.toString());
        }
    }

    @Test
    void manyOpeningsWithoutACloseEndInLinearTime() {
        // The expression took 1 s on 10,000 characters of "${" and over 20 s on 100,000.
        String text = "${".repeat(500_000) + "a=b";
        assertEquals(
                List.of(), assertTimeoutPreemptively(Duration.ofSeconds(5), () -> PlaceholderCheck.expressions(text)));
    }

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
