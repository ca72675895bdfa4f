{{- define "demo.fullname" -}}{{ .Release.Name }}-{{ .Values.name }}{{- end -}}
