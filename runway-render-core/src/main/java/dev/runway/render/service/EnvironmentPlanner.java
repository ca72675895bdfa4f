package dev.runway.render.service;

import dev.runway.render.api.HelmVersion;
import dev.runway.render.servicemanifest.ImageReference;
import dev.runway.render.servicemanifest.ServiceIdRule;
import dev.runway.render.servicemanifest.ServiceManifest;
import dev.runway.render.servicemanifest.ServiceManifestException;
import dev.runway.render.servicemanifest.ServiceManifestReader;
import dev.runway.render.servicemanifest.ServiceManifests;
import dev.runway.render.values.SetValueException;
import dev.runway.render.values.ValuesFileException;
import dev.runway.render.values.ValuesFileMemo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns a service's render settings (chart, values files, overrides, service id, release, environments) into one
 * {@link RenderRequest} per selected environment, before anything renders. Values files that cannot be read
 * ({@code file:line:column: YAML syntax error: ...}), overrides that the build tool replaced or emptied, a bad service
 * manifest and a bad service id (named with the place it was set) stop the plan with a {@link PipelineException}; the
 * warnings (a missing {@code image.tag}, placeholders replaced by the build tool) come back once each.
 */
public final class EnvironmentPlanner {

    /** The name of the one environment rendered when none are configured. */
    public static final String DEFAULT_ENVIRONMENT = "default";

    /**
     * A goal's settings, as the build tool gives them (nullable lists and strings mean not set).
     *
     * @param goal                   the goal's name for messages ({@code runway:render})
     * @param baseDirectory          the project's folder; relative paths resolve against it
     * @param chartDirectory         a chart folder instead of the bundled runway-eks chart
     * @param valuesFiles            values files; none: {@code .runway/values.yaml} when it exists
     * @param manifest               the service manifest ({@code .runway/runway.yml} when null)
     * @param environments           named environments; none: one named {@code default}
     * @param selection              the environments to plan, comma-separated; blank: all
     * @param committedManifestsRoot the folder of the committed manifests, one folder per environment (or null)
     * @param origins                where the overrides came from, as the build tool knows it
     */
    public record Settings(
            String goal,
            Path baseDirectory,
            Path chartDirectory,
            List<Path> valuesFiles,
            List<Path> extraValuesFiles,
            List<String> set,
            List<String> setString,
            List<String> setFile,
            List<String> extraSet,
            List<String> extraSetString,
            List<String> extraSetFile,
            String serviceId,
            Path manifest,
            List<String> ignoredManifestFields,
            String image,
            String releaseName,
            String namespace,
            String kubeVersion,
            String helmVersion,
            List<EnvironmentSettings> environments,
            String selection,
            Path committedManifestsRoot,
            Origins origins) {}

    /** One configured environment: its files and overrides come after the goal's own, so they win. */
    public record EnvironmentSettings(
            String name,
            List<Path> valuesFiles,
            List<String> set,
            List<String> setString,
            List<String> setFile,
            String releaseName,
            String namespace,
            Path committedManifests,
            Path manifest) {

        /** The environment of a goal without configured environments. */
        public static EnvironmentSettings unnamed() {
            return new EnvironmentSettings(null, List.of(), List.of(), List.of(), List.of(), null, null, null, null);
        }
    }

    /**
     * What the build tool knows about where the overrides came from.
     *
     * @param written     the {@code set}, {@code setString} and {@code setFile} entries as written in the build file,
     *                    before the build tool interpolated them (keyed by parameter; environments' entries included)
     * @param commandLine the list parameters ({@code set}, ...) whose {@code runway.<parameter>} property was given on
     *                    the command line
     * @param warnings    the build tool's own warnings about the settings, reported with the plan's
     */
    public record Origins(Map<String, List<String>> written, Set<String> commandLine, List<String> warnings) {

        public static Origins none() {
            return new Origins(Map.of(), Set.of(), List.of());
        }
    }

    /** The planned environments, in configuration order, and the warnings, each once. */
    public record Plan(List<PlannedEnvironment> environments, List<String> warnings) {}

    private final Settings settings;
    private final Consumer<String> info;
    /** The run's values files, read once for the plan and every render and check of its requests. */
    private final ValuesFileMemo valuesFiles;

    private final Set<String> warnings = new LinkedHashSet<>();

    private EnvironmentPlanner(Settings settings, Consumer<String> info, ValuesFileMemo valuesFiles) {
        this.settings = settings;
        this.info = info;
        this.valuesFiles = valuesFiles;
    }

    /**
     * Plans every selected environment.
     *
     * The plan and its requests are one run: each values file is read once for the plan and for every render and
     * check of the requests ({@link ValuesFileMemo}).
     *
     * @param info receives progress lines as they are found (the manifest fields skipped, the overrides in effect)
     */
    public static Plan plan(Settings settings, Consumer<String> info) throws PipelineException {
        return plan(settings, info, new ValuesFileMemo());
    }

    /** Plans with the run's values files read through {@code valuesFiles} (tests count the reads). */
    static Plan plan(Settings settings, Consumer<String> info, ValuesFileMemo valuesFiles) throws PipelineException {
        EnvironmentPlanner planner = new EnvironmentPlanner(settings, info, valuesFiles);
        try {
            List<PlannedEnvironment> planned = planner.planAll();
            return new Plan(planned, List.copyOf(planner.warnings));
        } catch (Failure e) {
            throw new PipelineException(e.getMessage(), e.getCause(), List.copyOf(planner.warnings));
        }
    }

    /**
     * The chart the goals render: the bundled runway-eks, or {@code chartDirectory} after checking it is a chart.
     *
     * @throws PipelineException when the folder does not exist or has no Chart.yaml
     */
    public static ChartSource chart(Path baseDirectory, Path chartDirectory) throws PipelineException {
        try {
            return checkedChart(baseDirectory, chartDirectory);
        } catch (Failure e) {
            throw new PipelineException(e.getMessage(), null, List.of());
        }
    }

    private static ChartSource checkedChart(Path baseDirectory, Path directory) {
        if (directory == null) {
            return ChartSource.RUNWAY_EKS;
        }
        if (!Files.exists(directory)) {
            throw new Failure("chartDirectory " + ProjectPaths.relative(baseDirectory, directory)
                    + " does not exist; point runway.chartDirectory at a chart folder (the one with Chart.yaml), or "
                    + "remove it to render the bundled runway-eks chart");
        }
        if (!Files.isRegularFile(directory.resolve("Chart.yaml"))) {
            throw new Failure("chartDirectory " + ProjectPaths.relative(baseDirectory, directory)
                    + " has no Chart.yaml, so it is not a chart; point runway.chartDirectory at the chart folder, or "
                    + "remove it to render the bundled runway-eks chart");
        }
        return ChartSource.directory(directory);
    }

    private List<PlannedEnvironment> planAll() {
        Path basedir = settings.baseDirectory();
        ChartSource chart = checkedChart(basedir, settings.chartDirectory());
        List<Path> baseFiles = new ArrayList<>();
        if (nonNull(settings.valuesFiles()).isEmpty()) {
            Path defaultFile = basedir.resolve(RequestValues.DEFAULT_VALUES_FILE);
            // exists, not isRegularFile: a folder or a pipe there is refused when read, with what it is.
            if (Files.exists(defaultFile)) {
                baseFiles.add(defaultFile);
            }
        } else {
            for (Path file : settings.valuesFiles()) {
                baseFiles.add(existing(basedir, file, "valuesFiles"));
            }
        }
        List<Path> extraFiles = new ArrayList<>();
        for (Path file : nonNull(settings.extraValuesFiles())) {
            extraFiles.add(existing(basedir, file, "extraValuesFiles"));
        }
        warnings.addAll(origins().warnings());
        HelmVersion helm;
        try {
            helm = HelmVersion.parse(settings.helmVersion());
        } catch (IllegalArgumentException e) {
            throw new Failure("runway.helmVersion: " + e.getMessage(), null);
        }
        List<EnvironmentSettings> all = nonNull(settings.environments()).isEmpty()
                ? List.of(EnvironmentSettings.unnamed())
                : settings.environments();
        Set<String> selected = EnvironmentNames.selection(settings.selection());
        Set<String> names = new LinkedHashSet<>();
        List<PlannedEnvironment> planned = new ArrayList<>();
        List<String> withoutImageTag = new ArrayList<>();
        for (EnvironmentSettings env : all) {
            String name = EnvironmentNames.nameOf(env, all);
            if (name == null) {
                throw new Failure("every <environment> needs a <name> when there are several");
            }
            if (!EnvironmentNames.isFolderName(name)) {
                throw new Failure("environment name '" + name + "' must be a plain folder name "
                        + "(letters, digits, '-', '_', '.')");
            }
            if (!names.add(name)) {
                throw new Failure("environment '" + name + "' is configured twice");
            }
            if (!selected.isEmpty() && !selected.contains(name)) {
                continue;
            }
            planned.add(planEnvironment(chart, helm, env, name, baseFiles, extraFiles, withoutImageTag));
        }
        if (!selected.isEmpty() && !names.containsAll(selected)) {
            Set<String> unknown = new LinkedHashSet<>(selected);
            unknown.removeAll(names);
            throw new Failure("runway.environment names " + unknown + " but the configured environments are " + names);
        }
        if (!withoutImageTag.isEmpty()) {
            warnings.add("image.tag is not set "
                    + (withoutImageTag.size() == all.size() ? "" : "for " + String.join(", ", withoutImageTag) + " ")
                    + "in any values file or override, so the image "
                    + "tag is the chart's appVersion; set it, for example <setString><setString>image.tag="
                    + "${project.version}</setString></setString> in the plugin's configuration");
        }
        return planned;
    }

    private PlannedEnvironment planEnvironment(
            ChartSource chart,
            HelmVersion helm,
            EnvironmentSettings env,
            String name,
            List<Path> baseFiles,
            List<Path> extraFiles,
            List<String> withoutImageTag) {
        Path basedir = settings.baseDirectory();
        List<Path> files = new ArrayList<>(baseFiles);
        for (Path file : nonNull(env.valuesFiles())) {
            files.add(existing(basedir, file, "environment " + name + " valuesFiles"));
        }
        files.addAll(extraFiles);
        List<String> sets = concat(settings.set(), env.set(), settings.extraSet());
        List<String> setStrings =
                concat(imageEntries(), settings.setString(), env.setString(), settings.extraSetString());
        List<String> setFiles = concat(settings.setFile(), env.setFile(), settings.extraSetFile());
        List<PlaceholderCheck.Problem> problems = new ArrayList<>();
        problems.addAll(PlaceholderCheck.check("set", written("set"), sets));
        problems.addAll(PlaceholderCheck.check("setString", written("setString"), setStrings));
        problems.addAll(PlaceholderCheck.check("setFile", written("setFile"), setFiles));
        reportProblems(problems); // errors stop here; warnings are reported once, after every environment
        ServiceManifest serviceManifest = readManifest(env, name);
        RenderRequest draft = new RenderRequest(
                chart,
                files,
                sets,
                setStrings,
                setFiles,
                "",
                "",
                settings.kubeVersion(),
                basedir,
                null,
                helm,
                valuesFiles);
        RequestValues values = readValues(draft, name); // a broken values file is the first thing said
        String id = serviceId(name, serviceManifest, values);
        String release = firstNonBlank(env.releaseName(), settings.releaseName(), id);
        String ns = firstNonBlank(env.namespace(), settings.namespace(), id);
        if (chart.equals(ChartSource.RUNWAY_EKS) || release.equals(id) || ns.equals(id)) {
            Optional<String> problem = ServiceIds.problem(id, whereIdIsSet(serviceManifest, values), chart);
            if (problem.isPresent()) {
                throw new Failure(problem.get());
            }
        }
        if (chart.equals(ChartSource.RUNWAY_EKS)
                && !hasValue(values.merged().values(), "image", "tag")
                && (serviceManifest == null
                        || !hasValue(serviceManifest.toValues(name).values(), "image", "tag"))) {
            withoutImageTag.add(name);
        }
        RenderRequest request = new RenderRequest(
                chart,
                files,
                sets,
                setStrings,
                setFiles,
                release,
                ns,
                settings.kubeVersion(),
                basedir,
                serviceManifest == null ? null : serviceManifest.toValues(name),
                helm,
                valuesFiles);
        reportOverrides(name, env);
        Path committed = env.committedManifests() != null
                ? basedir.resolve(env.committedManifests())
                : settings.committedManifestsRoot() == null
                        ? null
                        : settings.committedManifestsRoot().resolve(name);
        return new PlannedEnvironment(name, request, committed);
    }

    private RequestValues readValues(RenderRequest draft, String environmentName) {
        try {
            return RequestValues.read(draft);
        } catch (ValuesFileException | SetValueException e) {
            throw new Failure(
                    e.getMessage() + "\n  (" + settings.goal() + ", reading the values of environment '"
                            + environmentName + "')",
                    e);
        }
    }

    /** Where the service id in use was set, for a message about it: the build, the values line, or the manifest. */
    private String whereIdIsSet(ServiceManifest serviceManifest, RequestValues values) {
        if (!isBlank(settings.serviceId())) {
            return "runway.serviceId";
        }
        if (values.serviceId().isPresent()) {
            return values.serviceIdOrigin().map(Object::toString).orElse("serviceId");
        }
        return serviceManifest != null
                ? ServiceIdRule.fromManifest(serviceManifest).where()
                : "serviceId";
    }

    /** The environment's service manifest, checked, or null when the repository has none. */
    private ServiceManifest readManifest(EnvironmentSettings env, String name) {
        Path basedir = settings.baseDirectory();
        Path configured = basedir.resolve(
                env.manifest() != null
                        ? env.manifest()
                        : settings.manifest() != null ? settings.manifest() : Path.of(ServiceManifests.DEFAULT));
        Optional<Path> file = ServiceManifests.locate(configured, name);
        if (file.isEmpty()) {
            if (env.manifest() != null) {
                throw new Failure("environment " + name + ": manifest " + ProjectPaths.relative(basedir, configured)
                        + " does not exist");
            }
            return null;
        }
        try {
            ServiceManifest read = ServiceManifestReader.standard()
                    .read(
                            file.get(),
                            ProjectPaths.relative(basedir, file.get()),
                            nonNull(settings.ignoredManifestFields()));
            if (!read.ignored().isEmpty()) {
                info.accept("[" + name + "] " + read.file() + ": skipped " + String.join(", ", read.ignored())
                        + " (runway.ignoredManifestFields)");
            }
            return read;
        } catch (ServiceManifestException e) {
            throw new Failure(settings.goal() + " failed for environment '" + name + "': " + e.getMessage(), e);
        }
    }

    /** The one service id of an environment (see {@link ServiceIdRule}). */
    private String serviceId(String environmentName, ServiceManifest serviceManifest, RequestValues values) {
        List<ServiceIdRule.Claim> claims = new ArrayList<>();
        claims.add(ServiceIdRule.fromBuild(settings.serviceId()));
        claims.add(ServiceIdRule.fromValues(values.merged()));
        if (serviceManifest != null) {
            claims.add(ServiceIdRule.fromManifest(serviceManifest));
        }
        try {
            return ServiceIdRule.resolve(claims);
        } catch (IllegalArgumentException e) {
            throw new Failure("environment " + environmentName + ": " + e.getMessage(), null);
        }
    }

    /** {@code image} as {@code --set-string} entries. */
    private List<String> imageEntries() {
        String image = settings.image();
        if (image == null || image.isBlank()) {
            return List.of();
        }
        try {
            ImageReference reference = ImageReference.parse(image);
            return reference.tag().isEmpty()
                    ? List.of("image.repository=" + reference.repository())
                    : List.of("image.repository=" + reference.repository(), "image.tag=" + reference.tag());
        } catch (IllegalArgumentException e) {
            throw new Failure("runway.image: " + e.getMessage(), null);
        }
    }

    /** Which overrides apply to an environment and where each came from, in one line (none: nothing said). */
    private void reportOverrides(String name, EnvironmentSettings env) {
        List<String> applied = new ArrayList<>();
        describe(applied, "--set", settings.set(), "set");
        describe(applied, "--set-string", settings.setString(), "setString");
        describe(applied, "--set-file", settings.setFile(), "setFile");
        describe(applied, "--set", env.set(), " (environment " + name + ")");
        describe(applied, "--set-string", env.setString(), " (environment " + name + ")");
        describe(applied, "--set-file", env.setFile(), " (environment " + name + ")");
        describe(applied, "--set", settings.extraSet(), " (-Drunway.extraSet)");
        describe(applied, "--set-string", settings.extraSetString(), " (-Drunway.extraSetString)");
        describe(applied, "--set-file", settings.extraSetFile(), " (-Drunway.extraSetFile)");
        if (!nonNull(settings.extraValuesFiles()).isEmpty()) {
            applied.add("values " + settings.extraValuesFiles() + " (-Drunway.extraValuesFiles)");
        }
        if (!applied.isEmpty()) {
            info.accept("[" + name + "] overrides: " + String.join(", ", applied));
        }
    }

    /** @param source a goal parameter's name ({@code set}), or the source's label as said ({@code " (...)"}) */
    private void describe(List<String> out, String flag, List<String> entries, String source) {
        List<String> given = concat(entries);
        if (given.isEmpty()) {
            return;
        }
        String label = source.startsWith(" ")
                ? source
                : origins().commandLine().contains(source) ? " (-Drunway." + source + ")" : " (POM <" + source + ">)";
        out.add(flag + " " + String.join(" ", given) + label);
    }

    private void reportProblems(List<PlaceholderCheck.Problem> problems) {
        List<String> errors = new ArrayList<>();
        for (PlaceholderCheck.Problem problem : new LinkedHashSet<>(problems)) {
            if (problem.error()) {
                errors.add(problem.message());
            } else {
                warnings.add(problem.message());
            }
        }
        if (!errors.isEmpty()) {
            throw new Failure(settings.goal() + ": " + String.join("\n  ", errors));
        }
    }

    private Origins origins() {
        return settings.origins() == null ? Origins.none() : settings.origins();
    }

    private List<String> written(String parameter) {
        return origins().written().getOrDefault(parameter, List.of());
    }

    private static Path existing(Path basedir, Path file, String parameter) {
        Path path = basedir.resolve(file);
        if (!Files.exists(path)) {
            throw new Failure(parameter + ": values file " + path + " does not exist");
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
                for (String s : list) {
                    if (s != null && !s.isBlank()) {
                        all.add(s);
                    }
                }
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

    /** A stop inside the plan; {@link #plan} turns it into a {@link PipelineException} with the warnings so far. */
    private static final class Failure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Failure(String message) {
            this(message, null);
        }

        Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
