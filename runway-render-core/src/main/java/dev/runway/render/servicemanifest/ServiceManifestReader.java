package dev.runway.render.servicemanifest;

import dev.runway.render.io.BoundedFiles;
import dev.runway.render.values.SourcePosition;
import dev.runway.render.values.ValueTrees;
import dev.runway.render.values.ValuesDocument;
import dev.runway.render.values.ValuesFiles;
import dev.runway.render.values.ValuesPath;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks {@code .runway/runway.yml} through the values reader ({@link ValuesFiles}: the same YAML rules,
 * limits and positions as values files), then checks every field against {@link ManifestField}: unknown fields,
 * fields without EKS meaning and wrong types are all reported at once, each with its file, line and column.
 */
public final class ServiceManifestReader {

    static final String KIND = "RunwayService";
    static final Set<String> API_VERSIONS = Set.of("runway/v1", "runway/v1+dev");
    /** A Kubernetes label value (the GitLab label keys become labels). */
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");

    private final ValuesFiles files;

    private ServiceManifestReader(ValuesFiles files) {
        this.files = Objects.requireNonNull(files, "files");
    }

    /** The values files' default limits and YAML reading. */
    public static ServiceManifestReader standard() {
        return new ServiceManifestReader(ValuesFiles.standard());
    }

    /** Reads {@code file}, named {@code name} in messages (for example {@code .runway/runway.yml}). */
    public ServiceManifest read(Path file, String name, Collection<String> ignoredFields) {
        String text;
        try {
            text = BoundedFiles.readUtf8(file, (long) files.limits().maxChars() * 4);
        } catch (CharacterCodingException e) {
            throw single(name, "the file is not UTF-8 text");
        } catch (java.nio.file.NoSuchFileException e) {
            throw single(name, "no such file");
        } catch (BoundedFiles.FileTooLargeException e) {
            throw single(
                    name,
                    "the file has more than " + e.limit() + " bytes; a service manifest is limited to "
                            + files.limits().maxChars() + " characters");
        } catch (BoundedFiles.NotARegularFileException e) {
            throw single(
                    name,
                    "the path names " + e.kind() + ", not a regular file; the service manifest must be"
                            + " a regular file");
        } catch (IOException e) {
            throw single(name, "cannot read the file: " + e.getMessage());
        }
        return read(text, name, ignoredFields);
    }

    /** Reads manifest text; {@code name} names it in messages and positions. */
    public ServiceManifest read(String text, String name, Collection<String> ignoredFields) {
        ValuesDocument document;
        try {
            document = files.read(text, name);
        } catch (dev.runway.render.values.ValuesFileException e) {
            // The values reader already says file:line:column; keep its words.
            throw new ServiceManifestException(
                    name,
                    List.of(new ManifestProblem(
                            e.position().orElse(start(name)),
                            "",
                            e.getMessage().substring(e.getMessage().indexOf(": ") + 2))));
        }
        Check check = new Check(document, Set.copyOf(ignoredFields));
        check.walk(document.values(), "", ValuesPath.ROOT);
        check.semantics();
        if (!check.problems.isEmpty()) {
            throw new ServiceManifestException(name, check.problems, check.unlisted);
        }
        return new ServiceManifest(name, document, check.ignored);
    }

    private static ServiceManifestException single(String name, String message) {
        return new ServiceManifestException(name, List.of(new ManifestProblem(start(name), "", message)));
    }

    private static SourcePosition start(String name) {
        return new SourcePosition(name, 1, 1);
    }

    /** The most problems a message lists; the rest are counted. */
    static final int MAX_LISTED_PROBLEMS = 100;

    /** The checks of one read. */
    private static final class Check {
        private final ValuesDocument document;
        private final Set<String> ignoredFields;
        private final List<ManifestProblem> problems = new ArrayList<>();
        /** Problems found beyond {@link #MAX_LISTED_PROBLEMS}: counted, not listed. */
        private int unlisted;

        private final Set<String> ignored = new LinkedHashSet<>();

        Check(ValuesDocument document, Set<String> ignoredFields) {
            this.document = document;
            this.ignoredFields = ignoredFields;
        }

        void walk(Object value, String path, ValuesPath at) {
            if (!(value instanceof Map<?, ?> map)) {
                return;
            }
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = (String) entry.getKey();
                String child = path.isEmpty() ? key : path + "." + key;
                ValuesPath childAt = at.child(key);
                if (ignoredFields.contains(child)) {
                    ignored.add(child);
                    continue;
                }
                ManifestField field = ManifestField.at(child).orElse(null);
                if (field == null) {
                    List<String> known = ManifestField.childrenOf(path).stream()
                            .map(p -> p.substring(p.lastIndexOf('.') + 1))
                            .toList();
                    keyProblem(
                            childAt,
                            child,
                            "unknown field: " + (path.isEmpty() ? "a manifest" : path)
                                    + " has the fields " + String.join(", ", known) + " (the ones runway-render knows; "
                                    + "a Runway field it does not know can be skipped with runway.ignoredManifestFields)");
                    continue;
                }
                switch (field.meaning()) {
                    case NO_EKS_MEANING ->
                        keyProblem(
                                childAt,
                                child,
                                "has no meaning on EKS: " + field.note()
                                        + ". Remove it from the manifest runway-render reads, or list " + child
                                        + " in runway.ignoredManifestFields to skip it knowingly");
                    case NOT_SUPPORTED -> keyProblem(childAt, child, "not supported by runway-eks: " + field.note());
                    case GROUP -> {
                        if (typeOk(field.type(), entry.getValue(), childAt, child)) {
                            walk(entry.getValue(), child, childAt);
                        }
                    }
                    default -> typeOk(field.type(), entry.getValue(), childAt, child);
                }
            }
        }

        private boolean typeOk(ManifestField.Type type, Object value, ValuesPath at, String path) {
            boolean ok = switch (type) {
                case OBJECT -> value instanceof Map<?, ?>;
                case STRING -> value instanceof String;
                case INTEGER ->
                    value instanceof Number n
                            && n.doubleValue() == Math.rint(n.doubleValue())
                            && !Double.isInfinite(n.doubleValue());
                case QUANTITY -> value instanceof String || value instanceof Number;
                case BOOLEAN -> value instanceof Boolean;
                case ANY -> true;
            };
            if (!ok) {
                String hint = type == ManifestField.Type.STRING && (value instanceof Number || value instanceof Boolean)
                        ? "; quote it: \"" + ValueTrees.describe(value).replaceFirst("^the (number|boolean) ", "")
                                + "\""
                        : "";
                valueProblem(at, path, "expected " + type.words() + ", found " + found(value) + hint);
            }
            return ok;
        }

        void semantics() {
            Map<String, Object> values = document.values();
            Object kind = values.get("kind");
            if (kind == null) {
                problems.add(new ManifestProblem(
                        start(document.source()),
                        "kind",
                        "kind is missing: a Runway service manifest starts with kind: " + KIND));
            } else if (!KIND.equals(kind)) {
                valueProblem(
                        ValuesPath.of("kind"),
                        "kind",
                        "kind " + found(kind) + " is not " + KIND + ": runway-render renders Runway services only");
            }
            Object apiVersion = values.get("apiVersion");
            if (apiVersion instanceof String v && !API_VERSIONS.contains(v)) {
                valueProblem(
                        ValuesPath.of("apiVersion"),
                        "apiVersion",
                        "apiVersion \"" + v + "\" is not one runway-render knows: use runway/v1 (or runway/v1+dev)");
            }
            Object name =
                    ValueTrees.at(values, ValuesPath.of("metadata", "name")).orElse(null);
            if (name == null || (name instanceof String s && s.isBlank())) {
                problems.add(new ManifestProblem(
                        document.keyPositionOf(ValuesPath.of("metadata")).orElse(start(document.source())),
                        "metadata.name",
                        "metadata.name is missing: it is the service id (Runway's runway_service_id)"));
            }
            for (String label : List.of("owner_email_handle", "department", "department_group", "product_category")) {
                ValuesPath at = ValuesPath.of("metadata", label);
                if (ValueTrees.at(values, at).orElse(null) instanceof String text
                        && (text.length() > 63 || !LABEL_VALUE.matcher(text).matches())) {
                    valueProblem(
                            at,
                            "metadata." + label,
                            "\"" + text + "\" cannot be the Kubernetes label "
                                    + ServiceManifest.LABELS.get(label)
                                    + ": label values have at most 63 characters, letters, "
                                    + "digits, '-', '_' and '.', starting and ending with a letter or digit");
                }
            }
            integer(values, "spec", "container_port").ifPresent(port -> {
                if (port < 1 || port > 65535) {
                    valueProblem(
                            ValuesPath.of("spec", "container_port"),
                            "spec.container_port",
                            "container_port " + port + " is not a port: use 1 to 65535");
                }
            });
            var min = integer(values, "spec", "scalability", "min_instances");
            var max = integer(values, "spec", "scalability", "max_instances");
            if (min.isPresent() && min.getAsLong() < 1) {
                valueProblem(
                        ValuesPath.of("spec", "scalability", "min_instances"),
                        "spec.scalability.min_instances",
                        "min_instances " + min.getAsLong()
                                + " asks Cloud Run to scale to zero, which has no meaning on "
                                + "EKS (a Deployment keeps its pods; the HorizontalPodAutoscaler's minimum is 1): use 1 or more");
            }
            if (max.isPresent() && max.getAsLong() < 1) {
                valueProblem(
                        ValuesPath.of("spec", "scalability", "max_instances"),
                        "spec.scalability.max_instances",
                        "max_instances " + max.getAsLong() + " must be at least 1");
            }
            if (min.isPresent() && max.isPresent() && min.getAsLong() > max.getAsLong()) {
                valueProblem(
                        ValuesPath.of("spec", "scalability", "max_instances"),
                        "spec.scalability.max_instances",
                        "max_instances " + max.getAsLong() + " is below min_instances " + min.getAsLong());
            }
            integer(values, "spec", "readiness_probe", "success_threshold").ifPresent(threshold -> {
                if (threshold != 1) {
                    valueProblem(
                            ValuesPath.of("spec", "readiness_probe", "success_threshold"),
                            "spec.readiness_probe.success_threshold",
                            "success_threshold " + threshold
                                    + " is not supported: runway-eks renders Kubernetes' default of 1; remove it or set 1");
                }
            });
            if (ValueTrees.at(values, ValuesPath.of("spec", "image")).orElse(null) instanceof String image) {
                try {
                    ImageReference.parse(image);
                } catch (IllegalArgumentException e) {
                    valueProblem(ValuesPath.of("spec", "image"), "spec.image", e.getMessage());
                }
            }
        }

        private java.util.OptionalLong integer(Map<String, Object> values, Object... path) {
            Object value = ValueTrees.at(values, ValuesPath.of(path)).orElse(null);
            return value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                    ? java.util.OptionalLong.of(n.longValue())
                    : java.util.OptionalLong.empty();
        }

        private void keyProblem(ValuesPath at, String path, String message) {
            if (problems.size() == MAX_LISTED_PROBLEMS) {
                unlisted++;
                return;
            }
            problems.add(new ManifestProblem(
                    document.keyPositionOf(at).or(() -> document.positionOf(at)).orElse(start(document.source())),
                    path,
                    message));
        }

        private void valueProblem(ValuesPath at, String path, String message) {
            if (problems.size() == MAX_LISTED_PROBLEMS) {
                unlisted++;
                return;
            }
            problems.add(new ManifestProblem(
                    document.positionOf(at).or(() -> document.keyPositionOf(at)).orElse(start(document.source())),
                    path,
                    message));
        }

        private static String found(Object value) {
            return value == null ? "nothing" : ValueTrees.describe(value);
        }
    }
}
