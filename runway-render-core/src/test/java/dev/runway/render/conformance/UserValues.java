package dev.runway.render.conformance;

import dev.runway.render.values.HelmJavaSet;
import dev.runway.render.values.SetValueException;
import dev.runway.render.values.Strvals;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The user values of a case as the oracle builds them: values files merged in order through the values package,
 * then each {@code set} entry turned into the {@code --set} line helm-java builds ({@link HelmJavaSet}).
 */
final class UserValues {
    private UserValues() {}

    static Map<String, Object> of(
            List<Path> valuesFiles, Map<String, Object> set, dev.runway.render.api.HelmVersion version) {
        dev.runway.render.values.UserValues.Builder builder =
                dev.runway.render.values.UserValues.builder().helmVersion(version);
        for (Path file : valuesFiles) {
            builder.valuesFile(file);
        }
        Map<String, Object> values = builder.build().merge().values();
        for (Map.Entry<String, Object> e : set.entrySet()) {
            try {
                Strvals.parseInto(HelmJavaSet.line(e.getKey(), e.getValue()), values);
            } catch (SetValueException ex) {
                // helm template reports a bad --set line before rendering.
                throw new SetValueException("failed parsing --set data: " + ex.getMessage());
            }
        }
        return values;
    }
}
