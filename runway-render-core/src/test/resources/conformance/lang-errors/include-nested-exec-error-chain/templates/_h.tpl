{{- define "inner" -}}
{{ .x.y }}
{{- end -}}
{{- define "outer" -}}
{{ include "inner" .Values }}
{{- end -}}
