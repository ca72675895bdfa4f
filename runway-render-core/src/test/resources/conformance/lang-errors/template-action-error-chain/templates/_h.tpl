{{- define "inner" -}}
{{ .x.y }}
{{- end -}}
