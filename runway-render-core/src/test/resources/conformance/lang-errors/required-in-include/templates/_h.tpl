{{ define "r" }}
{{ required "need x" .Values.x }}
{{ end }}