package dev.runway.render.flux;

import dev.runway.render.api.RenderedChart;
import dev.runway.render.api.RenderedManifest;
import dev.runway.render.text.TextPositions;
import dev.runway.render.yaml.GoYamlException;
import dev.runway.render.yaml.YamlTree;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.common.ScalarStyle;

/**
 * Finds every Flux placeholder in rendered manifests, the way kustomize-controller reads them: Flux's envsubst
 * runs over each resource's whole YAML text (keys, values, block scalars and comments alike), so the scan works
 * on the text with Flux's own parser and then ties each hit to the YAML field that holds it.
 */
public final class PlaceholderScanner {

    private static final java.util.regex.Pattern HIDDEN_DOLLAR =
            java.util.regex.Pattern.compile("\\\\(u0024|x24|U00000024)\\{");

    private PlaceholderScanner() {}

    /** Scans every manifest of a render; lines are lines of the render's output. */
    public static ScanResult scan(RenderedChart chart) {
        return ParsedManifests.of(chart).scan();
    }

    /** Scans manifests on their own; lines count from each manifest's first line. */
    public static ScanResult scan(List<RenderedManifest> manifests) {
        return ParsedManifests.of(manifests).scan();
    }

    /**
     * The variables the manifests name, as {@code scan(manifests).variables()} lists them (nested ones included),
     * without tying each to its YAML field: for a render's summary line, which needs only the names (issue 19: a full
     * scan parses every manifest's YAML tree again after the render).
     */
    public static List<String> variables(List<RenderedManifest> manifests) {
        Set<String> names = new LinkedHashSet<>();
        for (RenderedManifest manifest : manifests) {
            for (EnvsubstNode node :
                    new EnvsubstParser(manifest.text()).parseTolerant().nodes()) {
                if (node instanceof EnvsubstNode.Func func) {
                    walk(func, false, (f, nested) -> names.add(f.param()));
                }
            }
        }
        return List.copyOf(names);
    }

    /** The scan itself; callers go through {@link ParsedManifests#scan()}, which makes it once per run. */
    static ScanResult scanManifests(ParsedManifests parsed) {
        List<Placeholder> placeholders = new ArrayList<>();
        List<MalformedPlaceholder> malformed = new ArrayList<>();
        List<DollarEscape> escapes = new ArrayList<>();
        List<FluxFinding> findings = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            scanManifest(parsed, i, placeholders, malformed, escapes, findings);
        }
        return new ScanResult(placeholders, malformed, escapes, findings);
    }

    /** Ties offsets of one manifest's text to resources, fields, lines and columns. */
    static final class Locator {
        private final RenderedManifest manifest;
        private final String resource;
        private final int lineOffset;
        private final YamlTree tree;
        private final TextPositions positions;

        Locator(RenderedManifest manifest, int lineOffset, YamlTree tree) {
            this.manifest = manifest;
            this.resource = ManifestStream.resourceId(manifest);
            this.lineOffset = lineOffset;
            this.tree = tree;
            // The tree's positions are those of the same text: one line index per manifest, not two.
            this.positions = tree != null ? tree.positions() : new TextPositions(manifest.text());
        }

        FluxLocation at(int offset) {
            String path = "";
            FluxLocation.Context context = FluxLocation.Context.OTHER;
            String style = "";
            if (tree != null) {
                Optional<YamlTree.Scalar> scalar = tree.scalarAt(offset);
                if (scalar.isPresent()) {
                    path = scalar.get().path();
                    context = scalar.get().key() ? FluxLocation.Context.KEY : FluxLocation.Context.VALUE;
                    style = styleName(scalar.get().style());
                } else if (tree.inComment(offset)) {
                    path = "(comment)";
                    context = FluxLocation.Context.COMMENT;
                }
            }
            return new FluxLocation(
                    resource,
                    manifest.source(),
                    path,
                    context,
                    style,
                    positions.line(offset) + lineOffset,
                    positions.column(offset));
        }
    }

    static String styleName(ScalarStyle style) {
        return switch (style) {
            case PLAIN -> "plain";
            case DOUBLE_QUOTED, JSON_SCALAR_STYLE -> "double-quoted";
            case SINGLE_QUOTED -> "single-quoted";
            case LITERAL -> "literal";
            case FOLDED -> "folded";
        };
    }

    private static void scanManifest(
            ParsedManifests parsed,
            int index,
            List<Placeholder> placeholders,
            List<MalformedPlaceholder> malformed,
            List<DollarEscape> escapes,
            List<FluxFinding> findings) {
        RenderedManifest manifest = parsed.located(index).manifest();
        int lineOffset = parsed.located(index).lineOffset();
        String text = manifest.text();
        GoYamlException notYaml = parsed.treeError(index);
        if (notYaml != null) {
            findings.add(new FluxFinding(
                    Severity.WARNING,
                    "flux/unparsable-yaml",
                    ManifestStream.resourceId(manifest),
                    "",
                    manifest.source(),
                    Math.max(notYaml.line(), 0) + lineOffset, // GoYamlException: -1 when unknown
                    Math.max(notYaml.column(), 0),
                    "the manifest is not valid YAML (" + notYaml.getMessage()
                            + "), so placeholders cannot be tied to fields",
                    "fix the template so it renders valid YAML"));
        }
        Locator locator = parsed.locator(index);
        EnvsubstParser.Outcome outcome = parsed.expressions(index);
        List<int[]> spans = new ArrayList<>();
        int firstOfManifest = placeholders.size();
        for (EnvsubstNode node : outcome.nodes()) {
            if (node instanceof EnvsubstNode.Func func) {
                spans.add(new int[] {func.start(), func.end()});
                collect(func, false, text, locator, placeholders);
            }
        }
        for (EnvsubstException e : outcome.errors()) {
            int start = e.expressionStart();
            // The next 61 chars, not the rest of the line: each of a thousand errors on one long line read it all.
            String snippet = text.substring(start, Math.min(text.length(), start + 61));
            int lineEnd = snippet.indexOf('\n');
            if (lineEnd >= 0) {
                snippet = snippet.substring(0, lineEnd);
            }
            if (snippet.length() > 60) {
                snippet = snippet.substring(0, 60) + "...";
            }
            FluxLocation location = locator.at(start);
            malformed.add(new MalformedPlaceholder(snippet, e.getMessage(), location));
            boolean stopped = e.kind() == EnvsubstException.Kind.TOO_MANY_ERRORS; // the parser's, not Flux's
            findings.add(FluxFinding.at(
                    Severity.ERROR,
                    "flux/malformed-placeholder",
                    location,
                    stopped
                            ? "runway-render stopped reading placeholders at `" + snippet + "`: " + e.getMessage()
                                    + "; kustomize-controller fails the whole Kustomization on the first"
                            : "Flux cannot parse `" + snippet + "` (" + e.getMessage() + "); kustomize-controller"
                                    + " then fails the whole Kustomization with \"envsubst error: variable"
                                    + " substitution failed: " + e.getMessage() + "\"",
                    stopped
                            ? "fix the malformed placeholders before it (for literal text write $${...}), then check"
                                    + " again"
                            : "write ${name} with a name of letters, digits and '_' (" + FluxVariableNames.REGEX
                                    + "); for literal text write $${...}"));
        }
        findEscapes(text, spans, locator, escapes, findings);
        java.util.regex.Matcher hidden = HIDDEN_DOLLAR.matcher(text);
        while (hidden.find()) {
            FluxLocation location = locator.at(hidden.start());
            findings.add(FluxFinding.at(
                    Severity.WARNING,
                    "flux/hidden-placeholder",
                    location,
                    "`" + hidden.group() + "` is an escaped `$`: YAML decodes it to `${`, but Flux reads the text and"
                            + " never substitutes it",
                    "write the placeholder with a plain '$' (no \\u0024 escape) if Flux should fill it in"));
        }
        for (Placeholder p : placeholders.subList(firstOfManifest, placeholders.size())) {
            if (!p.definable()) {
                findings.add(FluxFinding.at(
                        Severity.ERROR,
                        "flux/invalid-variable-name",
                        p.location(),
                        "`" + p.expression() + "` names a variable Flux can never define: kustomize-controller rejects"
                                + " variable names that do not match " + FluxVariableNames.REGEX
                                + ", so it always becomes empty (or fails in strict mode)",
                        "rename the variable to letters, digits and '_', not starting with a digit"));
            }
        }
    }

    private static void collect(
            EnvsubstNode.Func func, boolean nested, String text, Locator locator, List<Placeholder> out) {
        walk(
                func,
                nested,
                (f, inner) -> out.add(new Placeholder(
                        text.substring(f.start(), f.end()),
                        f.param(),
                        Placeholder.Form.of(f),
                        f.operator(),
                        inner,
                        locator.at(f.start()),
                        f.start())));
    }

    /** What {@link #walk} calls for each function expression it reaches. */
    private interface FuncVisitor {
        void visit(EnvsubstNode.Func func, boolean nested);
    }

    /** Visits {@code func}, then the functions in its default or pattern arguments, depth first, in text order. */
    private static void walk(EnvsubstNode.Func func, boolean nested, FuncVisitor visitor) {
        visitor.visit(func, nested);
        for (EnvsubstNode arg : func.args()) {
            if (arg instanceof EnvsubstNode.Func inner) {
                walk(inner, true, visitor);
            } else if (arg instanceof EnvsubstNode.Sequence sequence) {
                for (EnvsubstNode child : sequence.nodes()) {
                    if (child instanceof EnvsubstNode.Func inner) {
                        walk(inner, true, visitor);
                    }
                }
            }
        }
    }

    private static void findEscapes(
            String text, List<int[]> spans, Locator locator, List<DollarEscape> escapes, List<FluxFinding> findings) {
        int span = 0;
        int i = 0;
        while (i < text.length()) {
            if (span < spans.size() && i == spans.get(span)[0]) {
                i = spans.get(span)[1];
                span++;
                continue;
            }
            while (span < spans.size() && spans.get(span)[0] < i) {
                span++;
            }
            if (text.charAt(i) == '$' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
                int end = i + 2;
                while (end < text.length()
                        && !Character.isWhitespace(text.charAt(end))
                        && text.charAt(end) != '"'
                        && text.charAt(end) != '\''
                        && end - i < 60) {
                    end++;
                    if (text.charAt(end - 1) == '}') {
                        break;
                    }
                }
                String escaped = text.substring(i, end);
                boolean keeps = i + 2 < text.length() && text.charAt(i + 2) == '{';
                FluxLocation location = locator.at(i);
                escapes.add(new DollarEscape(escaped, keeps, location));
                String printed = escaped.substring(1);
                if (keeps) {
                    findings.add(FluxFinding.at(
                            Severity.INFO,
                            "flux/escaped-placeholder",
                            location,
                            "`" + escaped + "` is escaped: Flux prints `" + printed + "` literally",
                            ""));
                } else {
                    findings.add(FluxFinding.at(
                            Severity.WARNING,
                            "flux/dollar-dollar",
                            location,
                            "Flux's envsubst turns `$$` into `$`: `" + escaped + "` reaches the cluster as `" + printed
                                    + "`",
                            "if the text must keep `$$`, write it as `" + FluxEscaping.escape(escaped) + "`"));
                }
                i += 2;
                continue;
            }
            i++;
        }
    }
}
