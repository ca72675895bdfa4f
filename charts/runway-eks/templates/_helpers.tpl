{{/*
The service id, checked. Every template goes through this helper, so a bad id or a release namespace that
differs from the id stops the render with a message that says how to fix it, even when the schema is skipped.
*/}}
{{- define "runway-eks.serviceId" -}}
{{- $id := required "serviceId is required: set serviceId to the service's id (2 to 26 characters: lowercase letters, digits and '-')" .Values.serviceId | toString -}}
{{- if not (regexMatch "^[a-z]([-a-z0-9]*[a-z0-9])?$" $id) -}}
{{- fail (printf "serviceId %q is not a DNS-1123 label: use lowercase letters, digits and '-', starting with a letter and ending with a letter or digit" $id) -}}
{{- end -}}
{{- if or (lt (len $id) 2) (gt (len $id) 26) -}}
{{- fail (printf "serviceId %q has %d characters; it must have 2 to 26 (the Google service account id eks-<id> is at most 30)" $id (len $id)) -}}
{{- end -}}
{{- if ne .Release.Namespace $id -}}
{{- fail (printf "release namespace %q must equal serviceId %q: the AWS trust policy binds system:serviceaccount:%s:%s; render with --namespace %s" .Release.Namespace $id $id $id $id) -}}
{{- end -}}
{{- $id -}}
{{- end -}}

{{/* Image tag: the value, or the chart's appVersion. */}}
{{- define "runway-eks.imageTag" -}}
{{- .Values.image.tag | default .Chart.AppVersion | toString -}}
{{- end -}}

{{/* Labels that select the pods. Never change them on a running service: the selector is immutable. */}}
{{- define "runway-eks.selectorLabels" -}}
{{- toYaml (dict "app.kubernetes.io/name" (include "runway-eks.serviceId" .) "app.kubernetes.io/instance" .Release.Name) -}}
{{- end -}}

{{/*
Labels of every resource: the chart's own, then the user's extra labels. Built as a dict and written with
toYaml, so a user label can neither override a selector label nor break the YAML.
*/}}
{{- define "runway-eks.labels" -}}
{{- $labels := include "runway-eks.selectorLabels" . | fromYaml -}}
{{- $_ := set $labels "app.kubernetes.io/managed-by" (.Values.managedBy | default .Release.Service | toString) -}}
{{- $_ := set $labels "app.kubernetes.io/part-of" "runway" -}}
{{- $_ := set $labels "helm.sh/chart" (printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_") -}}
{{- toYaml (merge $labels .Values.labels) -}}
{{- end -}}

{{/*
Labels of the pods: those of every resource but helm.sh/chart, whose change with each chart version would roll every
pod; then the user's pod labels.
*/}}
{{- define "runway-eks.podLabels" -}}
{{- toYaml (merge (omit (include "runway-eks.labels" . | fromYaml) "helm.sh/chart") .Values.podLabels) -}}
{{- end -}}

{{/*
The chart's defaults with the user's settings on top, as YAML: called with (list userMap defaultsMap). Each key the
user sets, even to false or 0, replaces the chart's default of that key (Sprig's merge would keep a default over a
user's false).
*/}}
{{- define "runway-eks.overDefaults" -}}
{{- $out := deepCopy (index . 0 | default dict) -}}
{{- range $key, $value := index . 1 -}}
{{- if not (hasKey $out $key) -}}
{{- $_ := set $out $key $value -}}
{{- end -}}
{{- end -}}
{{- toYaml $out -}}
{{- end -}}

{{/* Name of the ConfigMap that holds credentials.json. */}}
{{- define "runway-eks.credentialsConfigMapName" -}}
{{- printf "%s-gcp-credentials" (include "runway-eks.serviceId" .) -}}
{{- end -}}

{{/* Full resource name of the workload identity pool provider, without a scheme. */}}
{{- define "runway-eks.providerResource" -}}
{{- printf "iam.googleapis.com/projects/%s/locations/global/workloadIdentityPools/%s/providers/%s" (toString .Values.gcp.projectNumber) (toString .Values.gcp.workloadIdentityPoolId) (toString .Values.gcp.workloadIdentityProviderId) -}}
{{- end -}}

{{/*
The Google external_account credentials file. Built as a dict and written with toPrettyJson, so no value can
break out of its JSON string. The Flux variables inside stay literal ${...}.
*/}}
{{- define "runway-eks.credentialsJson" -}}
{{- $id := include "runway-eks.serviceId" . -}}
{{- $project := toString .Values.gcp.projectId -}}
{{- $credentials := dict
  "type" "external_account"
  "audience" (printf "//%s" (include "runway-eks.providerResource" .))
  "token_url" "https://sts.googleapis.com/v1/token"
  "service_account_impersonation_url" (printf "https://iamcredentials.googleapis.com/v1/projects/%s/serviceAccounts/eks-%s@%s.iam.gserviceaccount.com:generateAccessToken" $project $id $project)
-}}
{{- if eq .Values.gcpWorkloadIdentity.credentialSource "kubernetes-oidc" -}}
{{- $_ := set $credentials "subject_token_type" "urn:ietf:params:oauth:token-type:jwt" -}}
{{- $_ := set $credentials "credential_source" (dict "file" "/var/run/secrets/gcp-token/token" "format" (dict "type" "text")) -}}
{{- else -}}
{{- $_ := set $credentials "subject_token_type" "urn:ietf:params:aws:token-type:aws4_request" -}}
{{- $_ := set $credentials "credential_source" (dict
  "environment_id" "aws1"
  "region_url" "http://169.254.169.254/latest/meta-data/placement/availability-zone"
  "url" "http://169.254.169.254/latest/meta-data/iam/security-credentials"
  "regional_cred_verification_url" "https://sts.{region}.amazonaws.com?Action=GetCallerIdentity&Version=2011-06-15"
  "imdsv2_session_token_url" "http://169.254.169.254/latest/api/token") -}}
{{- end -}}
{{- toPrettyJson $credentials -}}
{{- end -}}

{{/* Quantity-or-number: a percentage stays a quoted string, a count is an integer. */}}
{{- define "runway-eks.intOrPercent" -}}
{{- if kindIs "string" . -}}
{{- quote . -}}
{{- else -}}
{{- int . -}}
{{- end -}}
{{- end -}}

{{/* Whether the pods read the external_account credentials file (runtime eks); GKE Workload Identity needs none. */}}
{{- define "runway-eks.credentialsFile" -}}
{{- if ne (toString .Values.runtime) "gke" -}}true{{- end -}}
{{- end -}}

{{/* The Google service account a GKE pod runs as: <id>@<project>.iam.gserviceaccount.com. */}}
{{- define "runway-eks.gkeServiceAccount" -}}
{{- $id := include "runway-eks.serviceId" . -}}
{{- if lt (len $id) 6 -}}
{{- fail (printf "serviceId %q has %d characters; on runtime gke the pods run as the Google service account %s@<project>.iam.gserviceaccount.com, and Google service account ids have 6 to 30 characters" $id (len $id) $id) -}}
{{- end -}}
{{- printf "%s@%s.iam.gserviceaccount.com" $id (toString .Values.gcp.projectId) -}}
{{- end -}}

{{/* Name of the Secret that external-secrets writes from Vault. */}}
{{- define "runway-eks.secretsName" -}}
{{- printf "%s-secrets" (include "runway-eks.serviceId" .) -}}
{{- end -}}
