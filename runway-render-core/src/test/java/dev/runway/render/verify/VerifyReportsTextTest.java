package dev.runway.render.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamWriter;
import org.junit.jupiter.api.Test;

/**
 * The JUnit XML is written by hand (issue 19: the JDK's XMLStreamWriter cost a cold runway:verify about 25 classes).
 * Its text stays what that writer wrote, with one deliberate difference: XMLStreamWriter wrote characters XML 1.0
 * forbids as they were (a report no XML parser reads), the hand writer writes U+FFFD for each, as Go's encoding/xml
 * does. This test keeps the former implementation (XMLStreamWriter), replaces those characters in its output by the
 * XML 1.0 Char production, and compares, over inputs with every character the escapes treat specially.
 */
class VerifyReportsTextTest {
    /** Every character XML 1.0 forbids, one of each kind: controls, U+FFFE, U+FFFF, unpaired surrogates. */
    private static final String FORBIDDEN =
            "\u0000\u0001\u0008\u000b\u000c\u000e\u001f\ufffe\uffff\uD800 \uDC00" + " \uDBFF\uDBFF \uDFFF\uD800 \uD800";

    private static final String HOSTILE = "a&b <c> \"d\" 'e' | f\\g\r\nh\ti\u0001 é 日本 \uD83D\uDE00 ]]> &amp;"
            + " \u007f\u0085\u2028\ufffd" + FORBIDDEN;

    /** XML 1.0's Char: tab, line feed, carriage return, U+0020 to U+D7FF, U+E000 to U+FFFD, U+10000 and up. */
    private static final java.util.regex.Pattern NOT_XML_CHAR =
            java.util.regex.Pattern.compile("[^\\t\\n\\r\\x{20}-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

    private static List<VerifyReports.Input> inputs() {
        ResourceRef deployment = new ResourceRef("apps/v1", "Deployment", "payments", "payments");
        ResourceRef hostile = new ResourceRef("example.com/v1", "Kind" + HOSTILE, "ns", "n" + HOSTILE);
        ResourceRef crd = new ResourceRef("monitoring.coreos.com/v1", "ServiceMonitor", "payments", "payments");
        List<Finding> findings = List.of(
                new Finding(
                        Severity.ERROR,
                        "structure.wrong-type",
                        deployment,
                        "spec.replicas",
                        "bad " + HOSTILE,
                        "fix " + HOSTILE,
                        "m.yaml",
                        3),
                new Finding(Severity.ERROR, "service.selector", deployment, "", "second", "", "", 0),
                new Finding(Severity.WARNING, "env.invalid-name", deployment, "spec.x", "warn", "w", "m.yaml", 9),
                new Finding(Severity.INFO, "structure.not-checked", crd, "", "not checked", "", "", 0),
                new Finding(Severity.WARNING, "identity.role", hostile, HOSTILE, HOSTILE, HOSTILE, HOSTILE, 1),
                new Finding(Severity.ERROR, "drift.changed", ResourceRef.none(), "", "drift " + HOSTILE, "", "", 0),
                new Finding(Severity.INFO, "rules", hostile, "", "info", "", "", 0));
        DriftCheck.Report drift = new DriftCheck.Report(
                DriftCheck.Mode.EXACT,
                List.of(
                        new DriftCheck.ResourceDiff(
                                deployment,
                                DriftCheck.Status.NOT_COMMITTED,
                                "c",
                                "r",
                                "--- a/c\n+++ b/r\n-" + HOSTILE + "\n"),
                        new DriftCheck.ResourceDiff(hostile, DriftCheck.Status.CHANGED, "c", "r", "")),
                "./mvnw runway:render " + HOSTILE);
        DriftCheck.Report clean = new DriftCheck.Report(DriftCheck.Mode.EXACT, List.of(), "update");
        List<ResourceRef> resources = List.of(deployment, crd, hostile);
        List<VerifyReports.Input> inputs = new ArrayList<>();
        inputs.add(new VerifyReports.Input("payments", resources, findings, drift, "d.yaml"));
        inputs.add(new VerifyReports.Input(HOSTILE, resources, findings, clean, "d.yaml", "v1.33.0"));
        inputs.add(new VerifyReports.Input("none", List.of(), List.of(), null, null));
        inputs.add(new VerifyReports.Input("clean", resources, List.of(), null, ""));
        inputs.add(new VerifyReports.Input("one", List.of(deployment), findings.subList(2, 4), null, ""));
        inputs.add(new VerifyReports.Input("drift only", List.of(), List.of(findings.get(5)), drift, ""));
        return inputs;
    }

    @Test
    void junitIsWhatXmlStreamWriterWrote() throws Exception {
        for (VerifyReports.Input input : inputs()) {
            String reference =
                    NOT_XML_CHAR.matcher(junitWithXmlStreamWriter(input)).replaceAll("\uFFFD");
            assertEquals(reference, VerifyReports.junit(input), input.title());
        }
    }

    @Test
    void everyCharacterXmlForbidsBecomesTheReplacementCharacter() throws Exception {
        ResourceRef ref = new ResourceRef("v1", "ConfigMap", "ns", "n");
        List<String> forbidden = new ArrayList<>();
        for (char c = 0; c < 0x20; c++) {
            if (c != '\t' && c != '\n' && c != '\r') {
                forbidden.add(String.valueOf(c));
            }
        }
        forbidden.addAll(List.of("\ufffe", "\uffff", "\uD800", "\uDBFF", "\uDC00", "\uDFFF"));
        for (String c : forbidden) {
            String name = "U+" + Integer.toHexString(c.charAt(0));
            // in an attribute (message, classname) and in text (the failure's lines)
            Finding f = new Finding(
                    Severity.ERROR,
                    "structure.wrong-type",
                    ref,
                    "data.k",
                    "bad" + c + "value",
                    "fix" + c + "it",
                    "",
                    1);
            Finding warning = new Finding(Severity.WARNING, "rules.x", ref, "", "warn" + c + "ing", "", "", 1);
            String xml = VerifyReports.junit(
                    new VerifyReports.Input("title" + c, List.of(ref), List.of(f, warning), null, ""));
            org.w3c.dom.Document doc = javax.xml.parsers.DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            org.w3c.dom.Element suite =
                    (org.w3c.dom.Element) doc.getElementsByTagName("testsuite").item(0);
            assertEquals("runway-verify title\uFFFD", suite.getAttribute("name"), name);
            org.w3c.dom.Element failure =
                    (org.w3c.dom.Element) doc.getElementsByTagName("failure").item(0);
            assertEquals("1 error(s): bad\uFFFDvalue", failure.getAttribute("message"), name);
            org.junit.jupiter.api.Assertions.assertTrue(
                    failure.getTextContent().contains("bad\uFFFDvalue")
                            && failure.getTextContent().contains("fix\uFFFDit"),
                    name + ": " + failure.getTextContent());
            String systemOut = doc.getElementsByTagName("system-out").item(0).getTextContent();
            org.junit.jupiter.api.Assertions.assertTrue(systemOut.contains("warn\uFFFDing"), name + ": " + systemOut);
        }
        // A surrogate pair is one character and stays.
        String pair = VerifyReports.junit(new VerifyReports.Input("\uD83D\uDE00", List.of(), List.of(), null, ""));
        org.junit.jupiter.api.Assertions.assertTrue(pair.contains("runway-verify \uD83D\uDE00\""), pair);
    }

    /** The former VerifyReports.junit. */
    private static String junitWithXmlStreamWriter(VerifyReports.Input input) throws Exception {
        List<String> checkGroups = List.of("structure", "rules", "identity", "drift");
        Map<String, Map<String, List<Finding>>> cases = new LinkedHashMap<>();
        Set<String> groups = new LinkedHashSet<>(List.of("structure", "rules"));
        if (input.findings().stream().anyMatch(f -> f.check().startsWith("identity."))) {
            groups.add("identity");
        }
        if (input.drift() != null) {
            groups.add("drift");
        }
        for (ResourceRef r : input.resources()) {
            Map<String, List<Finding>> perGroup = cases.computeIfAbsent(r.toString(), k -> new LinkedHashMap<>());
            groups.forEach(g -> perGroup.putIfAbsent(g, new ArrayList<>()));
        }
        for (Finding f : input.findings()) {
            String resource = f.resource().equals(ResourceRef.none())
                    ? "manifests"
                    : f.resource().toString();
            cases.computeIfAbsent(resource, k -> new LinkedHashMap<>())
                    .computeIfAbsent(VerifyReports.group(f.check()), k -> new ArrayList<>())
                    .add(f);
        }
        int tests = 0;
        int failures = 0;
        int skipped = 0;
        for (Map<String, List<Finding>> perGroup : cases.values()) {
            for (List<Finding> list : perGroup.values()) {
                tests++;
                if (list.stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
                    failures++;
                } else if (list.stream().anyMatch(f -> f.check().equals("structure.not-checked"))) {
                    skipped++;
                }
            }
        }
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuites");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", "runway-verify " + input.title());
        xml.writeAttribute("tests", Integer.toString(tests));
        xml.writeAttribute("failures", Integer.toString(failures));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", Integer.toString(skipped));
        xml.writeCharacters("\n");
        for (Map.Entry<String, Map<String, List<Finding>>> resource : cases.entrySet()) {
            List<String> ordered = new ArrayList<>(resource.getValue().keySet());
            ordered.sort((a, b) -> Integer.compare(checkGroups.indexOf(a), checkGroups.indexOf(b)));
            for (String group : ordered) {
                List<Finding> list = resource.getValue().get(group);
                xml.writeCharacters("  ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", resource.getKey());
                xml.writeAttribute("name", group);
                xml.writeAttribute("time", "0");
                List<Finding> errors = list.stream()
                        .filter(f -> f.severity() == Severity.ERROR)
                        .toList();
                String lines =
                        String.join("\n", list.stream().map(Finding::toLine).toList());
                if (!errors.isEmpty()) {
                    xml.writeStartElement("failure");
                    xml.writeAttribute(
                            "message",
                            errors.size() + " error(s): " + errors.get(0).message());
                    xml.writeAttribute("type", errors.get(0).check());
                    xml.writeCharacters(lines);
                    xml.writeEndElement();
                } else if (list.stream().anyMatch(f -> f.check().equals("structure.not-checked"))) {
                    xml.writeStartElement("skipped");
                    xml.writeAttribute("message", "not a built-in kind: not checked");
                    xml.writeEndElement();
                }
                if (!list.isEmpty() && errors.isEmpty()) {
                    xml.writeStartElement("system-out");
                    xml.writeCharacters(lines);
                    xml.writeEndElement();
                }
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return out + "\n";
    }
}
