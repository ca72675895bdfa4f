package dev.runway.render;

import dev.runway.render.api.HelmVersion;
import dev.runway.render.api.RenderException;
import dev.runway.render.api.RenderOptions;
import dev.runway.render.api.RenderedChart;
import dev.runway.render.api.ValuesSchemaException;
import dev.runway.render.chart.Capabilities;
import dev.runway.render.chart.Chart;
import dev.runway.render.chart.ChartFile;
import dev.runway.render.chart.ClusterLookup;
import dev.runway.render.chart.Dependencies;
import dev.runway.render.chart.EngineFunctions;
import dev.runway.render.chart.HelmSchemaValidator;
import dev.runway.render.chart.PreparedChart;
import dev.runway.render.chart.ValuesCoalescer;
import dev.runway.render.chart.ValuesSchemaValidator;
import dev.runway.render.manifest.ManifestScratch;
import dev.runway.render.manifest.ManifestSorter;
import dev.runway.render.memo.BoundedMemo;
import dev.runway.render.semver.SemverRange;
import dev.runway.render.template.FunctionTable;
import dev.runway.render.template.TemplateFunction;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The entry point: renders a chart exactly as {@code helm template} does, in pure Java.
 *
 * <pre>{@code
 * RenderedChart out = HelmRenderer.render(Chart.loadClasspath("charts/runway-eks"), userValues,
 *         RenderOptions.of("payments", "payments"));
 * }</pre>
 *
 * The steps are Helm's: coalesce chart defaults with the user values, check values.schema.json, check the
 * chart's kubeVersion, render every template, then split, filter and sort the manifests. For many renders of
 * one chart, {@link #prepare(Chart)} parses the templates once.
 */
public final class HelmRenderer {
    private final Chart chart;
    /**
     * Parsed templates per Helm version and set of enabled subcharts (conditions and tags can switch them off), at
     * most {@value #MAX_PREPARED_KEPT}: values that switch subcharts on and off can ask for up to 2^subcharts sets,
     * and each holds every template's tree.
     */
    private final BoundedMemo<String, PreparedChart> prepared;

    private final ValuesSchemaValidator validator;
    /**
     * kubeVersion checks already made, by kube version (the chart's range never changes); at most
     * {@value #MAX_KUBE_VERSIONS_KEPT}, as for {@link #defaultCapabilities}.
     */
    private final BoundedMemo<String, Boolean> kubeVersionOk;
    /**
     * The head scanner's per-thread array (bounded, see ManifestScratch): without it every render allocated a copy
     * of its longest document.
     */
    private final ManifestScratch manifestScratch = new ManifestScratch();
    /**
     * Capabilities with Helm's default API versions, by Helm and kube version: they are immutable, and parsing the
     * kube version on every render was about 1% of a warm one. At most {@value #MAX_KUBE_VERSIONS_KEPT} are kept: a
     * caller cycling through more kube versions gets the rest parsed each time.
     */
    private final BoundedMemo<String, Capabilities> defaultCapabilities = new BoundedMemo<>(MAX_KUBE_VERSIONS_KEPT);

    private static final int MAX_KUBE_VERSIONS_KEPT = 16;
    private static final int MAX_PREPARED_KEPT = 32;

    private HelmRenderer(Chart chart, ValuesSchemaValidator validator) {
        this(chart, validator, true);
    }

    private HelmRenderer(Chart chart, ValuesSchemaValidator validator, boolean parseNow) {
        this(chart, new BoundedMemo<>(MAX_PREPARED_KEPT), new BoundedMemo<>(MAX_KUBE_VERSIONS_KEPT), validator);
        if (parseNow && chart.metadata().dependencies().isEmpty()) {
            preparedFor(chart, HelmVersion.DEFAULT);
        }
    }

    private HelmRenderer(
            Chart chart,
            BoundedMemo<String, PreparedChart> prepared,
            BoundedMemo<String, Boolean> kubeVersionOk,
            ValuesSchemaValidator validator) {
        this.chart = chart;
        this.prepared = prepared;
        this.kubeVersionOk = kubeVersionOk;
        this.validator = validator;
    }

    /**
     * The same chart and parsed templates with another schema validator (null: no schema check), for example one
     * that knows where each value of this render came from. Nothing is parsed again.
     */
    public HelmRenderer withValidator(ValuesSchemaValidator other) {
        return new HelmRenderer(chart, prepared, kubeVersionOk, other);
    }

    /** Templates parse against the function set of one Helm version (Helm 4 added mustToYaml, for example). */
    private PreparedChart preparedFor(Chart resolved, HelmVersion version) {
        return parsedOnce(version.name() + "|" + Dependencies.signature(resolved), resolved, version);
    }

    /**
     * The templates parsed under {@code key}, parsed now if no render parsed them yet (once: a miss parses under the
     * table's lock, as computeIfAbsent would; plain code because a lambda costs a class spin in a fresh JVM, issue 19).
     * When the table is full, a new key is parsed for this render only.
     */
    private PreparedChart parsedOnce(String key, Chart chart, HelmVersion version) {
        PreparedChart known = prepared.get(key);
        if (known != null) {
            return known;
        }
        synchronized (prepared) {
            PreparedChart again = prepared.get(key);
            if (again != null) {
                return again;
            }
            PreparedChart fresh = new PreparedChart(chart, functions(version));
            prepared.keep(key, fresh);
            return fresh;
        }
    }

    /**
     * The parsed templates of a selection from the resolved chart: parsed once per set of selected templates, then
     * bound to the selection's metadata (which may carry other versions).
     */
    // Identity is the cheap "nothing was left out" test; an equal copy only takes the slower, still correct, path.
    @SuppressWarnings("ReferenceEquality")
    private PreparedChart preparedForSelection(Chart resolved, Chart selected, HelmVersion version) {
        if (selected == resolved) {
            return preparedFor(resolved, version);
        }
        StringBuilder key = new StringBuilder(version.name()).append("|selection|");
        templateSignature(selected, key);
        PreparedChart parsed = parsedOnce(key.toString(), selected, version);
        return parsed.chart() == selected ? parsed : parsed.withChart(selected);
    }

    private static void templateSignature(Chart chart, StringBuilder out) {
        out.append(chart.name()).append('(');
        for (ChartFile t : chart.templates()) {
            out.append(t.name()).append(',');
        }
        out.append(')');
        for (Chart d : chart.dependencies()) {
            templateSignature(d, out);
        }
        out.append(';');
    }

    /** Renders once. */
    public static RenderedChart render(Chart chart, Map<String, Object> userValues, RenderOptions options) {
        return prepare(chart).render(userValues, options);
    }

    /** Parses the chart's templates once, for repeated renders. The result is thread-safe. */
    public static HelmRenderer prepare(Chart chart) {
        return prepare(chart, new HelmSchemaValidator());
    }

    /**
     * Like {@link #prepare(Chart)} with an explicit schema validator (null: no schema check). Deeply nested
     * expressions (Go parses 10000 nested parentheses) are parsed on a deep stack too.
     */
    public static HelmRenderer prepare(Chart chart, ValuesSchemaValidator validator) {
        try {
            return new HelmRenderer(chart, validator);
        } catch (StackOverflowError e) {
            return onDeepStack(() -> new HelmRenderer(chart, validator));
        } catch (OutOfMemoryError e) {
            throw outOfMemory();
        }
    }

    /**
     * Like {@link #prepare(Chart, ValuesSchemaValidator)}, but templates are parsed at the first render that needs
     * them, not now: for tools that render selections of templates ({@link #renderTemplates(Map, RenderOptions, int,
     * List, boolean, UnaryOperator, ClusterLookup)}), where a template that does not parse matters only to the
     * renders that select it.
     */
    public static HelmRenderer prepareOnDemand(Chart chart, ValuesSchemaValidator validator) {
        return new HelmRenderer(chart, validator, false);
    }

    public RenderedChart render(Map<String, Object> userValues, RenderOptions options) {
        try {
            return renderOnThisThread(userValues, options);
        } catch (StackOverflowError e) {
            return onDeepStack(() -> renderOnThisThread(userValues, options));
        } catch (OutOfMemoryError e) {
            throw outOfMemory();
        }
    }

    /**
     * Renders each template and returns its text by template name ({@code chart/templates/x.yaml}, partials left
     * out, {@code NOTES.txt} included), as Helm's engine.Render returns it before the manifests are split and
     * sorted: for tools that assert per template, such as helm-unittest suites. {@code .Release.Revision} is
     * {@code revision}; {@code apiVersions}, when not null, replaces Helm's built-in list in
     * {@code .Capabilities.APIVersions}; the release name is checked only when {@code checkReleaseName}.
     */
    public Map<String, String> renderTemplates(
            Map<String, Object> userValues,
            RenderOptions options,
            int revision,
            List<String> apiVersions,
            boolean checkReleaseName) {
        return renderTemplates(
                userValues, options, revision, apiVersions, checkReleaseName, UnaryOperator.identity(), null);
    }

    /**
     * As {@link #renderTemplates(Map, RenderOptions, int, List, boolean)}, rendering only what {@code select} keeps of
     * the chart once its dependencies are processed (aliases applied, disabled subcharts dropped) and its values
     * coalesced and checked: helm-unittest renders such a copy, with fewer templates and perhaps other versions in
     * its metadata. {@code select} must keep the chart's shape (names and subcharts); templates it drops are not
     * parsed, and each set of kept templates is parsed once for all renders of this renderer. {@code lookup} asks
     * {@code cluster} when it is not null (helm-unittest's fake cluster); otherwise it returns an empty map.
     */
    public Map<String, String> renderTemplates(
            Map<String, Object> userValues,
            RenderOptions options,
            int revision,
            List<String> apiVersions,
            boolean checkReleaseName,
            UnaryOperator<Chart> select,
            ClusterLookup cluster) {
        try {
            return renderTemplatesOnThisThread(
                    userValues, options, revision, apiVersions, checkReleaseName, select, cluster);
        } catch (StackOverflowError e) {
            return onDeepStack(() -> renderTemplatesOnThisThread(
                    userValues, options, revision, apiVersions, checkReleaseName, select, cluster));
        } catch (OutOfMemoryError e) {
            throw outOfMemory();
        }
    }

    private Map<String, String> renderTemplatesOnThisThread(
            Map<String, Object> userValues,
            RenderOptions options,
            int revision,
            List<String> apiVersions,
            boolean checkReleaseName,
            UnaryOperator<Chart> select,
            ClusterLookup cluster) {
        Prepared p = prepareRender(userValues, options, apiVersions, checkReleaseName);
        return preparedForSelection(p.chart(), select.apply(p.chart()), options.helmVersion())
                .render(p.values(), options, p.capabilities(), revision, cluster);
    }

    /**
     * Deep include chains (Helm allows 1000 levels) and deep values need more stack than a default thread has: the
     * public entry points run on the calling thread and, when it overflows, again here.
     */
    private static <T> T onDeepStack(java.util.function.Supplier<T> render) {
        try {
            return dev.runway.render.io.DeepStack.rerun(
                    render, overflow -> new RenderException(deepStackMessage(overflow)));
        } catch (OutOfMemoryError e) {
            throw outOfMemory();
        }
    }

    /**
     * A render that exhausts the heap ends in the render's error, thrown by each public entry point. A last resort:
     * the values function calls create are bounded one by one ({@code ValueLimits}) and in sum
     * ({@code ExecutionLimits.maxCreatedBytes}, 128 MiB by default: a value built in a loop, many large copies), and
     * steps and output are bounded too. That sum is an estimate (a boxed number or a short string weighs more than it
     * is charged; values files, chart files and what Helm itself builds are bounded by their own limits, not by it),
     * and a heap of 128 MB or less, or one shared with other work, can run out before it is reached: twenty copies of
     * a 4 Mi list end here with a 128 MB heap and with the budget's message with 256 MB. Everything the render
     * allocated is unreachable once the error reaches the entry point, so the JVM goes on.
     */
    private static RenderException outOfMemory() {
        return new RenderException(outOfMemoryMessage(Runtime.getRuntime().maxMemory()));
    }

    static String outOfMemoryMessage(long maxHeapBytes) {
        return "the render ran out of memory (the JVM's heap is " + (maxHeapBytes >> 20) + " MB): a template probably"
                + " keeps many large values (concat, append, repeat or print of large results in a loop); if the chart"
                + " really needs more, give the JVM more heap (-Xmx, for Maven in MAVEN_OPTS)";
    }

    /**
     * Says what nested too deeply. Data is bounded where the engine walks it (printing, JSON, YAML, deepCopy stop at
     * 10000 levels with their own message), so an overflow is the templates' unless the innermost frames are not the
     * template executor's: then it names the code that overflowed instead of blaming templates.
     */
    static String deepStackMessage(StackOverflowError overflow) {
        StackTraceElement[] frames = overflow.getStackTrace();
        long executorFrames = java.util.Arrays.stream(frames)
                .limit(256)
                .filter(f -> f.getClassName().startsWith("dev.runway.render.template.Executor"))
                .count();
        if (frames.length == 0 || executorFrames > 0) {
            return "the templates nest too deeply to render (stack overflow): look for templates that call"
                    + " themselves through include or template";
        }
        String where = frames[0].getClassName();
        return "a value or expression nests too deeply to render (stack overflow in "
                + where.substring(where.lastIndexOf('.') + 1) + ")";
    }

    /** Helm's chartutil.ValidateReleaseName: a DNS-1123 subdomain of at most 53 characters. */
    private static final java.util.regex.Pattern RELEASE_NAME =
            java.util.regex.Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");

    /** The resolved chart, coalesced values and capabilities of one render. */
    private record Prepared(Chart chart, Map<String, Object> values, Capabilities capabilities) {}

    private Prepared prepareRender(
            Map<String, Object> userValues, RenderOptions options, List<String> apiVersions, boolean checkReleaseName) {
        // helm template checks these before rendering, in this order (the loader's apiVersion dispatch,
        // checkIfInstallable, CheckDependencies, then availableName).
        this.chart.requireSupportedApiVersion(options.helmVersion());
        if (this.chart.isLibrary()) {
            throw new RenderException("library charts are not installable");
        }
        Dependencies.checkPresent(this.chart, options.helmVersion());
        String name = options.releaseName();
        if (checkReleaseName && name.isEmpty()) {
            throw new RenderException("release name \"\": no name provided");
        }
        if (checkReleaseName
                && (name.length() > 53 || !RELEASE_NAME.matcher(name).matches())) {
            throw new RenderException("release name " + dev.runway.render.gofmt.GoFmt.sprintf("%q", name)
                    + ": invalid release name, must match regex " + RELEASE_NAME.pattern()
                    + " and the length must not be longer than 53");
        }
        Map<String, Object> values;
        Chart chart;
        try {
            chart = Dependencies.resolve(this.chart, userValues, options.helmVersion());
            values = ValuesCoalescer.coalesce(chart, userValues);
        } catch (IllegalArgumentException e) {
            throw new RenderException(e.getMessage(), e);
        }
        if (validator != null) {
            ValuesSchemaValidator.Failure failure = validator.check(chart, values);
            if (failure != null) {
                throw new ValuesSchemaException(failure.helmListing(), failure.explanation());
            }
        }
        Capabilities capabilities;
        try {
            capabilities = apiVersions == null
                    ? defaultCapabilities(options)
                    : new Capabilities(options.kubeVersion(), apiVersions, options.helmVersion());
        } catch (IllegalArgumentException e) {
            throw new RenderException(e.getMessage(), e);
        }
        String required = chart.metadata().kubeVersion();
        // chartutil.IsCompatibleRange against the numeric part of the kube version; a range that does not parse fails.
        if (!required.isEmpty()
                && !kubeVersionCompatible(required, capabilities.kubeVersion().version())) {
            throw new RenderException(
                    "chart requires kubeVersion: " + required + " which is incompatible with Kubernetes "
                            + capabilities.kubeVersion().version());
        }
        return new Prepared(chart, values, capabilities);
    }

    private Capabilities defaultCapabilities(RenderOptions options) {
        String key = options.helmVersion().name() + "|" + options.kubeVersion();
        Capabilities known = defaultCapabilities.get(key);
        if (known == null) {
            known = new Capabilities(options.kubeVersion(), Capabilities.defaultApiVersions(), options.helmVersion());
            defaultCapabilities.keep(key, known);
        }
        return known;
    }

    /** The chart's kubeVersion range checked once per kube version (a race checks twice, with the same answer). */
    private boolean kubeVersionCompatible(String required, String kubeVersion) {
        Boolean known = kubeVersionOk.get(kubeVersion);
        if (known == null) {
            known = SemverRange.isCompatible(required, SemverRange.kubeVersionForCheck(kubeVersion));
            kubeVersionOk.keep(kubeVersion, known);
        }
        return known;
    }

    private RenderedChart renderOnThisThread(Map<String, Object> userValues, RenderOptions options) {
        Prepared p = prepareRender(userValues, options, null, true);
        Map<String, String> rendered =
                preparedFor(p.chart(), options.helmVersion()).render(p.values(), options, p.capabilities());
        ManifestSorter.Sorted sorted = ManifestSorter.sortWithHooks(rendered, options.helmVersion(), manifestScratch);
        if (!options.hooks()) {
            return new RenderedChart(sorted.generic(), ManifestSorter.output(sorted.generic(), List.of()));
        }
        return new RenderedChart(sorted.all(), sorted.output());
    }

    /**
     * Every function a Helm template of this Helm version can call: the function library and the engine's own, each
     * created on the first lookup of its name ({@link FunctionTable}).
     */
    static Map<String, TemplateFunction> functions(HelmVersion version) {
        Map<String, TemplateFunction> library = dev.runway.render.funcs.FunctionLibrary.functions(version);
        Map<String, TemplateFunction> engine = EngineFunctions.functions();
        Set<String> names = new LinkedHashSet<>(library.keySet());
        // These are text/template's own builtins (Sprig does not define them); the engine's versions know the
        // argument nodes, which Go's error messages quote.
        names.removeAll(List.of("print", "printf", "println", "urlquery"));
        names.addAll(engine.keySet());
        return new FunctionTable(names, new EngineFirst(engine, library));
    }

    /** The engine's function where it has one, else the library's (a named class, not a lambda: see parsedOnce). */
    private static final class EngineFirst implements java.util.function.Function<String, TemplateFunction> {
        private final Map<String, TemplateFunction> engine;
        private final Map<String, TemplateFunction> library;

        EngineFirst(Map<String, TemplateFunction> engine, Map<String, TemplateFunction> library) {
            this.engine = engine;
            this.library = library;
        }

        @Override
        public TemplateFunction apply(String name) {
            return engine.containsKey(name) ? engine.get(name) : library.get(name);
        }
    }
}
