package dev.runway.render.service;

import dev.runway.render.api.RenderedChart;
import dev.runway.render.eks.RunwayEksValues;
import dev.runway.render.identity.Handshake;
import dev.runway.render.identity.HandshakeCheck;
import dev.runway.render.identity.HandshakeValues;
import dev.runway.render.values.ValueTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Checks a render against the provisioner's half of the identity handshake ({@link HandshakeCheck}): a committed
 * {@code identity.json} (what the provisioner was given) or, without one, the handshake the request's values mean.
 */
public final class HandshakeChecker implements ManifestChecker {

    /** The handshake's file in an environment's folder, as {@code runway:identity} writes it. */
    public static final String JSON_FILE = "identity.json";

    private final String environment;
    private final String oidcProvider;
    private final Path committed;

    /**
     * @param committed the environment's committed {@code identity.json}, or null to check against the handshake
     *                  the values mean
     */
    public HandshakeChecker(String environment, String oidcProvider, Path committed) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.oidcProvider = oidcProvider;
        this.committed = committed;
    }

    /**
     * The handshake a request's values mean (the runway-eks chart's values; defaults included), after binding them
     * to the typed model, which refuses any value the chart does not know ({@code runway:identity} renders nothing,
     * so nothing else has checked them).
     */
    public static Handshake handshakeOf(RenderRequest request, String environment, String oidcProvider) {
        RunwayEksValues values = RunwayEksValues.fromValues(ValueTrees.mergeMaps(
                RunwayEksValues.defaults().toValues(), request.mergeValues().values()));
        return Handshake.of(values, request.namespace(), environment, oidcProvider);
    }

    @Override
    public String name() {
        return "handshake";
    }

    @Override
    public List<CheckFinding> check(RenderRequest request, RenderedChart chart) {
        Handshake expected;
        String source;
        if (committed != null) {
            source = committed.toString();
            if (!Files.isRegularFile(committed)) {
                return List.of(new CheckFinding(
                        CheckFinding.Severity.ERROR,
                        "handshake.missing",
                        "",
                        "",
                        "no committed handshake " + committed + ": the provisioner's half of the identity is unknown; "
                                + "fix: run `mvn runway:identity` and commit identity.json for " + environment));
            }
            try {
                expected = Handshake.fromJson(Files.readString(committed, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + committed + ": " + e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                return List.of(new CheckFinding(
                        CheckFinding.Severity.ERROR,
                        "handshake.invalid",
                        "",
                        "",
                        committed + " is " + e.getMessage() + "; fix: write it with `mvn runway:identity`"));
            }
        } else {
            if (!request.chart().equals(ChartSource.RUNWAY_EKS)) {
                return List.of(); // another chart: no runway-eks values to derive a handshake from
            }
            source = "the values";
            // The render being checked has passed the chart's schema, so the seven values the handshake needs are
            // read from the values map; binding the whole typed model (handshakeOf) would load Jackson for them.
            expected = Handshake.of(
                    HandshakeValues.fromValues(request.mergeValues().values()),
                    request.namespace(),
                    environment,
                    oidcProvider);
        }
        return HandshakeCheck.check(chart, expected, source).stream()
                .map(VerifyChecker::toCheckFinding)
                .toList();
    }
}
