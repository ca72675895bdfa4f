package dev.runway.render.verify;

import dev.runway.render.verify.KubeSchema.JavaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The generated resource {@value #RESOURCE}: what {@link KubeSchema} knows of client-java-api's generated classes,
 * written by {@code KubeSchemaGenerator} (test code) so that verify needs neither the 8.4 MB client jar and its five
 * dependencies on the plugin's class path nor reading its class files at run time (issue 19).
 *
 * <p>The format, one entry a line; {@code #} starts a comment line:
 *
 * <pre>
 * client 27.0.0                        the client-java-api version it was generated from
 * kubernetes 1.36                      the Kubernetes release that client is generated from
 * api AppsV1Api                        a generated API class; the kinds below are its create methods' models
 * kind Deployment V1Deployment namespaced   (or cluster): a kind, its model's simple name, its scope
 * model V1ContainerPort                a model; its fields follow, each on a line of its own, indented
 *  containerPort int32                 a field: its JSON name and its type
 * required containerPort               the model's required fields, in the order findings report them
 * </pre>
 *
 * <p>Types: {@code string int32 int64 float boolean int-or-string quantity date-time bytes any} are each the one Java
 * class the models use for it ({@link #SCALARS}); {@code []T} is a {@code java.util.List} of T, {@code map[string]T} a
 * {@code java.util.Map} from String to T, and any other name a model class. Models are named by their simple names
 * in the package {@value KubeSchema#MODELS}.
 *
 * <p>The kinds are read at once (a few hundred short lines); a model's fields only when a lookup reaches the model,
 * from where the first pass found its lines.
 */
final class KubeSchemaResource {

    static final String RESOURCE = "dev/runway/render/verify/kube-schema.txt";

    /** The type names of the format and the Java class each stands for. */
    static final Map<String, String> SCALARS = Map.ofEntries(
            Map.entry("string", "java.lang.String"),
            Map.entry("int32", "java.lang.Integer"),
            Map.entry("int64", "java.lang.Long"),
            Map.entry("float", "java.lang.Double"),
            Map.entry("boolean", "java.lang.Boolean"),
            Map.entry("int-or-string", "io.kubernetes.client.custom.IntOrString"),
            Map.entry("quantity", "io.kubernetes.client.custom.Quantity"),
            Map.entry("date-time", "java.time.OffsetDateTime"),
            Map.entry("bytes", "byte[]"),
            Map.entry("any", "java.lang.Object"));

    static final String LIST = "java.util.List";
    static final String MAP = "java.util.Map";

    /** A kind of an API class. */
    record Kind(String kind, String model, boolean namespaced) {}

    /** A model's fields (JSON name to type, in the class's order) and required fields (in findings' order). */
    record Model(Map<String, JavaType> fields, Set<String> required) {}

    private final String source;
    private final String text;
    private final String clientVersion;
    private final String kubernetesVersion;
    private final Map<String, Map<String, Kind>> apis;
    /** Where each model's field lines start in {@link #text}, and that line's number. */
    private final Map<String, int[]> modelStarts;

    private KubeSchemaResource(
            String source,
            String text,
            String clientVersion,
            String kubernetesVersion,
            Map<String, Map<String, Kind>> apis,
            Map<String, int[]> modelStarts) {
        this.source = source;
        this.text = text;
        this.clientVersion = clientVersion;
        this.kubernetesVersion = kubernetesVersion;
        this.apis = apis;
        this.modelStarts = modelStarts;
    }

    /** Reads {@value #RESOURCE} from this class's loader. */
    static KubeSchemaResource load() {
        try (InputStream in = KubeSchemaResource.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the Kubernetes schema resource " + RESOURCE + " is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the header and the kinds of a resource's text and finds its models.
     *
     * @param source names the text in error messages
     * @throws IllegalStateException when a line is not in the format (the message names {@code source} and the line)
     */
    static KubeSchemaResource parse(String text, String source) {
        String client = null;
        String kubernetes = null;
        Map<String, Map<String, Kind>> apis = new HashMap<>();
        Map<String, Kind> kinds = null;
        Map<String, int[]> models = new HashMap<>();
        int lineNumber = 0;
        int at = 0;
        while (at < text.length()) {
            int end = lineEnd(text, at);
            lineNumber++;
            int next = Math.min(end + 1, text.length());
            char first = text.charAt(at);
            if (first == ' ' && models.isEmpty()) {
                throw corrupt(source, lineNumber, "a field line before the first model line");
            }
            if (first == '\n' || first == '#' || first == ' ') {
                // Field lines are read with their model (modelFields), which checks them; most lines are field lines.
                at = next;
                continue;
            }
            String line = text.substring(at, end);
            String[] words = line.split(" ", -1);
            switch (words[0]) {
                case "client" -> client = single(words, source, lineNumber);
                case "kubernetes" -> kubernetes = single(words, source, lineNumber);
                case "api" -> {
                    kinds = new HashMap<>();
                    if (apis.put(single(words, source, lineNumber), kinds) != null) {
                        throw corrupt(source, lineNumber, "the API class " + words[1] + " is listed twice");
                    }
                }
                case "kind" -> {
                    if (words.length != 4 || kinds == null) {
                        throw corrupt(
                                source,
                                lineNumber,
                                "expected 'kind <kind> <model> namespaced|cluster' after an api line");
                    }
                    if (!words[3].equals("namespaced") && !words[3].equals("cluster")) {
                        throw corrupt(source, lineNumber, "the scope " + words[3] + " is not namespaced or cluster");
                    }
                    kinds.put(
                            words[1], new Kind(words[1], KubeSchema.MODELS + words[2], words[3].equals("namespaced")));
                }
                case "model" -> {
                    if (models.put(single(words, source, lineNumber), new int[] {next, lineNumber + 1}) != null) {
                        throw corrupt(source, lineNumber, "the model " + words[1] + " is listed twice");
                    }
                }
                case "required" -> {
                    // Read with its model.
                }
                default -> throw corrupt(source, lineNumber, "unknown entry '" + words[0] + "'");
            }
            at = next;
        }
        if (client == null || kubernetes == null) {
            throw corrupt(source, Math.max(lineNumber, 1), "no 'client' or 'kubernetes' line");
        }
        Map<String, Map<String, Kind>> frozen = new HashMap<>();
        apis.forEach((api, k) -> frozen.put(api, Collections.unmodifiableMap(k)));
        return new KubeSchemaResource(source, text, client, kubernetes, frozen, models);
    }

    /** The client-java-api version the resource was generated from. */
    String clientVersion() {
        return clientVersion;
    }

    /** The Kubernetes release that client is generated from. */
    String kubernetesVersion() {
        return kubernetesVersion;
    }

    /** The kinds whose create methods the API class of this simple name has; empty when the client has no such class. */
    Optional<Map<String, Kind>> kinds(String apiClass) {
        return Optional.ofNullable(apis.get(apiClass));
    }

    /** The fields of the model of this simple name; empty when the client has no such model. */
    Optional<Model> model(String simpleName) {
        int[] start = modelStarts.get(simpleName);
        return start == null ? Optional.empty() : Optional.of(modelFields(start[0], start[1]));
    }

    /** The simple names of all models, for tests. */
    Set<String> modelNames() {
        return Collections.unmodifiableSet(modelStarts.keySet());
    }

    private Model modelFields(int at, int lineNumber) {
        Map<String, JavaType> fields = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        while (at < text.length()) {
            int end = lineEnd(text, at);
            String line = text.substring(at, end);
            if (line.startsWith(" ")) {
                int space = line.indexOf(' ', 1);
                if (space < 0 || line.indexOf(' ', space + 1) >= 0) {
                    throw corrupt(source, lineNumber, "expected ' <JSON name> <type>'");
                }
                fields.put(line.substring(1, space), type(line.substring(space + 1), lineNumber));
            } else if (line.startsWith("required ")) {
                required.addAll(List.of(line.substring("required ".length()).split(" ")));
            } else if (!line.startsWith("#") && !line.isEmpty()) {
                break;
            }
            at = Math.min(end + 1, text.length());
            lineNumber++;
        }
        return new Model(Collections.unmodifiableMap(fields), Collections.unmodifiableSet(required));
    }

    /** A type of the format as the Java type it stands for. */
    private JavaType type(String name, int lineNumber) {
        if (name.startsWith("[]")) {
            return new JavaType(LIST, List.of(type(name.substring(2), lineNumber)));
        }
        if (name.startsWith("map[string]")) {
            return new JavaType(
                    MAP,
                    List.of(
                            JavaType.of(SCALARS.get("string")),
                            type(name.substring("map[string]".length()), lineNumber)));
        }
        String scalar = SCALARS.get(name);
        if (scalar != null) {
            return JavaType.of(scalar);
        }
        if (!name.isEmpty()
                && Character.isUpperCase(name.charAt(0))
                && name.chars().allMatch(Character::isLetterOrDigit)) {
            return JavaType.of(KubeSchema.MODELS + name);
        }
        throw corrupt(source, lineNumber, "unknown type '" + name + "'");
    }

    private static int lineEnd(String text, int at) {
        int end = text.indexOf('\n', at);
        return end < 0 ? text.length() : end;
    }

    private static String single(String[] words, String source, int lineNumber) {
        if (words.length != 2 || words[1].isEmpty()) {
            throw corrupt(source, lineNumber, "expected '" + words[0] + " <value>'");
        }
        return words[1];
    }

    private static IllegalStateException corrupt(String source, int lineNumber, String problem) {
        return new IllegalStateException(source + " line " + lineNumber + ": " + problem
                + " (a generated resource: regenerate it, see its first lines)");
    }
}
