package dev.runway.render.service;

import java.util.Locale;
import java.util.Optional;

/**
 * The rule for a service id, checked before rendering so a bad id is reported as the user wrote it: named
 * {@code serviceId}, with its file and line and the rule, not as a release name the user never set.
 *
 * <p>The runway-eks chart's rule: 2 to 26 characters, lowercase letters, digits and '-', starting with a letter and
 * ending with a letter or digit (a DNS-1123 label short enough for the Google service account {@code eks-<id>}).
 * For another chart the id only names the release and namespace: a DNS-1123 label of at most 53 characters
 * (Helm's release name limit).
 */
public final class ServiceIds {

    /** The runway-eks chart's bounds. */
    public static final int MIN_LENGTH = 2;

    public static final int MAX_LENGTH = 26;
    /** Helm's longest release name. */
    private static final int RELEASE_NAME_MAX = 53;

    private ServiceIds() {}

    /**
     * What is wrong with a service id used as release name and namespace, said so the user can fix it.
     *
     * @param id    the id
     * @param where where it was set ({@code .runway/values.yaml:1:12}, {@code --set serviceId=x}, {@code runway.serviceId})
     * @param chart the chart it renders (the runway-eks rule applies to the bundled chart)
     * @return empty when the id is fine
     */
    public static Optional<String> problem(String id, String where, ChartSource chart) {
        boolean runwayEks = chart.equals(ChartSource.RUNWAY_EKS);
        int max = runwayEks ? MAX_LENGTH : RELEASE_NAME_MAX;
        int min = runwayEks ? MIN_LENGTH : 1;
        if (isLabel(id, runwayEks) && id.length() >= min && id.length() <= max) {
            return Optional.empty();
        }
        String rule = runwayEks
                ? "a service id names the release, the namespace, the ServiceAccount and the cloud identities "
                        + "EKS-GCP-Role-<id> and eks-<id>, so it must have " + MIN_LENGTH + " to " + MAX_LENGTH
                        + " characters: lowercase letters, digits and '-', starting with a letter and ending with a letter or "
                        + "digit"
                : "it names the release and the namespace, so it must be a DNS-1123 label of at most "
                        + RELEASE_NAME_MAX
                        + " characters: lowercase letters, digits and '-', starting and ending with a "
                        + "letter or digit";
        String suggestion = suggestion(id, runwayEks, min, max);
        boolean lengthWrong = id.length() < min || id.length() > max;
        return Optional.of(where + ": serviceId \"" + id + "\" is not a valid service id: " + rule
                + (lengthWrong ? " (it has " + Plurals.count(id.length(), "character") + ")" : "")
                + (suggestion.isEmpty() ? "" : "; for example serviceId: " + suggestion));
    }

    /** Lowercase letters, digits and '-' inside; a letter (runway-eks) or a letter or digit first; alphanumeric last. */
    private static boolean isLabel(String id, boolean letterFirst) {
        if (id.isEmpty()) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean lower = c >= 'a' && c <= 'z';
            boolean digit = c >= '0' && c <= '9';
            boolean ok = i == 0
                    ? lower || (digit && !letterFirst)
                    : i == id.length() - 1 ? lower || digit : lower || digit || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The id lowercased, other characters turned into '-', trimmed to the rule; empty when that does not help. */
    private static String suggestion(String id, boolean letterFirst, int min, int max) {
        String candidate = id.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("^[^a-z" + (letterFirst ? "" : "0-9") + "]+", "");
        if (candidate.length() > max) {
            candidate = candidate.substring(0, max);
        }
        candidate = candidate.replaceAll("-+$", "");
        return !candidate.equals(id) && candidate.length() >= min && isLabel(candidate, letterFirst) ? candidate : "";
    }
}
