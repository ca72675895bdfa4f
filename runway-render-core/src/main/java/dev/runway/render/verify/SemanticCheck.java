package dev.runway.render.verify;

import dev.runway.render.verify.KubeSchema.KindInfo;
import dev.runway.render.verify.PodSpecs.PodTemplate;
import dev.runway.render.yaml.YNode;
import dev.runway.render.yaml.YNode.ScalarType;
import dev.runway.render.yaml.YNode.YMap;
import dev.runway.render.yaml.YNode.YScalar;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rules the API server's validation or the platform enforces beyond the shape: name and label syntax, selectors,
 * volumes, references between the rendered resources, ports, environment variables, resource requests, duplicates
 * and namespaces. The messages follow the API server's where it has one.
 */
final class SemanticCheck {
    private static final Set<String> STANDARD_RESOURCES = Set.of("cpu", "memory", "ephemeral-storage", "storage");

    private final List<Resource> resources;
    private final Map<Resource, KindInfo> kinds;
    private final VerifyOptions options;
    private final Findings findings;
    /** Indexes over {@link #resources}, built on first use (see {@link #find} and {@link #candidates}). */
    private Map<List<String>, Resource> byRef;

    private Map<List<String>, List<Workload>> workloadsByLabel;
    private final Map<List<Object>, Selection> selections = new HashMap<>();

    SemanticCheck(List<Resource> resources, Map<Resource, KindInfo> kinds, VerifyOptions options, Findings findings) {
        this.resources = resources;
        this.kinds = kinds;
        this.options = options;
        this.findings = findings;
    }

    void run() {
        duplicates();
        for (Resource r : resources) {
            metadata(r);
            var t = PodSpecs.of(r).orElse(null);
            if (t != null) {
                podSpec(r, t);
            }
            switch (r.kind()) {
                case "Deployment" -> {
                    workloadSelector(r);
                    rollingUpdate(r);
                }
                case "ReplicaSet", "StatefulSet", "DaemonSet" -> workloadSelector(r);
                case "Service" -> service(r);
                case "HorizontalPodAutoscaler" -> hpa(r);
                case "PodDisruptionBudget" -> pdb(r);
                case "ConfigMap", "Secret" -> configData(r);
                default -> {}
            }
        }
    }

    // ---- whole set ----

    private void duplicates() {
        Map<String, Resource> seen = new HashMap<>();
        for (Resource r : resources) {
            ResourceRef ref = r.ref();
            if (ref.kind().isEmpty() || ref.name().isEmpty()) {
                continue;
            }
            String key = ref.group() + "|" + ref.kind() + "|" + ref.namespace() + "|" + ref.name();
            Resource first = seen.putIfAbsent(key, r);
            if (first != null) {
                findings.error(
                        r,
                        "resource.duplicate",
                        "metadata.name",
                        r.root().line(),
                        ref + " is defined twice (first in " + first.file() + ")",
                        "remove one of them or give them different names: the second apply overwrites the first");
            }
        }
    }

    // ---- metadata ----

    private void metadata(Resource r) {
        YMap meta = r.root().map("metadata").orElse(null);
        if (meta == null) {
            findings.error(
                    r,
                    "name.missing",
                    "metadata.name",
                    r.root().line(),
                    "metadata.name is missing",
                    "add metadata.name");
            return;
        }
        Optional<String> name = meta.string("name");
        if (name.isEmpty() || name.get().isEmpty()) {
            if (meta.text("generateName").isEmpty()) {
                findings.error(
                        r,
                        "name.missing",
                        "metadata.name",
                        meta.line(),
                        "name or generateName is required",
                        "add metadata.name");
            }
        } else {
            var problem = nameRule(r.kind(), name.get()).orElse(null);
            if (problem != null) {
                findings.error(
                        r,
                        "name.invalid",
                        "metadata.name",
                        meta.lineOf("name"),
                        "Invalid value \"" + name.get() + "\": " + problem,
                        "rename the " + r.kind() + " to match " + nameRuleText(r.kind()));
            }
        }
        namespace(r, meta);
        labels(r, meta.map("labels"), "metadata.labels");
        annotations(r, meta.map("annotations"), "metadata.annotations");
    }

    static Optional<String> nameRule(String kind, String name) {
        return switch (kind) {
            case "Service" -> Names.dns1035Label(name);
            case "Namespace" -> Names.dns1123Label(name);
            case "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding" -> Names.pathSegment(name);
            case "CronJob" ->
                name.length() > 52
                        ? Optional.of("must be no more than 52 characters (has " + name.length() + ")")
                        : Names.dns1123Subdomain(name);
            default -> Names.dns1123Subdomain(name);
        };
    }

    private static String nameRuleText(String kind) {
        return switch (kind) {
            case "Service" -> "a DNS-1035 label: at most 63 lowercase letters, digits and '-', starting with a letter";
            case "Namespace" -> "a DNS-1123 label: at most 63 lowercase letters, digits and '-'";
            case "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding" -> "a path segment (no '/' or '%')";
            default -> "a DNS-1123 subdomain: at most 253 lowercase letters, digits, '-' and '.'";
        };
    }

    private void namespace(Resource r, YMap meta) {
        KindInfo info = kinds.get(r);
        String ns = meta.text("namespace").orElse("");
        if (info != null && !info.namespaced()) {
            if (!ns.isEmpty()) {
                findings.warning(
                        r,
                        "namespace.cluster-scoped",
                        "metadata.namespace",
                        meta.lineOf("namespace"),
                        r.kind() + " is cluster-scoped; metadata.namespace \"" + ns + "\" is ignored",
                        "remove metadata.namespace");
            }
            if (!options.namespace().isEmpty()) {
                findings.warning(
                        r,
                        "namespace.cluster-scoped",
                        "",
                        r.root().line(),
                        "cluster-scoped " + r.kind() + " in a service's manifests: it is not confined to namespace "
                                + options.namespace(),
                        "move cluster-wide resources to the platform's repository");
            }
            return;
        }
        if (options.namespace().isEmpty()) {
            return;
        }
        if (ns.isEmpty()) {
            findings.warning(
                    r,
                    "namespace.missing",
                    "metadata.namespace",
                    meta.line(),
                    "metadata.namespace is not set: the resource lands in whatever namespace the apply uses",
                    "set metadata.namespace: " + options.namespace());
        } else if (!ns.equals(options.namespace())) {
            findings.error(
                    r,
                    "namespace.mismatch",
                    "metadata.namespace",
                    meta.lineOf("namespace"),
                    "namespace \"" + ns + "\" is not the service's namespace \"" + options.namespace() + "\"",
                    "set metadata.namespace: " + options.namespace());
        }
    }

    private void labels(Resource r, Optional<YMap> labels, String path) {
        var m = labels.orElse(null);
        if (m != null) {
            for (Map.Entry<String, YNode> entry : m.entries().entrySet()) {
                String key = entry.getKey();
                YNode value = entry.getValue();
                String at = Paths.key(path, key);
                var problem = Names.qualifiedName(key).orElse(null);
                if (problem != null) {
                    findings.error(
                            r,
                            "label.invalid-key",
                            at,
                            m.lineOf(key),
                            "Invalid label key \"" + key + "\": " + problem,
                            "use a key like example.com/name or name (at most 63 characters after the prefix)");
                }
                if (value instanceof YScalar s && s.isString()) {
                    var valueProblem = Names.labelValue(s.value()).orElse(null);
                    if (valueProblem != null) {
                        findings.error(
                                r,
                                "label.invalid-value",
                                at,
                                value.line(),
                                "Invalid label value \"" + s.value() + "\": " + valueProblem,
                                "shorten the value or move it to an annotation (annotation values have no such limit)");
                    }
                }
            }
        }
    }

    private void annotations(Resource r, Optional<YMap> annotations, String path) {
        var m = annotations.orElse(null);
        if (m != null) {
            long total = 0;
            for (Map.Entry<String, YNode> e : m.entries().entrySet()) {
                String key = e.getKey();
                total += key.length()
                        + (e.getValue() instanceof YScalar s ? s.value().length() : 0);
                var problem = Names.qualifiedName(key).orElse(null);
                if (problem != null) {
                    findings.error(
                            r,
                            "annotation.invalid-key",
                            Paths.key(path, key),
                            m.lineOf(key),
                            "Invalid annotation key \"" + key + "\": " + problem,
                            "use a key like example.com/name");
                }
            }
            if (total > 256 * 1024) {
                findings.error(
                        r,
                        "annotation.too-long",
                        path,
                        m.line(),
                        "annotations are " + total + " bytes; they must have at most 262144 bytes",
                        "move large data to a ConfigMap");
            }
        }
    }

    // ---- workloads ----

    private void workloadSelector(Resource r) {
        YMap spec = r.root().map("spec").orElse(null);
        if (spec == null) {
            findings.error(
                    r,
                    "selector.missing",
                    "spec",
                    r.root().line(),
                    r.kind() + " has no spec",
                    "add spec with selector and template");
            return;
        }
        Optional<YMap> selector = spec.map("selector");
        String labelsPath = "spec.template.metadata.labels";
        Map<String, String> templateLabels =
                Selectors.strings(Optional.ofNullable(mapAt(spec, "template", "metadata", "labels")));
        YMap m = mapAt(spec, "template", "metadata");
        if (m != null) {
            labels(r, m.map("labels"), labelsPath);
        }
        if (selector.isEmpty()) {
            return; // a required field: the structure check reports it
        }
        YMap sel = selector.get();
        labels(r, sel.map("matchLabels"), "spec.selector.matchLabels");
        if (Selectors.isEmpty(sel)) {
            findings.error(
                    r,
                    "selector.empty",
                    "spec.selector",
                    sel.line(),
                    "empty selector is invalid for " + r.kind(),
                    "add spec.selector.matchLabels with the pod template's identifying labels");
            return;
        }
        if (spec.map("template").isPresent() && !Selectors.matches(sel, templateLabels)) {
            findings.error(
                    r,
                    "selector.mismatch",
                    "spec.template.metadata.labels",
                    spec.map("template").get().line(),
                    "selector " + Selectors.strings(sel.map("matchLabels")) + " does not match template labels "
                            + templateLabels,
                    "make spec.template.metadata.labels contain every spec.selector label");
        }
    }

    /** maxSurge and maxUnavailable: a whole number or a percentage, and not both zero. */
    private void rollingUpdate(Resource r) {
        YMap ru = mapAt(r.root(), "spec", "strategy", "rollingUpdate");
        if (ru != null) {
            boolean allZero = true;
            for (String field : List.of("maxSurge", "maxUnavailable")) {
                YNode v = ru.get(field);
                String at = "spec.strategy.rollingUpdate." + field;
                if (v instanceof YScalar s && s.isString()) {
                    if (!s.value().matches("[0-9]+%")) {
                        findings.error(
                                r,
                                "value.rolling-update",
                                at,
                                s.line(),
                                "Invalid value: \"" + s.value() + "\": must be an integer or percentage (e.g '5%')",
                                "write a whole number without quotes or a percentage such as \"25%\"");
                        allZero = false;
                    } else if (!s.value().matches("0+%")) {
                        allZero = false;
                    }
                } else if (v instanceof YScalar s && s.isNumber() && s.number() != null) {
                    if (s.number().signum() < 0) {
                        findings.error(
                                r,
                                "value.rolling-update",
                                at,
                                s.line(),
                                "Invalid value: " + s.value() + ": must be greater than or equal to 0",
                                "use 0 or more");
                    }
                    allZero &= s.number().signum() == 0;
                } else {
                    allZero = false; // unset: defaults to 25%
                }
            }
            if (allZero) {
                findings.error(
                        r,
                        "value.rolling-update",
                        "spec.strategy.rollingUpdate.maxUnavailable",
                        ru.line(),
                        "may not be 0 when `maxSurge` is 0",
                        "allow at least one of maxSurge and maxUnavailable");
            }
        }
    }

    private void podSpec(Resource r, PodTemplate t) {
        YMap spec = t.spec();
        String path = t.specPath();
        Map<String, Integer> volumes = new LinkedHashMap<>();
        List<YNode> volumeList = spec.list("volumes");
        for (int i = 0; i < volumeList.size(); i++) {
            if (!(volumeList.get(i) instanceof YMap volume)) {
                continue;
            }
            String at = Paths.index(Paths.field(path, "volumes"), i);
            String name = volume.text("name").orElse("");
            if (volumes.containsKey(name)) {
                findings.error(
                        r,
                        "volume.duplicate-name",
                        at + ".name",
                        volume.lineOf("name"),
                        "Duplicate value: \"" + name + "\"",
                        "give each volume its own name");
            }
            volumes.put(name, i);
            if (!name.isEmpty()) {
                var problem = Names.dns1123Label(name).orElse(null);
                if (problem != null) {
                    findings.error(
                            r,
                            "volume.invalid-name",
                            at + ".name",
                            volume.lineOf("name"),
                            "Invalid value \"" + name + "\": " + problem,
                            "use lowercase letters, digits and '-'");
                }
            }
            volumeReferences(r, volume, at);
        }
        if (spec.get("containers") instanceof YNode.YSeq seq && seq.items().isEmpty()) {
            findings.error(
                    r,
                    "pod.containers-empty",
                    path + ".containers",
                    seq.line(),
                    "containers: Required value: a pod needs at least one container",
                    "add the service's container");
        }
        if (r.kind().equals("StatefulSet")) {
            // Each volumeClaimTemplate becomes a volume of the pod, named after the template.
            YMap statefulSetSpec = mapAt(r.root(), "spec");
            for (YNode claim :
                    statefulSetSpec == null ? List.<YNode>of() : statefulSetSpec.list("volumeClaimTemplates")) {
                if (claim instanceof YMap c) {
                    YMap claimMetadata = mapAt(c, "metadata");
                    String n = claimMetadata == null
                            ? null
                            : claimMetadata.text("name").orElse(null);
                    if (n != null) {
                        volumes.putIfAbsent(n, -1);
                    }
                }
            }
        }
        Set<String> portNames = new HashSet<>();
        Set<String> containerNames = new HashSet<>();
        for (String list : List.of("initContainers", "containers")) {
            List<YNode> containers = spec.list(list);
            for (int i = 0; i < containers.size(); i++) {
                if (containers.get(i) instanceof YMap c) {
                    container(
                            r,
                            c,
                            Paths.index(Paths.field(path, list), i),
                            volumes.keySet(),
                            portNames,
                            containerNames,
                            list.equals("containers"));
                }
            }
        }
        var sa = spec.string("serviceAccountName").orElse(null);
        if (sa != null) {
            if (!sa.equals("default")
                    && find("ServiceAccount", namespaceOf(r), sa).isEmpty()) {
                findings.warning(
                        r,
                        "ref.serviceaccount-missing",
                        path + ".serviceAccountName",
                        spec.lineOf("serviceAccountName"),
                        "ServiceAccount \"" + sa
                                + "\" is not in the rendered manifests; pods are not created until it exists",
                        "render the ServiceAccount with the service, or make sure it exists in namespace "
                                + namespaceOf(r));
            }
        }
        if (r.kind().equals("Deployment")
                || r.kind().equals("ReplicaSet")
                || r.kind().equals("StatefulSet")
                || r.kind().equals("DaemonSet")) {
            String p = spec.string("restartPolicy").orElse(null);
            if (p != null && (p.equals("OnFailure") || p.equals("Never"))) {
                findings.error(
                        r,
                        "value.unsupported",
                        path + ".restartPolicy",
                        spec.lineOf("restartPolicy"),
                        "Unsupported value: \"" + p + "\": supported values: \"Always\"",
                        "remove restartPolicy");
            }
        }
        if (r.kind().equals("Job") || r.kind().equals("CronJob")) {
            Optional<String> policy = spec.string("restartPolicy");
            if (policy.isEmpty() || policy.get().equals("Always")) {
                findings.error(
                        r,
                        "value.unsupported",
                        path + ".restartPolicy",
                        spec.lineOf("restartPolicy"),
                        (policy.isPresent() ? "Unsupported value: \"" + policy.get() + "\"" : "Required value")
                                + ": supported values: \"OnFailure\", \"Never\"",
                        "set restartPolicy: OnFailure (or Never)");
            }
        }
    }

    private void volumeReferences(Resource r, YMap volume, String at) {
        var cm = volume.map("configMap").orElse(null);
        if (cm != null) {
            configMapRef(r, cm, at + ".configMap", cm.text("name").orElse(""), cm.get("optional"), cm.list("items"));
        }
        var p = volume.map("projected").orElse(null);
        if (p != null) {
            List<YNode> sources = p.list("sources");
            for (int i = 0; i < sources.size(); i++) {
                if (sources.get(i) instanceof YMap source) {
                    int index = i;
                    var sourceConfigMap = source.map("configMap").orElse(null);
                    if (sourceConfigMap != null) {
                        configMapRef(
                                r,
                                sourceConfigMap,
                                at + ".projected.sources[" + index + "].configMap",
                                sourceConfigMap.text("name").orElse(""),
                                sourceConfigMap.get("optional"),
                                sourceConfigMap.list("items"));
                    }
                }
            }
        }
    }

    private void configMapRef(Resource r, YMap ref, String at, String name, YNode optional, List<YNode> items) {
        if (isTrue(optional)) {
            return;
        }
        if (name.isEmpty()) {
            findings.error(
                    r,
                    "ref.configmap-missing",
                    at + ".name",
                    ref.line(),
                    "configMap name is required",
                    "set the name of the ConfigMap");
            return;
        }
        Optional<Resource> cm = find("ConfigMap", namespaceOf(r), name);
        if (cm.isEmpty()) {
            findings.warning(
                    r,
                    "ref.configmap-missing",
                    at + ".name",
                    ref.lineOf("name"),
                    "ConfigMap \"" + name
                            + "\" is not in the rendered manifests; pods stay in ContainerCreating until it exists",
                    "render the ConfigMap with the service, fix the name, or set optional: true");
            return;
        }
        Set<String> keys = configKeys(cm.get());
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof YMap item) {
                String key = item.text("key").orElse("");
                if (!key.isEmpty() && !keys.contains(key)) {
                    findings.warning(
                            r,
                            "ref.configmap-key-missing",
                            at + ".items[" + i + "].key",
                            item.lineOf("key"),
                            "ConfigMap \"" + name + "\" has no key \"" + key + "\" (keys: " + keys + ")",
                            "use one of the ConfigMap's keys, or add the key to its data");
                }
            }
        }
    }

    private static Set<String> configKeys(Resource cm) {
        Set<String> keys = new HashSet<>();
        var d = cm.root().map("data").orElse(null);
        if (d != null) {
            keys.addAll(d.entries().keySet());
        }
        var binaryData = cm.root().map("binaryData").orElse(null);
        if (binaryData != null) {
            keys.addAll(binaryData.entries().keySet());
        }
        return keys;
    }

    private static boolean isTrue(YNode node) {
        return node instanceof YScalar s
                && s.type() == ScalarType.BOOL
                && s.value().equals("true");
    }

    private void container(
            Resource r,
            YMap c,
            String at,
            Set<String> volumes,
            Set<String> portNames,
            Set<String> containerNames,
            boolean regular) {
        String name = c.text("name").orElse("");
        if (!name.isEmpty()) {
            if (!containerNames.add(name)) {
                findings.error(
                        r,
                        "container.duplicate-name",
                        at + ".name",
                        c.lineOf("name"),
                        "Duplicate value: \"" + name + "\"",
                        "give each container its own name");
            }
            var problem = Names.dns1123Label(name).orElse(null);
            if (problem != null) {
                findings.error(
                        r,
                        "container.invalid-name",
                        at + ".name",
                        c.lineOf("name"),
                        "Invalid value \"" + name + "\": " + problem,
                        "use lowercase letters, digits and '-', at most 63");
            }
        }
        YNode image = c.get("image");
        if (image == null
                || (image instanceof YScalar s
                        && (s.type() == ScalarType.NULL || s.value().isBlank()))) {
            // The API server requires it only for bare Pods; controllers accept the template and then fail every pod.
            findings.error(
                    r,
                    "container.image-missing",
                    at + ".image",
                    c.line(),
                    "image is missing: no pod of this template can start",
                    "set the container image");
        }
        Set<String> ownPorts = ports(r, c, at, portNames);
        env(r, c, at);
        resources(r, c, at);
        mounts(r, c, at, volumes);
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            var p = c.map(probe).orElse(null);
            if (p != null) {
                probePort(r, p, Paths.field(at, probe), ownPorts);
            }
        }
        if (!regular
                && c.map("readinessProbe").isPresent()
                && !"Always".equals(c.text("restartPolicy").orElse(null))) {
            findings.error(
                    r,
                    "container.init-probe",
                    at + ".readinessProbe",
                    c.lineOf("readinessProbe"),
                    "init containers may not have a readinessProbe",
                    "remove the readinessProbe");
        }
    }

    private Set<String> ports(Resource r, YMap c, String at, Set<String> podPortNames) {
        Set<String> own = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        List<YNode> ports = c.list("ports");
        for (int i = 0; i < ports.size(); i++) {
            if (!(ports.get(i) instanceof YMap p)) {
                continue;
            }
            String pAt = at + ".ports[" + i + "]";
            if (p.get("containerPort") instanceof YScalar s && s.isNumber()) {
                portRange(r, s, pAt + ".containerPort", 1, "containerPort");
                String protocol = p.text("protocol").orElse("TCP");
                if (!numbers.add(s.value() + "/" + protocol)) {
                    findings.error(
                            r,
                            "port.duplicate",
                            pAt + ".containerPort",
                            s.line(),
                            "port " + s.value() + "/" + protocol + " is listed twice: server-side apply rejects"
                                    + " duplicate entries",
                            "remove the duplicate port");
                }
            }
            if (p.get("hostPort") instanceof YScalar s && s.isNumber()) {
                portRange(r, s, pAt + ".hostPort", 0, "hostPort");
            }
            var name = p.string("name").orElse(null);
            if (name != null) {
                var problem = Names.portName(name).orElse(null);
                if (problem != null) {
                    findings.error(
                            r,
                            "port.invalid-name",
                            pAt + ".name",
                            p.lineOf("name"),
                            "Invalid value \"" + name + "\": " + problem,
                            "use at most 15 lowercase letters, digits and '-', with at least one letter (IANA_SVC_NAME)");
                }
                if (!own.add(name)) {
                    findings.error(
                            r,
                            "port.duplicate-name",
                            pAt + ".name",
                            p.lineOf("name"),
                            "Duplicate value: \"" + name + "\"",
                            "give each port of the container its own name");
                } else if (!podPortNames.add(name)) {
                    // Accepted (the rule is per container), but a Service targetPort by this name is ambiguous.
                    findings.warning(
                            r,
                            "port.duplicate-name",
                            pAt + ".name",
                            p.lineOf("name"),
                            "another container of the pod already has a port named \"" + name + "\"",
                            "give each port of the pod its own name, so a Service targetPort names one port");
                }
            }
        }
        return own;
    }

    private void portRange(Resource r, YScalar s, String at, int min, String what) {
        BigDecimal v = s.number();
        if (v == null || v.compareTo(BigDecimal.valueOf(min)) < 0 || v.compareTo(BigDecimal.valueOf(65535)) > 0) {
            findings.error(
                    r,
                    "port.invalid-number",
                    at,
                    s.line(),
                    "Invalid value: " + s.value() + ": must be between " + min + " and 65535, inclusive",
                    "use a " + what + " between " + Math.max(min, 1) + " and 65535");
        }
    }

    private void probePort(Resource r, YMap probe, String at, Set<String> ownPorts) {
        for (String handler : List.of("httpGet", "tcpSocket", "grpc")) {
            YMap h = probe.map(handler).orElse(null);
            if (h == null) {
                continue;
            }
            YNode port = h.get("port");
            String pAt = at + "." + handler + ".port";
            if (port instanceof YScalar s && s.isString()) {
                if (handler.equals("grpc")) {
                    continue;
                }
                Optional<String> problem = Names.portName(s.value());
                if (problem.isPresent()) {
                    findings.error(
                            r,
                            "port.invalid-name",
                            pAt,
                            s.line(),
                            "Invalid value \"" + s.value() + "\": " + problem.get(),
                            "use a port number or the name of a container port");
                } else if (!ownPorts.contains(s.value())) {
                    findings.error(
                            r,
                            "port.unknown-name",
                            pAt,
                            s.line(),
                            "the container has no port named \"" + s.value() + "\"; the probe always fails",
                            "name a port of the container (" + ownPorts + ") or use a number");
                }
            } else if (port instanceof YScalar s && s.isNumber()) {
                portRange(r, s, pAt, 1, "port");
            }
        }
    }

    private void env(Resource r, YMap c, String at) {
        List<YNode> env = c.list("env");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < env.size(); i++) {
            if (!(env.get(i) instanceof YMap e)) {
                continue;
            }
            String eAt = at + ".env[" + i + "]";
            if (e.get("name") != null && e.string("name").isEmpty()) {
                continue; // not a string: the structure check reports it
            }
            String name = e.string("name").orElse("");
            Optional<String> rejected = Names.envVarNameRejected(name);
            if (rejected.isPresent()) {
                if (e.get("name") != null) {
                    findings.error(
                            r,
                            "env.invalid-name",
                            eAt + ".name",
                            e.lineOf("name"),
                            "Invalid value \"" + name + "\": " + rejected.get(),
                            "use a name like MY_SETTING");
                }
            } else if (!Names.C_IDENTIFIER.matcher(name).matches()) {
                findings.warning(
                        r,
                        "env.invalid-name",
                        eAt + ".name",
                        e.lineOf("name"),
                        "\"" + name + "\" is not a C identifier: shells and most runtimes cannot read it",
                        "use letters, digits and '_', not starting with a digit (for example "
                                + name.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9_]", "_") + ")");
            }
            if (!name.isEmpty() && !names.add(name)) {
                // env is a map-list keyed by name: server-side apply (Flux) rejects duplicate keys.
                findings.error(
                        r,
                        "env.duplicate-name",
                        eAt + ".name",
                        e.lineOf("name"),
                        "environment variable \"" + name + "\" is set twice: server-side apply rejects duplicate"
                                + " entries (client-side apply keeps the last)",
                        "remove one of the entries");
            }
            if (e.get("value") != null && e.map("valueFrom").isPresent()) {
                findings.error(
                        r,
                        "env.value-and-valuefrom",
                        eAt,
                        e.line(),
                        "may not have both value and valueFrom",
                        "keep one of value and valueFrom");
            }
            YMap ref = mapAt(e, "valueFrom", "configMapKeyRef");
            if (ref == null) {
                continue;
            }
            String cmName = ref.text("name").orElse("");
            if (isTrue(ref.get("optional"))) {
                continue;
            }
            Optional<Resource> cm = find("ConfigMap", namespaceOf(r), cmName);
            if (cm.isEmpty()) {
                findings.warning(
                        r,
                        "ref.configmap-missing",
                        eAt + ".valueFrom.configMapKeyRef.name",
                        ref.lineOf("name"),
                        "ConfigMap \"" + cmName + "\" is not in the rendered manifests",
                        "render the ConfigMap with the service, fix the name, or set optional: true");
            } else {
                String key = ref.text("key").orElse("");
                if (!configKeys(cm.get()).contains(key)) {
                    findings.warning(
                            r,
                            "ref.configmap-key-missing",
                            eAt + ".valueFrom.configMapKeyRef.key",
                            ref.lineOf("key"),
                            "ConfigMap \"" + cmName + "\" has no key \"" + key + "\"",
                            "use one of the ConfigMap's keys " + configKeys(cm.get()));
                }
            }
        }
        List<YNode> envFrom = c.list("envFrom");
        for (int i = 0; i < envFrom.size(); i++) {
            if (envFrom.get(i) instanceof YMap e) {
                int index = i;
                var ref = e.map("configMapRef").orElse(null);
                if (ref != null) {
                    if (!isTrue(ref.get("optional"))) {
                        String cmName = ref.text("name").orElse("");
                        if (find("ConfigMap", namespaceOf(r), cmName).isEmpty()) {
                            findings.warning(
                                    r,
                                    "ref.configmap-missing",
                                    at + ".envFrom[" + index + "].configMapRef.name",
                                    ref.lineOf("name"),
                                    "ConfigMap \"" + cmName + "\" is not in the rendered manifests",
                                    "render the ConfigMap with the service, fix the name, or set optional: true");
                        }
                    }
                }
            }
        }
    }

    private void resources(Resource r, YMap c, String at) {
        var res = c.map("resources").orElse(null);
        if (res != null) {
            Map<String, BigDecimal> requests = quantities(r, res.map("requests"), at + ".resources.requests");
            Map<String, BigDecimal> limits = quantities(r, res.map("limits"), at + ".resources.limits");
            for (Map.Entry<String, BigDecimal> e : requests.entrySet()) {
                BigDecimal limit = limits.get(e.getKey());
                if (limit != null && e.getValue().compareTo(limit) > 0) {
                    String path = Paths.key(at + ".resources.requests", e.getKey());
                    findings.error(
                            r,
                            "resources.request-exceeds-limit",
                            path,
                            (res.map("requests").isPresent()
                                    ? res.map("requests").get().lineOf(e.getKey())
                                    : res.line()),
                            "Invalid value: must be less than or equal to " + e.getKey() + " limit of "
                                    + text(res.map("limits"), e.getKey()),
                            "lower the request or raise the limit so that request <= limit");
                }
            }
        }
    }

    private Map<String, BigDecimal> quantities(Resource r, Optional<YMap> map, String at) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        var m = map.orElse(null);
        if (m != null) {
            for (Map.Entry<String, YNode> entry : m.entries().entrySet()) {
                String name = entry.getKey();
                YNode v = entry.getValue();
                if (!STANDARD_RESOURCES.contains(name) && !name.startsWith("hugepages-") && !name.contains("/")) {
                    findings.error(
                            r,
                            "resources.invalid-name",
                            Paths.key(at, name),
                            m.lineOf(name),
                            "Invalid value: \"" + name + "\": must be a standard resource type or fully qualified",
                            "use cpu, memory, ephemeral-storage, hugepages-<size> or a domain-prefixed extended resource");
                }
                if (v instanceof YScalar s && (s.isNumber() || s.isString())) {
                    var q = Quantities.parse(s.value()).orElse(null);
                    if (q != null) {
                        out.put(name, q);
                        if (q.signum() < 0) {
                            findings.error(
                                    r,
                                    "resources.negative",
                                    Paths.key(at, name),
                                    s.line(),
                                    "Invalid value: \"" + s.value() + "\": must be greater than or equal to 0",
                                    "use a positive quantity");
                        }
                    }
                }
            }
        }
        return out;
    }

    private static String text(Optional<YMap> map, String key) {
        return map.isPresent() ? map.get().text(key).orElse("?") : "?";
    }

    private void mounts(Resource r, YMap c, String at, Set<String> volumes) {
        List<YNode> mounts = c.list("volumeMounts");
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < mounts.size(); i++) {
            if (!(mounts.get(i) instanceof YMap m)) {
                continue;
            }
            String mAt = at + ".volumeMounts[" + i + "]";
            String name = m.text("name").orElse("");
            if (!name.isEmpty() && !volumes.contains(name)) {
                findings.error(
                        r,
                        "volume.unknown-mount",
                        mAt + ".name",
                        m.lineOf("name"),
                        "Not found: \"" + name + "\": no volume of the pod has this name",
                        volumes.isEmpty()
                                ? "add a volume named " + name + " to the pod spec"
                                : "use one of the pod's volumes " + volumes + " or add a volume named " + name);
            }
            String mountPath = m.text("mountPath").orElse("");
            if (!mountPath.isEmpty() && !paths.add(mountPath)) {
                findings.error(
                        r,
                        "volume.duplicate-mount-path",
                        mAt + ".mountPath",
                        m.lineOf("mountPath"),
                        "Invalid value: \"" + mountPath + "\": must be unique",
                        "mount each path once");
            }
        }
    }

    // ---- other kinds ----

    private void service(Resource r) {
        YMap spec = r.root().map("spec").orElse(null);
        if (spec == null) {
            findings.error(
                    r, "port.required", "spec.ports", r.root().line(), "spec.ports: Required value", "add spec.ports");
            return;
        }
        String type = spec.string("type").orElse("ClusterIP");
        List<YNode> ports = spec.list("ports");
        boolean headless = "None".equals(spec.text("clusterIP").orElse(null));
        if (ports.isEmpty() && !type.equals("ExternalName") && !headless) {
            findings.error(
                    r,
                    "port.required",
                    "spec.ports",
                    spec.line(),
                    "spec.ports: Required value",
                    "add at least one port");
        }
        labels(r, spec.map("selector"), "spec.selector");
        Map<String, String> selector = Selectors.strings(spec.map("selector"));
        Selection selected = selector.isEmpty() ? Selection.NONE : selection(namespaceOf(r), selector);
        if (!selector.isEmpty() && selected.isEmpty()) {
            findings.warning(
                    r,
                    "service.selector-unmatched",
                    "spec.selector",
                    spec.lineOf("selector"),
                    "selector " + selector + " matches no pod template in the rendered manifests",
                    "make spec.selector equal to the Deployment's selector labels");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            if (!(ports.get(i) instanceof YMap p)) {
                continue;
            }
            String pAt = "spec.ports[" + i + "]";
            if (p.get("port") instanceof YScalar s && s.isNumber()) {
                portRange(r, s, pAt + ".port", 1, "port");
            }
            Optional<String> name = p.string("name");
            if (name.isEmpty() && ports.size() > 1) {
                findings.error(
                        r,
                        "port.invalid-name",
                        pAt + ".name",
                        p.line(),
                        "Required value: a Service with more" + " than one port must name every port",
                        "name the port, for example http");
            }
            var n = name.orElse(null);
            if (n != null) {
                var problem = Names.dns1123Label(n).orElse(null);
                if (problem != null) {
                    findings.error(
                            r,
                            "port.invalid-name",
                            pAt + ".name",
                            p.lineOf("name"),
                            "Invalid value \"" + n + "\": " + problem,
                            "use lowercase letters, digits and '-'");
                }
                if (!names.add(n)) {
                    findings.error(
                            r,
                            "port.duplicate-name",
                            pAt + ".name",
                            p.lineOf("name"),
                            "Duplicate value: \"" + n + "\"",
                            "give each port its own name");
                }
            }
            YNode target = p.get("targetPort");
            if (target instanceof YScalar t && t.isNumber()) {
                portRange(r, t, pAt + ".targetPort", 1, "targetPort");
            } else if (target instanceof YScalar t && t.isString()) {
                Optional<String> problem = Names.portName(t.value());
                if (problem.isPresent()) {
                    findings.error(
                            r,
                            "port.invalid-name",
                            pAt + ".targetPort",
                            t.line(),
                            "Invalid value \"" + t.value() + "\": " + problem.get(),
                            "use a port number or a container port name");
                } else if (!selected.isEmpty() && !selected.portNames().contains(t.value())) {
                    findings.warning(
                            r,
                            "port.unknown-name",
                            pAt + ".targetPort",
                            t.line(),
                            "no selected pod has a container port named \"" + t.value() + "\"",
                            "name a container port " + t.value() + " or use the port's number");
                }
            }
        }
    }

    private void hpa(Resource r) {
        YMap spec = r.root().map("spec").orElse(null);
        if (spec == null) {
            return;
        }
        if (spec.get("minReplicas") instanceof YScalar min && min.isNumber() && min.number() != null) {
            if (min.number().signum() <= 0) {
                findings.error(
                        r,
                        "hpa.replicas",
                        "spec.minReplicas",
                        min.line(),
                        "Invalid value: " + min.value() + ": must be greater than or equal to 1",
                        "set minReplicas to 1 or more");
            }
            if (spec.get("maxReplicas") instanceof YScalar max
                    && max.isNumber()
                    && max.number() != null
                    && max.number().compareTo(min.number()) < 0) {
                findings.error(
                        r,
                        "hpa.replicas",
                        "spec.maxReplicas",
                        max.line(),
                        "Invalid value: " + max.value() + ": must be greater than or equal to `minReplicas`",
                        "raise maxReplicas to at least " + min.value());
            }
        }
        var ref = spec.map("scaleTargetRef").orElse(null);
        if (ref != null) {
            String kind = ref.text("kind").orElse("");
            String name = ref.text("name").orElse("");
            if (!kind.isEmpty()
                    && !name.isEmpty()
                    && find(kind, namespaceOf(r), name).isEmpty()) {
                findings.warning(
                        r,
                        "ref.scale-target-missing",
                        "spec.scaleTargetRef",
                        ref.line(),
                        kind + " \"" + name
                                + "\" is not in the rendered manifests; the autoscaler has nothing to scale",
                        "point scaleTargetRef at the service's Deployment");
            }
        }
    }

    private void pdb(Resource r) {
        YMap spec = r.root().map("spec").orElse(null);
        if (spec == null) {
            return;
        }
        if (spec.get("minAvailable") != null
                && spec.get("maxUnavailable") != null
                && !(spec.get("minAvailable") instanceof YScalar a && a.type() == ScalarType.NULL)
                && !(spec.get("maxUnavailable") instanceof YScalar b && b.type() == ScalarType.NULL)) {
            findings.error(
                    r,
                    "pdb.both-set",
                    "spec",
                    spec.line(),
                    "minAvailable and maxUnavailable cannot be both set",
                    "keep one of minAvailable and maxUnavailable");
        }
        for (String field : List.of("minAvailable", "maxUnavailable")) {
            if (spec.get(field) instanceof YScalar s && s.isString()) {
                String v = s.value();
                if (!v.matches("[0-9]+%")) {
                    findings.error(
                            r,
                            "pdb.invalid-percent",
                            "spec." + field,
                            s.line(),
                            "Invalid value: \"" + v + "\": must be an integer or percentage (e.g '5%')",
                            "write a whole number without quotes or a percentage such as \"50%\"");
                } else if (Integer.parseInt(v.substring(0, v.length() - 1)) > 100) {
                    findings.error(
                            r,
                            "pdb.invalid-percent",
                            "spec." + field,
                            s.line(),
                            "Invalid value: \"" + v + "\": must not be greater than 100%",
                            "use at most 100%");
                }
            } else if (spec.get(field) instanceof YScalar s
                    && s.isNumber()
                    && s.number() != null
                    && s.number().signum() < 0) {
                findings.error(
                        r,
                        "pdb.invalid-percent",
                        "spec." + field,
                        s.line(),
                        "Invalid value: " + s.value() + ": must be greater than or equal to 0",
                        "use 0 or more");
            }
        }
        var sel = spec.map("selector").orElse(null);
        if (sel != null) {
            boolean any = false;
            for (Workload w : candidates(namespaceOf(r), Selectors.strings(sel.map("matchLabels")))) {
                if (Selectors.matches(sel, w.labels())) {
                    any = true;
                    break;
                }
            }
            if (!Selectors.isEmpty(sel) && !any) {
                findings.warning(
                        r,
                        "pdb.selector-unmatched",
                        "spec.selector",
                        sel.line(),
                        "selector matches no pod template in the rendered manifests",
                        "use the Deployment's selector labels");
            }
        }
    }

    private void configData(Resource r) {
        Set<String> keys = new HashSet<>();
        for (String field : List.of("data", "binaryData", "stringData")) {
            var m = r.root().map(field).orElse(null);
            if (m != null) {
                for (String key : m.entries().keySet()) {
                    String at = Paths.key(field, key);
                    var problem = Names.configMapKey(key).orElse(null);
                    if (problem != null) {
                        findings.error(
                                r,
                                "config.invalid-key",
                                at,
                                m.lineOf(key),
                                "Invalid value: \"" + key + "\": " + problem,
                                "use letters, digits, '-', '_' and '.' in keys");
                    }
                    if (!field.equals("stringData") && !keys.add(key)) {
                        findings.error(
                                r,
                                "config.duplicate-key",
                                at,
                                m.lineOf(key),
                                "Invalid value: \"" + key + "\": duplicate of key present in data",
                                "keep the key in one of data and binaryData");
                    }
                }
            }
        }
    }

    // ---- helpers ----

    private String namespaceOf(Resource r) {
        return r.ref().namespace().isEmpty() ? options.namespace() : r.ref().namespace();
    }

    private Optional<Resource> find(String kind, String namespace, String name) {
        if (byRef == null) {
            byRef = new HashMap<>();
            for (Resource x : resources) {
                byRef.putIfAbsent(List.of(x.kind(), namespaceOf(x), x.ref().name()), x);
            }
        }
        return Optional.ofNullable(byRef.get(List.of(kind, namespace, name)));
    }

    private static Map<String, String> podLabels(Resource w) {
        var t = PodSpecs.of(w).orElse(null);
        return t == null ? Map.of() : Selectors.strings(Optional.ofNullable(mapAt(t.labelsOwner(), "labels")));
    }

    /** A workload and its pod template's labels. */
    private record Workload(Resource resource, Map<String, String> labels) {}

    /** The workloads a Service selector selects, and the container port names they declare. */
    private record Selection(List<Resource> workloads, Set<String> portNames) {
        static final Selection NONE = new Selection(List.of(), Set.of());

        boolean isEmpty() {
            return workloads.isEmpty();
        }
    }

    /**
     * The workloads of {@code namespace} that may match {@code matchLabels}: the shortest list of those carrying one
     * of its labels (all of the namespace's when it is empty). Read once per verification, so that Services and PDBs
     * do not each walk every resource (a file of many Services was quadratic).
     */
    private List<Workload> candidates(String namespace, Map<String, String> matchLabels) {
        if (workloadsByLabel == null) {
            workloadsByLabel = new HashMap<>();
            for (Resource w : resources) {
                if (PodSpecs.isWorkload(w.kind())) {
                    Workload workload = new Workload(w, podLabels(w));
                    String ns = namespaceOf(w);
                    workloadsByLabel
                            .computeIfAbsent(List.of(ns), k -> new ArrayList<>())
                            .add(workload);
                    for (Map.Entry<String, String> e : workload.labels().entrySet()) {
                        workloadsByLabel
                                .computeIfAbsent(List.of(ns, e.getKey(), e.getValue()), k -> new ArrayList<>())
                                .add(workload);
                    }
                }
            }
        }
        List<Workload> shortest = workloadsByLabel.getOrDefault(List.of(namespace), List.of());
        for (Map.Entry<String, String> e : matchLabels.entrySet()) {
            List<Workload> carrying =
                    workloadsByLabel.getOrDefault(List.of(namespace, e.getKey(), e.getValue()), List.of());
            if (carrying.size() < shortest.size()) {
                shortest = carrying;
            }
        }
        return shortest;
    }

    /** What a Service selector selects; Services with the same selector share the answer. */
    private Selection selection(String namespace, Map<String, String> selector) {
        return selections.computeIfAbsent(List.of(namespace, selector), k -> {
            List<Resource> selected = new ArrayList<>();
            Set<String> portNames = new HashSet<>();
            for (Workload w : candidates(namespace, selector)) {
                if (Selectors.matchesMap(selector, w.labels())) {
                    selected.add(w.resource());
                    portNames.addAll(containerPortNames(w.resource()));
                }
            }
            return new Selection(selected, portNames);
        });
    }

    /**
     * The map at {@code keys} below {@code map} (null when {@code map} is null or a key is missing or not a map): a
     * plain walk instead of a chain of {@code Optional.flatMap} lambdas, each of which a cold JVM spins a class for.
     */
    private static YMap mapAt(YMap map, String... keys) {
        YMap m = map;
        for (String key : keys) {
            if (m == null) {
                return null;
            }
            m = m.map(key).orElse(null);
        }
        return m;
    }

    private static Set<String> containerPortNames(Resource w) {
        Set<String> names = new HashSet<>();
        var t = PodSpecs.of(w).orElse(null);
        if (t != null) {
            for (YNode c : t.spec().list("containers")) {
                if (c instanceof YMap cm) {
                    for (YNode p : cm.list("ports")) {
                        if (p instanceof YMap pm) {
                            String name = pm.string("name").orElse(null);
                            if (name != null) {
                                names.add(name);
                            }
                        }
                    }
                }
            }
        }
        return names;
    }
}
