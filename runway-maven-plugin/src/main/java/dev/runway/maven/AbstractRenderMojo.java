package dev.runway.maven;

import dev.runway.render.HelmVersion;
import dev.runway.render.RenderedChart;
import dev.runway.render.service.ChartSource;
import dev.runway.render.service.ManifestRenderer;
import dev.runway.render.service.RenderRequest;
import dev.runway.render.service.RequestValues;
import dev.runway.render.service.ServiceIds;
import dev.runway.render.values.SetValueException;
import dev.runway.render.values.ValuesFileException;
import org.apache.maven.execution.MavenSession;
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
 * The parameters {@code runway:render}, {@code runway:verify} and {@code runway:docs} share: the chart, values,
 * overrides, release and environments. Turns them into one {@link RenderRequest} per environment and renders through
 * runway-render-core.
 */
abstract class AbstractRenderMojo extends AbstractMojo {

    static final String DEFAULT_ENVIRONMENT = "default";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    /** Skip every runway goal. */
    @Parameter(property = "runway.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * A chart directory to render instead of the runway-eks chart bundled in the plugin. For {@code runway:docs}, the
     * chart whose README to document.
     */
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
     * More values files, after the POM's and the environment's: for the command line
     * ({@code -Drunway.extraValuesFiles=local.yaml}). {@code -Drunway.valuesFiles} would replace the POM's list.
     */
    @Parameter(property = "runway.extraValuesFiles")
    protected List<File> extraValuesFiles;

    /**
     * More {@code --set} entries, after the POM's and the environment's: for the command line
     * ({@code -Drunway.extraSet=replicas=3}). Maven gives a list parameter its property's value instead of the POM's,
     * so {@code -Drunway.set} would replace the POM's entries; these add to them.
     */
    @Parameter(property = "runway.extraSet")
    protected List<String> extraSet;

    /** More {@code --set-string} entries, after the POM's and the environment's ({@code -Drunway.extraSetString=...}). */
    @Parameter(property = "runway.extraSetString")
    protected List<String> extraSetString;

    /** More {@code --set-file} entries, after the POM's and the environment's ({@code -Drunway.extraSetFile=...}). */
    @Parameter(property = "runway.extraSetFile")
    protected List<String> extraSetFile;

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

    /**
     * The project's folder; without a project ({@code runway:docs} in a plain folder, where Maven gives a stand-in
     * project with no folder), the folder Maven runs in.
     */
    protected Path baseDirectory() {
        if (project.getBasedir() != null) {
            return project.getBasedir().toPath();
        }
        return Path.of(session == null || session.getExecutionRootDirectory() == null ? ""
                : session.getExecutionRootDirectory()).toAbsolutePath();
    }

    /** The goal's name for log lines ({@code runway:render}). */
    protected abstract String goal();

    /** The goal's own skip property ({@code runway.render.skip}) and whether it is set. */
    protected abstract String skipProperty();

    protected abstract boolean goalSkipped();

    /** Whether {@code runway.skip} or the goal's own skip property is set; logs which. */
    protected boolean skipped() {
        if (skip || goalSkipped()) {
            getLog().info(goal() + " skipped (" + (skip ? "runway.skip" : skipProperty()) + ")");
            return true;
        }
        return false;
    }

    /** The chart the goals render: the bundled runway-eks, or {@code chartDirectory} after checking it is a chart. */
    protected ChartSource chart() throws MojoFailureException {
        if (chartDirectory == null) {
            return ChartSource.RUNWAY_EKS;
        }
        Path directory = chartDirectory.toPath();
        if (!Files.exists(directory)) {
            throw new MojoFailureException("chartDirectory " + relative(directory) + " does not exist; point "
                    + "runway.chartDirectory at a chart folder (the one with Chart.yaml), or remove it to render the "
                    + "bundled runway-eks chart");
        }
        if (!Files.isRegularFile(directory.resolve("Chart.yaml"))) {
            throw new MojoFailureException("chartDirectory " + relative(directory) + " has no Chart.yaml, so it is "
                    + "not a chart; point runway.chartDirectory at the chart folder, or remove it to render the "
                    + "bundled runway-eks chart");
        }
        return ChartSource.directory(directory);
    }

    /**
     * One render per selected environment. Before anything renders: overrides that Maven replaced or emptied, values
     * files that cannot be read ({@code file:line:column: YAML syntax error: ...}) and a bad service id (named with
     * the place it was set) stop the goal; each warning is logged once.
     */
    protected List<EnvironmentRender> plan(Path committedManifestsRoot) throws MojoFailureException {
        Set<String> warnings = new LinkedHashSet<>();
        try {
            return plan(committedManifestsRoot, warnings);
        } finally {
            warnings.forEach(getLog()::warn); // once each, whether or not the plan stopped
        }
    }

    private List<EnvironmentRender> plan(Path committedManifestsRoot, Set<String> warnings) throws MojoFailureException {
        Path basedir = baseDirectory();
        ChartSource chart = chart();
        List<Path> baseFiles = new ArrayList<>();
        if (valuesFiles == null || valuesFiles.isEmpty()) {
            Path defaultFile = basedir.resolve(RequestValues.DEFAULT_VALUES_FILE);
            if (Files.isRegularFile(defaultFile)) {
                baseFiles.add(defaultFile);
            }
        } else {
            for (File file : valuesFiles) {
                baseFiles.add(existing(basedir, file, "valuesFiles"));
            }
        }
        List<Path> extraFiles = new ArrayList<>();
        for (File file : nonNull(extraValuesFiles)) {
            extraFiles.add(existing(basedir, file, "extraValuesFiles"));
        }
        warnReplacedLists(warnings);
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
        List<String> withoutImageTag = new ArrayList<>();
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
            files.addAll(extraFiles);
            List<String> sets = concat(set, env.getSet(), extraSet);
            List<String> setStrings = concat(imageEntries(), setString, env.getSetString(), extraSetString);
            List<String> setFiles = concat(setFile, env.getSetFile(), extraSetFile);
            problems.addAll(PlaceholderCheck.check("set", rawConfiguration("set"), sets));
            problems.addAll(PlaceholderCheck.check("setString", rawConfiguration("setString"), setStrings));
            problems.addAll(PlaceholderCheck.check("setFile", rawConfiguration("setFile"), setFiles));
            reportProblems(problems, warnings); // errors stop here; warnings are logged once, after every environment
            problems.clear();
            ServiceManifest serviceManifest = readManifest(basedir, env, name);
            RenderRequest draft = new RenderRequest(chart, files, sets, setStrings, setFiles, "", "", kubeVersion,
                    basedir, null, helm);
            RequestValues values = readValues(draft, name); // a broken values file is the first thing said
            String id = serviceId(name, serviceManifest, values);
            String release = firstNonBlank(env.getReleaseName(), releaseName, id);
            String ns = firstNonBlank(env.getNamespace(), namespace, id);
            if (chart.equals(ChartSource.RUNWAY_EKS) || release.equals(id) || ns.equals(id)) {
                Optional<String> problem = ServiceIds.problem(id, whereIdIsSet(serviceManifest, values), chart);
                if (problem.isPresent()) {
                    throw new MojoFailureException(problem.get());
                }
            }
            if (chart.equals(ChartSource.RUNWAY_EKS) && !hasValue(values.merged().values(), "image", "tag")
                    && (serviceManifest == null || !hasValue(serviceManifest.toValues(name).values(), "image", "tag"))) {
                withoutImageTag.add(name);
            }
            RenderRequest request = new RenderRequest(chart, files, sets, setStrings, setFiles, release, ns,
                    kubeVersion, basedir, serviceManifest == null ? null : serviceManifest.toValues(name), helm);
            logOverrides(name, env);
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
        if (!withoutImageTag.isEmpty()) {
            warnings.add("image.tag is not set " + (withoutImageTag.size() == all.size() ? "" : "for "
                    + String.join(", ", withoutImageTag) + " ") + "in any values file or override, so the image "
                    + "tag is the chart's appVersion; set it, for example <setString><setString>image.tag="
                    + "${project.version}</setString></setString> in the plugin's configuration");
        }
        return renders;
    }

    private RequestValues readValues(RenderRequest draft, String environmentName) throws MojoFailureException {
        try {
            return RequestValues.read(draft);
        } catch (ValuesFileException | SetValueException e) {
            throw new MojoFailureException(e.getMessage() + "\n  (" + goal() + ", reading the values of environment '"
                    + environmentName + "')", e);
        }
    }

    /** Where the service id in use was set, for a message about it: the build, the values line, or the manifest. */
    private String whereIdIsSet(ServiceManifest serviceManifest, RequestValues values) {
        if (!isBlank(serviceId)) {
            return "runway.serviceId";
        }
        if (values.serviceId().isPresent()) {
            return values.serviceIdOrigin().map(Object::toString).orElse("serviceId");
        }
        return serviceManifest != null ? ServiceIdRule.fromManifest(serviceManifest).where() : "serviceId";
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
    private String serviceId(String environmentName, ServiceManifest serviceManifest, RequestValues values)
            throws MojoFailureException {
        List<ServiceIdRule.Claim> claims = new ArrayList<>();
        claims.add(ServiceIdRule.fromBuild(serviceId));
        claims.add(ServiceIdRule.fromValues(values.merged()));
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

    /** Which overrides apply to an environment and where each came from, in one log line (none: nothing logged). */
    private void logOverrides(String name, Environment env) {
        List<String> applied = new ArrayList<>();
        describe(applied, "--set", set, "set", "runway.set");
        describe(applied, "--set-string", setString, "setString", "runway.setString");
        describe(applied, "--set-file", setFile, "setFile", "runway.setFile");
        describeEnvironment(applied, "--set", env.getSet(), name);
        describeEnvironment(applied, "--set-string", env.getSetString(), name);
        describeEnvironment(applied, "--set-file", env.getSetFile(), name);
        describeExtra(applied, "--set", extraSet, "runway.extraSet");
        describeExtra(applied, "--set-string", extraSetString, "runway.extraSetString");
        describeExtra(applied, "--set-file", extraSetFile, "runway.extraSetFile");
        if (!nonNull(extraValuesFiles).isEmpty()) {
            applied.add("values " + nonNull(extraValuesFiles) + " (-Drunway.extraValuesFiles)");
        }
        if (!applied.isEmpty()) {
            getLog().info("[" + name + "] overrides: " + String.join(", ", applied));
        }
    }

    private void describe(List<String> out, String flag, List<String> entries, String parameter, String property) {
        List<String> given = concat(entries, null, null);
        if (!given.isEmpty()) {
            out.add(flag + " " + String.join(" ", given) + (fromCommandLine(property) ? " (-D" + property + ")"
                    : " (POM <" + parameter + ">)"));
        }
    }

    private static void describeEnvironment(List<String> out, String flag, List<String> entries, String name) {
        List<String> given = concat(entries, null, null);
        if (!given.isEmpty()) {
            out.add(flag + " " + String.join(" ", given) + " (environment " + name + ")");
        }
    }

    private static void describeExtra(List<String> out, String flag, List<String> entries, String property) {
        List<String> given = concat(entries, null, null);
        if (!given.isEmpty()) {
            out.add(flag + " " + String.join(" ", given) + " (-D" + property + ")");
        }
    }

    /**
     * Maven gives a list parameter its property's value when the property is set, so {@code -Drunway.set=...} on the
     * command line replaces the POM's {@code <set>} entries without a word. Say so, and name the property that adds.
     */
    private void warnReplacedLists(Set<String> warnings) {
        String[][] lists = {{"set", "runway.set", "runway.extraSet"}, {"setString", "runway.setString",
                "runway.extraSetString"}, {"setFile", "runway.setFile", "runway.extraSetFile"},
                {"valuesFiles", "runway.valuesFiles", "runway.extraValuesFiles"}};
        for (String[] list : lists) {
            List<String> inPom = rawConfiguration(list[0], false);
            if (fromCommandLine(list[1]) && !inPom.isEmpty()) {
                warnings.add("-D" + list[1] + "=" + userProperty(list[1]) + " replaced the POM's <" + list[0] + "> "
                        + inPom + " (Maven gives a list parameter its property's value); to add to the POM's entries "
                        + "instead, use -D" + list[2] + "=...");
            }
        }
    }

    private boolean fromCommandLine(String property) {
        return userProperty(property) != null;
    }

    private String userProperty(String property) {
        return session == null || session.getUserProperties() == null ? null
                : session.getUserProperties().getProperty(property);
    }

    protected String relative(List<Path> files) {
        return files.stream().map(this::relative).toList().toString();
    }

    protected String relative(Path path) {
        Path basedir = baseDirectory().toAbsolutePath().normalize();
        Path absolute = basedir.resolve(path).normalize();
        return absolute.startsWith(basedir) && !absolute.equals(basedir) ? basedir.relativize(absolute).toString()
                : path.toString();
    }

    private void reportProblems(List<PlaceholderCheck.Problem> problems, Set<String> warnings)
            throws MojoFailureException {
        List<String> errors = new ArrayList<>();
        for (PlaceholderCheck.Problem problem : new LinkedHashSet<>(problems)) {
            if (problem.error()) {
                errors.add(problem.message());
            } else {
                warnings.add(problem.message());
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
        return rawConfiguration(parameter, true);
    }

    /** @param inEnvironments also the entries of each {@code <environment>} (else the goal's own only) */
    private List<String> rawConfiguration(String parameter, boolean inEnvironments) {
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
            collect(plugin.getConfiguration(), parameter, false, inEnvironments, raw);
            for (PluginExecution execution : plugin.getExecutions()) {
                collect(execution.getConfiguration(), parameter, false, inEnvironments, raw);
            }
        }
        return raw;
    }

    private static void collect(Object configuration, String parameter, boolean inside, boolean inEnvironments,
                                List<String> out) {
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
            if (!here && !inEnvironments && child.getName().equals("environments")) {
                continue;
            }
            collect(child, parameter, here, inEnvironments, out);
        }
    }

    private static Path existing(Path basedir, File file, String parameter) throws MojoFailureException {
        Path path = basedir.resolve(file.toPath());
        if (!Files.isRegularFile(path)) {
            throw new MojoFailureException(parameter + ": values file " + path + " does not exist");
        }
        return path;
    }

    @SuppressWarnings("unchecked")
    private static boolean hasValue(Map<String, Object> values, String... path) {
        Object current = values;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return false;
            }
            current = ((Map<String, Object>) map).get(key);
        }
        return current != null && !String.valueOf(current).isBlank();
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            if (list != null) {
                list.stream().filter(s -> s != null && !s.isBlank()).forEach(all::add);
            }
        }
        return all;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String firstNonBlank(String... candidates) {
        for (String candidate : candidates) {
            if (!isBlank(candidate)) {
                return candidate.strip();
            }
        }
        return "";
    }
}
