package dev.runway.it.k3s;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.Config;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * JUnit 5 extension that gives a test class one real k3s cluster (Testcontainers, pinned image), shared by all
 * test classes of the run and stopped at its end. Without a Docker engine the tests are skipped with one line
 * saying why, unless {@code runway.k3s.required=true} (profile {@code k3s-required}), which makes it a failure.
 */
public final class K3sCluster implements BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(K3sCluster.class);

    // Per test rather than per class, so that a skip is counted for every test in the reports.
    @Override
    public void beforeEach(ExtensionContext context) {
        running(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KubeApi.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return running(context).api();
    }

    private static Running running(ExtensionContext context) {
        // The root store keeps one cluster (or the reason there is none) for the whole run; JUnit closes it at the end.
        Cluster cluster = context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(Cluster.class, key -> start(), Cluster.class);
        if (cluster.skipReason() != null) {
            throw new TestAbortedException(cluster.skipReason());
        }
        return cluster.running();
    }

    private static Cluster start() {
        boolean required = Boolean.parseBoolean(System.getProperty("runway.k3s.required", "false"));
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            String reason = "k3s tests need a Docker engine and none answers on this machine";
            if (required) {
                throw new IllegalStateException(reason + " (runway.k3s.required=true)");
            }
            System.out.println("SKIPPED k3s tests: " + reason
                    + "; run them where Docker runs, and pass -Pk3s-required to make a missing engine fail.");
            return new Cluster(null, reason);
        }
        String image = System.getProperty("runway.k3s.image", "rancher/k3s:v1.33.5-k3s1");
        K3sContainer container = new K3sContainer(DockerImageName.parse(image));
        container.start();
        try {
            ApiClient client = Config.fromConfig(new StringReader(container.getKubeConfigYaml()));
            return new Cluster(new Running(container, new KubeApi(client)), null);
        } catch (IOException e) {
            container.stop();
            throw new UncheckedIOException(e);
        }
    }

    /** A running cluster, or why there is none. */
    private record Cluster(Running running, String skipReason) implements AutoCloseable {
        @Override
        public void close() {
            if (running != null) {
                running.close();
            }
        }
    }

    /** The started container and a client for it; closing stops the container. */
    private record Running(K3sContainer container, KubeApi api) implements AutoCloseable {
        @Override
        public void close() {
            container.stop();
        }
    }
}
