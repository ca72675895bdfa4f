{{- define "t.type" }}{{ typeOf . }}{{ end }}
