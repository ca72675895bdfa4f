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
    public record Case(
            String name,
            String serviceId,
            String runtime,
            String credentialSource,
            boolean profiling,
            boolean autoscaling,
            boolean disruptionBudget,
            boolean externalSecrets,
            boolean startupProbe,
            String valuesYaml) {

        public boolean oidc() {
            return !gke() && "kubernetes-oidc".equals(credentialSource);
        }

        public boolean gke() {
            return "gke".equals(runtime);
        }
    }

    private RunwayEksMatrix() {}

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

    private static Case combination(
            int index, String id, String source, boolean profiling, boolean autoscaling, boolean pdb) {
        StringBuilder yaml = new StringBuilder()
                .append("serviceId: ")
                .append(id)
                .append('\n')
                .append("image:\n  repository: registry.example.com/runway/")
                .append(id)
                .append('\n')
                .append("  tag: \"")
                .append(index % 3 == 0 ? "1.0." + index : "v2-rc" + index)
                .append("\"\n")
                .append("gcpWorkloadIdentity:\n  credentialSource: ")
                .append(source)
                .append('\n')
                .append("profiling:\n  enabled: ")
                .append(profiling)
                .append('\n')
                .append("autoscaling:\n  enabled: ")
                .append(autoscaling)
                .append('\n')
                .append("podDisruptionBudget:\n  enabled: ")
                .append(pdb)
                .append('\n');
        if (pdb && index % 2 == 0) {
            yaml.append("  minAvailable: \"50%\"\n");
        }
        // Extras rotate over the cases so each appears with both credential sources and both ids.
        switch (index % 4) {
            case 0 -> yaml.append("""
                    env:
                      LOG_LEVEL: debug
                      FEATURES: "a,b"
                      EMPTY: ""
                      PORT_NUMBER: "8080"
                    envValueFrom:
                      DB_PASSWORD:
                        secretKeyRef: {name: db, key: password}
                      POD_IP:
                        fieldRef: {fieldPath: status.podIP}
                    envFrom:
                      - configMapRef: {name: app-config}
                      - secretRef: {name: app-env, optional: true}
                        prefix: SECRET_
                    clusterVarsEnv:
                      GCP_PROJECT: gcp_project_id
                      AWS_ACCOUNT: aws_account_id
                    """);
            case 1 -> yaml.append("""
                    resources:
                      requests:
                        cpu: 250m
                        memory: 512Mi
                      limits:
                        cpu: "1"
                        memory: 1Gi
                    podSecurityContext:
                      runAsUser: 10001
                      runAsGroup: 10001
                      fsGroup: 10001
                    securityContext:
                      runAsUser: 10001
                      readOnlyRootFilesystem: false
                      capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}
                    lifecycle:
                      preStop:
                        exec:
                          command: [sleep, "5"]
                    """);
            case 2 -> yaml.append("""
                    annotations:
                      runway.gitlab.com/owner: "team-payments"
                    podAnnotations:
                      prometheus.io/scrape: "true"
                    labels:
                      tier: backend
                    serviceAccount:
                      annotations:
                        example.com/note: "kept"
                    imagePullSecrets:
                      - name: registry-credentials
                    extraVolumes:
                      - name: cache
                        emptyDir: {sizeLimit: 1Gi}
                    extraVolumeMounts:
                      - name: cache
                        mountPath: /var/cache/app
                    namespace:
                      create: true
                      labels:
                        pod-security.kubernetes.io/enforce: restricted
                    """);
            default -> yaml.append("""
                    port: 5052
                    service:
                      port: 8080
                    replicas: 3
                    nodeSelector:
                      kubernetes.io/arch: arm64
                    tolerations:
                      - key: dedicated
                        operator: Equal
                        value: runway
                        effect: NoSchedule
                    priorityClassName: runway-high
                    topologySpreadConstraints:
                      - maxSkew: 1
                        topologyKey: topology.kubernetes.io/zone
                        whenUnsatisfiable: ScheduleAnyway
                    terminationGracePeriodSeconds: 45
                    managedBy: Helm
                    lifecycle:
                      preStop:
                        sleep: {seconds: 5}
                    """);
        }
        boolean secrets = index % 5 == 0;
        if (secrets) {
            yaml.append(externalSecrets(index));
        }
        boolean startup = index % 3 == 1;
        if (startup) {
            yaml.append("probes:\n  startup:\n    enabled: true\n    path: /-/started\n    failureThreshold: 60\n");
        }
        String name = String.format(
                "%02d-%s-%s%s%s%s%s%s",
                index,
                id.length() <= 2 ? "short" : "long",
                source.equals("aws-imds") ? "imds" : "oidc",
                profiling ? "-profiling" : "",
                autoscaling ? "-hpa" : "",
                pdb ? "-pdb" : "",
                secrets ? "-vault" : "",
                startup ? "-startup" : "");
        return new Case(name, id, "eks", source, profiling, autoscaling, pdb, secrets, startup, yaml.toString());
    }

    /** GKE Workload Identity: no credentials file; extras as in the EKS cases where they apply. */
    private static Case gke(int index, String id, boolean profiling, boolean secrets) {
        StringBuilder yaml = new StringBuilder()
                .append("serviceId: ")
                .append(id)
                .append('\n')
                .append("runtime: gke\n")
                .append("image:\n  repository: registry.example.com/runway/")
                .append(id)
                .append('\n')
                .append("  tag: \"3.1.")
                .append(index)
                .append("\"\n")
                .append("gcp:\n  projectId: ")
                .append(index % 2 == 0 ? "runway-gke-prod" : "\"${gcp_project_id}\"")
                .append('\n')
                .append("profiling:\n  enabled: ")
                .append(profiling)
                .append('\n');
        if (secrets) {
            yaml.append(externalSecrets(index));
        }
        if (index % 2 == 1) {
            yaml.append("""
                    podAnnotations:
                      prometheus.io/scrape: "true"
                    env:
                      LOG_LEVEL: info
                    serviceAccount:
                      annotations:
                        example.com/note: "kept"
                    """);
        }
        String name = String.format(
                "%02d-%s-gke%s%s",
                index, id.length() <= 6 ? "short" : "long", profiling ? "-profiling" : "", secrets ? "-vault" : "");
        return new Case(name, id, "gke", "aws-imds", profiling, false, false, secrets, false, yaml.toString());
    }

    private static String externalSecrets(int index) {
        return "externalSecrets:\n  enabled: true\n  environment: " + (index % 2 == 0 ? "staging" : "production") + "\n"
                + (index % 3 == 0 ? "  clusterSecretStore: vault-runway.gitlab\n  refreshInterval: 30m\n" : "");
    }
}
