package dev.runway.render.flux;

/**
 * The flux-cluster-vars ConfigMap of a runway-eks cluster, defining exactly the four variables runway-eks's output
 * uses ({@link VariablePolicy#DEFAULT_VARIABLES}); shared by the flux and service tests that need a realistic one.
 */
public final class ClusterVarsFixture {

    private ClusterVarsFixture() {}

    /** Its YAML text, with {@code gcpProjectId} as {@code gcp_project_id}. */
    public static String yaml(String gcpProjectId) {
        return """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: flux-cluster-vars
                  namespace: flux-system
                data:
                  aws_account_id: "012345678901"
                  gcp_project_number: "123456789012"
                  gcp_wip_id: eks-pool
                  gcp_project_id: %s
                """.formatted(gcpProjectId);
    }
}
