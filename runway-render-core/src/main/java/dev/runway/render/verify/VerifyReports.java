package dev.runway.render.verify;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import dev.runway.render.digest.Sha256;
import dev.runway.render.io.AtomicFiles;
import dev.runway.render.yaml.GoJson;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reports for the places users look: GitLab Code Quality JSON and JUnit XML (both shown in merge requests), and a
 * Markdown summary rendered with Mustache. Files are written to a temporary file next to the target and moved into
 * place, so a reader never sees half a report.
 */
public final class VerifyReports {
    private static final String SUMMARY_TEMPLATE = "dev/runway/render/verify/verify-summary.md.mustache";
    private static final List<String> CHECK_GROUPS = List.of("structure", "rules", "identity", "drift");

    /**
     * What the reports are about.
     *
     * @param title       a heading, for example the service id
     * @param resources   every resource that was verified (so clean ones show up too)
     * @param findings    all findings (verification and drift)
     * @param drift       the drift report, or null when drift was not checked
     * @param defaultPath the file that findings without a file of their own point at (Code Quality needs a path)
     */
    public record Input(
            String title,
            List<ResourceRef> resources,
            List<Finding> findings,
            DriftCheck.Report drift,
            String defaultPath,
            String kubernetesVersion) {
        public Input {
            resources = List.copyOf(resources);
            findings = List.copyOf(findings);
            Objects.requireNonNull(title, "title");
            defaultPath = Objects.requireNonNullElse(defaultPath, "");
            // The release the checks targeted (1.33 for v1.33.0); empty means the client models' own release.
            kubernetesVersion = KubeApiVersions.minorVersion(Objects.requireNonNullElse(kubernetesVersion, ""));
        }

        /** Checked against the client models' own Kubernetes release. */
        public Input(
                String title,
                List<ResourceRef> resources,
                List<Finding> findings,
                DriftCheck.Report drift,
                String defaultPath) {
            this(title, resources, findings, drift, defaultPath, "");
        }

        /** The same report for checks that targeted another Kubernetes release ({@code 1.33}, {@code v1.33.0}). */
        public Input withKubernetesVersion(String version) {
            return new Input(title, resources, findings, drift, defaultPath, version);
        }

        /** Verification findings plus drift findings, for one service. */
        public static Input of(String title, VerifyResult result, DriftCheck.Report drift, String defaultPath) {
            List<Finding> all = new ArrayList<>(result.findings());
            if (drift != null) {
                all.addAll(drift.findings());
            }
            return new Input(title, result.resources(), all, drift, defaultPath);
        }
    }

    private VerifyReports() {}

    // ---- GitLab Code Quality ----

    /**
     * The GitLab Code Quality report (a JSON array of issues), in the layout it has always had (Jackson's default
     * pretty printer: <code>[ {</code>, two-space indents, <code>" : "</code>, <code>}, {</code>, <code>} ]</code>).
     * Strings are quoted by
     * {@link GoJson#quote}, the engine's one JSON string writer (encoding/json without HTML escaping), so no JSON
     * library is loaded for the report.
     */
    public static String codeQuality(Input input) {
        StringBuilder json = new StringBuilder("[");
        Set<String> fingerprints = new LinkedHashSet<>();
        boolean first = true;
        for (Finding f : input.findings()) {
            json.append(first ? " {" : ", {");
            first = false;
            jsonField(
                    json,
                    1,
                    "description",
                    f.resource() + " " + (f.path().isEmpty() ? "" : f.path() + ": ") + f.message()
                            + (f.fix().isEmpty() ? "" : ". Fix: " + f.fix()));
            json.append(',');
            jsonField(json, 1, "check_name", f.check());
            json.append(',');
            // Unique per report, stable across runs while the problem stays.
            String fingerprint = Sha256.hex(f.identity());
            for (int n = 1; !fingerprints.add(fingerprint); n++) {
                fingerprint = Sha256.hex(f.identity() + "#" + n);
            }
            jsonField(json, 1, "fingerprint", fingerprint);
            json.append(',');
            jsonField(
                    json,
                    1,
                    "severity",
                    switch (f.severity()) {
                        case ERROR -> "critical";
                        case WARNING -> "minor";
                        case INFO -> "info";
                    });
            json.append(",\n  \"location\" : {");
            jsonField(json, 2, "path", f.file().isEmpty() ? input.defaultPath() : f.file());
            json.append(",\n    \"lines\" : {\n      \"begin\" : ")
                    .append(Math.max(1, f.line()))
                    .append("\n    }\n  }\n}");
        }
        json.append(" ]\n");
        return json.toString();
    }

    /** A new line at {@code depth} two-space indents, then {@code "name" : "value"}. */
    private static void jsonField(StringBuilder json, int depth, String name, String value) {
        json.append('\n');
        json.append("  ".repeat(depth));
        json.append(GoJson.quote(name)).append(" : ").append(GoJson.quote(value));
    }

    // ---- JUnit XML ----

    /** JUnit XML: one test case per resource and check group (structure, rules, identity, drift). */
    public static String junit(Input input) {
        Map<String, Map<String, List<Finding>>> cases = new LinkedHashMap<>();
        Set<String> groups = new LinkedHashSet<>(List.of("structure", "rules"));
        for (Finding f : input.findings()) {
            if (f.check().startsWith("identity.")) {
                groups.add("identity");
                break;
            }
        }
        if (input.drift() != null) {
            groups.add("drift");
        }
        for (ResourceRef r : input.resources()) {
            Map<String, List<Finding>> perGroup = cases.get(r.toString());
            if (perGroup == null) {
                perGroup = new LinkedHashMap<>();
                cases.put(r.toString(), perGroup);
            }
            for (String g : groups) {
                perGroup.putIfAbsent(g, new ArrayList<>());
            }
        }
        for (Finding f : input.findings()) {
            String resource = f.resource().equals(ResourceRef.none())
                    ? "manifests"
                    : f.resource().toString();
            Map<String, List<Finding>> perGroup = cases.get(resource);
            if (perGroup == null) {
                perGroup = new LinkedHashMap<>();
                cases.put(resource, perGroup);
            }
            List<Finding> list = perGroup.get(group(f.check()));
            if (list == null) {
                list = new ArrayList<>();
                perGroup.put(group(f.check()), list);
            }
            list.add(f);
        }
        int tests = 0;
        int failures = 0;
        int skipped = 0;
        for (Map<String, List<Finding>> perGroup : cases.values()) {
            for (List<Finding> list : perGroup.values()) {
                tests++;
                if (firstError(list) != null) {
                    failures++;
                } else if (notChecked(list)) {
                    skipped++;
                }
            }
        }
        // Written by hand as the JDK's XMLStreamWriter wrote it (the same escapes, no empty-element tags): that
        // writer's
        // factory lookup and classes cost a cold runway:verify about 30 classes and a service-loader search (issue 19).
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites><testsuite");
        xmlAttribute(xml, "name", "runway-verify " + input.title());
        xmlAttribute(xml, "tests", Integer.toString(tests));
        xmlAttribute(xml, "failures", Integer.toString(failures));
        xmlAttribute(xml, "errors", "0");
        xmlAttribute(xml, "skipped", Integer.toString(skipped));
        xml.append(">\n");
        for (Map.Entry<String, Map<String, List<Finding>>> resource : cases.entrySet()) {
            for (String group : CHECK_GROUPS) {
                List<Finding> list = resource.getValue().get(group);
                if (list == null) {
                    continue;
                }
                xml.append("  <testcase");
                xmlAttribute(xml, "classname", resource.getKey());
                xmlAttribute(xml, "name", group);
                xmlAttribute(xml, "time", "0");
                xml.append('>');
                Finding firstError = firstError(list);
                StringBuilder lines = new StringBuilder();
                for (Finding f : list) {
                    if (!lines.isEmpty()) {
                        lines.append('\n');
                    }
                    lines.append(f.toLine());
                }
                if (firstError != null) {
                    int errors = 0;
                    for (Finding f : list) {
                        if (f.severity() == Severity.ERROR) {
                            errors++;
                        }
                    }
                    xml.append("<failure");
                    xmlAttribute(xml, "message", errors + " error(s): " + firstError.message());
                    xmlAttribute(xml, "type", firstError.check());
                    xml.append('>');
                    xmlText(xml, lines, false);
                    xml.append("</failure>");
                } else if (notChecked(list)) {
                    xml.append("<skipped");
                    xmlAttribute(xml, "message", "not a built-in kind: not checked");
                    xml.append("></skipped>");
                }
                if (!list.isEmpty() && firstError == null) {
                    xml.append("<system-out>");
                    xmlText(xml, lines, false);
                    xml.append("</system-out>");
                }
                xml.append("</testcase>\n");
            }
        }
        xml.append("</testsuite></testsuites>\n");
        return xml.toString();
    }

    private static Finding firstError(List<Finding> findings) {
        for (Finding f : findings) {
            if (f.severity() == Severity.ERROR) {
                return f;
            }
        }
        return null;
    }

    private static boolean notChecked(List<Finding> findings) {
        for (Finding f : findings) {
            if (f.check().equals("structure.not-checked")) {
                return true;
            }
        }
        return false;
    }

    private static void xmlAttribute(StringBuilder xml, String name, String value) {
        xml.append(' ').append(name).append("=\"");
        xmlText(xml, value, true);
        xml.append('"');
    }

    /**
     * XMLStreamWriter's escapes: {@code & < >} always, {@code "} in attribute values. A character XML 1.0 does not
     * allow (controls other than tab, line feed and carriage return; U+FFFE, U+FFFF; a surrogate without its pair)
     * becomes U+FFFD, as Go's encoding/xml EscapeText does: XMLStreamWriter wrote them as they were, which no XML
     * parser (GitLab's included) accepts.
     */
    private static void xmlText(StringBuilder xml, CharSequence text, boolean attribute) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                xml.append(c).append(text.charAt(++i));
                continue;
            }
            switch (c) {
                case '&' -> xml.append("&amp;");
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '"' -> xml.append(attribute ? "&quot;" : "\"");
                default -> xml.append(xmlChar(c) ? c : '\uFFFD');
            }
        }
    }

    /** XML 1.0's Char production for one UTF-16 unit that is not part of a surrogate pair. */
    private static boolean xmlChar(char c) {
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        return !Character.isSurrogate(c) && c != '\uFFFE' && c != '\uFFFF';
    }

    static String group(String check) {
        String prefix = check.contains(".") ? check.substring(0, check.indexOf('.')) : check;
        return switch (prefix) {
            case "structure", "identity", "drift" -> prefix;
            default -> "rules";
        };
    }

    // ---- Markdown ----

    /**
     * A Markdown summary for people (merge request comments, job pages), rendered with the Mustache template
     * {@code verify-summary.md.mustache} so its wording can change without Java. Values are not HTML-escaped; table
     * cells are escaped for Markdown here.
     */
    public static String markdown(Input input) {
        int errors = 0;
        int warnings = 0;
        int infos = 0;
        for (Finding f : input.findings()) {
            switch (f.severity()) {
                case ERROR -> errors++;
                case WARNING -> warnings++;
                case INFO -> infos++;
            }
        }
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("title", input.title());
        scope.put("kubernetesVersion", input.kubernetesVersion());
        scope.put("modelVersion", KubeSchema.KUBERNETES_VERSION);
        scope.put("otherModel", !input.kubernetesVersion().equals(KubeSchema.KUBERNETES_VERSION));
        scope.put("passed", errors == 0);
        scope.put("errors", errors);
        scope.put("warnings", warnings);
        scope.put("infos", infos);
        scope.put("resourceCount", input.resources().size());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Finding f : input.findings()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("severity", f.severity().word());
            row.put("resource", cell(f.resource().toString()));
            row.put("path", cell(f.path().isEmpty() ? "-" : f.path()));
            row.put("message", cell(f.message()));
            row.put("fix", cell(f.fix()));
            row.put("check", cell(f.check()));
            rows.add(row);
        }
        scope.put("findings", rows);
        scope.put("hasFindings", !rows.isEmpty());
        List<Map<String, Object>> resources = new ArrayList<>();
        for (ResourceRef r : input.resources()) {
            boolean failed = false;
            boolean warned = false;
            for (Finding f : input.findings()) {
                if (f.resource().equals(r)) {
                    failed |= f.severity() == Severity.ERROR;
                    warned |= f.severity() == Severity.WARNING;
                }
            }
            resources.add(Map.of("name", cell(r.toString()), "status", failed ? "failed" : warned ? "warnings" : "ok"));
        }
        scope.put("resources", resources);
        DriftCheck.Report report = input.drift();
        if (report != null) {
            Map<String, Object> drift = new LinkedHashMap<>();
            drift.put("clean", report.clean());
            drift.put("mode", report.mode().name().toLowerCase(Locale.ROOT));
            drift.put("updateCommand", report.updateCommand());
            List<Map<String, Object>> diffs = new ArrayList<>();
            for (DriftCheck.ResourceDiff d : report.differences()) {
                diffs.add(Map.of(
                        "resource",
                        d.resource().toString(),
                        "status",
                        d.status().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                        "diff",
                        d.diff()));
            }
            drift.put("diffs", diffs);
            scope.put("drift", drift);
        }
        DefaultMustacheFactory factory = new DefaultMustacheFactory() {
            @Override
            public void encode(String value, Writer writer) {
                try {
                    writer.write(value); // Markdown, not HTML: values are escaped for tables in Java
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        Mustache template;
        try (Reader reader = new InputStreamReader(
                Objects.requireNonNull(
                        VerifyReports.class.getClassLoader().getResourceAsStream(SUMMARY_TEMPLATE), SUMMARY_TEMPLATE),
                StandardCharsets.UTF_8)) {
            template = factory.compile(reader, SUMMARY_TEMPLATE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringWriter out = new StringWriter();
        template.execute(out, scope);
        return out.toString();
    }

    /** Escapes text for a Markdown table cell. */
    private static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", "").replace("\n", " ");
    }

    // ---- files ----

    /** Writes the three reports (any of the paths may be null to skip it). */
    public static void write(Input input, Path codeQualityJson, Path junitXml, Path markdownSummary) {
        if (codeQualityJson != null) {
            AtomicFiles.writeIfChanged(codeQualityJson, codeQuality(input));
        }
        if (junitXml != null) {
            AtomicFiles.writeIfChanged(junitXml, junit(input));
        }
        if (markdownSummary != null) {
            AtomicFiles.writeIfChanged(markdownSummary, markdown(input));
        }
    }
}
