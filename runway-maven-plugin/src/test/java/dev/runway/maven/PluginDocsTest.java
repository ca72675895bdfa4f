package dev.runway.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The plugin's reference, {@code runway-maven-plugin/README.md}: every goal with its parameters, defaults and user
 * properties, generated from the plugin descriptor that maven-plugin-plugin writes from the mojos' Javadoc, and the
 * children of {@code <environment>} from {@link Environment}'s field comments. The build fails when the committed file
 * is out of date; {@code -Drunway.updatePluginDocs=true} rewrites it.
 */
class PluginDocsTest {

    private static final Path README = Path.of("README.md");
    private static final Path ENVIRONMENT_SOURCE = Path.of("src/main/java/dev/runway/maven/Environment.java");
    private static final String UPDATE =
            "./mvnw -pl runway-maven-plugin test -Dtest=PluginDocsTest " + "-Drunway.updatePluginDocs=true";
    /** A field comment and the field it documents, in Environment.java. */
    private static final Pattern FIELD = Pattern.compile(
            "/\\*\\*\\s*((?:(?!\\*/).)*?)\\s*\\*/\\s*private\\s+([\\w<>.]+)\\s+(\\w+)\\s*[;=]", Pattern.DOTALL);

    @Test
    void committedReferenceMatchesThePluginDescriptor() throws Exception {
        String expected = reference();
        if (Boolean.getBoolean("runway.updatePluginDocs")) {
            Files.writeString(README, expected, StandardCharsets.UTF_8);
        }
        String committed = Files.isRegularFile(README) ? Files.readString(README, StandardCharsets.UTF_8) : "";
        assertEquals(
                expected,
                committed,
                "runway-maven-plugin/README.md is out of date with the plugin's goals and " + "parameters; run `"
                        + UPDATE + "` and commit the result");
    }

    @Test
    void everyEnvironmentFieldIsDocumented() throws IOException {
        Map<String, String[]> fields = environmentFields();
        assertFalse(fields.isEmpty(), "no documented fields found in " + ENVIRONMENT_SOURCE);
        for (java.lang.reflect.Field field : Environment.class.getDeclaredFields()) {
            assertNotNull(fields.get(field.getName()), "Environment." + field.getName() + " has no /** comment */");
        }
    }

    private static String reference() throws Exception {
        Document plugin;
        try (InputStream in = PluginDocsTest.class.getClassLoader().getResourceAsStream("META-INF/maven/plugin.xml")) {
            assertNotNull(in, "plugin.xml is generated in process-classes");
            plugin = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        Element root = plugin.getDocumentElement();
        StringBuilder out = new StringBuilder()
                .append("# runway-maven-plugin\n\n")
                .append("<!-- Generated from the plugin descriptor by PluginDocsTest. Do not edit by hand: run `")
                .append(UPDATE)
                .append("`. -->\n\n")
                .append(prose(child(root, "description")))
                .append("\n\n")
                .append("Goal prefix `")
                .append(child(root, "goalPrefix"))
                .append("`. Requires Maven ")
                .append(child(root, "requiredMavenVersion"))
                .append(" or later and Java ")
                .append(child(root, "requiredJavaVersion"))
                .append(" or later. Every parameter can be set in the ")
                .append("plugin's `<configuration>`; those with a user property also with `-D<property>=...` (a ")
                .append("value in the POM wins over the property, except for lists, which the property replaces: use ")
                .append("the `runway.extra*` properties to add to the POM's lists).\n");
        NodeList mojos = root.getElementsByTagName("mojo");
        List<Element> sorted = new ArrayList<>();
        for (int i = 0; i < mojos.getLength(); i++) {
            sorted.add((Element) mojos.item(i));
        }
        sorted.sort((a, b) -> child(a, "goal").compareTo(child(b, "goal")));
        for (Element mojo : sorted) {
            String goal = child(mojo, "goal");
            out.append("\n## runway:")
                    .append(goal)
                    .append("\n\n")
                    .append(prose(child(mojo, "description")))
                    .append("\n\n");
            String phase = child(mojo, "phase");
            out.append(
                            phase.isEmpty()
                                    ? "Not bound to a phase by default."
                                    : "Bound by default to the `" + phase + "` phase.")
                    .append(" Thread-safe: ")
                    .append(child(mojo, "threadSafe"))
                    .append(".\n\n");
            Element configuration =
                    (Element) mojo.getElementsByTagName("configuration").item(0);
            NodeList parameters =
                    ((Element) mojo.getElementsByTagName("parameters").item(0)).getElementsByTagName("parameter");
            out.append("| Parameter | Type | Default | User property | Description |\n")
                    .append("|-----------|------|---------|---------------|-------------|\n");
            for (int p = 0; p < parameters.getLength(); p++) {
                Element parameter = (Element) parameters.item(p);
                if (!"true".equals(child(parameter, "editable"))) {
                    continue;
                }
                String name = child(parameter, "name");
                Element configured = configuration == null
                        ? null
                        : (Element) configuration.getElementsByTagName(name).item(0);
                String defaultValue = configured == null ? "" : configured.getAttribute("default-value");
                String expression =
                        configured == null ? "" : configured.getTextContent().strip();
                String property = expression.startsWith("${") && expression.endsWith("}")
                        ? expression.substring(2, expression.length() - 1)
                        : "";
                out.append("| `")
                        .append(name)
                        .append("` | ")
                        .append(type(child(parameter, "type")))
                        .append(" | ")
                        .append(defaultValue.isEmpty() ? "" : "`" + defaultValue + "`")
                        .append(" | ")
                        .append(property.isEmpty() ? "" : "`" + property + "`")
                        .append(" | ")
                        .append(cell(child(parameter, "description")))
                        .append(" |\n");
            }
        }
        out.append("\n## The `<environment>` element\n\n")
                .append("Each `<environment>` of `<environments>` takes these children (its lists come after the ")
                .append("goal's own entries, so they win):\n\n")
                .append("| Element | Type | Description |\n|---------|------|-------------|\n");
        for (Map.Entry<String, String[]> field : environmentFields().entrySet()) {
            out.append("| `<")
                    .append(field.getKey())
                    .append(">` | ")
                    .append(type(field.getValue()[0]))
                    .append(" | ")
                    .append(cell(field.getValue()[1]))
                    .append(" |\n");
        }
        return out.toString();
    }

    /** Environment's fields in source order: name to {type, description}. */
    private static Map<String, String[]> environmentFields() throws IOException {
        String source = Files.readString(ENVIRONMENT_SOURCE, StandardCharsets.UTF_8);
        Map<String, String[]> fields = new LinkedHashMap<>();
        Matcher m = FIELD.matcher(source);
        while (m.find()) {
            String comment = m.group(1).replaceAll("\\s*\\n\\s*\\*\\s?", " ").replaceAll("\\{@code ([^}]*)}", "`$1`");
            fields.put(m.group(3), new String[] {m.group(2), comment.strip()});
        }
        return fields;
    }

    private static String type(String javaType) {
        return switch (javaType) {
            case "java.io.File", "File" -> "file";
            case "java.util.List", "List<File>" -> "list";
            case "List<String>" -> "list of strings";
            case "java.lang.String", "String" -> "string";
            case "boolean" -> "boolean";
            default ->
                javaType.startsWith("dev.runway.") || javaType.contains(".")
                        ? javaType.substring(javaType.lastIndexOf('.') + 1)
                        : javaType;
        };
    }

    private static String cell(String text) {
        return prose(text.replace("\n", " ")).replace("|", "\\|");
    }

    /** Text for Markdown: {@code <name>} outside code spans would read as an HTML tag and vanish. */
    private static String prose(String text) {
        StringBuilder out = new StringBuilder();
        boolean code = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '`') {
                code = !code;
            }
            out.append(c == '<' && !code ? "&lt;" : String.valueOf(c));
        }
        return out.toString();
    }

    private static String child(Element element, String tag) {
        NodeList list = element.getElementsByTagName(tag);
        for (int i = 0; i < list.getLength(); i++) {
            if (list.item(i).getParentNode() == element) {
                return list.item(i).getTextContent().strip();
            }
        }
        return "";
    }
}
