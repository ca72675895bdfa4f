/**
 * Verification of rendered manifests for CI, without a cluster.
 *
 * <h2>Entry points</h2>
 * <ul>
 *   <li>{@link dev.runway.render.verify.ManifestVerifier}: strict structure, semantic rules and (for runway-eks) the
 *       identity wiring; gives a {@link dev.runway.render.verify.VerifyResult} of
 *       {@link dev.runway.render.verify.Finding}s, one line each ({@code severity kind/namespace/name path: message
 *       [check] fix: ...}).</li>
 *   <li>{@link dev.runway.render.verify.DriftCheck}: render versus committed manifests (file or folder), exact bytes
 *       or structural, with a unified diff per resource and the update command (a parameter).</li>
 *   <li>{@link dev.runway.render.verify.VerifyReports}: GitLab Code Quality JSON, JUnit XML and a Markdown summary
 *       (Mustache template {@code verify-summary.md.mustache}), written through a temporary file and an atomic
 *       move.</li>
 * </ul>
 *
 * <h2>Where the Kubernetes shapes come from</h2>
 * The official Kubernetes Java client's generated models, {@code io.kubernetes:client-java-api} 27.0.0, generated
 * from the OpenAPI spec of <b>Kubernetes 1.36</b> (it serves {@code scheduling.k8s.io/v1alpha2} Workload and
 * PodGroup, which 1.36 introduced). Field names come from {@code @SerializedName}, JSON types from the Java field
 * types ({@code String}, {@code Integer} = int32, {@code Long} = int64, {@code Boolean}, {@code IntOrString},
 * {@code Quantity}, {@code OffsetDateTime}, {@code byte[]} = base64, {@code Map<String, X>}, {@code List<X>}, nested
 * models), required fields from each model's {@code openapiRequiredFields}. Which kinds exist, in which
 * group/version, and whether they are namespaced comes from the generated API classes ({@code AppsV1Api} has
 * {@code createNamespacedDeployment(String, V1Deployment)}). A group that is not built in (a dotted name outside
 * {@code k8s.io}) is a custom resource: reported as {@code structure.not-checked} (info), never silently passed.
 * The build reads all of this from the client once: {@code KubeSchemaGenerator} (test code) writes it to the resource
 * {@code kube-schema.txt}, which {@link dev.runway.render.verify.KubeSchema} reads at run time, and a test fails when
 * the resource no longer matches the client; the client is a test dependency only (issue 19).
 *
 * <h2>YAML as the API server receives it</h2>
 * kubectl and Flux convert YAML with sigs.k8s.io/yaml (go-yaml v2 rules): {@code yes}, {@code on}, {@code y} are
 * booleans, {@code 0x1F} and {@code 017} integers, {@code 1.10} and {@code 08} floats, every map key a string (so the
 * key {@code on} becomes {@code "true"}). {@link dev.runway.render.yaml.YamlTree#typedDocument} applies those rules
 * to snakeyaml-engine's node tree and keeps line numbers; {@link
 * dev.runway.render.manifest.ManifestStreamParser#typedDocuments} splits a file into documents first, as every
 * reader of rendered output does. A whole float ({@code 2.0}) is accepted where an integer is required, as JSON sends it as
 * {@code 2}.
 *
 * <h2>Where the OpenAPI "required" lists differ from what the API server enforces</h2>
 * <ul>
 *   <li>{@code V1Deployment.spec} is optional in the models; the server rejects a Deployment without selector and
 *       template. Reported as {@code selector.missing}.</li>
 *   <li>{@code V1ObjectMeta.name} is optional (generateName); {@code kubectl apply} and Flux need a name:
 *       {@code name.missing}.</li>
 *   <li>{@code V1PodSpec.containers} is required, but an empty list satisfies the schema; the server requires one
 *       container: {@code pod.containers-empty}.</li>
 *   <li>{@code V1Container.image} is optional; the server requires it for bare Pods only and accepts a pod template
 *       without image (every pod then fails): {@code container.image-missing}, error, though the server accepts.</li>
 *   <li>{@code V1ServiceSpec.ports} is optional; the server requires ports unless the Service is ExternalName or
 *       headless: {@code port.required}.</li>
 *   <li>{@code V1LabelSelector} may be empty in the schema; apps/v1 workloads reject an empty selector:
 *       {@code selector.empty}.</li>
 *   <li>{@code V1PodDisruptionBudgetSpec} allows minAvailable and maxUnavailable together; the server does not:
 *       {@code pdb.both-set}. Percent strings must look like {@code "50%"}: {@code pdb.invalid-percent}.</li>
 *   <li>Enumerations are plain strings in the models (client 27 is generated with the OpenAPI {@code enum} lists and
 *       their "Possible enum values" text stripped): {@link dev.runway.render.verify.KubeEnums} lists the closed sets of
 *       the Kubernetes OpenAPI v3 documents by model and field, and every string field of those models is checked
 *       against them ({@code value.unsupported}).</li>
 *   <li>Rules the server's validation code enforces beyond the shape (pkg/apis/&lt;group&gt;/validation):
 *       {@link dev.runway.render.verify.ApiServerRules}: one handler per probe and lifecycle hook, one source per
 *       {@code valueFrom}, {@code envFrom} and volume, Ingress backends and ports, no {@code nodePort} on ClusterIP,
 *       valid {@code clusterIP}s, unique Service ports and pod hostPorts, counts that must not be negative, namespace
 *       names, CronJob schedules (robfig/cron, {@link dev.runway.render.verify.CronSchedule}) and time zones.</li>
 *   <li>API versions: the target release ({@link dev.runway.render.verify.VerifyOptions#kubernetesVersion()},
 *       from the render's {@code kubeVersion} in {@code runway:verify}) does not serve removed group/versions
 *       ({@code extensions/v1beta1} Deployment, ...) nor GA versions newer than itself: {@code structure.api-not-served}
 *       ({@link dev.runway.render.verify.KubeApiVersions}).</li>
 *   <li>Environment variable names: since RelaxedEnvironmentVariableValidation (GA in 1.34) the server accepts any
 *       printable ASCII except {@code =}; names that are not C identifiers are a warning, not an error.</li>
 * </ul>
 *
 * <h2>The identity wiring (runway-eks)</h2>
 * ServiceAccount {@code <id>} in namespace {@code <id>}; annotation {@code eks.amazonaws.com/role-arn} =
 * {@code arn:aws:iam::<12 digits or ${aws_account_id}>:role/EKS-GCP-Role-<id>} (role name at most 64 characters);
 * pods run as that account; {@code GOOGLE_APPLICATION_CREDENTIALS} names a key of the mounted credentials ConfigMap
 * (mounted read-only); the file is an {@code external_account} JSON with audience, subject_token_type, token_url,
 * service_account_impersonation_url (for {@code eks-<id>}) and a credential source: {@code aws1} with region_url,
 * url and regional_cred_verification_url and the aws4_request token type, or a token {@code file} with the jwt
 * token type, projected from the pod's service account token at the file's folder (audience
 * {@code https:} + the provider audience). Google's Java client (google-auth-library) rejects only some of these
 * at load time; the tests cross-check which. The file is loadable only after Flux substitution: Google's parser
 * rejects the literal {@code ${gcp_project_id}} in the impersonation URL.
 */
package dev.runway.render.verify;
