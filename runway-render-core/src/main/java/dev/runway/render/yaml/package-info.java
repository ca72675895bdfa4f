/**
 * YAML and JSON exactly as Helm reads and writes them: {@link dev.runway.render.yaml.GoYaml} (sigs.k8s.io/yaml over
 * go-yaml v2; yaml.v3 for toYamlPretty) and {@link dev.runway.render.yaml.GoJson} (encoding/json). Every claim here is
 * checked byte for byte against helm-java by the oracle tests in this package's test sources.
 */
package dev.runway.render.yaml;
