package dev.runway.render.identity;

import dev.runway.render.api.RenderedChart;
import dev.runway.render.verify.Finding;
import dev.runway.render.verify.ResourceRef;
import dev.runway.render.verify.Severity;
import dev.runway.render.yaml.GoJson;
import dev.runway.render.yaml.GoYamlException;
import dev.runway.render.yaml.YNode;
import dev.runway.render.yaml.YNode.YMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a render and the provisioner's half of the handshake agree: the trust policy's subject and the
 * rendered ServiceAccount; the role ARN annotation and the role; the credentials file's impersonation URL (or GKE's
 * annotation) and the Google service account; the profiling variable and the profiler binding; on GKE the
 * Workload Identity member and the ServiceAccount. Each disagreement says exactly what to change on either side.
 */
public final class HandshakeCheck {
    static final String PROFILING_ENV = "GITLAB_CONTINUOUS_PROFILING";
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::([^:]*):role/(.+)");
    private static final Pattern IMPERSONATION = Pattern.compile(".*/serviceAccounts/([^/:]+):generateAccessToken");

    private HandshakeCheck() {}

    /**
     * Checks a render against the identity handshake of its environment.
     *
     * @param source where the handshake came from, for messages ({@code identity/staging/identity.json}, or
     *               {@code the values})
     */
    public static List<Finding> check(RenderedChart chart, Handshake handshake, String source) {
        List<Finding> findings = new ArrayList<>();
        RenderedDocuments release;
        YMap serviceAccount;
        try {
            release = new RenderedDocuments(chart);
            List<YMap> accounts = release.all("ServiceAccount");
            if (accounts.size() != 1) {
                findings.add(error(
                        "handshake.serviceaccount",
                        ResourceRef.none(),
                        "",
                        "the render has "
                                + accounts.size() + " ServiceAccounts; the handshake (" + source + ") is for one, "
                                + handshake.kubernetes().serviceAccount(),
                        "render the runway-eks chart for the service"));
                return findings;
            }
            serviceAccount = accounts.get(0);
        } catch (RuntimeException e) {
            findings.add(error(
                    "handshake.render",
                    ResourceRef.none(),
                    "",
                    "cannot read the render: " + e.getMessage(),
                    "fix the render first"));
            return findings;
        }
        String name = Objects.requireNonNullElse(RenderedDocuments.text(serviceAccount, "metadata", "name"), "");
        String namespace =
                Objects.requireNonNullElse(RenderedDocuments.text(serviceAccount, "metadata", "namespace"), "");
        ResourceRef sa = new ResourceRef("v1", "ServiceAccount", namespace, name);
        Map<String, YNode> annotations = RenderedDocuments.map(serviceAccount, "metadata", "annotations");
        boolean renderedGke = annotations.containsKey("iam.gke.io/gcp-service-account")
                && !annotations.containsKey("eks.amazonaws.com/role-arn");
        String renderedRuntime = renderedGke ? "gke" : "eks";
        if (!renderedRuntime.equals(handshake.runtime())) {
            findings.add(error(
                    "handshake.runtime",
                    sa,
                    "metadata.annotations",
                    "the render is for runtime " + renderedRuntime + " but the handshake (" + source + ") is for "
                            + handshake.runtime(),
                    "set runtime: " + handshake.runtime() + " in the values, or run `mvn runway:identity` and hand the "
                            + "provisioner the " + renderedRuntime + " handshake"));
            return findings;
        }
        String subject = "system:serviceaccount:" + namespace + ":" + name;
        if (renderedGke) {
            gke(handshake, source, sa, annotations, namespace, name, findings);
        } else {
            eks(release, handshake, source, sa, annotations, subject, findings);
        }
        profiling(release, handshake, source, findings);
        return findings;
    }

    private static void eks(
            RenderedDocuments release,
            Handshake handshake,
            String source,
            ResourceRef sa,
            Map<String, YNode> annotations,
            String subject,
            List<Finding> findings) {
        Optional<String> trusted = handshake.trustedSubject();
        if (trusted.isEmpty()) {
            findings.add(error(
                    "handshake.trust-subject",
                    sa,
                    "",
                    "the handshake (" + source + ") has no trust policy " + "with a :sub condition",
                    "run `mvn runway:identity` to write the trust policy"));
        } else if (!trusted.get().equals(subject)) {
            findings.add(error(
                    "handshake.trust-subject",
                    sa,
                    "metadata",
                    "the trust policy of "
                            + handshake.aws().roleName() + " (" + source + ") allows " + trusted.get()
                            + ", but the render's "
                            + "ServiceAccount is " + subject,
                    "render the ServiceAccount " + afterLast(trusted.get())
                            + " in namespace " + middle(trusted.get())
                            + ", or give the provisioner the trust policy of `mvn "
                            + "runway:identity` (subject " + subject + ")"));
        }
        String arn = annotations.containsKey("eks.amazonaws.com/role-arn")
                ? RenderedDocuments.text(annotations.get("eks.amazonaws.com/role-arn"))
                : "";
        Matcher rendered = ROLE_ARN.matcher(arn);
        Matcher expected = ROLE_ARN.matcher(handshake.aws().roleArn());
        String at = "metadata.annotations[\"eks.amazonaws.com/role-arn\"]";
        if (!rendered.matches()) {
            findings.add(error(
                    "handshake.role",
                    sa,
                    at,
                    "the ServiceAccount has no role ARN annotation, but the " + "handshake (" + source
                            + ") has the role " + handshake.aws().roleArn(),
                    "annotate it with eks.amazonaws.com/role-arn: "
                            + handshake.aws().roleArn()));
        } else if (expected.matches()) {
            if (!rendered.group(2).equals(expected.group(2))) {
                findings.add(error(
                        "handshake.role",
                        sa,
                        at,
                        "the render assumes the role " + rendered.group(2) + ", but the provisioner creates "
                                + expected.group(2) + " (" + source + ")",
                        "render the service id that names " + expected.group(2) + ", or have the provisioner "
                                + "create " + rendered.group(2)));
            }
            if (!placeholder(rendered.group(1))
                    && !placeholder(expected.group(1))
                    && !rendered.group(1).equals(expected.group(1))) {
                findings.add(error(
                        "handshake.role",
                        sa,
                        at,
                        "the role ARN names AWS account " + rendered.group(1) + ", but the role is in account "
                                + expected.group(1) + " (" + source + ")",
                        "set aws.accountId to " + expected.group(1) + " (or keep ${aws_account_id} for Flux)"));
            }
        }
        Optional<YMap> credentials = release.optional("ConfigMap");
        String url = credentials.map(HandshakeCheck::impersonationUrl).orElse("");
        Matcher impersonation = IMPERSONATION.matcher(url);
        ResourceRef configMap = new ResourceRef(
                "v1",
                "ConfigMap",
                RenderedDocuments.text(release.only("ServiceAccount"), "metadata", "namespace"),
                credentials
                        .map(c -> RenderedDocuments.text(c, "metadata", "name"))
                        .orElse(""));
        if (!impersonation.matches()) {
            findings.add(error(
                    "handshake.google-account",
                    configMap,
                    "data[\"credentials.json\"]",
                    "the credentials file impersonates no service account, but the handshake (" + source + ") has "
                            + handshake.google().serviceAccountEmail(),
                    "set service_account_impersonation_url " + "to impersonate "
                            + handshake.google().serviceAccountEmail()));
        } else if (!sameAccount(impersonation.group(1), handshake.google().serviceAccountEmail())) {
            findings.add(error(
                    "handshake.google-account",
                    configMap,
                    "data[\"credentials.json\"]#/" + "service_account_impersonation_url",
                    "the credentials file impersonates " + impersonation.group(1) + ", but the provisioner creates "
                            + handshake.google().serviceAccountEmail() + " (" + source + ")",
                    "render for the service id of " + handshake.google().serviceAccountId() + ", or have the "
                            + "provisioner create " + impersonation.group(1)));
        }
    }

    private static void gke(
            Handshake handshake,
            String source,
            ResourceRef sa,
            Map<String, YNode> annotations,
            String namespace,
            String name,
            List<Finding> findings) {
        String account = RenderedDocuments.text(annotations.get("iam.gke.io/gcp-service-account"));
        if (!sameAccount(account, handshake.google().serviceAccountEmail())) {
            findings.add(error(
                    "handshake.google-account",
                    sa,
                    "metadata.annotations[\"iam.gke.io/gcp-service-account\"]",
                    "the ServiceAccount acts as " + account + ", but the provisioner creates "
                            + handshake.google().serviceAccountEmail() + " (" + source + ")",
                    "annotate it with iam.gke.io/gcp-service-account: "
                            + handshake.google().serviceAccountEmail() + ", or have the provisioner create "
                            + account));
        }
        Optional<Handshake.Binding> user = handshake.binding(Handshake.WORKLOAD_IDENTITY_USER);
        GkeMember member = GkeMember.read(user.map(Handshake.Binding::member).orElse(""));
        if (member == null) {
            findings.add(error(
                    "handshake.gke-member",
                    sa,
                    "",
                    "the handshake (" + source + ") binds no "
                            + "Workload Identity member serviceAccount:<project>.svc.id.goog[" + namespace + "/" + name
                            + "]",
                    "run `mvn runway:identity` for the binding of " + Handshake.WORKLOAD_IDENTITY_USER));
        } else if (!member.namespace().equals(namespace) || !member.name().equals(name)) {
            findings.add(error(
                    "handshake.gke-member",
                    sa,
                    "metadata",
                    "the Workload Identity member "
                            + member.text() + " (" + source + ") is for " + member.namespace() + "/" + member.name()
                            + ", but the render's ServiceAccount is " + namespace + "/" + name,
                    "render the ServiceAccount "
                            + member.name() + " in namespace " + member.namespace() + ", or have the provisioner bind "
                            + "serviceAccount:" + member.project() + ".svc.id.goog[" + namespace + "/" + name + "]"));
        }
    }

    private static void profiling(
            RenderedDocuments release, Handshake handshake, String source, List<Finding> findings) {
        YMap deployment;
        try {
            deployment = release.only("Deployment");
        } catch (RuntimeException e) {
            return; // the verify rules report a missing Deployment
        }
        boolean profiles = containerEnv(deployment).stream()
                .anyMatch(e -> e instanceof YMap variable
                        && PROFILING_ENV.equals(variable.text("name").orElse("")));
        boolean bound = handshake.binding(Handshake.PROFILER_AGENT).isPresent();
        ResourceRef ref = new ResourceRef(
                "apps/v1",
                "Deployment",
                RenderedDocuments.text(deployment, "metadata", "namespace"),
                RenderedDocuments.text(deployment, "metadata", "name"));
        if (profiles && !bound) {
            findings.add(error(
                    "handshake.profiler",
                    ref,
                    "spec.template.spec.containers[0].env",
                    "the pods profile "
                            + "to Cloud Profiler (" + PROFILING_ENV + "), but the handshake (" + source + ") grants "
                            + handshake.google().serviceAccountEmail() + " no " + Handshake.PROFILER_AGENT,
                    "have the provisioner grant " + Handshake.PROFILER_AGENT + " (run `mvn runway:identity` with "
                            + "profiling.enabled), or set profiling.enabled: false"));
        } else if (!profiles && bound) {
            findings.add(new Finding(
                    Severity.WARNING,
                    "handshake.profiler",
                    ref,
                    "spec.template.spec.containers[0].env",
                    "the handshake (" + source + ") grants " + Handshake.PROFILER_AGENT + ", but the pods do not "
                            + "profile",
                    "set profiling.enabled: true, or drop the profiler binding from the provisioner",
                    "",
                    0));
        }
    }

    /** The first container's {@code env} list. */
    private static List<YNode> containerEnv(YMap deployment) {
        Optional<YMap> podSpec =
                deployment.map("spec").flatMap(s -> s.map("template")).flatMap(t -> t.map("spec"));
        List<YNode> containers = podSpec.map(p -> p.list("containers")).orElse(List.of());
        return !containers.isEmpty() && containers.get(0) instanceof YMap container ? container.list("env") : List.of();
    }

    /**
     * The {@code service_account_impersonation_url} of the ConfigMap's {@code credentials.json} ({@code ""} without
     * one).
     *
     * @throws IllegalStateException when the ConfigMap has no credentials.json or it is not valid JSON
     */
    private static String impersonationUrl(YMap configMap) {
        String text = RenderedDocuments.text(configMap, "data", "credentials.json");
        if (text == null) {
            throw new IllegalStateException("the ConfigMap " + RenderedDocuments.text(configMap, "metadata", "name")
                    + " has no credentials.json");
        }
        Object json;
        try {
            json = GoJson.read(text);
        } catch (GoYamlException e) {
            throw new IllegalStateException("credentials.json is not valid JSON: " + e.getMessage(), e);
        }
        return json instanceof Map<?, ?> map && map.get("service_account_impersonation_url") instanceof String url
                ? url
                : "";
    }

    /** The same Google account, comparing the project only when neither side is still a placeholder. */
    private static boolean sameAccount(String rendered, String expected) {
        String[] a = rendered.split("@", 2);
        String[] b = expected.split("@", 2);
        if (a.length != 2 || b.length != 2 || !a[0].equals(b[0])) {
            return false;
        }
        return placeholder(a[1]) || placeholder(b[1]) || a[1].equals(b[1]);
    }

    private static boolean placeholder(String text) {
        return text.contains("${");
    }

    private static String afterLast(String subject) {
        return subject.substring(subject.lastIndexOf(':') + 1);
    }

    private static String middle(String subject) {
        String[] parts = subject.split(":", -1);
        return parts.length >= 4 ? parts[2] : "";
    }

    private static Finding error(String check, ResourceRef resource, String path, String message, String fix) {
        return new Finding(Severity.ERROR, check, resource, path, message, fix, "", 0);
    }

    /**
     * A Workload Identity member as {@code serviceAccount:(.+)\\.svc\\.id\\.goog\\[([^/]+)/([^]]+)]} matches it
     * whole: the project (the greedy group: the last ".svc.id.goog[" that fits, on one line), the namespace and the
     * name. Read by hand because the expression retries the rest after every ".svc.id.goog[", quadratic in the text
     * (10,000 characters of them took a second, 100,000 over 20 s).
     */
    record GkeMember(String text, String project, String namespace, String name) {
        private static final String PREFIX = "serviceAccount:";
        private static final String POOL = ".svc.id.goog[";

        static GkeMember read(String s) {
            if (!s.startsWith(PREFIX) || !s.endsWith("]")) {
                return null;
            }
            int close = s.length() - 1;
            int lastBracket = s.lastIndexOf(']', close - 1); // the name holds no ']'
            int lineEnd = PREFIX.length(); // '.' takes no line terminator
            while (lineEnd < s.length() && !isLineTerminator(s.charAt(lineEnd))) {
                lineEnd++;
            }
            int slash = -1; // the first '/' at or after the namespace's start, kept as the candidates move left
            int scanned = s.length();
            for (int at = s.lastIndexOf(POOL); at > PREFIX.length(); at = s.lastIndexOf(POOL, at - 1)) {
                int from = at + POOL.length();
                for (int i = scanned - 1; i >= from; i--) {
                    if (s.charAt(i) == '/') {
                        slash = i;
                    }
                }
                scanned = Math.min(scanned, from);
                if (at <= lineEnd && slash > from && slash + 1 < close && lastBracket <= slash) {
                    return new GkeMember(
                            s,
                            s.substring(PREFIX.length(), at),
                            s.substring(from, slash),
                            s.substring(slash + 1, close));
                }
            }
            return null;
        }

        private static boolean isLineTerminator(char c) {
            return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
        }
    }
}
