package dev.runway.render.chart;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The values matrix of the runway-eks chart: every combination of credential source, profiling, autoscaling and
 * disruption budget, for a short and a long service id, with extras (env and env from Secrets, ConfigMaps and
 * cluster variables; resources, securityContext and lifecycle; annotations, pull secrets, volumes and
 * the Namespace; scheduling, spreading and managed-by; Vault secrets through external-secrets) spread over the cases;
 * then the GKE runtime with and without profiling and Vault secrets. Shared by the chart tests (real Helm) and the
 * engine's conformance tests (ours vs Helm).
 */
public final class RunwayEksMatrix {

    /** The shortest and the longest id the chart accepts (2 and 26 characters). */
    static final String SHORT_ID = "ab";
    static final String LONG_ID = "payments-api-eu-west-fraud";
    static final String GKE_SHORT_ID = "ledger";

    /** One combination: the service id (also the release namespace) and the values file text. */
    public record Case(String name, String serviceId, String runtime, String credentialSource, boolean profiling,
                       boolean autoscaling, boolean disruptionBudget, boolean externalSecrets, boolean startupProbe,
                       String valuesYaml) {

        public boolean oidc() {
            return !gke() && "kubernetes-oidc".equals(credentialSource);
        }

        public boolean gke() {
            return "gke".equals(runtime);
        }
    }

    private RunwayEksMatrix() {
    }

    /** The chart directory, as the build passes it to tests. */
    public static Path chartDirectory() {
        return Path.of(System.getProperty("runway.chartDir", "../charts/runway-eks"));
    }

    public static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        int index = 0;
        for (String id : List.of(SHORT_ID, LONG_ID)) {
            for (String source : List.of("aws-imds", "kubernetes-oidc")) {
                for (boolean profiling : List.of(false, true)) {
                    for (boolean autoscaling : List.of(false, true)) {
                        for (boolean pdb : List.of(false, true)) {
                            cases.add(combination(index++, id, source, profiling, autoscaling, pdb));
                        }
                    }
                }
            }
        }
        // On GKE the Google account is <id>@<project>: Google's 6-character minimum is the shortest id there.
        for (String id : List.of(GKE_SHORT_ID, LONG_ID)) {
            for (boolean profiling : List.of(false, true)) {
                for (boolean secrets : List.of(false, true)) {
                    cases.add(gke(index++, id, profiling, secrets));
                }
            }
        }
        return List.copyOf(cases);
    }

    private static Case combination(int index, String id, String source, boolean profiling, boolean autoscaling,
                                    boolean pdb) {
        StringBuilder yaml = new StringBuilder()
                .append("serviceId: ").append(id).append('\n')
                .append("image:\n  repository: registry.example.com/runway/").append(id).append('\n')
                .append("  tag: \"").append(index % 3 == 0 ? "1.0." + index : "v2-rc" + index).append("\"\n")
                .append("gcpWorkloadIdentity:\n  credentialSource: ").append(source).append('\n')
                .append("profiling:\n  enabled: ").append(profiling).append('\n')
                .append("autoscaling:\n  enabled: ").append(autoscaling).append('\n')
                .append("podDisruptionBudget:\n  enabled: ").append(pdb).append('\n');
        if (pdb && index % 2 == 0) {
            yaml.append("  minAvailable: \"50%\"\n");
        }
        // Extras rotate over the cases so each appears with both credential sources and both ids.
        switch (index % 4) {
            case 0 -> yaml.append("env:\n  LOG_LEVEL: debug\n  FEATURES: \"a,b\"\n  EMPTY: \"\"\n  PORT_NUMBER: \"8080\"\n"
                    + "envValueFrom:\n  DB_PASSWORD:\n    secretKeyRef: {name: db, key: password}\n"
                    + "  POD_IP:\n    fieldRef: {fieldPath: status.podIP}\n"
                    + "envFrom:\n  - configMapRef: {name: app-config}\n  - secretRef: {name: app-env, optional: true}\n"
                    + "    prefix: SECRET_\n"
                    + "clusterVarsEnv:\n  GCP_PROJECT: gcp_project_id\n  AWS_ACCOUNT: aws_account_id\n");
            case 1 -> yaml.append("resources:\n  requests:\n    cpu: 250m\n    memory: 512Mi\n  limits:\n    cpu: \"1\"\n"
                    + "    memory: 1Gi\n"
                    + "podSecurityContext:\n  runAsUser: 10001\n  runAsGroup: 10001\n  fsGroup: 10001\n"
                    + "securityContext:\n  runAsUser: 10001\n  readOnlyRootFilesystem: false\n"
                    + "  capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}\n"
                    + "lifecycle:\n  preStop:\n    exec:\n      command: [sleep, \"5\"]\n");
            case 2 -> yaml.append("annotations:\n  runway.gitlab.com/owner: \"team-payments\"\n"
                    + "podAnnotations:\n  prometheus.io/scrape: \"true\"\nlabels:\n  tier: backend\n"
                    + "serviceAccount:\n  annotations:\n    example.com/note: \"kept\"\n"
                    + "imagePullSecrets:\n  - name: registry-credentials\n"
                    + "extraVolumes:\n  - name: cache\n    emptyDir: {sizeLimit: 1Gi}\n"
                    + "extraVolumeMounts:\n  - name: cache\n    mountPath: /var/cache/app\n"
                    + "namespace:\n  create: true\n  labels:\n    pod-security.kubernetes.io/enforce: restricted\n");
            default -> yaml.append("port: 5052\nservice:\n  port: 8080\nreplicas: 3\n"
                    + "nodeSelector:\n  kubernetes.io/arch: arm64\n"
                    + "tolerations:\n  - key: dedicated\n    operator: Equal\n    value: runway\n    effect: NoSchedule\n"
                    + "priorityClassName: runway-high\n"
                    + "topologySpreadConstraints:\n  - maxSkew: 1\n    topologyKey: topology.kubernetes.io/zone\n"
                    + "    whenUnsatisfiable: ScheduleAnyway\n"
                    + "terminationGracePeriodSeconds: 45\nmanagedBy: Helm\n"
                    + "lifecycle:\n  preStop:\n    sleep: {seconds: 5}\n");
        }
        boolean secrets = index % 5 == 0;
        if (secrets) {
            yaml.append(externalSecrets(index));
        }
        boolean startup = index % 3 == 1;
        if (startup) {
            yaml.append("probes:\n  startup:\n    enabled: true\n    path: /-/started\n    failureThreshold: 60\n");
        }
        String name = String.format("%02d-%s-%s%s%s%s%s%s", index, id.length() <= 2 ? "short" : "long",
                source.equals("aws-imds") ? "imds" : "oidc", profiling ? "-profiling" : "",
                autoscaling ? "-hpa" : "", pdb ? "-pdb" : "", secrets ? "-vault" : "", startup ? "-startup" : "");
        return new Case(name, id, "eks", source, profiling, autoscaling, pdb, secrets, startup, yaml.toString());
    }

    /** GKE Workload Identity: no credentials file; extras as in the EKS cases where they apply. */
    private static Case gke(int index, String id, boolean profiling, boolean secrets) {
        StringBuilder yaml = new StringBuilder()
                .append("serviceId: ").append(id).append('\n')
                .append("runtime: gke\n")
                .append("image:\n  repository: registry.example.com/runway/").append(id).append('\n')
                .append("  tag: \"3.1.").append(index).append("\"\n")
                .append("gcp:\n  projectId: ").append(index % 2 == 0 ? "runway-gke-prod" : "\"${gcp_project_id}\"")
                .append('\n')
                .append("profiling:\n  enabled: ").append(profiling).append('\n');
        if (secrets) {
            yaml.append(externalSecrets(index));
        }
        if (index % 2 == 1) {
            yaml.append("podAnnotations:\n  prometheus.io/scrape: \"true\"\nenv:\n  LOG_LEVEL: info\n"
                    + "serviceAccount:\n  annotations:\n    example.com/note: \"kept\"\n");
        }
        String name = String.format("%02d-%s-gke%s%s", index, id.length() <= 6 ? "short" : "long",
                profiling ? "-profiling" : "", secrets ? "-vault" : "");
        return new Case(name, id, "gke", "aws-imds", profiling, false, false, secrets, false, yaml.toString());
    }

    private static String externalSecrets(int index) {
        return "externalSecrets:\n  enabled: true\n  environment: " + (index % 2 == 0 ? "staging" : "production")
                + "\n" + (index % 3 == 0 ? "  clusterSecretStore: vault-runway.gitlab\n  refreshInterval: 30m\n" : "");
    }
}
