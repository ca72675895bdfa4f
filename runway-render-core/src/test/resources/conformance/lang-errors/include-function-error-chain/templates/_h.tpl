{{- define "inner" -}}
{{ semverCompare "bad constraint!" "1.0.0" }}
{{- end -}}
{{- define "outer" -}}
{{ include "inner" . }}
{{- end -}}
