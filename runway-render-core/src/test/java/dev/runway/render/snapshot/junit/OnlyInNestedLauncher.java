package dev.runway.render.snapshot.junit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Enables the sample test classes of {@link ChartSnapshotExtensionTest} only inside its nested launcher, so they
 * never run on their own in the build or an IDE.
 */
public final class OnlyInNestedLauncher implements ExecutionCondition {

    static final String FLAG = "runway.snapshot.selftest";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return context.getConfigurationParameter(FLAG).isPresent()
                ? ConditionEvaluationResult.enabled("run by ChartSnapshotExtensionTest")
                : ConditionEvaluationResult.disabled("a sample for ChartSnapshotExtensionTest");
    }
}
