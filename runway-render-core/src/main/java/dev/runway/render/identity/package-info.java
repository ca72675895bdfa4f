/**
 * Both halves of a service's identity handshake: what the chart renders (the Kubernetes side) and what the
 * provisioner must create for it (AWS role, trust policy, Google service account, IAM bindings).
 *
 * <pre>{@code
 * Handshake handshake = Handshake.of(values, "payments", "staging", Handshake.DEFAULT_OIDC_PROVIDER);
 * Files.writeString(dir.resolve("identity.json"), handshake.toJson());
 * Files.writeString(dir.resolve("identity.tf.json"), handshake.toTerraformJson());
 * List<Finding> disagreements = HandshakeCheck.check(rendered, handshake, "identity/staging/identity.json");
 * }</pre>
 *
 * The wiring follows the platform's design: on EKS the AWS role {@code EKS-GCP-Role-<id>} trusts
 * {@code system:serviceaccount:<id>:<id>} on the cluster's OIDC provider ({@code sts:AssumeRoleWithWebIdentity}),
 * the Google service account {@code eks-<id>} is impersonated, {@code roles/iam.workloadIdentityUser} binds the
 * member {@code principal://iam.googleapis.com/projects/<number>/locations/global/workloadIdentityPools/<pool>/subject/arn:aws:iam::<account>:role/EKS-GCP-Role-<id>},
 * and {@code roles/cloudprofiler.agent} is granted when profiling is on. On GKE the Google service account is
 * {@code <id>@<project>.iam.gserviceaccount.com} and the member is
 * {@code serviceAccount:<project>.svc.id.goog[<id>/<id>]}.
 */
package dev.runway.render.identity;
