package dev.runway.render.chart;

import dev.runway.render.api.HelmVersion;
import dev.runway.render.template.GoStruct;
import dev.runway.render.template.TemplateFunction;
import dev.runway.render.template.TemplateFunctionException;
import dev.runway.render.yaml.GoJson;
import java.math.BigInteger;
import java.util.AbstractList;
import java.util.List;

/**
 * {@code .Capabilities} as {@code helm template} fills it without a cluster, for one Helm version: the kube version
 * given (or the default), Helm's built-in API version list, and the Helm build. Go prints the struct and its parts
 * in two ways: an action such as {@code {{ .Capabilities.KubeVersion }}} calls String() (the field is addressable),
 * while a function argument ({@code print}, {@code quote}, {@code printf "%v"}) gets the struct's plain form, here
 * {@link #goString()}.
 */
public final class Capabilities implements GoStruct, GoJson.JsonMarshaler {
    private final KubeVersion kubeVersion;
    private final VersionSet apiVersions;
    private final BuildInfo helmVersion;
    /** Go's package of these types: chartutil in Helm 3, common in Helm 4. */
    private final String goPackage;

    public Capabilities(String kubeVersion) {
        this(kubeVersion, ApiVersions.DEFAULT, HelmVersion.DEFAULT);
    }

    /** With {@code apiVersions} as the whole API version list (helm-unittest's {@code capabilities.apiVersions}). */
    public Capabilities(String kubeVersion, List<String> apiVersions) {
        this(kubeVersion, apiVersions, HelmVersion.DEFAULT);
    }

    /**
     * @throws IllegalArgumentException worded as {@code helm template --kube-version} words it
     */
    public Capabilities(String kubeVersion, HelmVersion version) {
        this(kubeVersion, ApiVersions.DEFAULT, version);
    }

    /**
     * The capabilities of this Helm version, with {@code apiVersions} as the whole API version list.
     *
     * @throws IllegalArgumentException worded as {@code helm template --kube-version} words it
     */
    public Capabilities(String kubeVersion, List<String> apiVersions, HelmVersion version) {
        this.goPackage = version.isHelm4() ? "common" : "chartutil";
        this.kubeVersion = KubeVersion.parse(kubeVersion, version, goPackage);
        this.apiVersions = new VersionSet(List.copyOf(apiVersions), goPackage);
        this.helmVersion = BuildInfo.of(version);
    }

    /** The API versions Helm reports without a cluster. */
    public static List<String> defaultApiVersions() {
        return ApiVersions.DEFAULT;
    }

    public KubeVersion kubeVersion() {
        return kubeVersion;
    }

    /** Go's package of Helm's chart value types in this version: {@code chartutil} (Helm 3), {@code common} (4). */
    String goPackage() {
        return goPackage;
    }

    @Override
    public String goTypeName() {
        return "*" + goPackage + ".Capabilities";
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

    @Override
    public Object toJsonValue() {
        return new GoJson.StructObject()
                .field("KubeVersion", kubeVersion)
                .field("APIVersions", apiVersions)
                .field("HelmVersion", helmVersion);
    }

    /** A pointer passed to fmt: {@code &{...}}. */
    @Override
    public String goString() {
        return "&" + this;
    }

    /** Printed by an action: the struct the pointer points to. */
    @Override
    public String toString() {
        return "{" + kubeVersion.goString() + " " + apiVersions + " " + helmVersion.goString() + "}";
    }

    /**
     * KubeVersion: {@code Version}, {@code Major}, {@code Minor}, and the String() and GitVersion() methods. Helm 3
     * keeps the parsed version ({@code v1.33.4} for {@code 1.33.4-gke.1}); Helm 4 keeps what was given
     * ({@code v1.33.4-gke.1}) and an unexported normalized form that String() returns.
     */
    public record KubeVersion(
            String version, String normalized, String major, String minor, boolean helm4, String goPackage)
            implements GoStruct, GoJson.JsonMarshaler {

        /**
         * Helm's ParseKubeVersion over k8s.io/apimachinery's ParseGeneric: an optional {@code v}, at least two
         * dot-separated numbers, anything after them ignored.
         */
        static KubeVersion parse(String raw, HelmVersion version, String goPackage) {
            String generic;
            try {
                generic = parseGeneric(raw);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid kube version '" + raw + "': " + e.getMessage(), e);
            }
            String normalized = "v" + generic;
            String[] parts = generic.split("\\.", -1);
            String given = raw.startsWith("v") ? raw : "v" + raw;
            return new KubeVersion(
                    version.isHelm4() ? given : normalized,
                    normalized,
                    parts[0],
                    parts[1],
                    version.isHelm4(),
                    goPackage);
        }

        /** The components of a generic version joined with dots, as its String() prints them. */
        private static String parseGeneric(String str) {
            int i = 0;
            while (i < str.length() && " \t\n\f\r".indexOf(str.charAt(i)) >= 0) {
                i++;
            }
            if (i < str.length() && str.charAt(i) == 'v') {
                i++;
            }
            int start = i;
            while (i < str.length()) {
                char c = str.charAt(i);
                boolean digit = c >= '0' && c <= '9';
                boolean dotThenDigit = c == '.'
                        && i > start
                        && i + 1 < str.length()
                        && str.charAt(i + 1) >= '0'
                        && str.charAt(i + 1) <= '9';
                if (!digit && !dotThenDigit) {
                    break;
                }
                i++;
            }
            String numbers = str.substring(start, i);
            String quoted = dev.runway.render.gofmt.GoStrconv.quote(str);
            if (numbers.isEmpty()) {
                throw new IllegalArgumentException("could not parse " + quoted + " as version");
            }
            String[] components = numbers.split("\\.", -1);
            if (components.length < 2) {
                throw new IllegalArgumentException("illegal version string " + quoted);
            }
            StringBuilder out = new StringBuilder();
            for (int c = 0; c < components.length; c++) {
                String comp = components[c];
                if (c == 0 && comp.startsWith("0") && !comp.equals("0")) {
                    throw new IllegalArgumentException("illegal zero-prefixed version component "
                            + dev.runway.render.gofmt.GoStrconv.quote(comp) + " in " + quoted);
                }
                BigInteger n = new BigInteger(comp);
                if (n.bitLength() > 64) {
                    throw new IllegalArgumentException("illegal non-numeric version component "
                            + dev.runway.render.gofmt.GoStrconv.quote(comp) + " in " + quoted
                            + ": strconv.ParseUint: parsing " + dev.runway.render.gofmt.GoStrconv.quote(comp)
                            + ": value out of range");
                }
                out.append(c == 0 ? "" : ".").append(n);
            }
            return out.toString();
        }

        @Override
        public String goTypeName() {
            return goPackage + ".KubeVersion";
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
                String result = name.equals("GitVersion") ? version : toString();
                return (c, a) -> {
                    noArgs(name, a);
                    return result;
                };
            }
            return null;
        }

        @Override
        public Object toJsonValue() {
            return new GoJson.StructObject()
                    .field("Version", version)
                    .field("Major", major)
                    .field("Minor", minor);
        }

        /** The struct's plain form (fmt sees a value, and String() has a pointer receiver). */
        @Override
        public String goString() {
            return "{" + version + (helm4 ? " " + normalized : "") + " " + major + " " + minor + "}";
        }

        /** String(): the version constraints are checked against. */
        @Override
        public String toString() {
            return helm4 ? normalized : version;
        }
    }

    /**
     * VersionSet: a {@code []string} with a {@code Has} method. As in Go it ranges, has a length, is true when not
     * empty and marshals as a JSON list ({@code range .Capabilities.APIVersions}, {@code len}, {@code toJson}).
     */
    public static final class VersionSet extends AbstractList<Object> implements GoStruct {
        private final List<String> versions;
        /** Go's package of the type: chartutil in Helm 3, common in Helm 4. */
        private final String goPackage;

        public VersionSet(List<String> versions) {
            this(versions, "common");
        }

        VersionSet(List<String> versions, String goPackage) {
            this.versions = List.copyOf(versions);
            this.goPackage = goPackage;
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
            return goPackage + ".VersionSet";
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

    /**
     * Helm's version.BuildInfo as each oracle reports it. Helm 4 added {@code KubeClientVersion} (the client-go
     * release it links, as v1.35), always present in its JSON; the other fields are omitted from JSON when empty.
     */
    public record BuildInfo(
            String version, String gitCommit, String gitTreeState, String goVersion, String kubeClientVersion)
            implements GoStruct, GoJson.JsonMarshaler {
        /** helm-java 0.0.21: Helm v3.21 built without git commit or tree state, with Go 1.25.10. */
        static final BuildInfo HELM_3_21 = new BuildInfo("v3.21", "", "", "go1.25.10", null);
        /** The official Helm v4.1.4 release binary. */
        static final BuildInfo HELM_4_1 =
                new BuildInfo("v4.1.4", "05fa37973dc9e42b76e1d2883494c87174b6074f", "clean", "go1.25.9", "v1.35");

        static BuildInfo of(HelmVersion version) {
            return version.isHelm4() ? HELM_4_1 : HELM_3_21;
        }

        @Override
        public String goTypeName() {
            return "version.BuildInfo";
        }

        @Override
        public boolean hasField(String name) {
            return name.equals("Version")
                    || name.equals("GitCommit")
                    || name.equals("GitTreeState")
                    || name.equals("GoVersion")
                    || (kubeClientVersion != null && name.equals("KubeClientVersion"));
        }

        @Override
        public Object field(String name) {
            return switch (name) {
                case "Version" -> version;
                case "GitCommit" -> gitCommit;
                case "GitTreeState" -> gitTreeState;
                case "GoVersion" -> goVersion;
                default -> kubeClientVersion;
            };
        }

        @Override
        public Object toJsonValue() {
            GoJson.StructObject json = new GoJson.StructObject();
            String[][] fields = {
                {"version", version},
                {"git_commit", gitCommit},
                {"git_tree_state", gitTreeState},
                {"go_version", goVersion}
            };
            for (String[] f : fields) {
                if (!f[1].isEmpty()) {
                    json.field(f[0], f[1]);
                }
            }
            return kubeClientVersion == null ? json : json.field("kube_client_version", kubeClientVersion);
        }

        @Override
        public String toString() {
            return "{" + version + " " + gitCommit + " " + gitTreeState + " " + goVersion
                    + (kubeClientVersion == null ? "" : " " + kubeClientVersion) + "}";
        }
    }

    private static void noArgs(String name, List<Object> a) throws TemplateFunctionException {
        if (!a.isEmpty()) {
            throw new dev.runway.render.template.TemplateArityException(
                    "wrong number of args for " + name + ": want 0 got " + a.size());
        }
    }
}
