{{ define "bad" }}

  {{ .x.y }}
{{ end }}