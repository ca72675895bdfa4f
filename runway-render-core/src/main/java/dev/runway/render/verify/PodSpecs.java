package dev.runway.render.verify;

import dev.runway.render.yaml.YNode.YMap;
import java.util.Optional;

/** Where the pod template sits in each built-in workload kind. */
final class PodSpecs {

    /** A pod template (labels and spec) and the field path of its spec. */
    record PodTemplate(YMap labelsOwner, YMap spec, String specPath, String labelsPath) {}

    private PodSpecs() {}

    static boolean isWorkload(String kind) {
        return switch (kind) {
            case "Deployment",
                    "ReplicaSet",
                    "StatefulSet",
                    "DaemonSet",
                    "Job",
                    "CronJob",
                    "ReplicationController",
                    "Pod",
                    "PodTemplate" -> true;
            default -> false;
        };
    }

    /** The pod template of a workload; empty when the kind has none or the document lacks it. */
    static Optional<PodTemplate> of(Resource r) {
        YMap root = r.root();
        switch (r.kind()) {
            case "Pod" -> {
                return root.map("spec")
                        .map(spec ->
                                new PodTemplate(root.map("metadata").orElse(null), spec, "spec", "metadata.labels"));
            }
            case "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "ReplicationController" -> {
                return root.map("spec")
                        .flatMap(spec -> spec.map("template"))
                        .flatMap(t -> t.map("spec")
                                .map(spec -> new PodTemplate(
                                        t.map("metadata").orElse(null),
                                        spec,
                                        "spec.template.spec",
                                        "spec.template.metadata.labels")));
            }
            case "PodTemplate" -> {
                return root.map("template")
                        .flatMap(t -> t.map("spec")
                                .map(spec -> new PodTemplate(
                                        t.map("metadata").orElse(null),
                                        spec,
                                        "template.spec",
                                        "template.metadata.labels")));
            }
            case "CronJob" -> {
                return root.map("spec")
                        .flatMap(s -> s.map("jobTemplate"))
                        .flatMap(j -> j.map("spec"))
                        .flatMap(s -> s.map("template"))
                        .flatMap(t -> t.map("spec")
                                .map(spec -> new PodTemplate(
                                        t.map("metadata").orElse(null),
                                        spec,
                                        "spec.jobTemplate.spec.template.spec",
                                        "spec.jobTemplate.spec.template.metadata.labels")));
            }
            default -> {
                return Optional.empty();
            }
        }
    }
}
