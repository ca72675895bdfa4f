package dev.runway.maven;

import dev.runway.render.api.RenderedChart;
import dev.runway.render.service.ChartSource;
import dev.runway.render.service.EnvironmentPlanner;
import dev.runway.render.service.EnvironmentRenders;
import dev.runway.render.service.ManifestRenderer;
import dev.runway.render.service.PipelineException;
import dev.runway.render.service.PlannedEnvironment;
import dev.runway.render.servicemanifest.ServiceManifests;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters {@code runway:render}, {@code runway:verify} and {@code runway:docs} share besides the values
 * ({@link AbstractValuesMojo}): the chart, service, release and environments. Hands them to runway-render-core's {@link EnvironmentPlanner}, which turns them
 * into one {@code RenderRequest} per environment, and renders through runway-render-core.
 */
abstract class AbstractRenderMojo extends AbstractValuesMojo {

    /**
     * A chart directory to render instead of the runway-eks chart bundled in the plugin. For {@code runway:docs}, the
     * chart whose README to document.
     */
    @Parameter(property = "runway.chartDirectory")
    protected File chartDirectory;

    /**
     * The service id (Runway's CI input {@code runway_service_id}), used as release name and namespace. It may also
     * come from the values' {@code serviceId} and the manifest's {@code metadata.name}: every place that gives one
     * must give the same.
     */
    @Parameter(property = "runway.serviceId")
    protected String serviceId;

    /**
     * The Runway service manifest. Read when it exists (an environment reads {@code runway-<environment>.yml} beside
     * it instead, when the repository has one): its fields become runway-eks values, below the values files.
     */
    @Parameter(property = "runway.manifest", defaultValue = ServiceManifests.DEFAULT)
    protected File manifest;

    /**
     * Fields of the service manifest to skip knowingly ({@code spec.regions}, {@code spec.load_balancing}, ...):
     * Cloud Run settings that have no meaning on EKS, or Runway fields runway-render does not know.
     */
    @Parameter(property = "runway.ignoredManifestFields")
    protected List<String> ignoredManifestFields;

    /**
     * The container image as Runway's CI input {@code image} gives it ({@code registry/group/service:tag}): sets
     * {@code image.repository} and {@code image.tag} (before {@code setString}, which can still override them).
     */
    @Parameter(property = "runway.image")
    protected String image;

    /** Release name. Default: the service id. */
    @Parameter(property = "runway.releaseName")
    protected String releaseName;

    /** Release namespace. Default: the service id (the chart requires them to be equal). */
    @Parameter(property = "runway.namespace")
    protected String namespace;

    /** Kubernetes version for {@code .Capabilities.KubeVersion}, for example {@code v1.33.0}. Default: the engine's. */
    @Parameter(property = "runway.kubeVersion")
    protected String kubeVersion;

    /**
     * The Helm version whose {@code helm template} output to reproduce: {@code 4} (Helm 4.1, the default) or
     * {@code 3} (Helm 3.21); {@code 4.1}, {@code v4.1.4}, {@code 3.21} and {@code v3.21.0} work too.
     */
    @Parameter(property = "runway.helmVersion")
    protected String helmVersion;

    /**
     * Named environments rendered in one run, each with its own values files and overrides on top of the goal's.
     * Without any, the goal renders one environment named {@code default}. Each {@code <environment>} takes
     * {@code <name>} (required when there are several; the output folder), {@code <valuesFiles>}, {@code <set>},
     * {@code <setString>}, {@code <setFile>}, {@code <releaseName>}, {@code <namespace>} and
     * {@code <committedManifests>}.
     */
    @Parameter
    protected List<Environment> environments;

    /** Render only these environments (comma-separated names). Default: all. */
    @Parameter(property = "runway.environment")
    protected String environment;

    /** The chart the goals render: the bundled runway-eks, or {@code chartDirectory} after checking it is a chart. */
    protected ChartSource chart() throws MojoFailureException {
        try {
            return EnvironmentPlanner.chart(baseDirectory(), path(chartDirectory));
        } catch (PipelineException e) {
            throw new MojoFailureException(e.getMessage());
        }
    }

    /** One render per selected environment (see {@link EnvironmentPlanner}); each warning is logged once. */
    protected List<PlannedEnvironment> plan(Path committedManifestsRoot) throws MojoFailureException {
        EnvironmentPlanner.Settings settings = settings(committedManifestsRoot, PomOrigins.of(project, session));
        try {
            EnvironmentPlanner.Plan plan = EnvironmentPlanner.plan(settings, getLog()::info);
            for (String warning : plan.warnings()) {
                getLog().warn(warning);
            }
            return plan.environments();
        } catch (PipelineException e) {
            for (String warning : e.warnings()) { // once each, whether or not the plan stopped
                getLog().warn(warning);
            }
            throw new MojoFailureException(e.getMessage(), e.getCause());
        }
    }

    /** The goal's settings as runway-render-core takes them ({@code origins} only say where overrides came from). */
    protected EnvironmentPlanner.Settings settings(Path committedManifestsRoot, EnvironmentPlanner.Origins origins) {
        List<EnvironmentPlanner.EnvironmentSettings> configured = null;
        if (environments != null) {
            configured = new ArrayList<>();
            for (Environment environment : environments) {
                configured.add(environment.settings());
            }
            configured = Collections.unmodifiableList(configured);
        }
        return new EnvironmentPlanner.Settings(
                goal(),
                baseDirectory(),
                path(chartDirectory),
                paths(valuesFiles),
                paths(extraValuesFiles),
                set,
                setString,
                setFile,
                extraSet,
                extraSetString,
                extraSetFile,
                serviceId,
                path(manifest),
                ignoredManifestFields,
                image,
                releaseName,
                namespace,
                kubeVersion,
                helmVersion,
                configured,
                environment,
                committedManifestsRoot,
                origins);
    }

    /**
     * The engine for this goal's chart, which starts loading and parsing it on another thread now
     * ({@link EnvironmentRenders#engineFor}), so that the work before rendering runs beside it.
     */
    protected ManifestRenderer startEngine() {
        return EnvironmentRenders.engineFor(settings(null, EnvironmentPlanner.Origins.none()));
    }

    /**
     * Plans the environments and renders them all with {@code engine} before anything is written, so one failure
     * leaves all earlier output alone.
     */
    protected Map<PlannedEnvironment, RenderedChart> planAndRenderAll(
            Path committedManifestsRoot, ManifestRenderer engine) throws MojoFailureException {
        List<PlannedEnvironment> environments = plan(committedManifestsRoot);
        try {
            return EnvironmentRenders.renderAll(goal(), engine, environments);
        } catch (PipelineException e) {
            throw new MojoFailureException(e.getMessage(), e.getCause());
        }
    }
}
