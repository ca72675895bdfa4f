{{- define "case.labels" -}}
a: 1
nested:
  list: [x, y]
  inner: {k: v}
anchored: &n {z: 1}
alias: *n
{{- end -}}
