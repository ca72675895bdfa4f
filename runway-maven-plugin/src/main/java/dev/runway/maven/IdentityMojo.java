package dev.runway.maven;

import dev.runway.render.flux.ClusterVars;
import dev.runway.render.identity.Handshake;
import dev.runway.render.service.HandshakeChecker;
import dev.runway.render.service.OutputFile;
import dev.runway.render.service.OutputSync;
import dev.runway.render.service.PlannedEnvironment;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes, for each environment, the provisioner's half of the service's identity handshake: the AWS role
 * {@code EKS-GCP-Role-<id>} and its trust policy for {@code system:serviceaccount:<id>:<id>}, the Google service
 * account, and the members of the {@code roles/iam.workloadIdentityUser} and (with profiling)
 * {@code roles/cloudprofiler.agent} bindings (on GKE: {@code serviceAccount:<project>.svc.id.goog[<id>/<id>]}), as
 * {@code <outputDirectory>/<environment>/identity.json} and {@code identity.tf.json} (Terraform locals, no
 * resources). The Flux variables stay placeholders unless {@code clusterVars} names a flux-cluster-vars file.
 */
@Mojo(name = "identity", threadSafe = true)
public class IdentityMojo extends AbstractRenderMojo {

    static final String JSON_FILE = HandshakeChecker.JSON_FILE;
    static final String TERRAFORM_FILE = "identity.tf.json";

    /** Where the environments' folders go. Commit them (and point runway.identityDirectory at them) to pin the handshake. */
    @Parameter(
            property = "runway.identity.outputDirectory",
            defaultValue = "${project.build.directory}/runway-identity")
    protected File outputDirectory;

    /** A flux-cluster-vars file (ConfigMap or Secret YAML) whose values replace the placeholders they name. */
    @Parameter(property = "runway.identity.clusterVars")
    protected File clusterVars;

    /** The cluster's IAM OIDC provider ({@code oidc.eks.<region>.amazonaws.com/id/<id>}); default the placeholder ${eks_oidc_provider}. */
    @Parameter(property = "runway.oidcProvider")
    protected String oidcProvider;

    /** Skip {@code runway:identity} only ({@code runway.skip} skips every goal). */
    @Parameter(property = "runway.identity.skip", defaultValue = "false")
    protected boolean skipIdentity;

    @Override
    protected String goal() {
        return "runway:identity";
    }

    @Override
    protected String skipProperty() {
        return "runway.identity.skip";
    }

    @Override
    protected boolean goalSkipped() {
        return skipIdentity;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            return;
        }
        Map<String, String> variables = Map.of();
        if (clusterVars != null) {
            try {
                variables = ClusterVars.read(baseDirectory().resolve(clusterVars.toPath()))
                        .values();
            } catch (RuntimeException e) {
                throw new MojoFailureException("runway.identity.clusterVars: " + e.getMessage(), e);
            }
        }
        for (PlannedEnvironment env : plan(null)) {
            Handshake handshake;
            try {
                handshake = HandshakeChecker.handshakeOf(env.request(), env.name(), oidcProvider)
                        .fill(variables);
            } catch (RuntimeException e) {
                throw new MojoFailureException(
                        goal() + " failed for environment '" + env.name() + "': "
                                + (e.getMessage() == null ? e.toString() : e.getMessage()),
                        e);
            }
            Path directory = outputDirectory.toPath().resolve(env.name());
            try {
                OutputSync.sync(
                        directory,
                        List.of(
                                new OutputFile(JSON_FILE, handshake.toJson()),
                                new OutputFile(TERRAFORM_FILE, handshake.toTerraformJson())));
            } catch (UncheckedIOException e) {
                throw new MojoExecutionException(e.getMessage(), e);
            }
            for (String line : describe(handshake)) {
                getLog().info("[" + env.name() + "] " + line);
            }
            getLog().info("[" + env.name() + "] written: " + relative(directory.resolve(JSON_FILE)) + ", "
                    + relative(directory.resolve(TERRAFORM_FILE))
                    + (handshake.placeholders().isEmpty()
                            ? ""
                            : " (placeholders left: " + String.join(", ", handshake.placeholders()) + ")"));
        }
    }

    /** What the provisioner must create, one line each. */
    static List<String> describe(Handshake handshake) {
        List<String> lines = new ArrayList<>();
        lines.add("service " + handshake.serviceId() + " (" + handshake.runtime() + "): Kubernetes service account "
                + handshake.kubernetes().subject());
        if (handshake.aws() != null) {
            lines.add("AWS role " + handshake.aws().roleArn() + ", trusted for sts:AssumeRoleWithWebIdentity by "
                    + handshake.kubernetes().subject() + " on "
                    + handshake.aws().oidcProvider());
        }
        lines.add("Google service account " + handshake.google().serviceAccountEmail());
        for (Handshake.Binding binding : handshake.google().bindings()) {
            lines.add(binding.role() + " on " + binding.resource() + " for " + binding.member());
        }
        return lines;
    }
}
