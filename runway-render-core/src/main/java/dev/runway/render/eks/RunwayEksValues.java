package dev.runway.render.eks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.runway.render.values.MergedValues;
import dev.runway.render.values.UserValues;
import dev.runway.render.values.ValueOrigins;
import dev.runway.render.values.ValueTrees;
import dev.runway.render.values.ValuesProblem;
import dev.runway.render.values.ValuesSchema;
import dev.runway.render.values.ValuesValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the runway-eks chart offers, typed, with the chart's defaults ({@code charts/runway-eks/values.yaml}).
 * Immutable; build one with {@link #builder(String, String)}, read one with {@link #fromYaml(String, String)},
 * hand {@link #toValues()} to the renderer.
 *
 * <p>The rules are the chart's own: {@link #validate()} checks the values against the chart's
 * {@code values.schema.json}, so the model can never accept what the chart refuses (and a test keeps the
 * fields, the schema and the defaults in step).
 */
@JsonPropertyOrder({
    "serviceId",
    "image",
    "port",
    "service",
    "replicas",
    "autoscaling",
    "podDisruptionBudget",
    "resources",
    "env",
    "probes",
    "runtime",
    "aws",
    "gcp",
    "gcpWorkloadIdentity",
    "profiling",
    "externalSecrets",
    "labels",
    "annotations",
    "podAnnotations",
    "podLabels",
    "serviceAccount",
    "nodeSelector",
    "tolerations",
    "affinity",
    "topologySpreadConstraints",
    "priorityClassName",
    "terminationGracePeriodSeconds",
    "imagePullSecrets",
    "envValueFrom",
    "envFrom",
    "clusterVarsEnv",
    "extraVolumes",
    "extraVolumeMounts",
    "podSecurityContext",
    "securityContext",
    "lifecycle",
    "managedBy",
    "namespace"
})
public record RunwayEksValues(
        String serviceId,
        Image image,
        int port,
        Service service,
        int replicas,
        Autoscaling autoscaling,
        PodDisruptionBudget podDisruptionBudget,
        Resources resources,
        Map<String, String> env,
        Probes probes,
        ClusterRuntime runtime,
        Aws aws,
        Gcp gcp,
        GcpWorkloadIdentity gcpWorkloadIdentity,
        Profiling profiling,
        ExternalSecrets externalSecrets,
        Map<String, String> labels,
        Map<String, String> annotations,
        Map<String, String> podAnnotations,
        Map<String, String> podLabels,
        ServiceAccount serviceAccount,
        Map<String, String> nodeSelector,
        List<Map<String, Object>> tolerations,
        Map<String, Object> affinity,
        List<Map<String, Object>> topologySpreadConstraints,
        String priorityClassName,
        int terminationGracePeriodSeconds,
        // Day-one settings of a real service.
        List<ImagePullSecret> imagePullSecrets,
        Map<String, Map<String, Object>> envValueFrom,
        List<Map<String, Object>> envFrom,
        Map<String, String> clusterVarsEnv,
        List<Map<String, Object>> extraVolumes,
        List<Map<String, Object>> extraVolumeMounts,
        PodSecurityContext podSecurityContext,
        SecurityContext securityContext,
        Map<String, Object> lifecycle,
        String managedBy,
        Namespace namespace) {

    /** Where the chart sits on the classpath (the core jar packs it). */
    public static final String CHART_RESOURCE = "charts/runway-eks";

    public RunwayEksValues {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(autoscaling, "autoscaling");
        Objects.requireNonNull(podDisruptionBudget, "podDisruptionBudget");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(probes, "probes");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(aws, "aws");
        Objects.requireNonNull(gcp, "gcp");
        Objects.requireNonNull(gcpWorkloadIdentity, "gcpWorkloadIdentity");
        Objects.requireNonNull(profiling, "profiling");
        Objects.requireNonNull(externalSecrets, "externalSecrets");
        Objects.requireNonNull(serviceAccount, "serviceAccount");
        Objects.requireNonNull(priorityClassName, "priorityClassName");
        env = copy(env);
        labels = copy(labels);
        annotations = copy(annotations);
        podAnnotations = copy(podAnnotations);
        podLabels = copy(podLabels);
        nodeSelector = copy(nodeSelector);
        tolerations = copyList(tolerations);
        affinity = affinity == null ? Map.of() : deepCopy(affinity);
        topologySpreadConstraints = copyList(topologySpreadConstraints);
        imagePullSecrets = imagePullSecrets == null ? List.of() : List.copyOf(imagePullSecrets);
        envValueFrom = copyNested(envValueFrom);
        envFrom = copyList(envFrom);
        clusterVarsEnv = copy(clusterVarsEnv);
        extraVolumes = copyList(extraVolumes);
        extraVolumeMounts = copyList(extraVolumeMounts);
        podSecurityContext = podSecurityContext == null ? PodSecurityContext.NONE : podSecurityContext;
        securityContext = securityContext == null ? SecurityContext.NONE : securityContext;
        lifecycle = lifecycle == null ? Map.of() : deepCopy(lifecycle);
        Objects.requireNonNull(managedBy, "managedBy");
        Objects.requireNonNull(namespace, "namespace");
    }

    public record Image(String repository, String tag, PullPolicy pullPolicy) {
        public Image {
            Objects.requireNonNull(repository, "image.repository");
            Objects.requireNonNull(tag, "image.tag");
            Objects.requireNonNull(pullPolicy, "image.pullPolicy");
        }
    }

    public record Service(int port) {}

    public record Autoscaling(boolean enabled, int minReplicas, int maxReplicas, int targetCPUUtilizationPercentage) {}

    public record PodDisruptionBudget(boolean enabled, IntOrPercent minAvailable) {
        public PodDisruptionBudget {
            Objects.requireNonNull(minAvailable, "podDisruptionBudget.minAvailable");
        }
    }

    /** Quantities are strings ({@code 100m}, {@code 128Mi}) or plain numbers. */
    public record Resources(Map<String, Object> requests, Map<String, Object> limits) {
        public Resources {
            requests = requests == null ? Map.of() : deepCopy(requests);
            limits = limits == null ? Map.of() : deepCopy(limits);
        }
    }

    public record Probe(
            boolean enabled,
            String path,
            int initialDelaySeconds,
            int periodSeconds,
            int timeoutSeconds,
            int failureThreshold) {
        public Probe {
            Objects.requireNonNull(path, "probe path");
        }
    }

    public record Probes(Probe liveness, Probe readiness, Probe startup) {
        public Probes {
            Objects.requireNonNull(liveness, "probes.liveness");
            Objects.requireNonNull(readiness, "probes.readiness");
            Objects.requireNonNull(startup, "probes.startup");
        }
    }

    public record Aws(String accountId) {
        public Aws {
            Objects.requireNonNull(accountId, "aws.accountId");
        }
    }

    public record Gcp(
            String projectId, String projectNumber, String workloadIdentityPoolId, String workloadIdentityProviderId) {
        public Gcp {
            Objects.requireNonNull(projectId, "gcp.projectId");
            Objects.requireNonNull(projectNumber, "gcp.projectNumber");
            Objects.requireNonNull(workloadIdentityPoolId, "gcp.workloadIdentityPoolId");
            Objects.requireNonNull(workloadIdentityProviderId, "gcp.workloadIdentityProviderId");
        }
    }

    public record GcpWorkloadIdentity(CredentialSource credentialSource, int tokenExpirationSeconds) {
        public GcpWorkloadIdentity {
            Objects.requireNonNull(credentialSource, "gcpWorkloadIdentity.credentialSource");
        }
    }

    public record Profiling(boolean enabled) {}

    /**
     * Secrets from Vault ({@code runway/env/<environment>/service/<serviceId>}) through an external-secrets
     * {@code ExternalSecret} read from {@code clusterSecretStore}, given to the container with {@code envFrom}.
     */
    public record ExternalSecrets(
            boolean enabled, String environment, String clusterSecretStore, String refreshInterval) {
        public ExternalSecrets {
            Objects.requireNonNull(environment, "externalSecrets.environment");
            Objects.requireNonNull(clusterSecretStore, "externalSecrets.clusterSecretStore");
            Objects.requireNonNull(refreshInterval, "externalSecrets.refreshInterval");
        }
    }

    public record ServiceAccount(Map<String, String> annotations) {
        public ServiceAccount {
            annotations = copy(annotations);
        }
    }

    /** A Secret with registry credentials for pulling the image. */
    public record ImagePullSecret(String name) {
        public ImagePullSecret {
            Objects.requireNonNull(name, "imagePullSecrets[].name");
        }
    }

    /** A seccomp profile: {@code RuntimeDefault}, {@code Localhost} (with {@code localhostProfile}) or {@code Unconfined}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SeccompProfile(String type, String localhostProfile) {
        public SeccompProfile {
            Objects.requireNonNull(type, "seccompProfile.type");
        }
    }

    /**
     * Pod securityContext settings on top of the chart's restricted defaults; null fields keep the chart's default (or
     * Kubernetes'). Each field set replaces the chart's default of that field.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({
        "runAsUser",
        "runAsGroup",
        "runAsNonRoot",
        "fsGroup",
        "fsGroupChangePolicy",
        "supplementalGroups",
        "seccompProfile"
    })
    public record PodSecurityContext(
            Long runAsUser,
            Long runAsGroup,
            Boolean runAsNonRoot,
            Long fsGroup,
            String fsGroupChangePolicy,
            List<Long> supplementalGroups,
            SeccompProfile seccompProfile) {
        /** Nothing set: the chart's defaults. */
        public static final PodSecurityContext NONE = new PodSecurityContext(null, null, null, null, null, null, null);

        public PodSecurityContext {
            supplementalGroups = supplementalGroups == null ? null : List.copyOf(supplementalGroups);
        }

        /** The user and group the containers run as, for images whose user is not numeric. */
        public static PodSecurityContext runAs(long user, long group) {
            return new PodSecurityContext(user, group, null, group, null, null, null);
        }
    }

    /** Linux capabilities to add or drop. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Capabilities(List<String> add, List<String> drop) {
        public Capabilities {
            add = add == null ? null : List.copyOf(add);
            drop = drop == null ? null : List.copyOf(drop);
        }
    }

    /**
     * Container securityContext settings on top of the chart's restricted defaults; null fields keep the chart's.
     * Each field set replaces the chart's default of that field (give {@code capabilities} whole).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({
        "runAsUser",
        "runAsGroup",
        "runAsNonRoot",
        "allowPrivilegeEscalation",
        "readOnlyRootFilesystem",
        "capabilities",
        "seccompProfile"
    })
    public record SecurityContext(
            Long runAsUser,
            Long runAsGroup,
            Boolean runAsNonRoot,
            Boolean allowPrivilegeEscalation,
            Boolean readOnlyRootFilesystem,
            Capabilities capabilities,
            SeccompProfile seccompProfile) {
        /** Nothing set: the chart's defaults. */
        public static final SecurityContext NONE = new SecurityContext(null, null, null, null, null, null, null);
    }

    /** Whether the chart renders the service's Namespace (Runway's provisioner creates it otherwise). */
    public record Namespace(boolean create, Map<String, String> labels, Map<String, String> annotations) {
        public Namespace {
            labels = copy(labels);
            annotations = copy(annotations);
        }
    }

    /** The chart's defaults, exactly as {@code values.yaml} has them (serviceId and image.repository empty). */
    public static RunwayEksValues defaults() {
        return new RunwayEksValues(
                "",
                new Image("", "", PullPolicy.IF_NOT_PRESENT),
                8080,
                new Service(80),
                2,
                new Autoscaling(false, 2, 10, 80),
                new PodDisruptionBudget(false, IntOrPercent.count(1)),
                new Resources(Map.of("cpu", "100m", "memory", "128Mi"), Map.of("memory", "256Mi")),
                Map.of(),
                new Probes(
                        new Probe(true, "/-/liveness", 10, 10, 1, 3),
                        new Probe(true, "/-/readiness", 5, 10, 1, 3),
                        new Probe(false, "/-/liveness", 0, 5, 1, 30)),
                ClusterRuntime.EKS,
                new Aws("${aws_account_id}"),
                new Gcp("${gcp_project_id}", "${gcp_project_number}", "${gcp_wip_id}", "EKS-Provider"),
                new GcpWorkloadIdentity(CredentialSource.AWS_IMDS, 3600),
                new Profiling(false),
                new ExternalSecrets(false, "", "vault", "1h"),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                new ServiceAccount(Map.of()),
                Map.of(),
                List.of(),
                Map.of(),
                List.of(),
                "",
                30,
                List.of(),
                Map.of(),
                List.of(),
                Map.of(),
                List.of(),
                List.of(),
                PodSecurityContext.NONE,
                SecurityContext.NONE,
                Map.of(),
                "Flux",
                new Namespace(false, Map.of(), Map.of()));
    }

    /** A builder starting from the chart's defaults, with the two values the chart requires. */
    public static Builder builder(String serviceId, String imageRepository) {
        return new Builder(defaults())
                .serviceId(serviceId)
                .image(new Image(imageRepository, "", PullPolicy.IF_NOT_PRESENT));
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    // ----- conversion --------------------------------------------------------------------------------------

    /**
     * The mappers, built on first use, and every use of a Jackson type: {@link #defaults()} (which
     * {@code runway:verify}'s identity handshake reads) needs none, and while a Jackson type stood in this class's own
     * code the JVM's verifier loaded some of them (a catch of JsonProcessingException, a JsonNode passed as TreeNode)
     * whenever the class was loaded.
     */
    private static final class Mappers {
        static final ObjectMapper JSON = dev.runway.render.yaml.GuardedYaml.jsonMapper()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
        static final ObjectMapper YAML = new ObjectMapper(dev.runway.render.yaml.GuardedYaml.yamlFactory()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .build());

        private Mappers() {}

        static Map<String, Object> toValues(RunwayEksValues values) {
            @SuppressWarnings("unchecked")
            Map<String, Object> tree = (Map<String, Object>) toGo(JSON.valueToTree(values));
            return tree;
        }

        static String toYaml(RunwayEksValues values) {
            try {
                return YAML.writeValueAsString(JSON.valueToTree(values));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write values as YAML", e);
            }
        }

        static RunwayEksValues fromValues(Object values) {
            JsonNode tree = JSON.valueToTree(values);
            try {
                return JSON.treeToValue(tree, RunwayEksValues.class);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(
                        "values do not fit the runway-eks chart: " + e.getOriginalMessage(), e);
            }
        }

        private static Object toGo(JsonNode node) {
            if (node.isObject()) {
                Map<String, Object> map = new LinkedHashMap<>();
                node.fields().forEachRemaining(e -> map.put(e.getKey(), toGo(e.getValue())));
                return map;
            }
            if (node.isArray()) {
                List<Object> list = new ArrayList<>();
                node.forEach(item -> list.add(toGo(item)));
                return list;
            }
            if (node.isNumber()) {
                return node.doubleValue();
            }
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            if (node.isNull()) {
                return null;
            }
            return node.asText();
        }
    }

    /**
     * The values map the renderer takes: every key of the chart, numbers as float64 ({@link Double}) exactly as
     * Helm reads them from a values file, so rendering these equals rendering {@link #toYaml()} with {@code -f}.
     */
    public Map<String, Object> toValues() {
        return Mappers.toValues(this);
    }

    /** The values as a values file. */
    public String toYaml() {
        return Mappers.toYaml(this);
    }

    /**
     * Reads a values file (missing keys take the chart's defaults) and checks it with the chart's schema first,
     * so a mistake is reported with its file, line and column.
     *
     * @throws dev.runway.render.values.ValuesFileException for bad YAML
     * @throws ValuesValidationException listing every value the chart's schema refuses
     */
    public static RunwayEksValues fromYaml(String yaml, String sourceName) {
        return checked(UserValues.builder().valuesYaml(sourceName, yaml).build().merge());
    }

    /** {@link #fromYaml(String, String)} for a file on disk (UTF-8), named in messages by its path. */
    public static RunwayEksValues fromFile(java.nio.file.Path file) {
        return checked(UserValues.builder().valuesFile(file).build().merge());
    }

    /** The user's values over the chart's defaults, checked with the chart's schema, then typed. */
    private static RunwayEksValues checked(MergedValues merged) {
        Map<String, Object> values = ValueTrees.mergeMaps(defaults().toValues(), merged.values());
        List<ValuesProblem> problems = chartSchema()
                .validate(
                        values,
                        merged.origins()
                                .orElse(ValueOrigins.chartDefaults(
                                        "runway-eks", defaults().toValues(), values)));
        if (!problems.isEmpty()) {
            throw new ValuesValidationException(problems);
        }
        return fromValues(values);
    }

    /** Converts a values map (Go values, chart defaults included) to the model; no schema check. */
    public static RunwayEksValues fromValues(Map<String, Object> values) {
        return Mappers.fromValues(integralAsLong(values));
    }

    /** Every problem the chart's {@code values.schema.json} finds in these values (empty when they are fine). */
    public List<ValuesProblem> validate() {
        return chartSchema().validate(toValues(), ValueOrigins.none());
    }

    /** {@link #validate()}, throwing when there is any problem. */
    public RunwayEksValues validated() {
        List<ValuesProblem> problems = validate();
        if (!problems.isEmpty()) {
            throw new ValuesValidationException(problems);
        }
        return this;
    }

    /** The chart's schema, from the classpath. */
    public static ValuesSchema chartSchema() {
        return SchemaHolder.SCHEMA;
    }

    private static final class SchemaHolder {
        static final ValuesSchema SCHEMA = load();

        private static ValuesSchema load() {
            String resource = CHART_RESOURCE + "/values.schema.json";
            try (InputStream in = RunwayEksValues.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is not on the classpath; the core jar packs it");
                }
                return ValuesSchema.parse(
                        new String(in.readAllBytes(), StandardCharsets.UTF_8), "runway-eks/values.schema.json");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Object integralAsLong(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, integralAsLong(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(integralAsLong(v)));
            return out;
        }
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9.0e15) {
            return d.longValue();
        }
        return value;
    }

    private static Map<String, String> copy(Map<String, String> map) {
        return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(map));
    }

    private static List<Map<String, Object>> copyList(List<Map<String, Object>> list) {
        if (list == null) {
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        list.forEach(item -> out.add(deepCopy(item)));
        return java.util.Collections.unmodifiableList(out);
    }

    private static Map<String, Map<String, Object>> copyNested(Map<String, Map<String, Object>> map) {
        if (map == null) {
            return Map.of();
        }
        Map<String, Map<String, Object>> out = new java.util.TreeMap<>();
        map.forEach((k, v) -> out.put(k, deepCopy(v)));
        return java.util.Collections.unmodifiableMap(out);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(
                k,
                v instanceof Map<?, ?> m
                        ? deepCopy((Map<String, Object>) m)
                        : v instanceof List<?> l ? java.util.Collections.unmodifiableList(new ArrayList<>(l)) : v));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Builds values from the chart's defaults; {@link #build()} checks them with the chart's schema. */
    public static final class Builder {
        private String serviceId;
        private Image image;
        private int port;
        private Service service;
        private int replicas;
        private Autoscaling autoscaling;
        private PodDisruptionBudget podDisruptionBudget;
        private Resources resources;
        private Map<String, String> env;
        private Probes probes;
        private ClusterRuntime runtime;
        private Aws aws;
        private Gcp gcp;
        private GcpWorkloadIdentity gcpWorkloadIdentity;
        private Profiling profiling;
        private ExternalSecrets externalSecrets;
        private Map<String, String> labels;
        private Map<String, String> annotations;
        private Map<String, String> podAnnotations;
        private Map<String, String> podLabels;
        private ServiceAccount serviceAccount;
        private Map<String, String> nodeSelector;
        private List<Map<String, Object>> tolerations;
        private Map<String, Object> affinity;
        private List<Map<String, Object>> topologySpreadConstraints;
        private String priorityClassName;
        private int terminationGracePeriodSeconds;
        private List<ImagePullSecret> imagePullSecrets;
        private Map<String, Map<String, Object>> envValueFrom;
        private List<Map<String, Object>> envFrom;
        private Map<String, String> clusterVarsEnv;
        private List<Map<String, Object>> extraVolumes;
        private List<Map<String, Object>> extraVolumeMounts;
        private PodSecurityContext podSecurityContext;
        private SecurityContext securityContext;
        private Map<String, Object> lifecycle;
        private String managedBy;
        private Namespace namespace;

        private Builder(RunwayEksValues from) {
            serviceId = from.serviceId;
            image = from.image;
            port = from.port;
            service = from.service;
            replicas = from.replicas;
            autoscaling = from.autoscaling;
            podDisruptionBudget = from.podDisruptionBudget;
            resources = from.resources;
            env = new java.util.TreeMap<>(from.env);
            probes = from.probes;
            runtime = from.runtime;
            aws = from.aws;
            gcp = from.gcp;
            gcpWorkloadIdentity = from.gcpWorkloadIdentity;
            profiling = from.profiling;
            externalSecrets = from.externalSecrets;
            labels = new java.util.TreeMap<>(from.labels);
            annotations = new java.util.TreeMap<>(from.annotations);
            podAnnotations = new java.util.TreeMap<>(from.podAnnotations);
            podLabels = new java.util.TreeMap<>(from.podLabels);
            serviceAccount = from.serviceAccount;
            nodeSelector = new java.util.TreeMap<>(from.nodeSelector);
            tolerations = new ArrayList<>(from.tolerations);
            affinity = from.affinity;
            topologySpreadConstraints = new ArrayList<>(from.topologySpreadConstraints);
            priorityClassName = from.priorityClassName;
            terminationGracePeriodSeconds = from.terminationGracePeriodSeconds;
            imagePullSecrets = new ArrayList<>(from.imagePullSecrets);
            envValueFrom = new java.util.TreeMap<>(from.envValueFrom);
            envFrom = new ArrayList<>(from.envFrom);
            clusterVarsEnv = new java.util.TreeMap<>(from.clusterVarsEnv);
            extraVolumes = new ArrayList<>(from.extraVolumes);
            extraVolumeMounts = new ArrayList<>(from.extraVolumeMounts);
            podSecurityContext = from.podSecurityContext;
            securityContext = from.securityContext;
            lifecycle = from.lifecycle;
            managedBy = from.managedBy;
            namespace = from.namespace;
        }

        public Builder serviceId(String serviceId) {
            this.serviceId = serviceId;
            return this;
        }

        public Builder image(Image image) {
            this.image = image;
            return this;
        }

        public Builder imageTag(String tag) {
            this.image = new Image(image.repository(), tag, image.pullPolicy());
            return this;
        }

        public Builder pullPolicy(PullPolicy policy) {
            this.image = new Image(image.repository(), image.tag(), policy);
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder servicePort(int port) {
            this.service = new Service(port);
            return this;
        }

        public Builder replicas(int replicas) {
            this.replicas = replicas;
            return this;
        }

        public Builder autoscaling(Autoscaling autoscaling) {
            this.autoscaling = autoscaling;
            return this;
        }

        public Builder autoscaling(int minReplicas, int maxReplicas) {
            this.autoscaling =
                    new Autoscaling(true, minReplicas, maxReplicas, autoscaling.targetCPUUtilizationPercentage());
            return this;
        }

        public Builder podDisruptionBudget(PodDisruptionBudget pdb) {
            this.podDisruptionBudget = pdb;
            return this;
        }

        public Builder podDisruptionBudget(IntOrPercent minAvailable) {
            this.podDisruptionBudget = new PodDisruptionBudget(true, minAvailable);
            return this;
        }

        public Builder resources(Resources resources) {
            this.resources = resources;
            return this;
        }

        public Builder env(String name, String value) {
            this.env.put(name, value);
            return this;
        }

        public Builder env(Map<String, String> env) {
            this.env = new java.util.TreeMap<>(env);
            return this;
        }

        public Builder probes(Probes probes) {
            this.probes = probes;
            return this;
        }

        public Builder runtime(ClusterRuntime runtime) {
            this.runtime = runtime;
            return this;
        }

        public Builder aws(Aws aws) {
            this.aws = aws;
            return this;
        }

        public Builder gcp(Gcp gcp) {
            this.gcp = gcp;
            return this;
        }

        public Builder gcpWorkloadIdentity(GcpWorkloadIdentity identity) {
            this.gcpWorkloadIdentity = identity;
            return this;
        }

        public Builder credentialSource(CredentialSource source) {
            this.gcpWorkloadIdentity = new GcpWorkloadIdentity(source, gcpWorkloadIdentity.tokenExpirationSeconds());
            return this;
        }

        public Builder profiling(boolean enabled) {
            this.profiling = new Profiling(enabled);
            return this;
        }

        public Builder externalSecrets(ExternalSecrets externalSecrets) {
            this.externalSecrets = externalSecrets;
            return this;
        }
        /** Secrets from Vault for {@code environment}, through the chart's default ClusterSecretStore and interval. */
        public Builder externalSecrets(String environment) {
            this.externalSecrets = new ExternalSecrets(
                    true, environment, externalSecrets.clusterSecretStore(), externalSecrets.refreshInterval());
            return this;
        }

        public Builder label(String name, String value) {
            this.labels.put(name, value);
            return this;
        }

        public Builder labels(Map<String, String> labels) {
            this.labels = new java.util.TreeMap<>(labels);
            return this;
        }

        public Builder annotation(String name, String value) {
            this.annotations.put(name, value);
            return this;
        }

        public Builder annotations(Map<String, String> annotations) {
            this.annotations = new java.util.TreeMap<>(annotations);
            return this;
        }

        public Builder podAnnotation(String name, String value) {
            this.podAnnotations.put(name, value);
            return this;
        }

        public Builder podAnnotations(Map<String, String> podAnnotations) {
            this.podAnnotations = new java.util.TreeMap<>(podAnnotations);
            return this;
        }

        public Builder podLabel(String name, String value) {
            this.podLabels.put(name, value);
            return this;
        }

        public Builder podLabels(Map<String, String> podLabels) {
            this.podLabels = new java.util.TreeMap<>(podLabels);
            return this;
        }

        public Builder serviceAccountAnnotations(Map<String, String> annotations) {
            this.serviceAccount = new ServiceAccount(annotations);
            return this;
        }

        public Builder nodeSelector(Map<String, String> nodeSelector) {
            this.nodeSelector = new java.util.TreeMap<>(nodeSelector);
            return this;
        }

        public Builder tolerations(List<Map<String, Object>> tolerations) {
            this.tolerations = new ArrayList<>(tolerations);
            return this;
        }

        public Builder affinity(Map<String, Object> affinity) {
            this.affinity = affinity;
            return this;
        }

        public Builder topologySpreadConstraints(List<Map<String, Object>> constraints) {
            this.topologySpreadConstraints = new ArrayList<>(constraints);
            return this;
        }

        public Builder priorityClassName(String name) {
            this.priorityClassName = name;
            return this;
        }

        public Builder terminationGracePeriodSeconds(int seconds) {
            this.terminationGracePeriodSeconds = seconds;
            return this;
        }

        public Builder imagePullSecret(String name) {
            this.imagePullSecrets.add(new ImagePullSecret(name));
            return this;
        }

        public Builder imagePullSecrets(List<ImagePullSecret> secrets) {
            this.imagePullSecrets = new ArrayList<>(secrets);
            return this;
        }
        /** An env variable from a Secret key ({@code valueFrom.secretKeyRef}). */
        public Builder envFromSecret(String name, String secret, String key) {
            this.envValueFrom.put(name, Map.of("secretKeyRef", Map.of("name", secret, "key", key)));
            return this;
        }
        /** An env variable from a ConfigMap key ({@code valueFrom.configMapKeyRef}). */
        public Builder envFromConfigMap(String name, String configMap, String key) {
            this.envValueFrom.put(name, Map.of("configMapKeyRef", Map.of("name", configMap, "key", key)));
            return this;
        }

        public Builder envValueFrom(Map<String, Map<String, Object>> sources) {
            this.envValueFrom = new java.util.TreeMap<>(sources);
            return this;
        }

        public Builder envFrom(List<Map<String, Object>> sources) {
            this.envFrom = new ArrayList<>(sources);
            return this;
        }
        /** An env variable holding a cluster's Flux variable: {@code clusterVarEnv("GCP_PROJECT", "gcp_project_id")}. */
        public Builder clusterVarEnv(String name, String variable) {
            this.clusterVarsEnv.put(name, variable);
            return this;
        }

        public Builder clusterVarsEnv(Map<String, String> variables) {
            this.clusterVarsEnv = new java.util.TreeMap<>(variables);
            return this;
        }

        public Builder extraVolumes(List<Map<String, Object>> volumes) {
            this.extraVolumes = new ArrayList<>(volumes);
            return this;
        }

        public Builder extraVolumeMounts(List<Map<String, Object>> mounts) {
            this.extraVolumeMounts = new ArrayList<>(mounts);
            return this;
        }

        public Builder podSecurityContext(PodSecurityContext context) {
            this.podSecurityContext = context;
            return this;
        }

        public Builder securityContext(SecurityContext context) {
            this.securityContext = context;
            return this;
        }

        public Builder lifecycle(Map<String, Object> lifecycle) {
            this.lifecycle = lifecycle;
            return this;
        }
        /** A preStop hook that sleeps, so the load balancer stops sending traffic before the container stops. */
        public Builder preStopSleep(int seconds) {
            this.lifecycle = Map.of("preStop", Map.of("sleep", Map.of("seconds", seconds)));
            return this;
        }

        public Builder startupProbe(Probe probe) {
            this.probes = new Probes(probes.liveness(), probes.readiness(), probe);
            return this;
        }

        public Builder managedBy(String managedBy) {
            this.managedBy = managedBy;
            return this;
        }

        public Builder namespace(Namespace namespace) {
            this.namespace = namespace;
            return this;
        }

        /** The values, checked with the chart's schema. @throws ValuesValidationException listing every problem */
        public RunwayEksValues build() {
            return buildUnchecked().validated();
        }

        /** The values without the schema check (for tests of the chart's own error handling). */
        public RunwayEksValues buildUnchecked() {
            return new RunwayEksValues(
                    serviceId,
                    image,
                    port,
                    service,
                    replicas,
                    autoscaling,
                    podDisruptionBudget,
                    resources,
                    env,
                    probes,
                    runtime,
                    aws,
                    gcp,
                    gcpWorkloadIdentity,
                    profiling,
                    externalSecrets,
                    labels,
                    annotations,
                    podAnnotations,
                    podLabels,
                    serviceAccount,
                    nodeSelector,
                    tolerations,
                    affinity,
                    topologySpreadConstraints,
                    priorityClassName,
                    terminationGracePeriodSeconds,
                    imagePullSecrets,
                    envValueFrom,
                    envFrom,
                    clusterVarsEnv,
                    extraVolumes,
                    extraVolumeMounts,
                    podSecurityContext,
                    securityContext,
                    lifecycle,
                    managedBy,
                    namespace);
        }
    }
}
