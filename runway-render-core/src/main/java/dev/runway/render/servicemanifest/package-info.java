/**
 * Runway's service manifest, {@code .runway/runway.yml}, as input to the runway-eks chart.
 *
 * <pre>{@code
 * ServiceManifest manifest = ServiceManifestReader.standard().read(Path.of(".runway/runway.yml"));
 * ValuesDocument values = manifest.toValues("staging");   // runway-eks values, positioned in runway.yml
 * }</pre>
 *
 * <h2>Where the field names and meanings come from</h2>
 * Runway's source (runwayctl, with its {@code manifest.schema.json}) is on GitLab and has no mirror this project's
 * tools could read, so the fields here follow Runway's public documentation:
 * <ul>
 *   <li>the schema's generated documentation (schemas.runway.gitlab.com/RunwayService/): {@code apiVersion}
 *       (default {@code runway/v1}), {@code kind} ({@code RunwayService}), {@code metadata} with {@code name} (at
 *       most 63 characters), {@code owner_email_handle}, {@code department}, {@code department_group},
 *       {@code product_category} (each linking to the GitLab infrastructure-standards label it stands for), no
 *       additional properties; {@code spec} with {@code image} (deprecated), {@code container_port} (1 to 65535,
 *       default 8080), {@code regions}, a request timeout, {@code resources.limits.cpu}/{@code memory},
 *       {@code resources.startup_cpu_boost}, {@code scalability.min_instances}, {@code load_balancing},
 *       {@code deployment};</li>
 *   <li>docs.runway.gitlab.com: the service manifest reference ({@code runway/v1+dev} for developmental
 *       features; staging may differ from production), scalability ({@code min_instances}, {@code max_instances},
 *       {@code max_instance_concurrent_requests}; limits default to 1000m and 512Mi), Cloud Run health checks
 *       ({@code startup_probe}, {@code liveness_probe}, {@code readiness_probe} with {@code path},
 *       {@code initial_delay_seconds}, {@code period_seconds}, {@code timeout_seconds}, {@code failure_threshold},
 *       {@code success_threshold} for readiness only), Cloud Run services ({@code network_policies},
 *       {@code request_based_billing}, the CI inputs {@code runway_service_id} and {@code image}), secrets
 *       management (Vault path {@code runway/env/<environment>/service/<runway_service_id>});</li>
 *   <li>Runway's issue tracker (team issue 238) shows a real manifest with
 *       {@code scalability.max_instance_request_concurrency}, a spelling the docs do not use: both are known here;</li>
 *   <li>the AI gateway's repository links {@code .runway/runway-staging.yml} next to {@code .runway/runway.yml}:
 *       the staging manifest (see {@link dev.runway.render.servicemanifest.ServiceManifests#locate}).</li>
 * </ul>
 * Not found, so not assumed: the exact name of the request-timeout field (the docs show its description after
 * {@code regions}; {@code request_timeout} is taken here), the inner fields of {@code load_balancing},
 * {@code deployment} and {@code network_policies} (refused whole, they have no EKS meaning), gRPC or TCP probe
 * forms, and whether Runway merges the staging manifest over the default one or reads it alone (read alone here).
 * A field this list does not know is refused as unknown; {@code ignoredFields} lets a service skip it knowingly.
 */
package dev.runway.render.servicemanifest;
