package dev.runway.render.chart;

import java.util.Map;

/**
 * What Helm's {@code lookup} function finds in a cluster. {@code helm template} has no cluster, so without one
 * {@code lookup} returns an empty map; tools that fake a cluster (helm-unittest's {@code kubernetesProvider}) give
 * one per render. A {@code name} of "" asks for the list of every object of the kind (in {@code namespace}, or in
 * every namespace when it is ""); an object or list that is not there is an empty map.
 */
@FunctionalInterface
public interface ClusterLookup {
    Map<String, Object> lookup(String apiVersion, String kind, String namespace, String name);
}
