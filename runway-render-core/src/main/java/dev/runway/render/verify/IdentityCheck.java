package dev.runway.render.verify;

import dev.runway.render.verify.PodSpecs.PodTemplate;
import dev.runway.render.yaml.GoJson;
import dev.runway.render.yaml.GoYamlException;
import dev.runway.render.yaml.YNode;
import dev.runway.render.yaml.YNode.ScalarType;
import dev.runway.render.yaml.YNode.YMap;
import dev.runway.render.yaml.YNode.YScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runway-eks identity wiring: Kubernetes ServiceAccount {@code <id>} in namespace {@code <id>} annotated with
 * the AWS role {@code EKS-GCP-Role-<id>}; a Google {@code external_account} credentials file in a ConfigMap,
 * mounted read-only, named by {@code GOOGLE_APPLICATION_CREDENTIALS}, with every field Google's client libraries
 * need for its credential source; in {@code kubernetes-oidc} mode a projected token at the file it names.
 * On GKE (the ServiceAccount carries {@code iam.gke.io/gcp-service-account} and no role ARN) the pods get their
 * Google identity from the metadata server: the annotation must name {@code <id>@<project>.iam.gserviceaccount.com}
 * and no credentials file is needed.
 */
final class IdentityCheck {
    static final String ROLE_ARN_ANNOTATION = "eks.amazonaws.com/role-arn";
    static final String GKE_ANNOTATION = "iam.gke.io/gcp-service-account";
    private static final Pattern GKE_ACCOUNT = Pattern.compile("([a-z][-a-z0-9]{4,28}[a-z0-9])@([a-z][-a-z0-9]{4,28}"
            + "[a-z0-9]|\\$\\{[_A-Za-z][_A-Za-z0-9]*})\\.iam\\.gserviceaccount\\.com");
    static final String CREDENTIALS_ENV = "GOOGLE_APPLICATION_CREDENTIALS";
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::([^:]*):role/(.*)");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}|\\$\\{aws_account_id}");
    private static final Pattern AUDIENCE =
            Pattern.compile("//iam\\.googleapis\\.com/projects/([0-9]+|\\$\\{[_A-Za-z][_A-Za-z0-9]*})"
                    + "/locations/global/workloadIdentityPools/([^/]+)/providers/([^/]+)");
    private static final Pattern IMPERSONATION =
            Pattern.compile("https://iamcredentials\\.googleapis\\.com/v1/projects/"
                    + "[^/]+/serviceAccounts/([^@/]+)@([^/]+)\\.iam\\.gserviceaccount\\.com:generateAccessToken");
    static final String AWS_TOKEN_TYPE = "urn:ietf:params:aws:token-type:aws4_request";
    static final String JWT_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:jwt";

    private final List<Resource> resources;
    private final String id;
    private final Findings findings;
    private boolean gke;

    IdentityCheck(List<Resource> resources, String serviceId, Findings findings) {
        this.resources = resources;
        this.id = serviceId;
        this.findings = findings;
    }

    void run() {
        serviceAccount();
        List<Resource> workloads = ofKind("Deployment");
        if (workloads.isEmpty()) {
            findings.add(new Finding(
                    Severity.ERROR,
                    "identity.deployment-missing",
                    ResourceRef.none(),
                    "",
                    "no Deployment in the manifests: nothing uses the identity of service " + id,
                    "render the service's Deployment",
                    "",
                    0));
        }
        for (Resource w : workloads) {
            var t = PodSpecs.of(w).orElse(null);
            if (t != null) {
                workload(w, t);
            }
        }
    }

    private void serviceAccount() {
        List<Resource> accounts = ofKind("ServiceAccount");
        Optional<Resource> own = named(accounts, id);
        if (own.isEmpty()) {
            if (accounts.isEmpty()) {
                findings.add(new Finding(
                        Severity.ERROR,
                        "identity.serviceaccount-missing",
                        ResourceRef.none(),
                        "",
                        "no ServiceAccount named " + id + ": the AWS trust policy binds system:serviceaccount:" + id
                                + ":" + id,
                        "render a ServiceAccount named " + id + " in namespace " + id,
                        "",
                        0));
            }
            for (Resource other : accounts) {
                findings.error(
                        other,
                        "identity.serviceaccount-name",
                        "metadata.name",
                        other.root().line(),
                        "ServiceAccount name \"" + other.ref().name() + "\" is not the service id \"" + id
                                + "\": the AWS trust policy binds system:serviceaccount:" + id + ":" + id,
                        "name the ServiceAccount " + id);
            }
            return;
        }
        Resource sa = own.get();
        YMap meta = sa.root().map("metadata").orElseThrow();
        Optional<String> gkeAccount = string(meta.map("annotations"), GKE_ANNOTATION);
        if (gkeAccount.isPresent()
                && string(meta.map("annotations"), ROLE_ARN_ANNOTATION).isEmpty()) {
            gke = true;
            if (!sa.ref().namespace().equals(id)) {
                findings.error(
                        sa,
                        "identity.serviceaccount-namespace",
                        "metadata.namespace",
                        meta.lineOf("namespace"),
                        "ServiceAccount namespace \"" + sa.ref().namespace() + "\" is not the service id \"" + id
                                + "\": the Workload Identity member is serviceAccount:<project>.svc.id.goog[" + id + "/"
                                + id + "]",
                        "render with --namespace " + id);
            }
            int line = meta.map("annotations").get().lineOf(GKE_ANNOTATION);
            Matcher m = GKE_ACCOUNT.matcher(gkeAccount.get());
            if (!m.matches() || !m.group(1).equals(id)) {
                findings.error(
                        sa,
                        "identity.gke-service-account",
                        Paths.key("metadata.annotations", GKE_ANNOTATION),
                        line,
                        "\"" + gkeAccount.get() + "\" is not the service's Google service account " + id
                                + "@<project>.iam.gserviceaccount.com",
                        "annotate it with " + GKE_ANNOTATION + ": " + id
                                + "@${gcp_project_id}.iam.gserviceaccount.com");
            }
            return;
        }
        if (!sa.ref().namespace().equals(id)) {
            findings.error(
                    sa,
                    "identity.serviceaccount-namespace",
                    "metadata.namespace",
                    meta.lineOf("namespace"),
                    "ServiceAccount namespace \"" + sa.ref().namespace() + "\" is not the service id \"" + id
                            + "\": the AWS trust policy binds system:serviceaccount:" + id + ":" + id,
                    "render with --namespace " + id);
        }
        Optional<YMap> annotations = meta.map("annotations");
        Optional<String> arn = string(annotations, ROLE_ARN_ANNOTATION);
        String at = Paths.key("metadata.annotations", ROLE_ARN_ANNOTATION);
        String expected = "arn:aws:iam::${aws_account_id}:role/EKS-GCP-Role-" + id;
        if (arn.isEmpty()) {
            findings.error(
                    sa,
                    "identity.role-arn",
                    at,
                    meta.line(),
                    "the ServiceAccount has no " + ROLE_ARN_ANNOTATION + " annotation: pods get no AWS role",
                    "annotate it with " + ROLE_ARN_ANNOTATION + ": " + expected);
            return;
        }
        int line = annotations.get().lineOf(ROLE_ARN_ANNOTATION);
        Matcher m = ROLE_ARN.matcher(arn.get());
        if (!m.matches()) {
            findings.error(
                    sa,
                    "identity.role-arn",
                    at,
                    line,
                    "\"" + arn.get() + "\" is not an IAM role ARN",
                    "use " + expected);
            return;
        }
        if (!ACCOUNT.matcher(m.group(1)).matches()) {
            findings.error(
                    sa,
                    "identity.role-arn",
                    at,
                    line,
                    "account \"" + m.group(1) + "\" in the role ARN is neither 12 digits nor ${aws_account_id}",
                    "set aws.accountId to the 12-digit account id, or leave the Flux variable ${aws_account_id}");
        }
        String role = m.group(2);
        if (!role.equals("EKS-GCP-Role-" + id)) {
            findings.error(
                    sa,
                    "identity.role-arn",
                    at,
                    line,
                    "role \"" + role + "\" is not EKS-GCP-Role-" + id,
                    "use " + expected);
        }
        if (role.length() > 64) {
            findings.error(
                    sa,
                    "identity.role-name-length",
                    at,
                    line,
                    "role name \"" + role + "\" has " + role.length() + " characters; IAM role names have at most 64",
                    "shorten the service id (it must have at most 26 characters)");
        }
    }

    private void workload(Resource w, PodTemplate t) {
        YMap spec = t.spec();
        String sa = spec.string("serviceAccountName").orElse("");
        if (!sa.equals(id)) {
            findings.error(
                    w,
                    "identity.pod-serviceaccount",
                    t.specPath() + ".serviceAccountName",
                    spec.lineOf("serviceAccountName"),
                    sa.isEmpty()
                            ? "pods run as the namespace's default ServiceAccount, which has no AWS role"
                            : "pods run as ServiceAccount \"" + sa + "\", not the service's \"" + id + "\"",
                    "set serviceAccountName: " + id);
        }
        List<YNode> containers = spec.list("containers");
        for (int i = 0; i < containers.size(); i++) {
            if (containers.get(i) instanceof YMap c) {
                container(w, t, c, Paths.index(t.specPath() + ".containers", i), i == 0);
            }
        }
    }

    private record Mount(YMap mount, String at, YMap volume, String volumeAt, String relative) {}

    private void container(Resource w, PodTemplate t, YMap c, String at, boolean main) {
        if (gke) {
            return; // GKE's metadata server answers for the annotated Google account: no credentials file to check
        }
        Optional<YMap> env = Optional.empty();
        int envIndex = -1;
        List<YNode> envs = c.list("env");
        for (int i = 0; i < envs.size(); i++) {
            if (envs.get(i) instanceof YMap e
                    && CREDENTIALS_ENV.equals(e.text("name").orElse(null))) {
                env = Optional.of(e);
                envIndex = i;
            }
        }
        if (env.isEmpty()) {
            if (main) {
                findings.error(
                        w,
                        "identity.credentials-env",
                        at + ".env",
                        c.line(),
                        CREDENTIALS_ENV + " is not set: Google's client libraries cannot find the credentials file",
                        "set " + CREDENTIALS_ENV + " to /etc/gcp-service-account/credentials.json (the mounted key)");
            }
            return;
        }
        String envAt = at + ".env[" + envIndex + "].value";
        Optional<String> value = env.get().string("value");
        if (value.isEmpty() || !value.get().startsWith("/")) {
            findings.error(
                    w,
                    "identity.credentials-env",
                    envAt,
                    env.get().line(),
                    CREDENTIALS_ENV + " must be an absolute file path, got "
                            + (value.isPresent() ? "\"" + value.get() + "\"" : "no value"),
                    "set it to the path of credentials.json inside the mounted ConfigMap");
            return;
        }
        String path = value.get();
        Optional<Mount> mount = mountOf(t, c, at, path);
        if (mount.isEmpty()) {
            findings.error(
                    w,
                    "identity.credentials-env",
                    envAt,
                    env.get().lineOf("value"),
                    CREDENTIALS_ENV + "=" + path + " is in no mounted volume of the container",
                    "mount the credentials ConfigMap at " + parent(path) + " or point " + CREDENTIALS_ENV
                            + " at the mounted key");
            return;
        }
        Mount m = mount.get();
        if (!(m.mount().get("readOnly") instanceof YScalar ro
                && ro.type() == ScalarType.BOOL
                && ro.value().equals("true"))) {
            findings.warning(
                    w,
                    "identity.mount-readonly",
                    m.at() + ".readOnly",
                    m.mount().line(),
                    "the credentials mount is not read-only",
                    "set readOnly: true on the volume mount");
        }
        Optional<String[]> cmKey = configMapKey(w, m, envAt, env.get().lineOf("value"));
        if (cmKey.isEmpty()) {
            return;
        }
        String cmName = cmKey.get()[0];
        String key = cmKey.get()[1];
        Optional<Resource> cm = named(ofKind("ConfigMap"), cmName);
        if (cm.isEmpty()) {
            findings.error(
                    w,
                    "identity.credentials-missing",
                    m.volumeAt() + ".configMap.name",
                    m.volume().line(),
                    "ConfigMap \"" + cmName + "\" with the credentials file is not in the manifests",
                    "render the credentials ConfigMap " + cmName);
            return;
        }
        Optional<YMap> data = cm.get().root().map("data");
        Optional<String> json = string(data, key);
        if (json.isEmpty()) {
            findings.error(
                    cm.get(),
                    "identity.credentials-missing",
                    Paths.key("data", key),
                    cm.get().root().line(),
                    "ConfigMap \"" + cmName + "\" has no key \"" + key + "\" that " + CREDENTIALS_ENV + "=" + path
                            + " points at",
                    "add data." + key + " with the credentials JSON, or point " + CREDENTIALS_ENV
                            + " at the key that holds it");
            return;
        }
        credentials(cm.get(), Paths.key("data", key), data.get().lineOf(key), json.get(), t, c, at);
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    /** The volume mount of the container that holds {@code path}, and the path relative to it. */
    private Optional<Mount> mountOf(PodTemplate t, YMap c, String at, String path) {
        Mount best = null;
        List<YNode> mounts = c.list("volumeMounts");
        for (int i = 0; i < mounts.size(); i++) {
            if (!(mounts.get(i) instanceof YMap m)) {
                continue;
            }
            String mountPath = m.text("mountPath").orElse("");
            String relative;
            if (path.equals(mountPath) && m.text("subPath").isPresent()) {
                relative = m.text("subPath").get();
            } else if (!mountPath.isEmpty() && path.startsWith(mountPath.endsWith("/") ? mountPath : mountPath + "/")) {
                relative = path.substring(mountPath.length()).replaceFirst("^/", "");
                if (m.text("subPath").isPresent()) {
                    relative = m.text("subPath").get() + "/" + relative;
                }
            } else {
                continue;
            }
            if (best != null && best.mount().text("mountPath").orElse("").length() >= mountPath.length()) {
                continue;
            }
            String name = m.text("name").orElse("");
            List<YNode> volumes = t.spec().list("volumes");
            for (int v = 0; v < volumes.size(); v++) {
                if (volumes.get(v) instanceof YMap volume
                        && name.equals(volume.text("name").orElse(null))) {
                    best = new Mount(
                            m,
                            at + ".volumeMounts[" + i + "]",
                            volume,
                            Paths.index(t.specPath() + ".volumes", v),
                            relative);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The ConfigMap name and key that a mounted file comes from. */
    private Optional<String[]> configMapKey(Resource w, Mount m, String envAt, int line) {
        Optional<YMap> cm = m.volume().map("configMap");
        if (cm.isEmpty()) {
            findings.error(
                    w,
                    "identity.credentials-volume",
                    m.volumeAt(),
                    m.volume().line(),
                    "volume \"" + m.volume().text("name").orElse("") + "\" holding " + CREDENTIALS_ENV
                            + " is not a ConfigMap volume",
                    "mount the credentials ConfigMap there");
            return Optional.empty();
        }
        String name = cm.get().text("name").orElse("");
        String key = m.relative();
        List<YNode> items = cm.get().list("items");
        if (!items.isEmpty()) {
            String found = null;
            for (YNode item : items) {
                if (item instanceof YMap im && key.equals(im.text("path").orElse(null))) {
                    found = im.text("key").orElse("");
                }
            }
            if (found == null) {
                findings.error(
                        w,
                        "identity.credentials-env",
                        envAt,
                        line,
                        "the ConfigMap volume's items project no file " + key,
                        "add an item with path " + key + " or point " + CREDENTIALS_ENV + " at a projected path");
                return Optional.empty();
            }
            key = found;
        }
        if (key.contains("/")) {
            findings.error(
                    w,
                    "identity.credentials-env",
                    envAt,
                    line,
                    CREDENTIALS_ENV + " points into a subfolder \"" + key
                            + "\" of the ConfigMap mount, which holds no such file",
                    "point it at <mountPath>/<key>");
            return Optional.empty();
        }
        return Optional.of(new String[] {name, key});
    }

    private void credentials(Resource cm, String at, int line, String json, PodTemplate t, YMap c, String cAt) {
        Object parsed;
        try {
            // encoding/json's reader, which the renderer already has loaded: a tree for a dozen fields is not worth
            // building a Jackson ObjectMapper (a few hundred classes) in every runway:verify
            parsed = json.isBlank() ? null : GoJson.read(json);
        } catch (GoYamlException e) {
            findings.error(
                    cm,
                    "identity.credentials-json",
                    at,
                    line,
                    "the credentials file is not valid JSON: " + e.getMessage(),
                    "fix the JSON (render it with toPrettyJson rather than by hand)");
            return;
        }
        if (!(parsed instanceof Map<?, ?> root)) {
            findings.error(
                    cm,
                    "identity.credentials-json",
                    at,
                    line,
                    "the credentials file is not a JSON object",
                    "write the external_account JSON object");
            return;
        }
        requireText(cm, at, line, root, "type", "external_account");
        Optional<String> audience = requireText(cm, at, line, root, "audience", null);
        var a = audience.orElse(null);
        if (a != null && !AUDIENCE.matcher(a).matches()) {
            fieldError(
                    cm,
                    at,
                    line,
                    "audience",
                    "\"" + a + "\" is not a workload identity pool provider",
                    "use //iam.googleapis.com/projects/"
                            + "${gcp_project_number}/locations/global/workloadIdentityPools/${gcp_wip_id}/providers/<provider>");
        }
        requireText(
                cm,
                at,
                line,
                root,
                "token_url",
                null,
                "older Google client libraries reject a file without it" + " (the Java library defaults it)");
        Optional<String> impersonation = requireText(
                cm,
                at,
                line,
                root,
                "service_account_impersonation_url",
                null,
                "without it the workload uses the federated identity directly, not the Google account eks-" + id);
        var url = impersonation.orElse(null);
        if (url != null) {
            Matcher m = IMPERSONATION.matcher(url);
            if (!m.matches()) {
                fieldError(
                        cm,
                        at,
                        line,
                        "service_account_impersonation_url",
                        "\"" + url + "\" is not an iamcredentials generateAccessToken URL",
                        "use https://iamcredentials.googleapis.com/v1/" + "projects/-/serviceAccounts/eks-" + id
                                + "@${gcp_project_id}.iam.gserviceaccount.com:generateAccessToken");
            } else if (!m.group(1).equals("eks-" + id)) {
                fieldError(
                        cm,
                        at,
                        line,
                        "service_account_impersonation_url",
                        "impersonates \"" + m.group(1) + "\", not the service's Google account \"eks-" + id + "\"",
                        "impersonate eks-" + id + "@...");
            }
        }
        Optional<String> tokenType = requireText(cm, at, line, root, "subject_token_type", null);
        if (!(root.get("credential_source") instanceof Map<?, ?> source)) {
            fieldError(
                    cm,
                    at,
                    line,
                    "credential_source",
                    "credential_source is missing",
                    "add credential_source (aws1 environment or a token file)");
            return;
        }
        if (source.containsKey("environment_id")) {
            String env = text(source.get("environment_id"));
            if (!env.equals("aws1")) {
                fieldError(
                        cm,
                        at,
                        line,
                        "credential_source.environment_id",
                        "environment_id \"" + env + "\" is not supported; Google's client accepts aws1",
                        "set environment_id: aws1");
            }
            for (String field : List.of("region_url", "url", "regional_cred_verification_url")) {
                if (!(source.get(field) instanceof String value) || value.isEmpty()) {
                    fieldError(
                            cm,
                            at,
                            line,
                            "credential_source." + field,
                            "credential_source." + field
                                    + " is missing: Google's client needs it to reach AWS (region_url only when AWS_REGION is unset)",
                            "add credential_source." + field);
                }
            }
            var v = tokenType.orElse(null);
            if (v != null && !v.equals(AWS_TOKEN_TYPE)) {
                fieldError(
                        cm,
                        at,
                        line,
                        "subject_token_type",
                        "subject_token_type \"" + v + "\" does not fit an AWS credential source",
                        "use " + AWS_TOKEN_TYPE);
            }
        } else if (source.containsKey("file")) {
            String file = text(source.get("file"));
            var v = tokenType.orElse(null);
            if (v != null && !v.equals(JWT_TOKEN_TYPE) && !v.equals("urn:ietf:params:oauth:token-type:id_token")) {
                fieldError(
                        cm,
                        at,
                        line,
                        "subject_token_type",
                        "subject_token_type \"" + v + "\" does not fit a token file",
                        "use " + JWT_TOKEN_TYPE);
            }
            Map<?, ?> format = source.get("format") instanceof Map<?, ?> f ? f : Map.of();
            if ((format.containsKey("type") ? text(format.get("type")) : "text").equals("json")
                    && !(format.get("subject_token_field_name") instanceof String)) {
                fieldError(
                        cm,
                        at,
                        line,
                        "credential_source.format.subject_token_field_name",
                        "a json token format needs subject_token_field_name",
                        "add subject_token_field_name or use type text");
            }
            tokenFile(cm, t, c, cAt, file, audience.orElse(""));
        } else if (!source.containsKey("url") && !source.containsKey("executable")) {
            fieldError(
                    cm,
                    at,
                    line,
                    "credential_source",
                    "credential_source has none of environment_id, file, url",
                    "use the aws1 environment (aws-imds) or a projected token file (kubernetes-oidc)");
        }
    }

    /** kubernetes-oidc: the token file must be a projected service account token mounted at the file's folder. */
    private void tokenFile(Resource cm, PodTemplate t, YMap c, String cAt, String file, String audience) {
        List<Resource> deployments = ofKind("Deployment");
        Resource owner = deployments.isEmpty() ? cm : deployments.get(0);
        Optional<Mount> mount = file.startsWith("/") ? mountOf(t, c, cAt, file) : Optional.empty();
        if (mount.isEmpty()) {
            findings.error(
                    owner,
                    "identity.token-volume",
                    cAt + ".volumeMounts",
                    c.line(),
                    "credential_source.file " + file + " is in no mounted volume of the container",
                    "mount a projected serviceAccountToken volume at " + parent(file));
            return;
        }
        Mount m = mount.get();
        YMap token = null;
        Optional<YMap> projected = m.volume().map("projected");
        for (YNode source : projected.isPresent() ? projected.get().list("sources") : List.<YNode>of()) {
            if (source instanceof YMap s
                    && s.map("serviceAccountToken").isPresent()
                    && m.relative()
                            .equals(s.map("serviceAccountToken")
                                    .get()
                                    .text("path")
                                    .orElse(null))) {
                token = s.map("serviceAccountToken").get();
            }
        }
        if (token == null) {
            findings.error(
                    owner,
                    "identity.token-volume",
                    m.volumeAt(),
                    m.volume().line(),
                    "volume \"" + m.volume().text("name").orElse("") + "\" projects no service account token at "
                            + m.relative(),
                    "use a projected volume with serviceAccountToken.path: " + m.relative());
            return;
        }
        String expected = audience.startsWith("//") ? "https:" + audience : audience;
        String tokenAudience = token.text("audience").orElse("");
        if (!tokenAudience.equals(expected)) {
            findings.warning(
                    owner,
                    "identity.token-audience",
                    m.volumeAt() + ".projected",
                    token.line(),
                    "token audience \"" + tokenAudience + "\" is not the provider's default audience \"" + expected
                            + "\"",
                    "set serviceAccountToken.audience to " + expected);
        }
    }

    private Optional<String> requireText(
            Resource cm, String at, int line, Map<?, ?> root, String field, String expected) {
        return requireText(cm, at, line, root, field, expected, "Google's client libraries reject the file");
    }

    private Optional<String> requireText(
            Resource cm, String at, int line, Map<?, ?> root, String field, String expected, String why) {
        if (!(root.get(field) instanceof String value) || value.isEmpty()) {
            fieldError(
                    cm,
                    at,
                    line,
                    field,
                    field + " is missing from the credentials file: " + why,
                    "add \"" + field + "\"" + (expected == null ? "" : ": \"" + expected + "\""));
            return Optional.empty();
        }
        if (expected != null && !value.equals(expected)) {
            fieldError(
                    cm,
                    at,
                    line,
                    field,
                    field + " is \"" + value + "\"",
                    "set \"" + field + "\": \"" + expected + "\"");
        }
        return Optional.of(value);
    }

    /** A JSON value as text, as in messages: a number as JSON writes it, a null, an object or an array empty. */
    private static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        if (value instanceof Double d) {
            return GoJson.marshal(d);
        }
        return "";
    }

    private void fieldError(Resource cm, String at, int line, String field, String message, String fix) {
        findings.error(cm, "identity.credentials-field", at + "#/" + field.replace('.', '/'), line, message, fix);
    }

    /** The resources of {@code kind}, in manifest order (a loop: stream lambdas cost a cold runway:verify a class each). */
    private List<Resource> ofKind(String kind) {
        List<Resource> out = new ArrayList<>();
        for (Resource r : resources) {
            if (r.kind().equals(kind)) {
                out.add(r);
            }
        }
        return out;
    }

    /** The first of {@code candidates} named {@code name}. */
    private static Optional<Resource> named(List<Resource> candidates, String name) {
        for (Resource r : candidates) {
            if (r.ref().name().equals(name)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The string at {@code key} of a map that may be absent. */
    private static Optional<String> string(Optional<YMap> map, String key) {
        return map.isPresent() ? map.get().string(key) : Optional.empty();
    }
}
