package com.example.payments;

import dev.runway.render.HelmRenderer;
import dev.runway.render.api.RenderOptions;
import dev.runway.render.api.RenderedChart;
import dev.runway.render.chart.Chart;
import dev.runway.render.eks.CredentialSource;
import dev.runway.render.eks.RunwayEksRelease;
import dev.runway.render.eks.RunwayEksValues;
import dev.runway.render.flux.ClusterVars;
import dev.runway.render.flux.FluxSubstitution;
import dev.runway.render.flux.PostBuild;
import dev.runway.render.flux.SubstitutionResult;
import dev.runway.render.verify.ManifestVerifier;
import dev.runway.render.verify.VerifyOptions;
import dev.runway.render.verify.VerifyResult;
import java.nio.file.Path;
import java.util.TreeSet;

/** Renders the payments service's manifests, checks them, and shows what Flux will apply on one cluster. */
public class ServiceManifests {

    public static void main(String[] args) {
        // The runway-eks chart's values, typed; build() checks them with the chart's values.schema.json.
        RunwayEksValues values = RunwayEksValues.builder("payments", "registry.example.com/runway/payments")
                .imageTag("1.4.2")
                .credentialSource(CredentialSource.KUBERNETES_OIDC)
                .profiling(true)
                .clusterVarEnv("GCP_PROJECT", "gcp_project_id")
                .build();
        RenderedChart rendered = HelmRenderer.render(
                Chart.loadClasspath(RunwayEksValues.CHART_RESOURCE),
                values.toValues(),
                RenderOptions.of("payments", "payments"));
        System.out.println(rendered.manifests().size() + " manifests, as `helm template` prints them");

        RunwayEksRelease release = RunwayEksRelease.of(rendered);
        System.out.println("role: " + release.identity().roleArn()); // ...:role/EKS-GCP-Role-payments
        System.out.println("audience: " + release.credentials().audience()); // //iam.googleapis.com/projects/...

        VerifyResult verified = new ManifestVerifier().verify(rendered, VerifyOptions.runwayEks("payments"));
        verified.lines().forEach(System.out::println);
        System.out.println("verified: " + (verified.passed() ? "no errors" : "errors"));

        // What kustomize-controller applies on a cluster whose flux-cluster-vars ConfigMap this file copies.
        SubstitutionResult applied = FluxSubstitution.apply(
                rendered, PostBuild.from(ClusterVars.read(Path.of(".runway/flux-cluster-vars.yaml")), true));
        System.out.println(
                applied.failed()
                        ? "Flux would fail: " + applied.errors()
                        : "Flux fills in " + new TreeSet<>(applied.variables().keySet()));
    }
}
