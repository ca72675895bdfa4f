package dev.runway.maven;

import dev.runway.render.api.RenderedChart;
import dev.runway.render.service.ManifestLayout;
import dev.runway.render.service.PlannedEnvironment;
import dev.runway.render.service.ServiceVerification;
import dev.runway.render.verify.CustomResourceDefinitions;
import dev.runway.render.verify.DriftCheck;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Renders each environment in memory, runs runway-render-core's checks on it (verification rules, custom resources
 * against their CRDs, the identity handshake and Flux substitution checks), compares it with the committed manifests when {@code committedManifestsDirectory} is set,
 * writes the reports (GitLab Code Quality, JUnit XML, Markdown), and fails the build on errors or drift with
 * findings and diffs that read well in a CI log.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyMojo extends AbstractRenderMojo {

    static final String UPDATE_COMMAND = "mvn runway:verify -Drunway.updateCommitted";
    static final String DEFAULT_CRD_DIRECTORY = ".runway/crds";

    /**
     * Committed manifests, one folder per environment ({@code deploy/staging/}), in the same {@code layout} as
     * {@code runway:render} writes. When set, any difference from the render fails the build.
     */
    @Parameter(property = "runway.committedManifestsDirectory")
    protected File committedManifestsDirectory;

    /** Layout of the committed manifests: {@code SINGLE_FILE} or {@code PER_RESOURCE}. */
    @Parameter(property = "runway.layout", defaultValue = "SINGLE_FILE")
    protected ManifestLayout layout;

    /** {@code EXACT}: byte for byte, as Flux will apply them. {@code STRUCTURAL}: same values, any formatting. */
    @Parameter(property = "runway.driftMode", defaultValue = "EXACT")
    protected DriftCheck.Mode driftMode;

    /** Where the reports go: {@code <environment>/code-quality.json}, {@code junit.xml}, {@code summary.md}. */
    @Parameter(property = "runway.reportsDirectory", defaultValue = "${project.build.directory}/runway-reports")
    protected File reportsDirectory;

    /** Fail on warnings too. */
    @Parameter(property = "runway.failOnWarning", defaultValue = "false")
    protected boolean failOnWarning;

    /** Accept the render: write it over the committed manifests instead of failing on drift. */
    @Parameter(property = "runway.updateCommitted", defaultValue = "false")
    protected boolean updateCommitted;

    /** Skip {@code runway:verify} only ({@code runway.skip} skips every goal). */
    @Parameter(property = "runway.verify.skip", defaultValue = "false")
    protected boolean skipVerify;

    /**
     * A folder of CustomResourceDefinition YAML files (searched recursively): custom resources such as the
     * ExternalSecret are checked against them instead of being reported as not checked. Default:
     * {@code .runway/crds} when the project has it.
     */
    @Parameter(property = "runway.crdDirectory")
    protected File crdDirectory;

    /**
     * Committed handshakes, {@code <identityDirectory>/<environment>/identity.json} as {@code runway:identity} writes
     * them (what the provisioner was given): each render must agree with its environment's. Without it, each render is
     * checked against the handshake its values mean.
     */
    @Parameter(property = "runway.identityDirectory")
    protected File identityDirectory;

    /** The cluster's IAM OIDC provider for the handshake's trust policy (default: the placeholder ${eks_oidc_provider}). */
    @Parameter(property = "runway.oidcProvider")
    protected String oidcProvider;

    @Override
    protected String goal() {
        return "runway:verify";
    }

    @Override
    protected String skipProperty() {
        return "runway.verify.skip";
    }

    @Override
    protected boolean goalSkipped() {
        return skipVerify;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            return;
        }
        Map<PlannedEnvironment, RenderedChart> rendered =
                planAndRenderAll(path(committedManifestsDirectory), startEngine());
        ServiceVerification.Settings settings = new ServiceVerification.Settings(
                baseDirectory(),
                layout,
                driftMode,
                reportsDirectory.toPath(),
                failOnWarning,
                updateCommitted,
                path(identityDirectory),
                oidcProvider,
                UPDATE_COMMAND);
        List<String> failures;
        try {
            failures = ServiceVerification.verify(settings, rendered, crds(), log());
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        if (!failures.isEmpty()) {
            throw new MojoFailureException("runway:verify failed:\n  " + String.join("\n  ", failures));
        }
    }

    /** The CRDs to check custom resources against: {@code crdDirectory}, else {@code .runway/crds} if present. */
    private CustomResourceDefinitions crds() throws MojoFailureException {
        Path directory =
                crdDirectory != null ? crdDirectory.toPath() : baseDirectory().resolve(DEFAULT_CRD_DIRECTORY);
        if (crdDirectory == null && !Files.isDirectory(directory)) {
            return CustomResourceDefinitions.none();
        }
        try {
            CustomResourceDefinitions crds = CustomResourceDefinitions.load(directory);
            getLog().info("custom resources checked against " + crds.size() + " CRDs from " + relative(directory)
                    + (crds.size() == 0 ? "" : " " + crds.kinds()));
            return crds;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new MojoFailureException("runway.crdDirectory: " + e.getMessage(), e);
        }
    }
}
