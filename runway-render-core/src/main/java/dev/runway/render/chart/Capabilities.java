package dev.runway.render.chart;

import dev.runway.render.template.GoStruct;
import dev.runway.render.template.TemplateFunction;
import dev.runway.render.template.TemplateFunctionException;

import java.util.AbstractList;
import java.util.List;

/**
 * {@code .Capabilities} as {@code helm template} fills it without a cluster: the kube version given (or the
 * default), Helm's built-in API version list, and the Helm version.
 */
public final class Capabilities implements GoStruct {
    private final KubeVersion kubeVersion;
    private final VersionSet apiVersions;
    private final HelmVersion helmVersion;

    public Capabilities(String kubeVersion) {
        this(kubeVersion, ApiVersions.DEFAULT);
    }

    /** With {@code apiVersions} as the whole API version list (helm-unittest's {@code capabilities.apiVersions}). */
    public Capabilities(String kubeVersion, List<String> apiVersions) {
        this.kubeVersion = KubeVersion.parse(kubeVersion);
        this.apiVersions = new VersionSet(List.copyOf(apiVersions));
        this.helmVersion = HelmVersion.CURRENT;
    }

    public KubeVersion kubeVersion() {
        return kubeVersion;
    }

    @Override
    public String goTypeName() {
        return "*chartutil.Capabilities";
    }

    @Override
    public boolean hasField(String name) {
        return name.equals("KubeVersion") || name.equals("APIVersions") || name.equals("HelmVersion");
    }

    @Override
    public Object field(String name) {
        return switch (name) {
            case "KubeVersion" -> kubeVersion;
            case "APIVersions" -> apiVersions;
            default -> helmVersion;
        };
    }

    /** chartutil.KubeVersion: {@code Version} ("v1.33.0"), {@code Major}, {@code Minor}; prints as Version. */
    public record KubeVersion(String version, String major, String minor) implements GoStruct {
        static KubeVersion parse(String raw) {
            String v = raw.startsWith("v") ? raw : "v" + raw;
            String[] parts = v.substring(1).split("[.+-]");
            if (parts.length < 2) {
                throw new IllegalArgumentException("invalid kube version " + raw + ": use the form v1.33.0");
            }
            String[] dots = v.substring(1).split("\\.");
            String normalized = dots.length == 2 ? v + ".0" : v;
            return new KubeVersion(normalized, parts[0], parts[1]);
        }

        @Override
        public String goTypeName() {
            return "chartutil.KubeVersion";
        }

        @Override
        public boolean hasField(String name) {
            return name.equals("Version") || name.equals("Major") || name.equals("Minor");
        }

        @Override
        public Object field(String name) {
            return switch (name) {
                case "Version" -> version;
                case "Major" -> major;
                default -> minor;
            };
        }

        @Override
        public TemplateFunction method(String name) {
            if (name.equals("GitVersion") || name.equals("String")) {
                return (c, a) -> {
                    noArgs(name, a);
                    return version;
                };
            }
            return null;
        }

        @Override
        public String toString() {
            return version;
        }
    }

    /**
     * chartutil.VersionSet: a {@code []string} with a {@code Has} method. As in Go it ranges, has a length, is true when
     * not empty and marshals as a JSON list ({@code range .Capabilities.APIVersions}, {@code len}, {@code toJson}).
     */
    public static final class VersionSet extends AbstractList<Object> implements GoStruct {
        private final List<String> versions;

        public VersionSet(List<String> versions) {
            this.versions = List.copyOf(versions);
        }

        public List<String> versions() {
            return versions;
        }

        @Override
        public Object get(int index) {
            return versions.get(index);
        }

        @Override
        public int size() {
            return versions.size();
        }

        @Override
        public String goTypeName() {
            return "chartutil.VersionSet";
        }

        @Override
        public TemplateFunction method(String name) {
            if (name.equals("Has")) {
                return (c, a) -> {
                    if (a.size() != 1) {
                        throw new dev.runway.render.template.TemplateArityException(
                                "wrong number of args for Has: want 1 got " + a.size());
                    }
                    return versions.contains(a.get(0));
                };
            }
            return null;
        }

        @Override
        public boolean equals(Object o) {
            return o == this;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public String toString() {
            return "[" + String.join(" ", versions) + "]";
        }
    }

    /** helm's version.BuildInfo. */
    public record HelmVersion(String version, String gitCommit, String gitTreeState, String goVersion)
            implements GoStruct {
        /** What helm-java 0.0.21 reports: Helm v3.21 (no git commit or tree state), built with Go 1.25.10. */
        static final HelmVersion CURRENT = new HelmVersion("v3.21", "", "", "go1.25.10");

        @Override
        public String goTypeName() {
            return "version.BuildInfo";
        }

        @Override
        public boolean hasField(String name) {
            return name.equals("Version") || name.equals("GitCommit") || name.equals("GitTreeState")
                    || name.equals("GoVersion");
        }

        @Override
        public Object field(String name) {
            return switch (name) {
                case "Version" -> version;
                case "GitCommit" -> gitCommit;
                case "GitTreeState" -> gitTreeState;
                default -> goVersion;
            };
        }

        @Override
        public String toString() {
            return "{" + version + " " + gitCommit + " " + gitTreeState + " " + goVersion + "}";
        }
    }

    private static void noArgs(String name, List<Object> a) throws TemplateFunctionException {
        if (!a.isEmpty()) {
            throw new dev.runway.render.template.TemplateArityException(
                    "wrong number of args for " + name + ": want 0 got " + a.size());
        }
    }

    @Override
    public String toString() {
        return "&{" + kubeVersion + " " + apiVersions + " " + helmVersion + "}";
    }
}
