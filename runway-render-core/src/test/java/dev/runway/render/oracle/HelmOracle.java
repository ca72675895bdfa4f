package dev.runway.render.oracle;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The real Helm 3 engine (helm-java, in-process): the oracle every conformance test compares against.
 * Test scope only; the product never calls it.
 */
public final class HelmOracle {

    /** What {@code helm template} printed, or the error it stopped with. */
    public record Result(String output, String error) {
        public boolean failed() {
            return error != null;
        }
    }

    /** One {@code helm template} invocation. */
    /** helm-java's own default is v1.20.0 (Helm built without ldflags); pin a current one instead. */
    public static final String DEFAULT_KUBE_VERSION = "v1.33.0";

    public record Request(
            Path chart,
            String releaseName,
            String namespace,
            String kubeVersion,
            List<Path> valuesFiles,
            Map<String, Object> set) {
        public Request {
            valuesFiles = List.copyOf(valuesFiles);
            set = Map.copyOf(set);
        }

        public static Request of(Path chart, String releaseName, String namespace, Path... valuesFiles) {
            return new Request(chart, releaseName, namespace, DEFAULT_KUBE_VERSION, List.of(valuesFiles), Map.of());
        }
    }

    private HelmOracle() {}

    public static Result template(Request request) {
        TemplateCommand command = new Helm(request.chart())
                .template()
                .withName(request.releaseName())
                .withNamespace(request.namespace());
        if (request.kubeVersion() != null) {
            command = command.withKubeVersion(request.kubeVersion());
        }
        for (Path file : request.valuesFiles()) {
            command = command.withValuesFile(file);
        }
        for (Map.Entry<String, Object> entry : request.set().entrySet()) {
            command = command.set(entry.getKey(), entry.getValue());
        }
        TemplateCommand ready = command;
        // Helm's Go log (warnings about charts) goes to native stderr; keep it out of the build log.
        return NativeStderr.capture(() -> {
                    try {
                        return new Result(ready.call(), null);
                    } catch (IllegalStateException e) {
                        // helm-java reports Helm's own error text as the exception message.
                        return new Result(null, e.getMessage());
                    }
                })
                .result();
    }
}
