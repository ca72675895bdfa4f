package dev.runway.render.chart;

import dev.runway.render.api.RenderException;
import dev.runway.render.gofmt.GoSlice;
import dev.runway.render.gofmt.GoStrconv;
import dev.runway.render.template.GoStruct;
import dev.runway.render.yaml.GoJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One {@code dependencies} entry of Chart.yaml (or of requirements.yaml for apiVersion v1), as Helm's
 * {@code chart.Dependency}: templates read {@code .Name}, {@code .Version}, {@code .Repository}, {@code .Condition},
 * {@code .Tags}, {@code .Enabled}, {@code .ImportValues} and {@code .Alias}.
 *
 * @param tags         null when Chart.yaml has none (Go's nil slice)
 * @param importValues the {@code import-values} entries in the Go value model (strings or maps), null when none
 */
public record ChartDependency(
        String name,
        String version,
        String repository,
        String condition,
        List<String> tags,
        boolean enabled,
        List<Object> importValues,
        String alias)
        implements GoStruct, GoJson.JsonMarshaler {

    /** pkg/chart/v2/chart.go aliasNameFormat. */
    private static final com.google.re2j.Pattern ALIAS = com.google.re2j.Pattern.compile("^[a-zA-Z0-9_-]+$");

    public ChartDependency {
        name = name == null ? "" : name;
        version = version == null ? "" : version;
        repository = repository == null ? "" : repository;
        condition = condition == null ? "" : condition;
        alias = alias == null ? "" : alias;
        tags = tags == null ? null : List.copyOf(tags);
        importValues = importValues == null ? null : Collections.unmodifiableList(new ArrayList<>(importValues));
    }

    /** Dependency.Validate: sanitized strings; an alias may only hold letters, digits, '_' and '-'. */
    ChartDependency validated() {
        if (!alias.isEmpty() && !ALIAS.matcher(alias).matches()) {
            throw new RenderException(ChartMetadata.VALIDATION + "dependency " + GoStrconv.quote(name)
                    + " has disallowed characters in the alias");
        }
        List<String> cleanTags =
                tags == null ? null : tags.stream().map(ChartMetadata::sanitize).toList();
        return new ChartDependency(
                ChartMetadata.sanitize(name),
                ChartMetadata.sanitize(version),
                ChartMetadata.sanitize(repository),
                ChartMetadata.sanitize(condition),
                cleanTags,
                enabled,
                importValues,
                alias);
    }

    /** The name the subchart renders under: the alias when there is one. */
    String effectiveName() {
        return alias.isEmpty() ? name : alias;
    }

    ChartDependency withName(String newName) {
        return new ChartDependency(newName, version, repository, condition, tags, enabled, importValues, alias);
    }

    ChartDependency withEnabled(boolean on) {
        return new ChartDependency(name, version, repository, condition, tags, on, importValues, alias);
    }

    ChartDependency withImportValues(List<Object> values) {
        return new ChartDependency(name, version, repository, condition, tags, enabled, values, alias);
    }

    @Override
    public String goTypeName() {
        return "*chart.Dependency";
    }

    @Override
    public String goString() {
        return "&{" + name + " " + version + " " + repository + " " + condition + " "
                + dev.runway.render.gofmt.GoFmt.formatValue(tagsValue()) + " " + enabled + " "
                + dev.runway.render.gofmt.GoFmt.formatValue(importValuesValue()) + " " + alias + "}";
    }

    @Override
    public boolean hasField(String field) {
        return switch (field) {
            case "Name", "Version", "Repository", "Condition", "Tags", "Enabled", "ImportValues", "Alias" -> true;
            default -> false;
        };
    }

    @Override
    public Object field(String field) {
        return switch (field) {
            case "Name" -> name;
            case "Version" -> version;
            case "Repository" -> repository;
            case "Condition" -> condition;
            case "Tags" -> tagsValue();
            case "Enabled" -> enabled;
            case "ImportValues" -> importValuesValue();
            default -> alias;
        };
    }

    private Object tagsValue() {
        return tags == null ? GoSlice.nilStrings() : GoSlice.ofStrings(tags);
    }

    private Object importValuesValue() {
        return importValues == null ? GoSlice.nilInterfaces() : importValues;
    }

    /** json tags: name and repository always, the others with omitempty. */
    @Override
    public Object toJsonValue() {
        GoJson.StructObject json = new GoJson.StructObject();
        json.put("name", name);
        json.fieldOmitEmpty("version", version);
        json.put("repository", repository);
        json.fieldOmitEmpty("condition", condition);
        json.fieldOmitEmpty("tags", tags);
        json.fieldOmitEmpty("enabled", enabled);
        json.fieldOmitEmpty("import-values", importValues);
        json.fieldOmitEmpty("alias", alias);
        return json;
    }
}
