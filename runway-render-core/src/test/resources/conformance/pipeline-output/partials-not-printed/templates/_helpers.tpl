{{ define "x" }}y{{ end }}
kind: Junk
