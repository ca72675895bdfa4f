package dev.runway.render.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.runway.render.eks.ClusterRuntime;
import dev.runway.render.eks.RunwayEksValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The provisioner's half of a service's identity handshake, for one environment: what must exist in AWS and Google
 * Cloud for the rendered ServiceAccount to reach Google. Written by {@code runway:identity} as JSON and as a
 * Terraform-readable {@code *.tf.json} (plain values in {@code locals}, no provider resources); read back by
 * {@code runway:verify}, which checks the render against it ({@link HandshakeCheck}).
 *
 * @param serviceId   the service id
 * @param environment the environment the values are for
 * @param runtime     {@code eks} or {@code gke}
 * @param kubernetes  the Kubernetes service account the cloud side must trust
 * @param aws         the AWS role (EKS only; null on GKE)
 * @param google      the Google service account and its IAM bindings
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"serviceId", "environment", "runtime", "kubernetes", "aws", "google"})
public record Handshake(
        String serviceId, String environment, String runtime, Kubernetes kubernetes, Aws aws, Google google) {

    /** The cluster's IAM OIDC provider ({@code oidc.eks.<region>.amazonaws.com/id/<id>}) until one is given. */
    public static final String DEFAULT_OIDC_PROVIDER = "${eks_oidc_provider}";

    public static final String WORKLOAD_IDENTITY_USER = "roles/iam.workloadIdentityUser";
    public static final String PROFILER_AGENT = "roles/cloudprofiler.agent";

    public Handshake {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(kubernetes, "kubernetes");
        Objects.requireNonNull(google, "google");
    }

    /** The namespace and name of the ServiceAccount; {@code subject} is how AWS and Kubernetes tokens name it. */
    @JsonPropertyOrder({"namespace", "serviceAccount", "subject"})
    public record Kubernetes(String namespace, String serviceAccount, String subject) {}

    /** The AWS role the pods assume and the trust policy that lets them. */
    @JsonPropertyOrder({"accountId", "roleName", "roleArn", "oidcProvider", "trustPolicy"})
    public record Aws(
            String accountId, String roleName, String roleArn, String oidcProvider, Map<String, Object> trustPolicy) {}

    /** The Google service account the pods act as, and the IAM bindings it needs. */
    @JsonPropertyOrder({
        "projectId",
        "projectNumber",
        "workloadIdentityPoolId",
        "serviceAccountId",
        "serviceAccountEmail",
        "bindings"
    })
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Google(
            String projectId,
            String projectNumber,
            String workloadIdentityPoolId,
            String serviceAccountId,
            String serviceAccountEmail,
            List<Binding> bindings) {
        public Google {
            bindings = bindings == null ? List.of() : List.copyOf(bindings);
        }
    }

    /** One IAM binding: {@code member} gets {@code role} on {@code resource}. */
    @JsonPropertyOrder({"role", "resource", "member"})
    public record Binding(String role, String resource, String member) {}

    /**
     * The mapper, built on first use, and every use of a Jackson type: {@code runway:verify} builds a handshake from
     * the values and compares it without writing or reading JSON; a mapper that serialises records loads a few
     * hundred Jackson classes, and a Jackson type in the handshake's own code (a catch of JsonProcessingException)
     * has the JVM's verifier load it whenever the handshake class is loaded.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = dev.runway.render.yaml.GuardedYaml.jsonMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();

        private Json() {}

        /** Indented JSON ({@code indent}) or one line; {@code what} names the text in the error. */
        static String write(Object value, boolean indent, String what) {
            try {
                return indent
                        ? MAPPER.writeValueAsString(value)
                        : MAPPER.writer()
                                .without(SerializationFeature.INDENT_OUTPUT)
                                .writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write " + what, e);
            }
        }

        static Handshake read(String json) {
            try {
                return MAPPER.readValue(json, Handshake.class);
            } catch (JsonProcessingException | NullPointerException e) {
                throw new IllegalArgumentException(
                        "not a runway identity handshake: "
                                + (e instanceof JsonProcessingException j
                                        ? j.getOriginalMessage()
                                        : "serviceId, environment, runtime, kubernetes and google are required"),
                        e);
            }
        }

        /** {@code value} as the inside of a JSON string. */
        static String escape(String value) {
            String quoted = JsonNodeFactory.instance.textNode(value).toString();
            return quoted.substring(1, quoted.length() - 1);
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([_a-zA-Z][_a-zA-Z0-9]*)}");

    /**
     * The handshake the values mean: the chart's values (defaults included), the release namespace, the
     * environment, and the cluster's OIDC provider (a placeholder until known).
     */
    public static Handshake of(RunwayEksValues values, String namespace, String environment, String oidcProvider) {
        return of(HandshakeValues.of(values), namespace, environment, oidcProvider);
    }

    /** {@link #of(RunwayEksValues, String, String, String)} from the seven values the handshake depends on. */
    public static Handshake of(HandshakeValues values, String namespace, String environment, String oidcProvider) {
        String id = values.serviceId();
        Kubernetes kubernetes = new Kubernetes(namespace, id, "system:serviceaccount:" + namespace + ":" + id);
        String project = values.gcpProjectId();
        List<Binding> bindings = new ArrayList<>();
        if (values.runtime() == ClusterRuntime.GKE) {
            String email = id + "@" + project + ".iam.gserviceaccount.com";
            bindings.add(new Binding(
                    WORKLOAD_IDENTITY_USER,
                    serviceAccountResource(project, email),
                    "serviceAccount:" + project + ".svc.id.goog[" + namespace + "/" + id + "]"));
            profiler(values, project, email, bindings);
            return new Handshake(
                    id,
                    environment,
                    ClusterRuntime.GKE.value(),
                    kubernetes,
                    null,
                    new Google(project, null, null, id, email, bindings));
        }
        String account = values.awsAccountId();
        String roleName = "EKS-GCP-Role-" + id;
        String roleArn = "arn:aws:iam::" + account + ":role/" + roleName;
        String provider = oidcProvider == null || oidcProvider.isBlank()
                ? DEFAULT_OIDC_PROVIDER
                : oidcProvider.strip().replaceFirst("^https://", "");
        String email = "eks-" + id + "@" + project + ".iam.gserviceaccount.com";
        bindings.add(new Binding(
                WORKLOAD_IDENTITY_USER,
                serviceAccountResource(project, email),
                "principal://iam.googleapis.com/projects/" + values.gcpProjectNumber()
                        + "/locations/global/workloadIdentityPools/"
                        + values.gcpWorkloadIdentityPoolId()
                        + "/subject/" + roleArn));
        profiler(values, project, email, bindings);
        return new Handshake(
                id,
                environment,
                ClusterRuntime.EKS.value(),
                kubernetes,
                new Aws(account, roleName, roleArn, provider, trustPolicy(account, provider, kubernetes.subject())),
                new Google(
                        project,
                        values.gcpProjectNumber(),
                        values.gcpWorkloadIdentityPoolId(),
                        "eks-" + id,
                        email,
                        bindings));
    }

    private static void profiler(HandshakeValues values, String project, String email, List<Binding> bindings) {
        if (values.profiling()) {
            bindings.add(new Binding(PROFILER_AGENT, "projects/" + project, "serviceAccount:" + email));
        }
    }

    private static String serviceAccountResource(String project, String email) {
        return "projects/" + project + "/serviceAccounts/" + email;
    }

    /**
     * IRSA's trust policy: the cluster's OIDC provider may assume the role for exactly this service account. Plain
     * maps and lists (the engine's JSON value model, fields in the order written), so building one for
     * {@code runway:verify} loads no JSON library.
     */
    static Map<String, Object> trustPolicy(String account, String provider, String subject) {
        Map<String, Object> equals = new LinkedHashMap<>();
        equals.put(provider + ":sub", subject);
        equals.put(provider + ":aud", "sts.amazonaws.com");
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("Federated", "arn:aws:iam::" + account + ":oidc-provider/" + provider));
        statement.put("Action", "sts:AssumeRoleWithWebIdentity");
        statement.put("Condition", Map.of("StringEquals", equals));
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("Version", "2012-10-17");
        policy.put("Statement", List.of(statement));
        return policy;
    }

    /** The binding of {@code role}, if the handshake has one. */
    public java.util.Optional<Binding> binding(String role) {
        return google.bindings().stream().filter(b -> b.role().equals(role)).findFirst();
    }

    /** The {@code :sub} condition of the trust policy: the service account the role trusts (EKS only). */
    public java.util.Optional<String> trustedSubject() {
        if (aws == null || aws.trustPolicy() == null) {
            return java.util.Optional.empty();
        }
        if (aws.trustPolicy().get("Statement") instanceof List<?> statements) {
            for (Object statement : statements) {
                if (statement instanceof Map<?, ?> s
                        && s.get("Condition") instanceof Map<?, ?> condition
                        && condition.get("StringEquals") instanceof Map<?, ?> equals) {
                    for (Map.Entry<?, ?> field : equals.entrySet()) {
                        if (String.valueOf(field.getKey()).endsWith(":sub")) {
                            // A scalar's text; an object or list names no subject (what JsonNode.asText gave before).
                            Object subject = field.getValue();
                            return java.util.Optional.of(
                                    subject instanceof Map<?, ?> || subject instanceof List<?>
                                            ? ""
                                            : String.valueOf(subject));
                        }
                    }
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** The {@code ${name}} placeholders left anywhere in the handshake, sorted. */
    public List<String> placeholders() {
        Matcher m = PLACEHOLDER.matcher(toJson());
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return List.copyOf(names);
    }

    /** Every {@code ${name}} that {@code variables} has, replaced by its value (the others stay). */
    public Handshake fill(Map<String, String> variables) {
        Matcher m = PLACEHOLDER.matcher(toJson());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = variables.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : Json.escape(value)));
        }
        return fromJson(m.appendTail(out).toString());
    }

    /** The handshake as JSON (two-space indent, a final newline). */
    public String toJson() {
        return Json.write(this, true, "the handshake as JSON").replace("\r\n", "\n") + "\n";
    }

    /**
     * Terraform JSON: one local value {@code runway_identity_<id>_<environment>} with plain strings and lists, for a
     * provisioner module to read; no provider resources. A placeholder such as {@code ${aws_account_id}} is written
     * {@code $${aws_account_id}}, Terraform's escape, so Terraform keeps it as text instead of reading a reference.
     */
    public String toTerraformJson() {
        Map<String, Object> local = new LinkedHashMap<>();
        local.put("service_id", serviceId);
        local.put("environment", environment);
        local.put("runtime", runtime);
        local.put("kubernetes_namespace", kubernetes.namespace());
        local.put("kubernetes_service_account", kubernetes.serviceAccount());
        local.put("kubernetes_subject", kubernetes.subject());
        if (aws != null) {
            local.put("aws_account_id", aws.accountId());
            local.put("aws_role_name", aws.roleName());
            local.put("aws_role_arn", aws.roleArn());
            local.put("aws_oidc_provider", aws.oidcProvider());
            local.put("aws_trust_policy", Json.write(aws.trustPolicy(), false, "the trust policy as JSON"));
        }
        local.put("google_project_id", google.projectId());
        local.put("google_service_account_id", google.serviceAccountId());
        local.put("google_service_account_email", google.serviceAccountEmail());
        List<Map<String, String>> bindings = new ArrayList<>();
        for (Binding b : google.bindings()) {
            bindings.add(Map.of("role", b.role(), "resource", b.resource(), "member", b.member()));
        }
        local.put("google_bindings", bindings);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put(
                "//",
                "Written by mvn runway:identity: what the provisioner must create for " + serviceId + " (" + environment
                        + "). Plain values, no resources.");
        root.put(
                "locals",
                Map.of(("runway_identity_" + serviceId + "_" + environment).replaceAll("[^A-Za-z0-9_]", "_"), local));
        return Json.write(root, true, "the handshake as Terraform JSON").replace("${", "$${") + "\n";
    }

    /**
     * Reads a handshake written by {@link #toJson()} (or by a provisioner in the same shape).
     *
     * @throws IllegalArgumentException when the text is not such JSON
     */
    public static Handshake fromJson(String json) {
        return Json.read(json);
    }
}
