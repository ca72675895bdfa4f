package dev.runway.render.snapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * Reading and writing the YAML of snapshots with snakeyaml-engine, the same way on every platform.
 *
 * <p>Plain scalars resolve as Kubernetes reads them (sigs.k8s.io/yaml, go-yaml v2): besides YAML 1.2's core
 * schema, {@code yes}/{@code no}/{@code on}/{@code off}/{@code y}/{@code n} are booleans. So a template change from
 * {@code value: "on"} to {@code value: on} (a string becoming a bool for the API server) is a snapshot change, and
 * the writer quotes such strings. {@code ${name}} stays a plain string (no environment-variable tag), because Flux
 * placeholders are common in rendered charts.
 */
final class SnapshotYaml {

    private static final Schema KUBE_SCHEMA = new KubeSchema();

    private SnapshotYaml() {}

    /** A YAML text that could not be parsed, with the 1-based line and column of the problem. */
    static final class YamlSyntaxException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;
        private final String problem;

        YamlSyntaxException(String sourceName, String problem, int line, int column, Throwable cause) {
            super(sourceName + (line > 0 ? ": line " + line + ", column " + column : "") + ": " + problem, cause);
            this.line = line;
            this.column = column;
            this.problem = problem;
        }

        String problem() {
            return problem;
        }

        int line() {
            return line;
        }

        int column() {
            return column;
        }
    }

    /** All documents of a YAML stream; empty documents ({@code null}) are kept so callers can count positions. */
    static List<Object> loadAll(String text, String sourceName) {
        LoadSettings settings = dev.runway.render.yaml.GuardedYaml.settings(sourceName)
                .setSchema(KUBE_SCHEMA)
                .setAllowDuplicateKeys(false)
                .setDefaultMap(LinkedHashMap::new)
                .setDefaultList(ArrayList::new)
                .build();
        List<Object> documents = new ArrayList<>();
        try {
            for (Object document :
                    dev.runway.render.yaml.GuardedYaml.load(settings).loadAllFromString(text)) {
                documents.add(document);
            }
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark()
                    .or(e::getContextMark)
                    .map(m -> m.getLine() + 1)
                    .orElse(0);
            int column = e.getProblemMark()
                    .or(e::getContextMark)
                    .map(m -> m.getColumn() + 1)
                    .orElse(0);
            String problem = e.getProblem() == null ? e.getContext() : e.getProblem();
            throw new YamlSyntaxException(sourceName, problem, line, column, e);
        } catch (YamlEngineException e) {
            throw new YamlSyntaxException(sourceName, e.getMessage(), 0, 0, e);
        }
        return documents;
    }

    /**
     * One document as block YAML: two-space indent, list dashes indented under their key (as Helm charts write
     * them), no line folding, LF line breaks, no anchors. The text ends with a newline.
     */
    static String dump(Object document) {
        DumpSettings settings = DumpSettings.builder()
                .setSchema(KUBE_SCHEMA)
                .setDefaultFlowStyle(FlowStyle.BLOCK)
                .setIndent(2)
                .setIndicatorIndent(2)
                .setIndentWithIndicator(true)
                .setWidth(Integer.MAX_VALUE)
                .setSplitLines(false)
                .setBestLineBreak("\n")
                .setExplicitStart(false)
                .setDereferenceAliases(true)
                .build();
        return new Dump(settings).dumpToString(document);
    }

    /** Core schema with YAML 1.1 booleans and without the environment-variable tag. */
    private static final class KubeSchema implements Schema {
        private final ScalarResolver resolver = new KubeScalarResolver();
        private final Map<Tag, ConstructNode> constructors;

        KubeSchema() {
            Map<Tag, ConstructNode> map = new HashMap<>(new CoreSchema().getSchemaTagConstructors());
            map.put(Tag.BOOL, new ConstructKubeBool());
            constructors = Map.copyOf(map);
        }

        @Override
        public ScalarResolver getScalarResolver() {
            return resolver;
        }

        @Override
        public Map<Tag, ConstructNode> getSchemaTagConstructors() {
            return constructors;
        }
    }

    private static final class KubeScalarResolver extends CoreScalarResolver {
        private static final Pattern BOOL_1_1 = Pattern.compile(
                "^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$");

        KubeScalarResolver() {
            super(false);
        }

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.NULL, EMPTY, null);
            addImplicitResolver(Tag.BOOL, BOOL_1_1, "yYnNtTfFoO");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.NULL, NULL, "n\u0000~");
        }
    }

    private static final class ConstructKubeBool implements ConstructNode {
        private static final Set<String> TRUE =
                Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");

        @Override
        public Object construct(Node node) {
            return TRUE.contains(((ScalarNode) node).getValue());
        }
    }
}
