package dev.runway.render.verify;

import dev.runway.render.verify.KubeSchema.KindInfo;
import dev.runway.render.verify.PodSpecs.PodTemplate;
import dev.runway.render.yaml.YNode;
import dev.runway.render.yaml.YNode.ScalarType;
import dev.runway.render.yaml.YNode.YMap;
import dev.runway.render.yaml.YNode.YScalar;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rules of the API server's validation that the OpenAPI shape cannot express: fields that exclude or require each
 * other, numbers that must not be negative, and values with a syntax of their own. Each rule names the function of
 * kubernetes/pkg/apis/&lt;group&gt;/validation that enforces it; messages follow the server's wording.
 */
final class ApiServerRules {
    private static final List<String> PROBE_HANDLERS = List.of("exec", "httpGet", "tcpSocket", "grpc");
    private static final List<String> LIFECYCLE_HANDLERS = List.of("exec", "httpGet", "tcpSocket", "sleep");
    private static final List<String> ENV_SOURCES =
            List.of("fieldRef", "resourceFieldRef", "configMapKeyRef", "secretKeyRef", "fileKeyRef");
    private static final Set<String> NOT_VOLUME_SOURCES = Set.of("name");

    private final List<Resource> resources;
    private final Map<Resource, KindInfo> kinds;
    private final Findings findings;

    ApiServerRules(List<Resource> resources, Map<Resource, KindInfo> kinds, Findings findings) {
        this.resources = resources;
        this.kinds = kinds;
        this.findings = findings;
    }

    void run() {
        for (Resource r : resources) {
            if (!kinds.containsKey(r)) {
                continue; // not a built-in kind the structure check knows: its shape may differ
            }
            namespace(r);
            var t = PodSpecs.of(r).orElse(null);
            if (t != null) {
                podSpec(r, t);
            }
            YMap spec = r.root().map("spec").orElse(null);
            if (spec == null) {
                continue;
            }
            switch (r.kind()) {
                case "Deployment" -> {
                    replicas(r, spec);
                    deployment(r, spec);
                }
                case "StatefulSet", "ReplicaSet", "ReplicationController" -> replicas(r, spec);
                case "Service" -> service(r, spec);
                case "Ingress" -> ingress(r, spec);
                case "CronJob" -> cronJob(r, spec);
                case "Job" -> job(r, spec, "spec");
                default -> {}
            }
        }
    }

    // ---- metadata ----

    /** ValidateObjectMeta: metadata.namespace must be a DNS-1123 label (ValidateNamespaceName). */
    private void namespace(Resource r) {
        var meta = r.root().map("metadata").orElse(null);
        if (meta != null) {
            var ns = meta.string("namespace").orElse(null);
            if (ns != null && !ns.isEmpty()) {
                var problem = Names.dns1123Label(ns).orElse(null);
                if (problem != null) {
                    findings.error(
                            r,
                            "name.invalid-namespace",
                            "metadata.namespace",
                            meta.lineOf("namespace"),
                            "Invalid value: \"" + ns + "\": " + problem,
                            "use a namespace name of lowercase letters, digits and '-' (at most 63)");
                }
            }
        }
    }

    // ---- workloads ----

    /** ValidateDeploymentSpec, ValidateStatefulSetSpec, ValidateReplicaSetSpec: ValidateNonnegativeField(replicas). */
    private void replicas(Resource r, YMap spec) {
        nonNegative(r, spec, "replicas", "spec");
        nonNegative(r, spec, "minReadySeconds", "spec");
        nonNegative(r, spec, "revisionHistoryLimit", "spec");
    }

    /** ValidateDeploymentSpec and ValidateDeploymentStrategy (pkg/apis/apps/validation). */
    private void deployment(Resource r, YMap spec) {
        var strategy = spec.map("strategy").orElse(null);
        if (strategy != null) {
            if ("Recreate".equals(strategy.string("type").orElse(""))
                    && strategy.get("rollingUpdate") != null
                    && !isNull(strategy.get("rollingUpdate"))) {
                findings.error(
                        r,
                        "value.strategy",
                        "spec.strategy.rollingUpdate",
                        strategy.lineOf("rollingUpdate"),
                        "Forbidden: may not be specified when strategy `type` is 'Recreate'",
                        "remove spec.strategy.rollingUpdate, or use type RollingUpdate");
            }
        }
        if (num(spec.get("progressDeadlineSeconds")) instanceof BigDecimal deadline) {
            BigDecimal minReady = number(spec.get("minReadySeconds"));
            if (deadline.signum() <= 0 || (minReady != null && deadline.compareTo(minReady) <= 0)) {
                findings.error(
                        r,
                        "value.negative",
                        "spec.progressDeadlineSeconds",
                        spec.lineOf("progressDeadlineSeconds"),
                        "Invalid value: " + deadline.toPlainString() + ": must be greater than minReadySeconds",
                        "set progressDeadlineSeconds above minReadySeconds (default 600)");
            }
        }
    }

    /** ValidateCronJobSpec: schedule (validateScheduleFormat: robfig/cron ParseStandard), timeZone, job template. */
    private void cronJob(Resource r, YMap spec) {
        if (spec.get("schedule") instanceof YScalar s
                && s.isString()
                && !s.value().contains("${")) {
            if (s.value().contains("TZ")) {
                findings.error(
                        r,
                        "value.schedule",
                        "spec.schedule",
                        s.line(),
                        "Invalid value: \"" + s.value()
                                + "\": cannot use TZ or CRON_TZ in schedule, use timeZone field instead",
                        "move the time zone to spec.timeZone");
            } else {
                var problem = CronSchedule.problem(s.value()).orElse(null);
                if (problem != null) {
                    findings.error(
                            r,
                            "value.schedule",
                            "spec.schedule",
                            s.line(),
                            "Invalid value: \"" + s.value() + "\": " + problem,
                            "write five fields (minute hour day-of-month month day-of-week), e.g. \"*/5 * * * *\", or"
                                    + " @hourly, @daily, @weekly, @monthly, @yearly, @every 1h");
                }
            }
        }
        if (spec.get("timeZone") instanceof YScalar tz && tz.isString() && !validTimeZone(tz.value())) {
            findings.error(
                    r,
                    "value.time-zone",
                    "spec.timeZone",
                    tz.line(),
                    "Invalid value: \"" + tz.value() + "\": unknown time zone " + tz.value(),
                    "use an IANA time zone name such as Europe/Berlin or UTC");
        }
        nonNegative(r, spec, "startingDeadlineSeconds", "spec");
        nonNegative(r, spec, "successfulJobsHistoryLimit", "spec");
        nonNegative(r, spec, "failedJobsHistoryLimit", "spec");
        YMap jobTemplate = spec.map("jobTemplate").orElse(null);
        YMap js = jobTemplate == null ? null : jobTemplate.map("spec").orElse(null);
        if (js != null) {
            job(r, js, "spec.jobTemplate.spec");
        }
    }

    /** validateTimeZone: a name time.LoadLocation knows; "Local" is refused. */
    private static boolean validTimeZone(String name) {
        if (name.equals("Local") || name.isEmpty() || name.contains(" ")) {
            return false;
        }
        return name.equals("UTC") || ZoneId.getAvailableZoneIds().contains(name);
    }

    /** validateJobSpec: parallelism, completions, backoffLimit, activeDeadlineSeconds, ttl not negative. */
    private void job(Resource r, YMap spec, String path) {
        for (String field : List.of(
                "parallelism", "completions", "backoffLimit", "activeDeadlineSeconds", "ttlSecondsAfterFinished")) {
            nonNegative(r, spec, field, path);
        }
    }

    // ---- pods ----

    private void podSpec(Resource r, PodTemplate t) {
        YMap spec = t.spec();
        String path = t.specPath();
        nonNegative(r, spec, "terminationGracePeriodSeconds", path);
        positive(r, spec, "activeDeadlineSeconds", path);
        Map<String, String> hostPorts = new HashMap<>();
        for (String list : List.of("initContainers", "containers")) {
            List<YNode> containers = spec.list(list);
            for (int i = 0; i < containers.size(); i++) {
                if (containers.get(i) instanceof YMap c) {
                    container(r, c, Paths.index(Paths.field(path, list), i), hostPorts);
                }
            }
        }
        List<YNode> volumes = spec.list("volumes");
        for (int i = 0; i < volumes.size(); i++) {
            if (volumes.get(i) instanceof YMap v) {
                volumeSource(r, v, Paths.index(Paths.field(path, "volumes"), i));
            }
        }
    }

    private void container(Resource r, YMap c, String at, Map<String, String> hostPorts) {
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            var p = c.map(probe).orElse(null);
            if (p != null) {
                probe(r, p, Paths.field(at, probe), probe);
            }
        }
        var lifecycle = c.map("lifecycle").orElse(null);
        if (lifecycle != null) {
            for (String hook : List.of("postStart", "preStop")) {
                var h = lifecycle.map(hook).orElse(null);
                if (h != null) {
                    handlers(r, h, Paths.field(at, "lifecycle." + hook), LIFECYCLE_HANDLERS);
                }
            }
        }
        List<YNode> env = c.list("env");
        for (int i = 0; i < env.size(); i++) {
            if (env.get(i) instanceof YMap e) {
                int index = i;
                var v = e.map("valueFrom").orElse(null);
                if (v != null) {
                    exactlyOne(
                            r,
                            v,
                            ENV_SOURCES,
                            at + ".env[" + index + "].valueFrom",
                            "env.valuefrom-sources",
                            "valueFrom");
                }
            }
        }
        List<YNode> envFrom = c.list("envFrom");
        for (int i = 0; i < envFrom.size(); i++) {
            if (envFrom.get(i) instanceof YMap e) {
                exactlyOne(
                        r,
                        e,
                        List.of("configMapRef", "secretRef"),
                        at + ".envFrom[" + i + "]",
                        "env.envfrom-sources",
                        "envFrom");
            }
        }
        List<YNode> ports = c.list("ports");
        for (int i = 0; i < ports.size(); i++) {
            if (ports.get(i) instanceof YMap p
                    && p.get("hostPort") instanceof YScalar hp
                    && hp.isNumber()
                    && hp.number() != null
                    && hp.number().signum() > 0) {
                // checkHostPortConflicts (AccumulateUniqueHostPorts): one hostPort/protocol per pod.
                String key =
                        hp.number().toPlainString() + "/" + p.string("protocol").orElse("TCP");
                String pAt = at + ".ports[" + i + "].hostPort";
                String first = hostPorts.putIfAbsent(key, pAt);
                if (first != null) {
                    findings.error(
                            r,
                            "port.host-conflict",
                            pAt,
                            hp.line(),
                            "Duplicate value: \"" + key + "\": hostPort already used by " + first,
                            "give each hostPort of the pod its own number (or drop hostPort)");
                }
            }
        }
    }

    /** validateProbe and validateHandler: exactly one handler; thresholds and periods in range. */
    private void probe(Resource r, YMap probe, String at, String kind) {
        handlers(r, probe, at, PROBE_HANDLERS);
        for (String field : List.of(
                "initialDelaySeconds",
                "timeoutSeconds",
                "periodSeconds",
                "successThreshold",
                "failureThreshold",
                "terminationGracePeriodSeconds")) {
            nonNegative(r, probe, field, at);
        }
        if (!kind.equals("readinessProbe")
                && num(probe.get("successThreshold")) instanceof BigDecimal s
                && s.compareTo(BigDecimal.ONE) != 0) {
            findings.error(
                    r,
                    "value.probe",
                    at + ".successThreshold",
                    probe.lineOf("successThreshold"),
                    "Invalid value: " + s.toPlainString() + ": must be 1",
                    "remove successThreshold (it must be 1" + " for " + kind + ")");
        }
    }

    private void handlers(Resource r, YMap owner, String at, List<String> allowed) {
        List<String> present = presentKeys(owner, allowed);
        if (present.isEmpty()) {
            findings.error(
                    r,
                    "probe.handler",
                    at,
                    owner.line(),
                    "Required value: must specify a handler type",
                    "add one of " + String.join(", ", allowed));
        } else if (present.size() > 1) {
            findings.error(
                    r,
                    "probe.handler",
                    Paths.field(at, present.get(1)),
                    owner.lineOf(present.get(1)),
                    "Forbidden: may not specify more than 1 handler type (found " + String.join(" and ", present) + ")",
                    "keep one of " + String.join(", ", present));
        }
    }

    /** The keys of {@code owner} among {@code keys} that are set and not null, in the order of {@code keys}. */
    private static List<String> presentKeys(YMap owner, List<String> keys) {
        List<String> present = new ArrayList<>();
        for (String k : keys) {
            if (owner.get(k) != null && !isNull(owner.get(k))) {
                present.add(k);
            }
        }
        return present;
    }

    /** validateEnvVarValueFrom, validateEnvFrom: exactly one source. */
    private void exactlyOne(Resource r, YMap owner, List<String> sources, String at, String check, String what) {
        List<String> present = presentKeys(owner, sources);
        if (present.isEmpty()) {
            findings.error(
                    r,
                    check,
                    at,
                    owner.line(),
                    "Invalid value: \"\": must specify one of: `"
                            + String.join(
                                    "`, `", sources.subList(0, sources.size() - (what.equals("valueFrom") ? 1 : 0)))
                            + "`",
                    "set one source in " + what);
        } else if (present.size() > 1) {
            findings.error(
                    r,
                    check,
                    Paths.field(at, present.get(1)),
                    owner.lineOf(present.get(1)),
                    "Invalid value: \"\": may not have more than one field specified at a time (found "
                            + String.join(" and ", present) + ")",
                    "keep one of " + String.join(", ", present));
        }
    }

    /** validateVolumeSource: exactly one volume type. */
    private void volumeSource(Resource r, YMap volume, String at) {
        List<String> types = new ArrayList<>();
        for (String k : volume.entries().keySet()) {
            if (!NOT_VOLUME_SOURCES.contains(k) && !isNull(volume.get(k))) {
                types.add(k);
            }
        }
        if (types.isEmpty()) {
            findings.error(
                    r,
                    "volume.source-count",
                    at,
                    volume.line(),
                    "Required value: must specify a volume type",
                    "add a volume source such as configMap, secret, emptyDir or projected");
        } else if (types.size() > 1) {
            findings.error(
                    r,
                    "volume.source-count",
                    Paths.field(at, types.get(1)),
                    volume.lineOf(types.get(1)),
                    "Forbidden: may not specify more than 1 volume type (found " + String.join(" and ", types) + ")",
                    "keep one of " + String.join(", ", types) + " (one volume per source)");
        }
    }

    // ---- services ----

    /** ValidateService (pkg/apis/core/validation). */
    private void service(Resource r, YMap spec) {
        String type = spec.string("type").orElse("ClusterIP");
        List<YNode> ports = spec.list("ports");
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < ports.size(); i++) {
            if (!(ports.get(i) instanceof YMap p)) {
                continue;
            }
            String pAt = "spec.ports[" + i + "]";
            if (p.get("nodePort") instanceof YScalar np
                    && np.isNumber()
                    && np.number() != null
                    && np.number().signum() != 0
                    && type.equals("ClusterIP")) {
                findings.error(
                        r,
                        "port.nodeport-not-allowed",
                        pAt + ".nodePort",
                        np.line(),
                        "Forbidden: may not be used when `type` is 'ClusterIP'",
                        "remove nodePort, or use type NodePort or LoadBalancer");
            }
            if (p.get("port") instanceof YScalar port && port.isNumber() && port.number() != null) {
                String key = port.number().toPlainString() + "/"
                        + p.string("protocol").orElse("TCP");
                Integer first = seen.putIfAbsent(key, i);
                if (first != null) {
                    findings.error(
                            r,
                            "port.duplicate",
                            pAt,
                            p.line(),
                            "Duplicate value: port " + key + " is already spec.ports[" + first + "]",
                            "give each Service port its own number");
                }
            }
        }
        Optional<String> clusterIP = spec.string("clusterIP");
        var ip = clusterIP.orElse(null);
        if (ip != null && !ip.isEmpty() && !ip.equals("None") && !ip.contains("${") && !isIp(ip)) {
            findings.error(
                    r,
                    "value.cluster-ip",
                    "spec.clusterIP",
                    spec.lineOf("clusterIP"),
                    "Invalid value: \"" + ip + "\": must be a valid IP address (e.g. 10.9.8.7 or 2001:db8::ffff)",
                    "leave clusterIP out (the server assigns one), or write None for a headless Service");
        }
        List<YNode> clusterIPs = spec.list("clusterIPs");
        for (int i = 0; i < clusterIPs.size(); i++) {
            if (clusterIPs.get(i) instanceof YScalar s
                    && s.isString()
                    && !s.value().equals("None")
                    && !s.value().isEmpty()
                    && !s.value().contains("${")
                    && !isIp(s.value())) {
                findings.error(
                        r,
                        "value.cluster-ip",
                        "spec.clusterIPs[" + i + "]",
                        s.line(),
                        "Invalid value: \"" + s.value() + "\": must be a valid IP address",
                        "leave clusterIPs out, or list valid IPs");
            }
        }
        if (type.equals("ExternalName")) {
            if (spec.string("externalName").orElse("").isEmpty()) {
                findings.error(
                        r,
                        "value.external-name",
                        "spec.externalName",
                        spec.line(),
                        "Required value",
                        "set spec.externalName to the DNS name the Service points at");
            }
            if (!clusterIP.orElse("").isEmpty()) {
                findings.error(
                        r,
                        "value.cluster-ip",
                        "spec.clusterIP",
                        spec.lineOf("clusterIP"),
                        "Forbidden: may not be set for ExternalName services",
                        "remove spec.clusterIP");
            }
        }
    }

    /** A literal IPv4 or IPv6 address as netutils.ParseIPSloppy takes it (no zone, no brackets). */
    static boolean isIp(String text) {
        if (text.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
            for (String part : text.split("\\.", -1)) {
                if (Integer.parseInt(part) > 255) {
                    return false;
                }
            }
            return true;
        }
        if (!text.contains(":") || !text.matches("[0-9A-Fa-f:.]+")) {
            return false;
        }
        try {
            return java.net.InetAddress.getByName(text) instanceof java.net.Inet6Address;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    // ---- ingress ----

    /** validateIngressBackend and validateIngressServiceBackend (pkg/apis/networking/validation). */
    private void ingress(Resource r, YMap spec) {
        var defaultBackend = spec.map("defaultBackend").orElse(null);
        if (defaultBackend != null) {
            backend(r, defaultBackend, "spec.defaultBackend");
        }
        List<YNode> rules = spec.list("rules");
        for (int i = 0; i < rules.size(); i++) {
            if (!(rules.get(i) instanceof YMap rule)) {
                continue;
            }
            YMap http = rule.map("http").orElse(null);
            List<YNode> paths = http == null ? List.of() : http.list("paths");
            for (int j = 0; j < paths.size(); j++) {
                if (paths.get(j) instanceof YMap p) {
                    String at = "spec.rules[" + i + "].http.paths[" + j + "]";
                    var b = p.map("backend").orElse(null);
                    if (b != null) {
                        backend(r, b, at + ".backend");
                    }
                    var path = p.string("path").orElse(null);
                    if (path != null
                            && (!path.isEmpty()
                                    && !path.startsWith("/")
                                    && !"ImplementationSpecific"
                                            .equals(p.string("pathType").orElse("")))) {
                        findings.error(
                                r,
                                "value.ingress-path",
                                at + ".path",
                                p.lineOf("path"),
                                "Invalid value: \"" + path + "\": must be an absolute path",
                                "start the path with '/'");
                    }
                }
            }
        }
    }

    private void backend(Resource r, YMap backend, String at) {
        boolean service = backend.get("service") != null && !isNull(backend.get("service"));
        boolean resource = backend.get("resource") != null && !isNull(backend.get("resource"));
        if (service && resource) {
            findings.error(
                    r,
                    "ingress.backend",
                    at,
                    backend.line(),
                    "Invalid value: \"\": cannot set both resource and service backends",
                    "keep one of them");
        } else if (!service && !resource) {
            findings.error(
                    r,
                    "ingress.backend",
                    at,
                    backend.line(),
                    "Invalid value: \"\": resource or service" + " backend is required",
                    "set backend.service with name and port");
        }
        YMap serviceBackend = backend.map("service").orElse(null);
        YMap port = serviceBackend == null ? null : serviceBackend.map("port").orElse(null);
        if (port != null) {
            boolean name = port.get("name") != null
                    && !isNull(port.get("name"))
                    && !(port.get("name") instanceof YScalar n && n.value().isEmpty());
            boolean number = port.get("number") != null
                    && !isNull(port.get("number"))
                    && !(num(port.get("number")) instanceof BigDecimal n && n.signum() == 0);
            if (name && number) {
                findings.error(
                        r,
                        "ingress.backend",
                        at + ".service.port",
                        port.line(),
                        "Invalid value: \"\": cannot set both port name & port number",
                        "keep one of name and number");
            } else if (!name && !number) {
                findings.error(
                        r,
                        "ingress.backend",
                        at + ".service.port",
                        port.line(),
                        "Invalid value: \"\": port name or number is required",
                        "set port.number or port.name");
            }
        }
    }

    // ---- helpers ----

    /** ValidateNonnegativeField. */
    private void nonNegative(Resource r, YMap owner, String field, String at) {
        BigDecimal v = number(owner.get(field));
        if (v != null && v.signum() < 0) {
            findings.error(
                    r,
                    "value.negative",
                    Paths.field(at, field),
                    owner.lineOf(field),
                    "Invalid value: " + v.toPlainString() + ": must be greater than or equal to 0",
                    "use 0 or more");
        }
    }

    /** ValidatePodSpec: a pod's activeDeadlineSeconds is between 1 and 2147483647. */
    private void positive(Resource r, YMap owner, String field, String at) {
        BigDecimal v = number(owner.get(field));
        if (v != null && v.signum() <= 0) {
            findings.error(
                    r,
                    "value.negative",
                    Paths.field(at, field),
                    owner.lineOf(field),
                    "Invalid value: " + v.toPlainString() + ": must be greater than 0",
                    "use 1 or more");
        }
    }

    private static BigDecimal number(YNode node) {
        return node instanceof YScalar s && s.isNumber() ? s.number() : null;
    }

    /** The number as an Object, for pattern matching. */
    private static Object num(YNode node) {
        return number(node);
    }

    private static boolean isNull(YNode node) {
        return node instanceof YScalar s && s.type() == ScalarType.NULL;
    }
}
