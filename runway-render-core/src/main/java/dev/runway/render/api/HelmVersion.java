package dev.runway.render.api;

import java.util.Locale;

/**
 * The Helm version whose {@code helm template} output the engine reproduces. Helm 4 is the current major and the
 * default; Helm 3.21 is kept for teams that still deploy with Helm 3.
 *
 * <p>Where the two differ for {@code helm template} (checked against Helm's source and both real engines): the
 * install order of kinds (Helm 4 added the webhook configurations), the framing of template execution errors (Helm 4
 * prints location, {@code executing ... at <...>:} and cause on separate lines), {@code .Chart} (a map in Helm 4, a
 * struct in Helm 3), {@code .Capabilities.HelmVersion} and Go type names in errors and {@code printf "%T"}, the
 * printing of {@code .Capabilities.KubeVersion}, values files with several YAML documents (merged by Helm 4), the
 * {@code mustToYaml} function (Helm 4 only), and the wording of some library errors.
 */
public enum HelmVersion {
    /**
     * Helm 3.21 as the in-process oracle helm-java 0.0.21 runs it (Helm v3.21.0 built with Masterminds/semver
     * v3.5.0, Go 1.25.10).
     */
    HELM_3_21("3.21", "v3.21"),
    /** Helm 4.1 (v4.1.4, the CLI this project's conformance tests compare with). */
    HELM_4_1("4.1", "v4.1.4");

    /** What a render uses unless told otherwise: the current major. */
    public static final HelmVersion DEFAULT = HELM_4_1;

    private final String label;
    private final String release;

    HelmVersion(String label, String release) {
        this.label = label;
        this.release = release;
    }

    /** {@code "4.1"} or {@code "3.21"}. */
    public String label() {
        return label;
    }

    /** The release whose behaviour is reproduced, as {@code helm version} names it ({@code v4.1.4}). */
    public String release() {
        return release;
    }

    /** True for Helm 4 and later. */
    public boolean isHelm4() {
        return this != HELM_3_21;
    }

    /**
     * Reads a version as users write it: {@code 4}, {@code 4.1}, {@code v4.1.4}, {@code 3}, {@code 3.21},
     * {@code v3.21.0}, or a constant name ({@code HELM_4_1}). Null or blank gives {@link #DEFAULT}.
     *
     * @throws IllegalArgumentException naming the versions this engine supports
     */
    public static HelmVersion parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        String v = text.strip();
        for (HelmVersion version : values()) {
            if (version.name().equalsIgnoreCase(v)) {
                return version;
            }
        }
        String bare = v.toLowerCase(Locale.ROOT).startsWith("v") ? v.substring(1) : v;
        String[] parts = bare.split("\\.", -1);
        boolean numeric = parts.length <= 3 && java.util.Arrays.stream(parts).allMatch(p -> p.matches("[0-9]+"));
        if (numeric && parts[0].equals("4") && (parts.length == 1 || parts[1].equals("1"))) {
            return HELM_4_1;
        }
        if (numeric && parts[0].equals("3") && (parts.length == 1 || parts[1].equals("21"))) {
            return HELM_3_21;
        }
        throw new IllegalArgumentException("unsupported Helm version '" + text + "': the engine renders as Helm 4.1"
                + " (4, 4.1, v4.1.x; the default) or Helm 3.21 (3, 3.21, v3.21.x)");
    }

    @Override
    public String toString() {
        return "Helm " + label;
    }
}
