package dev.runway.render.values;

/**
 * How helm-java turns {@code set(key, value)} into a {@code --set} line: the key is passed as written (so it may
 * carry a whole strvals expression), the value has {@code "'\={[,.]}} backslash-escaped, and the pair is parsed
 * with {@code strvals.ParseInto(key + "=" + escapedValue)}; parse errors are ignored (the partial map is kept).
 * See manusa/helm-java native/internal/helm/install.go {@code parseValues}.
 * The engine's conformance harness can use this to apply a case's {@code set} map exactly as the oracle does.
 */
public final class HelmJavaSet {
    private static final String ESCAPED = "\"'\\={[,.]}";

    private HelmJavaSet() {}

    /** The {@code --set} line helm-java builds for one entry. */
    public static String line(String key, Object value) {
        String text = String.valueOf(value);
        StringBuilder escaped = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (cp < 0x10000 && ESCAPED.indexOf(cp) >= 0) {
                escaped.append('\\');
            }
            escaped.appendCodePoint(cp);
        });
        return key + "=" + escaped;
    }

    /**
     * The user values helm-java builds for a conformance case: values files merged in order, then each
     * {@code set} entry as a {@code --set} line. A bad line throws {@link SetValueException} with Helm's text
     * ({@code failed parsing --set data: ...}), the error helm-java reports.
     */
    public static java.util.Map<String, Object> userValues(
            java.util.List<java.nio.file.Path> valuesFiles, java.util.Map<String, Object> set) {
        UserValues.Builder builder = UserValues.builder();
        valuesFiles.forEach(builder::valuesFile);
        set.forEach((key, value) -> builder.set(line(key, value)));
        return builder.build().merge().values();
    }
}
