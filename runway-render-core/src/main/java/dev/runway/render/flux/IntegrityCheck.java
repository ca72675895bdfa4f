package dev.runway.render.flux;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.runway.render.api.RenderedChart;
import dev.runway.render.api.RenderedManifest;
import dev.runway.render.text.TextPositions;
import dev.runway.render.yaml.GoYamlException;
import dev.runway.render.yaml.YamlTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Checks that nothing between the renderer and the file on disk altered a placeholder: the file must hold the
 * same placeholders in the same fields, in the same YAML style. Catches Maven resource filtering and property
 * interpolation (which turn {@code ${gcp_project_id}} into a value or into nothing), JSON or YAML escaping that
 * hides a placeholder from Flux (<code>&#92;u0024{...}</code>), re-quoting by a YAML rewriter, and hand edits.
 */
public final class IntegrityCheck {

    private static final Pattern ESCAPED_DOLLAR = Pattern.compile(
            "\\\\u0024\\{|\\\\x24\\{|\\\\U00000024\\{|&#36;\\{|&#x24;\\{|%24\\{", Pattern.CASE_INSENSITIVE);

    private IntegrityCheck() {}

    /**
     * Compares a render with the text written to disk.
     *
     * @param rendered the render as the renderer produced it
     * @param onDisk   the file's text
     * @param fileName the file, for messages
     */
    public static List<FluxFinding> compare(RenderedChart rendered, String onDisk, String fileName) {
        if (rendered.output().equals(onDisk)) {
            return new ArrayList<>();
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put(fileName, onDisk);
        return compareFiles(rendered, files);
    }

    /**
     * Compares a render with an output directory: the single {@code manifests.yaml}, or one file per resource
     * (a {@code kustomization.yaml} is skipped). Only {@code .yaml} and {@code .yml} files directly in the
     * directory are read.
     */
    public static List<FluxFinding> compareDirectory(RenderedChart rendered, Path directory) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(directory)) {
            for (Path p : paths.filter(Files::isRegularFile).sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                    files.put(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + directory + ": " + e.getMessage(), e);
        }
        return compareFiles(rendered, files);
    }

    /** Compares a render with files (name to text); each resource is looked up in whichever file holds it. */
    public static List<FluxFinding> compareFiles(RenderedChart rendered, Map<String, String> files) {
        List<FluxFinding> findings = new ArrayList<>();
        Map<String, ManifestStream.Located> renderedById = new LinkedHashMap<>();
        for (ManifestStream.Located l : ManifestStream.locate(rendered)) {
            renderedById.putIfAbsent(ManifestStream.resourceId(l.manifest()), l);
        }
        java.util.Set<String> matched = new java.util.HashSet<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            String fileName = file.getKey();
            String text = file.getValue();
            if (Path.of(fileName).getFileName().toString().equals("kustomization.yaml")) {
                continue;
            }
            for (ManifestStream.Located d : ManifestStream.locate(ManifestStream.parse(text))) {
                String id = ManifestStream.resourceId(d.manifest());
                ManifestStream.Located r = renderedById.get(id);
                if (r == null || !matched.add(id)) {
                    findings.add(new FluxFinding(
                            Severity.WARNING,
                            "flux/integrity-extra-resource",
                            id,
                            "",
                            fileName,
                            d.lineOffset() + 1,
                            0,
                            fileName + " has " + id + ", which the render does not"
                                    + (r == null ? "" : " a second time"),
                            "write the render to disk unchanged"));
                    continue;
                }
                compareManifest(r, d, fileName, findings);
            }
            Matcher escaped = ESCAPED_DOLLAR.matcher(text);
            TextPositions positions = new TextPositions(text);
            while (escaped.find()) {
                findings.add(new FluxFinding(
                        Severity.ERROR,
                        "flux/integrity-escaped-dollar",
                        "",
                        "",
                        fileName,
                        positions.line(escaped.start()),
                        positions.column(escaped.start()),
                        "`" + escaped.group() + "` is an escaped `${`: Flux only sees a literal `${` in the file"
                                + " text, so this placeholder will never be substituted",
                        "write the file with a YAML/JSON writer that leaves '$' unescaped, or copy the render as is"));
            }
        }
        for (String id : renderedById.keySet()) {
            if (!matched.contains(id)) {
                findings.add(new FluxFinding(
                        Severity.ERROR,
                        "flux/integrity-missing-resource",
                        id,
                        "",
                        String.join(", ", files.keySet()),
                        0,
                        0,
                        "the render has " + id + " but the files on disk do" + " not",
                        "write the render to disk unchanged"));
            }
        }
        return findings;
    }

    /**
     * Compares values as the user wrote them (for example read from the POM's XML text) with the values the
     * renderer received (after Maven interpolated the plugin configuration). Maven replaces {@code ${name}} when a
     * property of that name exists, which silently swaps a Flux variable for a build-time value or an empty string.
     *
     * @param written  value path to the text as written
     * @param received value path to the text received
     * @param where    where the values were written (e.g. {@code pom.xml <values>}), for messages
     */
    public static List<FluxFinding> compareValues(
            Map<String, String> written, Map<String, String> received, String where) {
        List<FluxFinding> findings = new ArrayList<>();
        for (Map.Entry<String, String> e : written.entrySet()) {
            String wrote = e.getValue();
            if (wrote == null || !wrote.contains("${")) {
                continue;
            }
            String got = received.get(e.getKey());
            if (wrote.equals(got)) {
                continue;
            }
            YamlTree.Scalar fake = new YamlTree.Scalar(
                    List.of(e.getKey()),
                    e.getKey(),
                    false,
                    wrote,
                    org.snakeyaml.engine.v2.common.ScalarStyle.DOUBLE_QUOTED,
                    false,
                    0,
                    0);
            List<String> expressions = new ArrayList<>();
            for (EnvsubstNode node : new EnvsubstParser(wrote).parseTolerant().nodes()) {
                if (node instanceof EnvsubstNode.Func f) {
                    expressions.add(wrote.substring(f.start(), f.end()));
                }
            }
            if (expressions.isEmpty()) {
                continue;
            }
            String message = got == null
                    ? "value " + e.getKey() + " (" + wrote + ") did not reach the renderer"
                    : describeChange(
                            new Spot(fake, expressions, 0),
                            new YamlTree.Scalar(
                                    List.of(e.getKey()),
                                    e.getKey(),
                                    false,
                                    got,
                                    org.snakeyaml.engine.v2.common.ScalarStyle.DOUBLE_QUOTED,
                                    false,
                                    0,
                                    0),
                            "in " + where + " before it reached the renderer (Maven property interpolation does this)");
            findings.add(new FluxFinding(
                    Severity.ERROR,
                    "flux/integrity-value-interpolated",
                    "",
                    e.getKey(),
                    where,
                    0,
                    0,
                    message,
                    "put Flux variables in a values file (Maven does not interpolate it), or make sure no Maven"
                            + " property has the variable's name"));
        }
        return findings;
    }

    private record Spot(YamlTree.Scalar scalar, List<String> expressions, int firstOffset) {}

    private static void compareManifest(
            ManifestStream.Located r, ManifestStream.Located d, String fileName, List<FluxFinding> findings) {
        YamlTree rt;
        YamlTree dt;
        try {
            rt = YamlTree.parse(r.manifest().text());
        } catch (GoYamlException e) {
            return;
        }
        try {
            dt = YamlTree.parse(d.manifest().text());
        } catch (GoYamlException e) {
            findings.add(new FluxFinding(
                    Severity.ERROR,
                    "flux/integrity-invalid-yaml",
                    ManifestStream.resourceId(d.manifest()),
                    "",
                    fileName,
                    Math.max(e.line(), 0) + d.lineOffset(), // GoYamlException: -1 when unknown
                    Math.max(e.column(), 0),
                    "the resource on disk is not valid YAML: " + e.getMessage(),
                    "write the render to disk unchanged"));
            return;
        }
        Map<List<Object>, Spot> renderedSpots = spots(r.manifest(), rt);
        Map<List<Object>, Spot> diskSpots = spots(d.manifest(), dt);
        PlaceholderScanner.Locator diskLocator = new PlaceholderScanner.Locator(d.manifest(), d.lineOffset(), dt);
        PlaceholderScanner.Locator renderLocator = new PlaceholderScanner.Locator(r.manifest(), r.lineOffset(), rt);
        for (Map.Entry<List<Object>, Spot> e : renderedSpots.entrySet()) {
            Spot want = e.getValue();
            Spot have = diskSpots.remove(e.getKey());
            Optional<YamlTree.Scalar> diskScalar =
                    have != null ? Optional.of(have.scalar()) : dt.scalarAtPath(e.getKey());
            FluxLocation where = diskScalar
                    .map(s -> relabel(diskLocator.at(s.start()), fileName))
                    .orElse(relabel(renderLocator.at(want.firstOffset()), fileName));
            if (diskScalar.isEmpty()) {
                findings.add(FluxFinding.at(
                        Severity.ERROR,
                        "flux/integrity-field-missing",
                        where,
                        "the field holding " + String.join(", ", want.expressions()) + " is missing on disk",
                        "write the render to disk unchanged"));
                continue;
            }
            List<String> haveExpressions = have == null ? List.of() : have.expressions();
            if (!haveExpressions.equals(want.expressions())) {
                findings.add(FluxFinding.at(
                        Severity.ERROR,
                        "flux/integrity-placeholder-altered",
                        where,
                        describeChange(
                                want,
                                diskScalar.get(),
                                "between rendering and the file on disk (Maven"
                                        + " property interpolation or resource filtering does this)"),
                        "exclude the rendered file from Maven resource filtering (or set the plugin's"
                                + " escapeString / use @...@ delimiters), and write it without re-escaping '$'"));
                continue;
            }
            String wantStyle = PlaceholderScanner.styleName(want.scalar().style());
            String haveStyle = PlaceholderScanner.styleName(diskScalar.get().style());
            if (!wantStyle.equals(haveStyle)) {
                boolean nowPlain = haveStyle.equals("plain");
                findings.add(FluxFinding.at(
                        nowPlain ? Severity.ERROR : Severity.WARNING,
                        "flux/integrity-requoted",
                        where,
                        "the scalar holding " + String.join(", ", want.expressions()) + " was " + wantStyle
                                + " in the render but is " + haveStyle + " on disk"
                                + (nowPlain ? ": unquoted, a substituted number or boolean changes type" : ""),
                        "write the render to disk unchanged (no YAML re-formatting)"));
            }
        }
        for (Map.Entry<List<Object>, Spot> e : diskSpots.entrySet()) {
            findings.add(FluxFinding.at(
                    Severity.ERROR,
                    "flux/integrity-placeholder-added",
                    relabel(diskLocator.at(e.getValue().firstOffset()), fileName),
                    String.join(", ", e.getValue().expressions()) + " is on disk but not in the render",
                    "write the render to disk unchanged; put Flux variables in values, not in the written file"));
        }
    }

    private static FluxLocation relabel(FluxLocation l, String fileName) {
        return new FluxLocation(l.resource(), fileName, l.path(), l.context(), l.style(), l.line(), l.column());
    }

    /** Top-level placeholders grouped by the value scalar (path) that holds them. */
    private static Map<List<Object>, Spot> spots(RenderedManifest manifest, YamlTree tree) {
        String text = manifest.text();
        Map<List<Object>, Spot> out = new LinkedHashMap<>();
        for (EnvsubstNode node : new EnvsubstParser(text).parseTolerant().nodes()) {
            if (!(node instanceof EnvsubstNode.Func f)) {
                continue;
            }
            Optional<YamlTree.Scalar> scalar = tree.scalarAt(f.start());
            if (scalar.isEmpty()) {
                continue;
            }
            List<Object> key = new ArrayList<>(scalar.get().segments());
            if (scalar.get().key()) {
                key.add("(key)");
            }
            Spot spot = out.get(key);
            List<String> expressions = new ArrayList<>(spot == null ? List.of() : spot.expressions());
            expressions.add(text.substring(f.start(), f.end()));
            out.put(
                    List.copyOf(key),
                    new Spot(scalar.get(), expressions, spot == null ? f.start() : spot.firstOffset()));
        }
        return out;
    }

    /** Says what became of each placeholder, by matching the rendered value's literal parts against the disk value. */
    private static String describeChange(Spot want, YamlTree.Scalar disk, String stage) {
        String rendered = want.scalar().value();
        String onDisk = disk.value();
        if (onDisk.equals(rendered)) {
            return "the value is unchanged, but the file writes " + String.join(", ", want.expressions())
                    + " with an escaped '$' (such as \\u0024{), so Flux's envsubst, which reads the file text,"
                    + " never sees the placeholder";
        }
        EnvsubstParser.Outcome parsed = new EnvsubstParser(rendered).parseTolerant();
        StringBuilder regex = new StringBuilder();
        List<String> expressions = new ArrayList<>();
        int at = 0;
        for (EnvsubstNode node : parsed.nodes()) {
            if (node instanceof EnvsubstNode.Func f) {
                regex.append(Pattern.quote(rendered.substring(at, f.start()))).append("(.*?)");
                expressions.add(rendered.substring(f.start(), f.end()));
                at = f.end();
            }
        }
        regex.append(Pattern.quote(rendered.substring(at)));
        // RE2/J, not java.util.regex: one lazy group per placeholder makes a backtracking matcher try every placement
        // of the literal parts in a value that does not fit (25 placeholders over 2,000 characters never ended).
        Matcher m = expressions.isEmpty()
                ? null
                : Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(onDisk);
        if (m != null && m.matches()) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < expressions.size(); i++) {
                String became = m.group(i + 1);
                if (became.equals(expressions.get(i))) {
                    continue;
                }
                if (became.isEmpty()) {
                    parts.add(expressions.get(i) + " was emptied");
                } else if (became.contains("\\u0024{")) {
                    parts.add(expressions.get(i) + " was escaped as `" + became + "`, which Flux does not see");
                } else {
                    parts.add(expressions.get(i) + " was replaced by `" + became + "`");
                }
            }
            if (!parts.isEmpty()) {
                return String.join("; ", parts) + " " + stage;
            }
        }
        return "the placeholders " + want.expressions() + " of the render are not in the value on disk (\""
                + (onDisk.length() > 80 ? onDisk.substring(0, 77) + "..." : onDisk) + "\")";
    }
}
