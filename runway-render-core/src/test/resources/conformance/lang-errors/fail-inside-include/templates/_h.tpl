{{- define "inner" -}}
{{ fail "stop: here" }}
{{- end -}}
