package dev.runway.render.flux;

import dev.runway.render.api.RenderedChart;
import dev.runway.render.yaml.GoYamlException;
import dev.runway.render.yaml.YamlTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a placeholder came from. The chart puts the four cluster variables in fixed places; a {@code ${...}} that a
 * user typed into a value (an env variable, a label) would make Flux hand that service a cluster variable it should
 * not see. Two ways to tell:
 * <ul>
 *   <li>exact: {@link #mark} rewrites every placeholder in the user values into a sentinel that carries the value's
 *       path; render again with the marked values, and {@link #fromMarkedRender} reports each sentinel it finds,
 *       with the field it landed in and the value it came from;</li>
 *   <li>without a second render: {@link #fromChartSources} flags placeholders whose text appears nowhere in the
 *       chart's own templates and values.yaml (it cannot see a user value that repeats the chart's text).</li>
 * </ul>
 * Either way the fix for a literal {@code ${...}} in a user value is Flux's escape {@code $${...}}
 * ({@link FluxEscaping#escape}).
 */
public final class Provenance {

    /** The runway-eks values that carry a Flux variable by default, and the variable each one carries. */
    public static final Map<String, String> RUNWAY_EKS_FLUX_VALUES = Map.of(
            "aws.accountId", "aws_account_id",
            "gcp.projectId", "gcp_project_id",
            "gcp.projectNumber", "gcp_project_number",
            "gcp.workloadIdentityPoolId", "gcp_wip_id");

    // Letters and digits only, so quote, toJson, toYaml and printf %q pass it through unchanged; case-insensitive
    // so upper/lower in a template do not hide it.
    private static final String SENTINEL_WORD = "runwayuservalue";
    private static final Pattern SENTINEL = Pattern.compile("(?i)" + SENTINEL_WORD + "(\\d+)x(?=\\{)");
    /** A runway-eks {@code env} entry (user value path): clusterVarsEnv is the way to give it a cluster variable. */
    private static final Pattern ENV_ENTRY = Pattern.compile("env\\.([^.\\[\\]]+)");

    /** A placeholder found in a user value. */
    public record UserPlaceholder(int id, String valuePath, String expression, String variable) {}

    /** User values with every placeholder replaced by a sentinel, and what each sentinel stands for. */
    public record MarkedValues(Map<String, Object> values, List<UserPlaceholder> placeholders) {}

    private Provenance() {}

    /**
     * Marks user values for the runway-eks chart: every placeholder except those in the chart's own Flux values
     * ({@link #RUNWAY_EKS_FLUX_VALUES}), whose schema only admits a plain {@code ${name}} and which the variable
     * policy already checks.
     */
    public static MarkedValues mark(Map<String, Object> userValues) {
        return mark(userValues, RUNWAY_EKS_FLUX_VALUES.keySet());
    }

    /**
     * Copies the user values, replacing the {@code $} of every Flux placeholder in strings (and keys) with a
     * sentinel, except in the values at {@code leaveAsIs} (dotted paths such as {@code gcp.projectId}).
     */
    public static MarkedValues mark(Map<String, Object> userValues, Set<String> leaveAsIs) {
        List<UserPlaceholder> marks = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) markValue(userValues, "", marks, leaveAsIs);
        return new MarkedValues(copy, marks);
    }

    private static Object markValue(Object value, String path, List<UserPlaceholder> marks, Set<String> leaveAsIs) {
        if (leaveAsIs.contains(path)) {
            return value;
        }
        if (value instanceof String s) {
            return markString(s, path, marks);
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                String childPath = path.isEmpty() ? key : path + "." + key;
                out.put(
                        markString(key, childPath + " (key)", marks),
                        markValue(e.getValue(), childPath, marks, leaveAsIs));
            }
            return out;
        } else if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                out.add(markValue(list.get(i), path + "[" + i + "]", marks, leaveAsIs));
            }
            return out;
        }
        return value;
    }

    private static String markString(String s, String path, List<UserPlaceholder> marks) {
        if (!s.contains("${")) {
            return s;
        }
        EnvsubstParser.Outcome outcome = new EnvsubstParser(s).parseTolerant();
        List<EnvsubstNode.Func> funcs = outcome.nodes().stream()
                .filter(n -> n instanceof EnvsubstNode.Func)
                .map(n -> (EnvsubstNode.Func) n)
                .toList();
        StringBuilder out = new StringBuilder(s);
        for (int i = funcs.size() - 1; i >= 0; i--) {
            EnvsubstNode.Func f = funcs.get(i);
            int id = marks.size() + i;
            out.replace(f.start(), f.start() + 1, SENTINEL_WORD + id + "x");
        }
        for (EnvsubstNode.Func f : funcs) {
            marks.add(new UserPlaceholder(marks.size(), path, s.substring(f.start(), f.end()), f.param()));
        }
        return out.toString();
    }

    /**
     * Reports each user-supplied placeholder found in a render made with {@link MarkedValues#values()}: an error
     * when its variable is outside the policy, a warning when it is allowed but not one of the chart's own Flux
     * values ({@code expected}: value path to variable, e.g. {@link #RUNWAY_EKS_FLUX_VALUES}).
     */
    public static List<FluxFinding> fromMarkedRender(
            RenderedChart markedRender, MarkedValues marked, VariablePolicy policy, Map<String, String> expected) {
        List<FluxFinding> findings = new ArrayList<>();
        ParsedManifests parsed = ParsedManifests.of(markedRender); // a tree only for a manifest with a sentinel
        for (int i = 0; i < parsed.size(); i++) {
            Matcher m = SENTINEL.matcher(parsed.located(i).manifest().text());
            while (m.find()) {
                int id = Integer.parseInt(m.group(1));
                if (id >= marked.placeholders().size()) {
                    continue;
                }
                UserPlaceholder p = marked.placeholders().get(id);
                if (p.variable().equals(expected.get(p.valuePath()))) {
                    continue; // the chart's own Flux value, set explicitly to its usual variable
                }
                findings.add(finding(
                        p.expression(),
                        p.variable(),
                        p.valuePath(),
                        false,
                        parsed.locator(i).at(m.start()),
                        policy));
            }
        }
        return findings;
    }

    /**
     * Flags placeholders in a render whose expression text appears nowhere in the chart's own files ({@code
     * chartFiles}: file name to text, e.g. from {@link #readChartSources}), which means a user value supplied them.
     */
    public static List<FluxFinding> fromChartSources(
            RenderedChart render, Map<String, String> chartFiles, VariablePolicy policy) {
        Set<String> known = new LinkedHashSet<>();
        for (String text : chartFiles.values()) {
            for (EnvsubstNode node : new EnvsubstParser(text).parseTolerant().nodes()) {
                for (EnvsubstNode.Func f : Envsubst.expressions(node)) {
                    known.add(text.substring(f.start(), f.end()));
                }
            }
        }
        List<FluxFinding> findings = new ArrayList<>();
        for (Placeholder p : PlaceholderScanner.scan(render).placeholders()) {
            if (!p.nested() && !known.contains(p.expression())) {
                findings.add(finding(p.expression(), p.variable(), null, false, p.location(), policy));
            }
        }
        return findings;
    }

    /**
     * Flags placeholders written in user values files that reach the render, outside the chart's own Flux values
     * ({@code expected}, e.g. {@link #RUNWAY_EKS_FLUX_VALUES}). Findings point at the values file and line, where
     * the fix belongs. Needs no second render.
     */
    public static List<FluxFinding> fromUserValuesFiles(
            RenderedChart render, List<Path> valuesFiles, VariablePolicy policy, Map<String, String> expected) {
        return fromUserValuesFiles(ParsedManifests.of(render), valuesFiles, policy, expected);
    }

    /** The same on a render the caller has parsed once for this check run and its other checks. */
    public static List<FluxFinding> fromUserValuesFiles(
            ParsedManifests render, List<Path> valuesFiles, VariablePolicy policy, Map<String, String> expected) {
        Set<String> rendered = new LinkedHashSet<>();
        for (Placeholder p : render.scan().placeholders()) {
            rendered.add(p.expression());
        }
        List<FluxFinding> findings = new ArrayList<>();
        for (Path file : valuesFiles) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                continue; // the renderer reports unreadable values files
            }
            YamlTree tree;
            try {
                tree = YamlTree.parse(text);
            } catch (GoYamlException e) {
                continue;
            }
            for (EnvsubstNode node : new EnvsubstParser(text).parseTolerant().nodes()) {
                if (!(node instanceof EnvsubstNode.Func f)) {
                    continue;
                }
                String expression = text.substring(f.start(), f.end());
                var scalar = tree.scalarAt(f.start());
                if (scalar.isEmpty() || !rendered.contains(expression)) {
                    continue; // in a comment, or never reaches the render
                }
                String valuePath = dotted(scalar.get().segments());
                if (f.param().equals(expected.get(valuePath))) {
                    continue;
                }
                FluxLocation location = new FluxLocation(
                        "",
                        file.toString(),
                        valuePath,
                        scalar.get().key() ? FluxLocation.Context.KEY : FluxLocation.Context.VALUE,
                        PlaceholderScanner.styleName(scalar.get().style()),
                        tree.positions().line(f.start()),
                        tree.positions().column(f.start()));
                findings.add(finding(
                        expression, f.param(), valuePath, scalar.get().value().equals(expression), location, policy));
            }
        }
        return findings;
    }

    private static String dotted(List<Object> segments) {
        StringBuilder out = new StringBuilder();
        for (Object s : segments) {
            if (s instanceof Integer i) {
                out.append('[').append(i).append(']');
            } else {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(s);
            }
        }
        return out.toString();
    }

    /** The chart's templates and values files, for {@link #fromChartSources}. */
    public static Map<String, String> readChartSources(Path chartDir) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(chartDir)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                String rel = chartDir.relativize(p).toString().replace('\\', '/');
                boolean template = rel.startsWith("templates/") || rel.contains("/templates/");
                boolean values = rel.equals("values.yaml") || rel.endsWith("/values.yaml");
                if (template || values) {
                    files.put(rel, Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read chart " + chartDir + ": " + e.getMessage(), e);
        }
        return files;
    }

    /**
     * {@code valuePath}: the user value the placeholder is in, or null when only the render shows it; {@code whole}:
     * the placeholder is that value's whole text.
     */
    private static FluxFinding finding(
            String expression,
            String variable,
            String valuePath,
            boolean whole,
            FluxLocation location,
            VariablePolicy policy) {
        String origin = valuePath == null
                ? "a user-supplied value (it is not in the chart's templates or values.yaml)"
                : "user value " + valuePath;
        boolean allowed = policy.allows(variable);
        String message = "`" + expression + "` comes from " + origin + ", not from the chart: Flux will substitute"
                + " cluster variable '" + variable + "' into it"
                + (allowed ? "" : ", a variable this service must not read");
        String literal = "if the text is meant literally, write " + FluxEscaping.escape(expression)
                + " in the values (Flux prints " + expression + ")";
        Matcher env = ENV_ENTRY.matcher(valuePath == null ? "" : valuePath);
        String fix = allowed && whole && env.matches() && expression.equals("${" + variable + "}")
                ? "to give the service cluster variable '" + variable + "', name it in clusterVarsEnv instead of env"
                        + " (clusterVarsEnv: {" + env.group(1) + ": " + variable + "}); the chart then keeps it a"
                        + " string through Flux's substitution. Or, " + literal
                : literal + "; cluster variables belong only in the chart's own fields";
        return FluxFinding.at(
                allowed ? Severity.WARNING : Severity.ERROR, "flux/user-supplied-placeholder", location, message, fix);
    }
}
