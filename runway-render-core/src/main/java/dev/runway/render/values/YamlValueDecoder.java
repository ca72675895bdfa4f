package dev.runway.render.values;

/**
 * Turns the text of a values file into Go values as Helm sees them (sigs.k8s.io/yaml: YAML, then JSON, then
 * {@code interface{}}; every number a float64). The shared implementation is {@code GoYaml.read} (FUNCS);
 * {@link ValuesFiles} asks this interface so the reading of values files does not care who provides it.
 */
@FunctionalInterface
public interface YamlValueDecoder {
    /** The first document of {@code text}, or null when it is empty; throws with line and column on bad YAML. */
    Object decode(String text, String sourceName);
}
