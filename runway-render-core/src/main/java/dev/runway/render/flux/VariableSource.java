package dev.runway.render.flux;

import java.util.Map;
import java.util.Objects;

/**
 * One entry of a Kustomization's {@code spec.postBuild.substituteFrom}: a ConfigMap or Secret reference, with the
 * object's variables when it exists in the cluster.
 *
 * @param kind     {@code ConfigMap} or {@code Secret}
 * @param name     the referenced name
 * @param optional {@code substituteFrom[].optional}: a missing object then defines no variables instead of failing
 * @param vars     the object's variables, or null when the object does not exist
 */
public record VariableSource(String kind, String name, boolean optional, ClusterVars vars) {

    public VariableSource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    /** A reference to an object that exists, read from its YAML file. */
    public static VariableSource of(ClusterVars vars) {
        return new VariableSource(vars.kind(), vars.name(), false, vars);
    }

    /** A reference to an object that is not in the cluster. */
    public static VariableSource missing(String kind, String name, boolean optional) {
        return new VariableSource(kind, name, optional, null);
    }

    public VariableSource optional(boolean value) {
        return new VariableSource(kind, name, value, vars);
    }

    Map<String, String> values() {
        return vars == null ? Map.of() : vars.values();
    }
}
