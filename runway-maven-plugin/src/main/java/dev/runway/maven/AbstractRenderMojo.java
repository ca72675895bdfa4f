package dev.runway.maven;

import dev.runway.render.HelmVersion;
import dev.runway.render.RenderedChart;
import dev.runway.render.output.ChartSource;
import dev.runway.render.output.ManifestRenderer;
import dev.runway.render.output.RenderRequest;
import dev.runway.render.servicemanifest.ImageReference;
import dev.runway.render.servicemanifest.ServiceIdRule;
import dev.runway.render.servicemanifest.ServiceManifest;
import dev.runway.render.servicemanifest.ServiceManifestException;
import dev.runway.render.servicemanifest.ServiceManifestReader;
import dev.runway.render.servicemanifest.ServiceManifests;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parameters {@code runway:render} and {@code runway:verify} share: the chart, values, overrides, release and
 * environments. Turns them into one {@link RenderRequest} per environment and renders through runway-render-core.
 */
abstract class AbstractRenderMojo extends AbstractMojo {

    static final String DEFAULT_VALUES_FILE = ".runway/values.yaml";
    static final String DEFAULT_ENVIRONMENT = "default";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** Skip every runway goal. */
    @Parameter(property = "runway.skip", defaultValue = "false")
    protected boolean skip;

    /** A chart directory to render instead of the runway-eks chart bundled in the plugin. */
    @Parameter(property = "runway.chartDirectory")
    protected File chartDirectory;

    /**
     * Values files, in order (later ones win). Default: {@code .runway/values.yaml} when it exists.
     * Put Flux placeholders such as {@code ${gcp_project_id}} here, not in the POM.
     */
    @Parameter(property = "runway.valuesFiles")
    protected List<File> valuesFiles;

    /** {@code --set} entries in Helm's syntax ({@code replicas=3}, {@code image.tag=1.2.0,port=8081}). */
    @Parameter(property = "runway.set")
    protected List<String> set;

    /** {@code --set-string} entries: values stay strings. */
    @Parameter(property = "runway.setString")
    protected List<String> setString;

    /** {@code --set-file} entries ({@code key=path}): the value is the file's content. */
    @Parameter(property = "runway.setFile")
    protected List<String> setFile;

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
     * Without any, the goal renders one environment named {@code default}.
     */
    @Parameter
    protected List<Environment> environments;

    /** Render only these environments (comma-separated names). Default: all. */
    @Parameter(property = "runway.environment")
    protected String environment;

    /** The goal's name for log lines ({@code runway:render}). */
    protected abstract String goal();

    /** Whether the skip flag is set; logs the skip. */
    protected boolean skipped() {
        if (skip) {
            getLog().info(goal() + " skipped (runway.skip)");
        }
        return skip;
    }

    /** One render per selected environment, with placeholders that Maven replaced reported first. */
    protected List<EnvironmentRender> plan(Path committedManifestsRoot) throws MojoFailureException {
        Path basedir = project.getBasedir().toPath();
        ChartSource chart = chartDirectory == null ? ChartSource.RUNWAY_EKS : ChartSource.directory(chartDirectory.toPath());
        if (!chart.onClasspath() && !Files.isRegularFile(chart.directory().resolve("Chart.yaml"))) {
            throw new MojoFailureException("chartDirectory " + chart.directory() + " has no Chart.yaml; point "
                    + "runway.chartDirectory at a chart, or remove it to render the bundled runway-eks chart");
        }
        List<Path> baseFiles = new ArrayList<>();
        if (valuesFiles == null || valuesFiles.isEmpty()) {
            Path defaultFile = basedir.resolve(DEFAULT_VALUES_FILE);
            if (Files.isRegularFile(defaultFile)) {
                baseFiles.add(defaultFile);
            }
        } else {
            for (File file : valuesFiles) {
                baseFiles.add(existing(basedir, file, "valuesFiles"));
            }
        }
        HelmVersion helm;
        try {
            helm = HelmVersion.parse(helmVersion);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("runway.helmVersion: " + e.getMessage());
        }
        List<Environment> all = environments == null || environments.isEmpty() ? List.of(new Environment())
                : environments;
        Set<String> selected = selection();
        Set<String> names = new LinkedHashSet<>();
        List<EnvironmentRender> renders = new ArrayList<>();
        List<PlaceholderCheck.Problem> problems = new ArrayList<>();
        for (Environment env : all) {
            String name = env.getName() == null || env.getName().isBlank()
                    ? (all.size() == 1 ? DEFAULT_ENVIRONMENT : null) : env.getName().strip();
            if (name == null) {
                throw new MojoFailureException("every <environment> needs a <name> when there are several");
            }
            if (!name.matches("[A-Za-z0-9][-A-Za-z0-9_.]*")) {
                throw new MojoFailureException("environment name '" + name + "' must be a plain folder name "
                        + "(letters, digits, '-', '_', '.')");
            }
            if (!names.add(name)) {
                throw new MojoFailureException("environment '" + name + "' is configured twice");
            }
            if (!selected.isEmpty() && !selected.contains(name)) {
                continue;
            }
            List<Path> files = new ArrayList<>(baseFiles);
            for (File file : env.getValuesFiles()) {
                files.add(existing(basedir, file, "environment " + name + " valuesFiles"));
            }
            List<String> sets = concat(set, env.getSet());
            List<String> setStrings = concat(imageEntries(), concat(setString, env.getSetString()));
            List<String> setFiles = concat(setFile, env.getSetFile());
            problems.addAll(PlaceholderCheck.check("set", rawConfiguration("set"), sets));
            problems.addAll(PlaceholderCheck.check("setString", rawConfiguration("setString"), setStrings));
            problems.addAll(PlaceholderCheck.check("setFile", rawConfiguration("setFile"), setFiles));
            reportProblems(problems);
            problems.clear();
            ServiceManifest serviceManifest = readManifest(basedir, env, name);
            String id = serviceId(name, serviceManifest, new RenderRequest(chart, files, sets, setStrings, setFiles,
                    "", "", kubeVersion, basedir));
            String release = firstNonBlank(env.getReleaseName(), releaseName, id);
            String ns = firstNonBlank(env.getNamespace(), namespace, id);
            RenderRequest request = new RenderRequest(chart, files, sets, setStrings, setFiles, release, ns,
                    kubeVersion, basedir, serviceManifest == null ? null : serviceManifest.toValues(name), helm);
            Path committed = env.getCommittedManifests() != null
                    ? basedir.resolve(env.getCommittedManifests().toPath())
                    : committedManifestsRoot == null ? null : committedManifestsRoot.resolve(name);
            renders.add(new EnvironmentRender(name, request, committed));
        }
        if (!selected.isEmpty() && !names.containsAll(selected)) {
            Set<String> unknown = new LinkedHashSet<>(selected);
            unknown.removeAll(names);
            throw new MojoFailureException("runway.environment names " + unknown + " but the configured environments "
                    + "are " + names);
        }
        return renders;
    }

    /** The environment's service manifest, checked, or null when the repository has none. */
    private ServiceManifest readManifest(Path basedir, Environment env, String name) throws MojoFailureException {
        Path configured = basedir.resolve((env.getManifest() != null ? env.getManifest() : manifest != null ? manifest
                : new File(ServiceManifests.DEFAULT)).toPath());
        Optional<Path> file = ServiceManifests.locate(configured, name);
        if (file.isEmpty()) {
            if (env.getManifest() != null) {
                throw new MojoFailureException("environment " + name + ": manifest " + relative(configured)
                        + " does not exist");
            }
            return null;
        }
        try {
            ServiceManifest read = ServiceManifestReader.standard().read(file.get(), relative(file.get()),
                    ignoredManifestFields == null ? List.of() : ignoredManifestFields);
            if (!read.ignored().isEmpty()) {
                getLog().info("[" + name + "] " + read.file() + ": skipped " + String.join(", ", read.ignored())
                        + " (runway.ignoredManifestFields)");
            }
            return read;
        } catch (ServiceManifestException e) {
            throw new MojoFailureException(goal() + " failed for environment '" + name + "': " + e.getMessage(), e);
        }
    }

    /** The one service id of an environment (see {@link ServiceIdRule}). */
    private String serviceId(String environmentName, ServiceManifest serviceManifest, RenderRequest valuesOnly)
            throws MojoFailureException {
        List<ServiceIdRule.Claim> claims = new ArrayList<>();
        claims.add(ServiceIdRule.fromBuild(serviceId));
        try {
            claims.add(ServiceIdRule.fromValues(valuesOnly.mergeValues()));
        } catch (RuntimeException e) {
            throw new MojoFailureException(goal() + " failed for environment '" + environmentName + "' ("
                    + inputs(valuesOnly) + "):\n  " + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
        }
        if (serviceManifest != null) {
            claims.add(ServiceIdRule.fromManifest(serviceManifest));
        }
        try {
            return ServiceIdRule.resolve(claims);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("environment " + environmentName + ": " + e.getMessage());
        }
    }

    /** {@code image} as {@code --set-string} entries. */
    private List<String> imageEntries() throws MojoFailureException {
        if (image == null || image.isBlank()) {
            return List.of();
        }
        try {
            ImageReference reference = ImageReference.parse(image);
            return reference.tag().isEmpty() ? List.of("image.repository=" + reference.repository())
                    : List.of("image.repository=" + reference.repository(), "image.tag=" + reference.tag());
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("runway.image: " + e.getMessage());
        }
    }

    /** Renders every environment before anything is written, so one failure leaves all earlier output alone. */
    protected Map<EnvironmentRender, RenderedChart> renderAll(List<EnvironmentRender> renders)
            throws MojoExecutionException, MojoFailureException {
        ManifestRenderer renderer = ManifestRenderer.engine();
        Map<EnvironmentRender, RenderedChart> rendered = new LinkedHashMap<>();
        for (EnvironmentRender render : renders) {
            try {
                rendered.put(render, renderer.render(render.request()));
            } catch (RuntimeException e) {
                throw new MojoFailureException(goal() + " failed for environment '" + render.name() + "' ("
                        + inputs(render.request()) + "):\n  "
                        + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
            }
        }
        return rendered;
    }

    /** The inputs of a render in one line: chart, values files and the overrides that were given. */
    private String inputs(RenderRequest request) {
        StringBuilder out = new StringBuilder("chart ").append(request.chart())
                .append(", values ").append(relative(request.valuesFiles()));
        if (!request.set().isEmpty()) {
            out.append(", set ").append(request.set());
        }
        if (!request.setString().isEmpty()) {
            out.append(", setString ").append(request.setString());
        }
        if (!request.setFile().isEmpty()) {
            out.append(", setFile ").append(request.setFile());
        }
        return out.toString();
    }

    protected String relative(List<Path> files) {
        Path basedir = project.getBasedir().toPath();
        return files.stream().map(f -> f.startsWith(basedir) ? basedir.relativize(f).toString() : f.toString()).toList()
                .toString();
    }

    protected String relative(Path path) {
        Path basedir = project.getBasedir().toPath();
        return path.startsWith(basedir) ? basedir.relativize(path).toString() : path.toString();
    }

    private void reportProblems(List<PlaceholderCheck.Problem> problems) throws MojoFailureException {
        List<String> errors = new ArrayList<>();
        for (PlaceholderCheck.Problem problem : new LinkedHashSet<>(problems)) {
            if (problem.error()) {
                errors.add(problem.message());
            } else {
                getLog().warn(problem.message());
            }
        }
        if (!errors.isEmpty()) {
            throw new MojoFailureException(goal() + ": " + String.join("\n  ", errors));
        }
    }

    private Set<String> selection() {
        Set<String> selected = new LinkedHashSet<>();
        if (environment != null) {
            Arrays.stream(environment.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(selected::add);
        }
        return selected;
    }

    /**
     * The entries of {@code parameter} as written in this project's POM, before Maven interpolated them: from
     * this plugin's configuration in build plugins and plugin management, executions included.
     */
    private List<String> rawConfiguration(String parameter) {
        List<String> raw = new ArrayList<>();
        if (project.getOriginalModel() == null || project.getOriginalModel().getBuild() == null) {
            return raw;
        }
        var build = project.getOriginalModel().getBuild();
        List<Plugin> plugins = new ArrayList<>(build.getPlugins());
        if (build.getPluginManagement() != null) {
            plugins.addAll(build.getPluginManagement().getPlugins());
        }
        for (Plugin plugin : plugins) {
            if (!"runway-maven-plugin".equals(plugin.getArtifactId())) {
                continue;
            }
            collect(plugin.getConfiguration(), parameter, false, raw);
            for (PluginExecution execution : plugin.getExecutions()) {
                collect(execution.getConfiguration(), parameter, false, raw);
            }
        }
        return raw;
    }

    private static void collect(Object configuration, String parameter, boolean inside, List<String> out) {
        if (!(configuration instanceof Xpp3Dom dom)) {
            return;
        }
        boolean here = inside || dom.getName().equals(parameter);
        if (dom.getChildCount() == 0) {
            if (here && dom.getValue() != null) {
                out.add(dom.getValue());
            }
            return;
        }
        for (Xpp3Dom child : dom.getChildren()) {
            collect(child, parameter, here, out);
        }
    }

    private static Path existing(Path basedir, File file, String parameter) throws MojoFailureException {
        Path path = basedir.resolve(file.toPath());
        if (!Files.isRegularFile(path)) {
            throw new MojoFailureException(parameter + ": values file " + path + " does not exist");
        }
        return path;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>();
        if (first != null) {
            first.stream().filter(s -> s != null && !s.isBlank()).forEach(all::add);
        }
        if (second != null) {
            second.stream().filter(s -> s != null && !s.isBlank()).forEach(all::add);
        }
        return all;
    }

    private static String firstNonBlank(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.strip();
            }
        }
        return "";
    }
}
