package dev.runway.render.docs;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Mustache template for the values table. Its scope: {@code chart} ({@code name}, {@code version},
 * {@code appVersion}, {@code description}) and {@code rows}, each with {@code key}, {@code type}, {@code default},
 * {@code required}, {@code allowed} and {@code description} as Markdown table cells (escaped already; Mustache's HTML escaping is
 * off), and the same values unformatted under {@code raw}.
 */
public final class DocsTemplate {

    private static final String DEFAULT_RESOURCE = "dev/runway/render/docs/values-table.md.mustache";

    private final String name;
    private final String text;

    private DocsTemplate(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /** The built-in template: a five-column Markdown table. */
    public static DocsTemplate defaultTemplate() {
        try (InputStream in = DocsTemplate.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            return new DocsTemplate(DEFAULT_RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DocsTemplate of(String name, String text) {
        return new DocsTemplate(Objects.requireNonNull(name, "name"), Objects.requireNonNull(text, "text"));
    }

    public String render(ChartSummary chart, List<ValueRow> rows) {
        Mustache mustache;
        try {
            mustache = new RawMustacheFactory().compile(new StringReader(text), name);
        } catch (MustacheException e) {
            throw new DocsException("template " + name + " is not valid Mustache: " + e.getMessage(), e);
        }
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put(
                "chart",
                Map.of(
                        "name",
                        chart.name(),
                        "version",
                        chart.version(),
                        "appVersion",
                        chart.appVersion(),
                        "description",
                        chart.description()));
        List<Map<String, Object>> rowScopes = new ArrayList<>();
        for (ValueRow row : rows) {
            Map<String, Object> cells = new LinkedHashMap<>();
            cells.put("key", Markdown.code(row.key()));
            cells.put("type", Markdown.cell(row.type()));
            cells.put("default", row.defaultValue().isEmpty() ? "" : Markdown.code(row.defaultValue()));
            cells.put("required", row.required() ? "yes" : "");
            cells.put("allowed", Markdown.cell(row.allowed()));
            cells.put("description", Markdown.cell(row.description()));
            cells.put(
                    "raw",
                    Map.of(
                            "key",
                            row.key(),
                            "type",
                            row.type(),
                            "default",
                            row.defaultValue(),
                            "required",
                            row.required(),
                            "allowed",
                            row.allowed(),
                            "description",
                            row.description()));
            rowScopes.add(cells);
        }
        scope.put("rows", rowScopes);
        StringWriter out = new StringWriter();
        try {
            mustache.execute(out, scope).flush();
        } catch (IOException | MustacheException e) {
            throw new DocsException("template " + name + " failed: " + e.getMessage(), e);
        }
        return out.toString().replace("\r\n", "\n");
    }

    /** Markdown, not HTML: no entity escaping, and templates are never looked up on disk. */
    private static final class RawMustacheFactory extends DefaultMustacheFactory {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new MustacheException("cannot write", e);
            }
        }
    }
}
