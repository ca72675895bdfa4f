#!/usr/bin/env python3
"""Writes the engine's conformance cases (lang-* and pipeline-* groups) as folders under
src/test/resources/conformance. Each case is a tiny chart; ConformanceTest renders it with Helm and with our
engine and compares the bytes. Re-run after editing: python3 src/test/scripts/engine_conformance_cases.py"""
import os
import shutil

ROOT = os.path.join(os.path.dirname(__file__), "..", "resources", "conformance")
CASES = []


def case(group, name, templates, values=None, files=None, spec=None, chart=None):
    if isinstance(templates, str):
        templates = {"t.yaml": templates}
    CASES.append((group, name, templates, values, files or {}, spec, chart))


def write():
    groups = {g for g, *_ in CASES}
    for g in groups:
        shutil.rmtree(os.path.join(ROOT, g), ignore_errors=True)
    seen = set()
    for group, name, templates, values, files, spec, chart in CASES:
        key = group + "/" + name
        assert key not in seen, key
        seen.add(key)
        d = os.path.join(ROOT, group, name)
        os.makedirs(os.path.join(d, "templates"), exist_ok=True)
        for fname, text in templates.items():
            p = os.path.join(d, "templates", fname)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "w", newline="") as f:
                f.write(text)
        if values is not None:
            with open(os.path.join(d, "values.yaml"), "w", newline="") as f:
                f.write(values)
        for fname, text in files.items():
            p = os.path.join(d, fname)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "w", newline="") as f:
                f.write(text)
        if spec is not None:
            with open(os.path.join(d, "case.yaml"), "w") as f:
                f.write(spec)
        if chart is not None:
            with open(os.path.join(d, "Chart.yaml"), "w") as f:
                f.write(chart)
    print(len(CASES), "cases")


# ---------------------------------------------------------------- lang-text: text, trimming, comments
T = "lang-text"
case(T, "plain-text", "a: 1\nb: two\n")
case(T, "trim-left", "a: x\n# one   \n  {{- \"!\" }}\n")
case(T, "trim-right", "# a {{ \"x\" -}}   \n\n   b: 1\n")
case(T, "trim-both", "a: [\n  {{- \"1\" -}}\n  ,\n  {{- \"2\" -}}\n  ]\n")
case(T, "trim-tabs-and-crlf", "a: 1\r\n\t\t{{- \"\" }}\r\nb: 2\r\n")
case(T, "trim-many-newlines", "a: 1\n\n\n\n{{- \"\" -}}\n\n\n\nb: 2\n")
case(T, "trim-only-left-of-next", "a: 1\n{{- /* c */ -}}\nb: 2\n")
case(T, "negative-number-not-trim", "a: {{-3}}\nb: {{ -3 }}\n")
case(T, "comment-simple", "{{/* a comment */}}a: 1\n")
case(T, "comment-trim-both", "a: 1\n  {{- /* comment */ -}}  \n\nb: 2\n")
case(T, "comment-multiline", "{{/*\nline one\nline two\n*/}}\na: 1\n")
case(T, "comment-between-keys", "a: 1\n{{/* x */}}\nb: 2\n")
case(T, "action-spans-lines", "a: {{ printf \"%s-%s\"\n  \"x\"\n  \"y\" }}\n")
case(T, "empty-file", "")
case(T, "whitespace-only-file", "   \n\n\t\n")
case(T, "literal-braces", "a: '{{ \"{{\" }} and {{ \"}}\" }}'\n")
case(T, "raw-string", "a: {{ `x\\ny` }}\n")
case(T, "raw-string-multiline", "a: |\n  {{ `first\n  second` }}\n")
case(T, "unicode-text", "a: héllo wörld ✓ 日本\n# {{ \"ü\" }}\n")
case(T, "trim-around-if", "a:\n{{- if true }}\n  - 1\n{{- end }}\n{{- if false }}\n  - 2\n{{- end }}\n  - 3\n")
case(T, "trim-in-list-block", "items:\n{{- range $i := list3 }}{{ end }}\n", values=None) if False else None
case(T, "no-trim-keeps-blank-lines", "a:\n{{ if true }}\n  - 1\n{{ end }}\n")
case(T, "trim-right-then-text", "a: {{ \"v\" -}}\n   \n  # tail\n")
case(T, "trim-left-at-start-of-file", "   \n\n{{- \"a: 1\" }}\n")
case(T, "trim-right-at-end-of-file", "a: 1\n{{ \"\" -}}\n\n   \n")
case(T, "dash-inside-string", "a: {{ \"-\" }}{{ \"- x\" }}\n")
case(T, "crlf-text", "a: 1\r\nb: 2\r\n")
case(T, "comment-then-trim-next", "{{- /* head */ -}}\na: 1\n")
case(T, "text-with-percent", "a: '100%'\n# {{ \"%d\" }}\n")
case(T, "action-with-newlines-and-trim", "a: 1\n{{-\n\"\"\n-}}\nb: 2\n")

# ---------------------------------------------------------------- lang-vars
V = "lang-vars"
case(V, "dollar-is-top", "# {{ $.Release.Name }} {{ $.Values.a }}\n", values="a: x\n")
case(V, "declare-and-print", "{{ $x := \"v\" }}# {{ $x }}\n")
case(V, "declare-prints-nothing", "# [{{ $x := 5 }}]\n")
case(V, "assign-changes", "{{ $x := 1 }}{{ $x = 2 }}# {{ $x }}\n")
case(V, "assign-prints-nothing", "{{ $x := 1 }}# [{{ $x = 2 }}] {{ $x }}\n")
case(V, "shadow-in-if", "{{ $x := 1 }}{{ if true }}{{ $x := 2 }}# in {{ $x }}\n{{ end }}# out {{ $x }}\n")
case(V, "assign-in-if-persists", "{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ end }}# {{ $x }}\n")
case(V, "assign-in-range-persists", "{{ $x := 0 }}{{ range .Values.l }}{{ $x = . }}{{ end }}# {{ $x }}\n", values="l: [a, b, c]\n")
case(V, "shadow-in-range", "{{ $x := \"out\" }}{{ range .Values.l }}{{ $x := . }}# {{ $x }}\n{{ end }}# {{ $x }}\n", values="l: [a, b]\n")
case(V, "with-var-scoped", "{{ with $v := .Values.a }}# {{ $v }}{{ end }}\n", values="a: 1\n")
case(V, "if-var-visible-in-else", "{{ if $v := .Values.a }}# yes {{ $v }}{{ else }}# no [{{ $v }}]{{ end }}\n", values="a: 0\n")
case(V, "dollar-in-range", "{{ range .Values.l }}# {{ . }} {{ $.Values.tag }}\n{{ end }}", values="l: [a, b]\ntag: t\n")
case(V, "dollar-in-with", "{{ with .Values.m }}# {{ .k }} {{ $.Values.tag }}{{ end }}\n", values="m: {k: v}\ntag: t\n")
case(V, "dollar-in-define", "{{ define \"d\" }}{{ $.k }}{{ end }}# {{ template \"d\" .Values }}\n", values="k: inner\n")
case(V, "undefined-variable", "# {{ $nope }}\n")
case(V, "outer-var-not-visible-in-define", "{{ $x := 1 }}{{ define \"d\" }}{{ $x }}{{ end }}\n")
case(V, "var-field-chain", "{{ $m := .Values.m }}# {{ $m.a.b }}\n", values="m: {a: {b: deep}}\n")
case(V, "var-nil-field-chain", "{{ $m := .Values.missing }}# [{{ $m.a }}]\n")
case(V, "var-declared-in-range-gone-after", "{{ range .Values.l }}{{ $y := . }}{{ end }}# {{ $y }}\n", values="l: [1]\n")
case(V, "range-two-vars", "{{ range $i, $v := .Values.l }}# {{ $i }}={{ $v }}\n{{ end }}", values="l: [a, b, c]\n")
case(V, "range-one-var-is-element", "{{ range $v := .Values.l }}# {{ $v }}\n{{ end }}", values="l: [a, b]\n")
case(V, "range-map-two-vars", "{{ range $k, $v := .Values.m }}# {{ $k }}={{ $v }}\n{{ end }}", values="m: {b: 2, a: 1, c: 3}\n")
case(V, "range-vars-shadow-outer", "{{ $i := \"outer\" }}{{ range $i, $v := .Values.l }}{{ end }}# {{ $i }}\n", values="l: [a]\n")
case(V, "assign-undeclared", "{{ $x = 1 }}\n")
case(V, "variable-in-pipeline-arg", "{{ $s := \"x\" }}# {{ printf \"%s-%s\" $s $s }}\n")
case(V, "dollar-reassign", "{{ $ := .Values }}# {{ $.a }}\n", values="a: v\n")
case(V, "nested-shadowing", "{{ $a := 1 }}{{ with 2 }}{{ $a := . }}{{ with 3 }}{{ $a := . }}# {{ $a }}\n{{ end }}# {{ $a }}\n{{ end }}# {{ $a }}\n")
case(V, "var-holds-map", "{{ $m := .Values.m }}{{ range $k, $v := $m }}# {{ $k }} {{ $v }}\n{{ end }}", values="m: {x: 1, y: 2}\n")

# ---------------------------------------------------------------- lang-fields
F = "lang-fields"
case(F, "deep-nesting", "# {{ .Values.a.b.c.d.e.f }}\n", values="a: {b: {c: {d: {e: {f: deep}}}}}\n")
case(F, "missing-top-key", "a: {{ .Values.missing }}\n")
case(F, "missing-nested-key-errors", "a: {{ .Values.missing.key }}\n")
case(F, "null-value", "a: {{ .Values.n1 }}\n", values="n1: null\n")
case(F, "null-value-field-errors", "a: {{ .Values.n1.x }}\n", values="n1: null\n")
case(F, "field-of-string-errors", "a: {{ .Values.s.x }}\n", values="s: str\n")
case(F, "field-of-list-errors", "a: {{ .Values.l.x }}\n", values="l: [1]\n")
case(F, "field-of-number-errors", "a: {{ .Values.num.x }}\n", values="num: 3\n")
case(F, "paren-chain", "# {{ (.Values.m).a }}\n", values="m: {a: 1}\n")
case(F, "paren-chain-missing", "# [{{ (.Values.none).a }}]\n")
case(F, "index-then-field", "# {{ (index .Values.l 0).name }}\n", values="l: [{name: first}]\n")
case(F, "field-on-dot-in-range", "{{ range .Values.l }}# {{ .name }}\n{{ end }}", values="l: [{name: a}, {name: b}]\n")
case(F, "field-on-nil-element-errors", "{{ range .Values.l }}# {{ .name }}\n{{ end }}", values="l: [null]\n")
case(F, "missing-key-in-element", "{{ range .Values.l }}# [{{ .name }}]\n{{ end }}", values="l: [{other: 1}]\n")
case(F, "empty-map", "# [{{ .Values.m }}] [{{ .Values.m.x }}]\n", values="m: {}\n")
case(F, "empty-list", "# [{{ .Values.l }}]\n", values="l: []\n")
case(F, "print-map", "# {{ .Values.m }}\n", values="m: {b: 2, a: [1, x], c: {d: null}}\n")
case(F, "print-list", "# {{ .Values.l }}\n", values="l: [1, a, null, true, 2.5, {k: v}]\n")
case(F, "print-bool", "# {{ .Values.t }} {{ .Values.f }}\n", values="t: true\nf: false\n")
case(F, "yaml11-bool-key", "# {{ .Values }}\n", values="y: 1\nn: 2\non: 3\n")
case(F, "quoted-bool-string", "# {{ .Values.s }} {{ kindIs \"string\" .Values.s }}\n" if False else "# {{ .Values.s }}\n", values="s: \"true\"\n")
case(F, "key-with-dash-via-index", "# {{ index .Values \"my-key\" }}\n", values="my-key: v\n")
case(F, "method-args-on-map-errors", "# {{ .Values.m.a 1 }}\n", values="m: {a: 1}\n")
case(F, "field-on-literal-errors", "# {{ \"s\".x }}\n")
case(F, "release-missing-field", "# [{{ .Release.Nope }}]\n")
case(F, "chart-missing-field-errors", "# {{ .Chart.Nope }}\n")
case(F, "values-field-of-top", "# {{ .Values.a }} {{ $.Values.a }}\n", values="a: 1\n")
case(F, "dot-at-top-is-map", "# {{ len . }}\n")
case(F, "nil-explicit-field", "# {{ nil.x }}\n")
case(F, "chain-after-paren-nil-errors", "# {{ (nil).x }}\n")

# ---------------------------------------------------------------- lang-if
I = "lang-if"
truthy = {"int-zero": "0", "int-one": "1", "float-zero": "0.0", "float-half": "0.5", "empty-string": "\"\"",
          "string": "x", "string-false": "\"false\"", "empty-list": "[]", "list": "[0]", "empty-map": "{}",
          "map": "{a: 0}", "null": "null", "bool-false": "false", "bool-true": "true"}
for k, v in truthy.items():
    case(I, "truth-" + k, "# {{ if .Values.v }}yes{{ else }}no{{ end }}\n", values="v: " + v + "\n")
case(I, "truth-missing", "# {{ if .Values.none }}yes{{ else }}no{{ end }}\n")
case(I, "else-if-chain", "{{ range .Values.l }}# {{ if eq . \"a\" }}A{{ else if eq . \"b\" }}B{{ else }}other{{ end }}\n{{ end }}", values="l: [a, b, c]\n")
case(I, "if-without-else", "# [{{ if false }}x{{ end }}]\n")
case(I, "nested-if", "# {{ if true }}{{ if false }}a{{ else }}b{{ end }}{{ end }}\n")
case(I, "if-literal-int", "# {{ if 0 }}a{{ else }}b{{ end }} {{ if 1 }}a{{ end }}\n")
case(I, "if-and-or", "# {{ if and .Values.a .Values.b }}both{{ else if or .Values.a .Values.b }}one{{ else }}none{{ end }}\n", values="a: 1\nb: 0\n")
case(I, "if-not", "# {{ if not .Values.a }}empty{{ end }}\n", values="a: \"\"\n")
case(I, "with-sets-dot", "# {{ with .Values.m }}{{ .k }}{{ end }}\n", values="m: {k: v}\n")
case(I, "with-else", "# {{ with .Values.none }}{{ . }}{{ else }}fallback{{ end }}\n")
case(I, "with-else-keeps-dot", "# {{ with .Values.none }}x{{ else }}{{ .Values.tag }}{{ end }}\n", values="tag: t\n")
case(I, "with-empty-list-skips", "# [{{ with .Values.l }}x{{ end }}]\n", values="l: []\n")
case(I, "with-zero-skips", "# [{{ with 0 }}x{{ end }}]\n")
case(I, "with-nested", "# {{ with .Values.a }}{{ with .b }}{{ .c }}{{ end }}{{ end }}\n", values="a: {b: {c: deep}}\n")
case(I, "else-with", "# {{ with .Values.none }}a{{ else with .Values.b }}{{ . }}{{ else }}c{{ end }}\n", values="b: bee\n")
case(I, "if-error-in-condition", "# {{ if .Values.none.x }}a{{ end }}\n")
case(I, "missing-end", "{{ if true }}a\n")
case(I, "extra-end", "{{ end }}\n")
case(I, "else-outside", "{{ else }}\n")
case(I, "if-whitespace-yaml", "spec:\n  {{- if .Values.on }}\n  enabled: true\n  {{- else }}\n  enabled: false\n  {{- end }}\n  name: x\n", values="on: true\n")
case(I, "if-pipeline-value", "# {{ if .Values.l | len }}has{{ end }}\n", values="l: [1]\n")
case(I, "if-declare-in-condition", "# {{ if $x := .Values.a }}{{ $x }}{{ end }}\n", values="a: val\n")
case(I, "if-compare-missing-string", "# {{ if eq .Values.none \"x\" }}a{{ else }}b{{ end }}\n")
case(I, "with-map-then-else-if", "# {{ if .Values.none }}a{{ else if .Values.m }}{{ .Values.m.k }}{{ end }}\n", values="m: {k: 1}\n")

# ---------------------------------------------------------------- lang-range
R = "lang-range"
case(R, "list", "{{ range .Values.l }}# {{ . }}\n{{ end }}", values="l: [a, b, c]\n")
case(R, "map-sorted-keys", "{{ range $k, $v := .Values.m }}# {{ $k }}: {{ $v }}\n{{ end }}", values="m: {zeta: 1, Alpha: 2, alpha: 3, \"10\": 4, \"9\": 5, _u: 6}\n")
case(R, "map-values-only", "{{ range .Values.m }}# {{ . }}\n{{ end }}", values="m: {b: 2, a: 1}\n")
case(R, "integer", "# {{ range 3 }}{{ . }}{{ end }}\n")
case(R, "integer-zero-else", "# {{ range 0 }}x{{ else }}none{{ end }}\n")
case(R, "integer-two-vars-error", "# {{ range $i, $v := 3 }}{{ end }}\n")
case(R, "else-on-empty-list", "# {{ range .Values.l }}x{{ else }}empty{{ end }}\n", values="l: []\n")
case(R, "else-on-empty-map", "# {{ range .Values.m }}x{{ else }}empty{{ end }}\n", values="m: {}\n")
case(R, "else-on-missing", "# {{ range .Values.none }}x{{ else }}empty{{ end }}\n")
case(R, "over-string-error", "# {{ range .Values.s }}x{{ end }}\n", values="s: abc\n")
case(R, "over-float-error", "# {{ range .Values.f }}x{{ end }}\n", values="f: 3\n")
case(R, "over-bool-error", "# {{ range true }}x{{ end }}\n")
case(R, "break", "# {{ range .Values.l }}{{ if eq . \"c\" }}{{ break }}{{ end }}{{ . }}{{ end }}\n", values="l: [a, b, c, d]\n")
case(R, "continue", "# {{ range .Values.l }}{{ if eq . \"b\" }}{{ continue }}{{ end }}{{ . }}{{ end }}\n", values="l: [a, b, c]\n")
case(R, "break-outside-range", "# {{ break }}\n")
case(R, "continue-outside-range", "# {{ if true }}{{ continue }}{{ end }}\n")
case(R, "break-in-nested", "{{ range $o := .Values.l }}# {{ range .Values.none }}{{ end }}{{ range $.Values.l }}{{ if eq . \"b\" }}{{ break }}{{ end }}{{ . }}{{ end }}\n{{ end }}", values="l: [a, b]\n")
case(R, "nested-ranges-dollar", "{{ range .Values.outer }}{{ range $.Values.inner }}# {{ . }}\n{{ end }}{{ end }}", values="outer: [1, 2]\ninner: [x, y]\n")
case(R, "nested-ranges-vars", "{{ range $i, $a := .Values.outer }}{{ range $j, $b := $.Values.inner }}# {{ $i }}{{ $j }} {{ $a }}{{ $b }}\n{{ end }}{{ end }}", values="outer: [p, q]\ninner: [x, y]\n")
case(R, "list-of-maps", "items:\n{{- range .Values.l }}\n  - name: {{ .name }}\n    port: {{ .port }}\n{{- end }}\n", values="l: [{name: a, port: 80}, {name: b, port: 443}]\n")
case(R, "index-var-is-int", "{{ range $i, $v := .Values.l }}# {{ $i }} {{ eq $i 1 }}\n{{ end }}", values="l: [a, b]\n")
case(R, "range-with-nil-elements", "{{ range .Values.l }}# [{{ . }}]\n{{ end }}", values="l: [null, 1, null]\n")
case(R, "range-nested-lists", "{{ range .Values.l }}# {{ range . }}{{ . }},{{ end }}\n{{ end }}", values="l: [[1, 2], [3]]\n")
case(R, "range-map-of-maps", "{{ range $k, $v := .Values.m }}# {{ $k }}={{ $v.x }}\n{{ end }}", values="m: {b: {x: 2}, a: {x: 1}}\n")
case(R, "range-unicode-keys", "{{ range $k, $v := .Values.m }}# {{ $k }}={{ $v }}\n{{ end }}", values="m: {\"é\": 1, \"z\": 2, \"A\": 3, \"日\": 4}\n")
case(R, "range-pipeline", "{{ range $i, $c := .Values.l | len | until }}{{ end }}" if False else "{{ range (index .Values \"l\") }}# {{ . }}\n{{ end }}", values="l: [1, 2]\n")
case(R, "range-too-many-vars", "# {{ range $a, $b, $c := .Values.l }}{{ end }}\n", values="l: [1]\n")
case(R, "range-dot-restored", "{{ range .Values.l }}{{ end }}# {{ .Values.tag }}\n", values="l: [1]\ntag: t\n")
case(R, "continue-with-else", "# {{ range .Values.l }}{{ continue }}{{ else }}empty{{ end }}done\n", values="l: [1, 2]\n")
case(R, "range-integer-var", "# {{ range $i := 4 }}{{ $i }}{{ end }}\n")

# ---------------------------------------------------------------- lang-define
D = "lang-define"
case(D, "define-template", "{{ define \"x\" }}hello{{ end }}# {{ template \"x\" }}\n")
case(D, "define-with-dot", "{{ define \"x\" }}{{ .a }}{{ end }}# {{ template \"x\" .Values }}\n", values="a: v\n")
case(D, "template-no-dot-is-nil", "{{ define \"x\" }}[{{ . }}]{{ end }}# {{ template \"x\" }}\n")
case(D, "nested-defines", "{{ define \"outer\" }}<{{ template \"inner\" . }}>{{ end }}{{ define \"inner\" }}{{ .a }}{{ end }}# {{ template \"outer\" .Values }}\n", values="a: in\n")
case(D, "define-in-partial", {"_helpers.tpl": "{{ define \"h\" }}from-helper{{ end }}", "t.yaml": "# {{ template \"h\" }}\n"})
case(D, "partial-output-not-printed", {"_p.yaml": "a: 1\n", "t.yaml": "b: 2\n"})
case(D, "block-default", "# {{ block \"b\" . }}default{{ end }}\n")
case(D, "block-overridden", {"_o.tpl": "{{ define \"b\" }}override{{ end }}", "t.yaml": "# {{ block \"b\" . }}default{{ end }}\n"})
case(D, "template-not-defined", "# {{ template \"nope\" }}\n")
case(D, "define-whitespace-trim", "{{- define \"x\" -}}\n  value\n{{- end -}}\n# {{ template \"x\" }}\n")
case(D, "define-later-file-wins", {"a.yaml": "{{ define \"d\" }}from-a{{ end }}# a {{ template \"d\" }}\n", "b.yaml": "{{ define \"d\" }}from-b{{ end }}# b {{ template \"d\" }}\n"})
case(D, "define-deeper-path-loses", {"sub/x.yaml": "{{ define \"d\" }}deep{{ end }}# deep {{ template \"d\" }}\n", "t.yaml": "{{ define \"d\" }}top{{ end }}# top {{ template \"d\" }}\n"})
case(D, "empty-define-does-not-replace", {"a.yaml": "{{ define \"d\" }}full{{ end }}# {{ template \"d\" }}\n", "b.yaml": "{{ define \"d\" }}{{ end }}# b\n"})
case(D, "duplicate-define-same-file", "{{ define \"d\" }}1{{ end }}{{ define \"d\" }}2{{ end }}\n")
case(D, "define-not-at-top-level", "{{ if true }}{{ define \"d\" }}x{{ end }}{{ end }}\n")
case(D, "template-with-pipeline", "{{ define \"x\" }}{{ . }}{{ end }}# {{ template \"x\" printf \"%s!\" \"hi\" }}\n")
case(D, "recursive-template", "{{ define \"r\" }}{{ if . }}{{ index . 0 }}{{ template \"r\" (slice . 1) }}{{ end }}{{ end }}# {{ template \"r\" .Values.l }}\n" if False else "{{ define \"r\" }}{{ if gt . 0 }}{{ . }}{{ template \"r\" (len (slice \"xxxxxxxxxxxx\" 0 .)) }}{{ end }}{{ end }}# x\n", values=None)
case(D, "include-define", "{{ define \"x\" }}{{ .a }}{{ end }}# {{ include \"x\" .Values }}\n", values="a: v\n")
case(D, "include-missing", "# {{ include \"nope\" . }}\n")
case(D, "include-recursion-limit", "{{ define \"a\" }}{{ include \"a\" . }}{{ end }}# {{ include \"a\" . }}\n")
case(D, "include-result-in-pipeline", "{{ define \"x\" }}abc{{ end }}# {{ include \"x\" . | len }}\n")
case(D, "include-keeps-no-value-text", "{{ define \"x\" }}{{ .none }}{{ end }}# {{ include \"x\" .Values | len }}\n")
case(D, "template-error-location", {"_h.tpl": "{{ define \"bad\" }}\n\n  {{ .x.y }}\n{{ end }}", "t.yaml": "# {{ template \"bad\" .Values }}\n"})
case(D, "include-error-location", {"_h.tpl": "{{ define \"bad\" }}\n  {{ .x.y }}\n{{ end }}", "t.yaml": "a: 1\n# {{ include \"bad\" .Values }}\n"})
case(D, "define-uses-own-dollar", "{{ define \"x\" }}{{ $.a }}{{ end }}# {{ include \"x\" .Values }}\n", values="a: own\n")
case(D, "define-in-subfolder", {"sub/_h.tpl": "{{ define \"h\" }}sub{{ end }}", "t.yaml": "# {{ include \"h\" . }}\n"})
case(D, "template-in-range", "{{ define \"item\" }}- {{ . }}\n{{ end }}l:\n{{ range .Values.l }}{{ template \"item\" . }}{{ end }}", values="l: [a, b]\n")
case(D, "block-in-partial-and-override", {"_a.tpl": "{{ block \"blk\" . }}from-block{{ end }}", "t.yaml": "# {{ template \"blk\" . }}\n"})
case(D, "define-name-raw-string", "{{ define `raw` }}r{{ end }}# {{ template `raw` }}\n")
case(D, "define-name-not-string", "{{ define x }}{{ end }}\n")

# ---------------------------------------------------------------- lang-builtins
B = "lang-builtins"
case(B, "and-returns-value", "# {{ and 1 \"x\" }} {{ and 1 0 2 }} {{ and \"\" 1 }}\n")
case(B, "or-returns-value", "# {{ or 0 \"\" \"x\" }} {{ or 0 \"\" }} {{ or \"a\" \"b\" }}\n")
case(B, "and-short-circuit", "# {{ and false (fail \"never\") }}\n")
case(B, "or-short-circuit", "# {{ or true (fail \"never\") }}\n")
case(B, "and-no-args", "# {{ and }}\n")
case(B, "and-pipeline-final", "# {{ 0 | and 1 }} {{ \"x\" | or 0 }}\n")
case(B, "not", "# {{ not 0 }} {{ not 1 }} {{ not \"\" }} {{ not .Values.none }}\n")
case(B, "len-string-bytes", "# {{ len \"héllo\" }} {{ len \"日本\" }} {{ len \"\" }}\n")
case(B, "len-list-map", "# {{ len .Values.l }} {{ len .Values.m }}\n", values="l: [1, 2, 3]\nm: {a: 1}\n")
case(B, "len-nil-map-value", "# {{ len .Values.none }}\n")
case(B, "len-nil-variable", "{{ $x := .Values.none }}# {{ len $x }}\n")
case(B, "len-number-error", "# {{ len 3 }}\n")
case(B, "index-list", "# {{ index .Values.l 1 }}\n", values="l: [a, b, c]\n")
case(B, "index-map", "# {{ index .Values.m \"k\" }} [{{ index .Values.m \"none\" }}]\n", values="m: {k: v}\n")
case(B, "index-nested", "# {{ index .Values.m \"l\" 1 \"x\" }}\n", values="m: {l: [{x: 0}, {x: 1}]}\n")
case(B, "index-out-of-range", "# {{ index .Values.l 5 }}\n", values="l: [a]\n")
case(B, "index-at-length", "# {{ index .Values.l 1 }}\n", values="l: [a]\n")
case(B, "index-negative", "# {{ index .Values.l -1 }}\n", values="l: [a]\n")
case(B, "index-float-error", "# {{ index .Values.l .Values.i }}\n", values="l: [a, b]\ni: 1\n")
case(B, "index-string", "# {{ index \"abc\" 1 }}\n")
case(B, "index-nil", "# {{ index .Values.none 0 }}\n")
case(B, "index-no-keys", "# {{ index .Values.m }}\n", values="m: {a: 1}\n")
case(B, "index-map-with-int-error", "# {{ index .Values.m 1 }}\n", values="m: {a: 1}\n")
case(B, "index-number-error", "# {{ index 5 1 }}\n")
case(B, "print-spacing", "# {{ print \"a\" \"b\" }} {{ print 1 2 }} {{ print \"a\" 1 2 \"b\" }} {{ print 1 \"a\" 2 }}\n")
case(B, "print-nil", "# {{ print nil }} {{ print .Values.none }}\n")
case(B, "println", "{{ println \"a\" 1 | printf \"# %q\" }}\n")
case(B, "printf-verbs", "# {{ printf \"%s|%d|%v|%q|%t|%x|%5.2f|%-6s|%03d|%%\" \"s\" 42 .Values.m \"q\" true 255 3.14159 \"ab\" 7 }}\n", values="m: {a: 1}\n")
case(B, "printf-float-values", "# {{ printf \"%v %d %s\" .Values.f .Values.f .Values.f }}\n", values="f: 3\n")
case(B, "printf-missing-args", "# {{ printf \"%s %s\" \"a\" }}\n")
case(B, "printf-extra-args", "# {{ printf \"%s\" \"a\" \"b\" }}\n")
case(B, "printf-non-string-format", "# {{ printf 1 }}\n")
case(B, "eq-types", "# {{ eq 1 1 }} {{ eq \"a\" \"a\" }} {{ eq true false }} {{ eq 1.5 1.5 }} {{ eq .Values.f 2.0 }}\n", values="f: 2\n")
case(B, "eq-multi", "# {{ eq \"b\" \"a\" \"b\" \"c\" }} {{ eq 3 1 2 }}\n")
case(B, "eq-int-float-error", "# {{ eq .Values.f 2 }}\n", values="f: 2\n")
case(B, "eq-string-int-error", "# {{ eq \"1\" 1 }}\n")
case(B, "eq-nil-string", "# {{ eq .Values.none \"x\" }} {{ eq \"x\" .Values.none }} {{ eq nil nil }}\n")
case(B, "eq-missing-arg", "# {{ eq 1 }}\n")
case(B, "eq-map-error", "# {{ eq .Values.m .Values.m }}\n", values="m: {a: 1}\n")
case(B, "ne", "# {{ ne 1 2 }} {{ ne \"a\" \"a\" }}\n")
case(B, "lt-le-gt-ge", "# {{ lt 1 2 }} {{ le 2 2 }} {{ gt 3 2 }} {{ ge 1 2 }} {{ lt \"a\" \"b\" }} {{ gt 1.5 1.25 }}\n")
case(B, "lt-nil-error", "# {{ lt .Values.none 1 }}\n")
case(B, "lt-bool-error", "# {{ lt true false }}\n")
case(B, "lt-mixed-error", "# {{ lt 1 1.5 }}\n")
case(B, "gt-values-float", "# {{ gt .Values.f 1.0 }}\n", values="f: 2\n")
case(B, "html", "# {{ html \"<a href='x'>\\\"&\\\"</a>\" }} {{ html 1 2 }}\n")
case(B, "js", "# {{ js \"it's \\\"q\\\" <x> & y=z \\\\ é\" }}\n")
case(B, "urlquery", "# {{ urlquery \"a b&c=d/é?\" }} {{ urlquery \"x\" 1 }}\n")
case(B, "call-non-function", "# {{ call .Values.f }}\n", values="f: 1\n")
case(B, "pipeline-final-arg", "# {{ \"x\" | printf \"%s-%s\" \"a\" }}\n")
case(B, "pipeline-chain", "# {{ \"abc\" | len | printf \"%03d\" }}\n")
case(B, "parenthesized-args", "# {{ printf \"%d\" (len (index .Values \"l\")) }}\n", values="l: [1, 2]\n")
case(B, "non-executable-pipeline-stage", "# {{ 1 | 2 }}\n")
case(B, "nil-is-not-command", "# {{ nil }}\n")
case(B, "arg-to-non-function", "# {{ .Values.a 1 }}\n", values="a: 1\n")
case(B, "function-not-defined", "# {{ nosuchfunc 1 }}\n")
case(B, "wrong-arg-count-not", "# {{ not 1 2 }}\n")
case(B, "wrong-arg-count-len", "# {{ len }}\n")
case(B, "empty-action", "# {{ }}\n")
case(B, "printf-nil-arg", "# {{ printf \"%v|%s|%d\" nil nil nil }}\n")
case(B, "print-bytes-like", "# {{ print .Values.l }}\n", values="l: [1, 2]\n")

# ---------------------------------------------------------------- lang-numbers
N = "lang-numbers"
nums = {"int": "42", "negative": "-7", "zero": "0", "float": "1.5", "million": "1000000", "ten-million": "10000000",
        "big-int": "12345678901", "hundred-thousand": "100000", "small": "0.0001", "tiny": "0.00001",
        "exp": "1e21", "exp-small": "1e-7", "float-int": "3.0", "many-digits": "3.141592653589793",
        "neg-float": "-0.5", "huge": "1.7976931348623157e308", "int-like-string": "\"1000000\"",
        "octal-like": "0755", "hex-like": "0x1F", "underscore": "1_000", "exp-upper": "2E3", "twenty-one-digits": "123456789012345678901"}
for k, v in nums.items():
    case(N, "value-" + k, "# {{ .Values.x }}\n", values="x: " + v + "\n")
literals = {"int": "42", "float": "1.5", "float-int": "1.0", "exp": "1e3", "hex": "0x10", "octal": "012", "octal-o": "0o12",
            "binary": "0b101", "char": "'a'", "underscore": "1_000", "leading-dot": ".5", "plus": "+5", "minus": "-5",
            "big": "9223372036854775807", "hex-float": "0x1p4", "unicode-char": "'é'", "escape-char": "'\\n'"}
for k, v in literals.items():
    case(N, "literal-" + k, "# {{ " + v + " }}\n")
case(N, "literal-overflow", "# {{ 9223372036854775808 }}\n")
case(N, "literal-bad-number", "# {{ 12abc }}\n")
case(N, "literal-bad-syntax", "# {{ 1..2 }}\n")
case(N, "printf-d-of-values", "# {{ printf \"%d\" .Values.x }}\n", values="x: 5\n")
case(N, "printf-g-of-values", "# {{ printf \"%g %e %.3f\" .Values.x .Values.x .Values.x }}\n", values="x: 1234.5678\n")
case(N, "set-int-is-int64", "# {{ .Values.x }} {{ printf \"%T\" .Values.x }}\n", spec="set:\n  x: 1000000\n")
case(N, "set-float-is-string", "# {{ .Values.x }} {{ printf \"%T\" .Values.x }}\n", spec="set:\n  x: \"1.5\"\n")
case(N, "values-number-type", "# {{ printf \"%T %T %T\" .Values.a .Values.b .Values.c }}\n", values="a: 1\nb: 1.5\nc: \"1\"\n")
case(N, "compare-values-floats", "# {{ lt .Values.a .Values.b }} {{ eq .Values.a 1.0 }}\n", values="a: 1\nb: 2\n")
case(N, "range-over-values-int", "# {{ range .Values.x }}{{ . }}{{ end }}\n", values="x: 2\n")
case(N, "literal-int-type", "# {{ printf \"%T %T %T %T\" 1 1.0 'a' 1e3 }}\n")
case(N, "negative-zero", "# {{ .Values.x }}\n", values="x: -0.0\n")
case(N, "infinity-value", "# {{ .Values.x }}\n", values="x: .inf\n")
case(N, "nan-value", "# {{ .Values.x }}\n", values="x: .nan\n")

# ---------------------------------------------------------------- lang-errors (parse errors)
E = "lang-errors"
case(E, "unclosed-action", "a: {{ .Values.x\n")
case(E, "unclosed-action-multiline", "a: {{ .Values.x\nb: 1\nc: 2\n")
case(E, "unterminated-string", "a: {{ \"abc }}\n")
case(E, "unterminated-raw-string", "a: {{ `abc }}\n")
case(E, "unclosed-comment", "a: {{/* abc \n")
case(E, "comment-no-close-delim", "a: {{/* abc */ }}\n")
case(E, "unexpected-right-paren", "a: {{ ) }}\n")
case(E, "unclosed-paren", "a: {{ (len \"x\" }}\n")
case(E, "unexpected-eof-in-if", "a: 1\n{{ if true }}\nb: 2\n")
case(E, "expected-end-got-else", "{{ if true }}a{{ else }}b{{ else }}c{{ end }}\n")
case(E, "bad-character", "a: {{ .Values.x# }}\n")
case(E, "unexpected-token", "a: {{ .Values.x := 1 }}\n")
case(E, "missing-value-for-if", "{{ if }}x{{ end }}\n")
case(E, "missing-value-for-range", "{{ range }}x{{ end }}\n")
case(E, "bad-comma", "{{ $a, $b := 1 }}\n")
case(E, "parse-error-second-line", "a: 1\nb: {{ nosuch }}\n")
case(E, "error-line-col-after-unicode", "a: ééé {{ .Values.none.x }}\n")
case(E, "error-on-third-line", "a: 1\nb: 2\nc: {{ .Values.none.x }}\n")
case(E, "error-context-truncated", "a: {{ .Values.aVeryLongValueName.another.andMore }}\n")
case(E, "error-percent-in-context", "a: {{ printf \"%d\" .Values.none.x }}\n")
case(E, "error-in-second-file-order", {"a.yaml": "a: {{ .Values.none.x }}\n", "b.yaml": "b: {{ .Values.none.y }}\n"})
case(E, "error-in-notes", {"NOTES.txt": "{{ .Values.none.x }}", "t.yaml": "a: 1\n"})
case(E, "error-in-partial-only-if-used", {"_p.tpl": "{{ .Values.none.x }}", "t.yaml": "a: 1\n"})
case(E, "required-missing", "a: {{ required \"a is required\" .Values.a }}\n")
case(E, "required-empty-string", "a: {{ required \"a is required\" .Values.a }}\n", values="a: \"\"\n")
case(E, "required-zero-passes", "a: {{ required \"a is required\" .Values.a }}\n", values="a: 0\n")
case(E, "required-false-passes", "a: {{ required \"a is required\" .Values.a }}\n", values="a: false\n")
case(E, "required-in-include", {"_h.tpl": "{{ define \"r\" }}\n{{ required \"need x\" .Values.x }}\n{{ end }}", "t.yaml": "a: 1\nb: {{ include \"r\" . }}\n"})
case(E, "fail-message", "{{ fail \"stop: here\" }}\n")
case(E, "fail-in-nested-include", {"_h.tpl": "{{ define \"o\" }}{{ include \"i\" . }}{{ end }}{{ define \"i\" }}{{ fail \"inner failure\" }}{{ end }}", "t.yaml": "a: 1\n\n  {{ include \"o\" . }}\n"})
case(E, "fail-with-format-chars", "{{ fail \"100% sure %s\" }}\n")
case(E, "required-wrong-arity", "a: {{ required \"x\" }}\n")
case(E, "tpl-error", "a: {{ tpl \"{{ .Values.none.x }}\" . }}\n")
case(E, "tpl-parse-error", "a: {{ tpl \"{{ nosuch }}\" . }}\n")
case(E, "tpl-fail", "a: {{ tpl \"{{ fail \\\"from tpl\\\" }}\" . }}\n")
case(E, "yaml-invalid-output", "a: b: c\n")
case(E, "yaml-scalar-document", "just a string\n")
case(E, "yaml-list-document", "- a\n- b\n")
case(E, "yaml-kind-not-string", "kind: 5\n")
case(E, "else-if-bad", "{{ if true }}a{{ else nosuch }}b{{ end }}\n")
case(E, "template-name-missing", "{{ template }}\n")

# ---------------------------------------------------------------- lang-tpl
P = "lang-tpl"
case(P, "tpl-basic", "a: {{ tpl \"{{ .Values.name }}\" . }}\n", values="name: world\n")
case(P, "tpl-from-values", "a: {{ tpl .Values.t . }}\n", values="t: \"{{ .Release.Name }}-x\"\nname: n\n")
case(P, "tpl-define-and-include", "a: {{ tpl \"{{ define \\\"q\\\" }}Q{{ end }}{{ include \\\"q\\\" . }}\" . }}\n")
case(P, "tpl-define-not-leaking", "a: {{ tpl \"{{ define \\\"q\\\" }}Q{{ end }}\" . }}\nb: {{ include \"q\" . }}\n")
case(P, "tpl-sees-chart-defines", {"_h.tpl": "{{ define \"h\" }}helper{{ end }}", "t.yaml": "a: {{ tpl \"{{ include \\\"h\\\" . }}\" . }}\n"})
case(P, "tpl-no-value-removed", "a: [{{ tpl \"{{ .Values.none }}\" . }}]\n")
case(P, "tpl-number-printing", "a: {{ tpl \"{{ .Values.big }}\" . }}\n", values="big: 1000000\n")
case(P, "tpl-nested", "a: {{ tpl \"{{ tpl \\\"{{ .Values.x }}\\\" . }}\" . }}\n", values="x: deep\n")
case(P, "tpl-with-scope", "a: {{ tpl \"{{ .x }}\" .Values.m }}\n", values="m: {x: scoped}\n")
case(P, "tpl-dollar", "a: {{ tpl \"{{ $.x }}\" .Values.m }}\n", values="m: {x: dollar}\n")
case(P, "tpl-template-name", "a: {{ tpl \"{{ .Template.Name }}\" . }}\n")
case(P, "include-in-tpl-recursion", "{{ define \"x\" }}{{ tpl \"{{ include \\\"x\\\" . }}\" . }}{{ end }}a: {{ include \"x\" . }}\n")

# ---------------------------------------------------------------- lang-unicode
U = "lang-unicode"
case(U, "values-unicode", "a: {{ .Values.s }}\n", values="s: \"日本語 ✓ café\"\n")
case(U, "emoji", "a: {{ .Values.s }} {{ len .Values.s }}\n", values="s: \"😀\"\n")
case(U, "printf-q-unicode", "# {{ printf \"%q\" .Values.s }}\n", values="s: \"é\\t😀\\u0001\"\n")
case(U, "index-unicode-byte", "# {{ index \"é\" 0 }}\n")
case(U, "unicode-template-name", "{{ define \"ü\" }}umlaut{{ end }}# {{ template \"ü\" }}\n")
case(U, "unicode-keys-range", "{{ range $k, $v := .Values }}# {{ $k }}\n{{ end }}", values="\"ä\": 1\n\"a\": 2\n\"z\": 3\n\"Z\": 4\n")
case(U, "unicode-in-error", "# ✓ {{ .Values.none.ü }}\n")
case(U, "html-unicode", "# {{ html \"ü<\" }} {{ urlquery \"ü\" }}\n")
case(U, "unicode-field-name", "# {{ .Values.größe }}\n", values="größe: 5\n")
case(U, "unicode-whitespace-trim", "a: 1\n\u00a0{{- \"\" }}\n")

# ---------------------------------------------------------------- pipeline-output
O = "pipeline-output"
case(O, "kind-order", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: s\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: n\n---\napiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  name: p\n")
case(O, "unknown-kinds-alphabetical", "kind: Zeta\nmetadata:\n  name: z\n---\nkind: Alpha\nmetadata:\n  name: a\n---\nkind: Service\nmetadata:\n  name: s\n---\nkind: alpha\nmetadata:\n  name: lower\n")
case(O, "stable-within-kind", {"b.yaml": "kind: Service\nmetadata:\n  name: b1\n---\nkind: Service\nmetadata:\n  name: b2\n", "a.yaml": "kind: Service\nmetadata:\n  name: a1\n"})
case(O, "file-order-by-path", {"z.yaml": "kind: X\nmetadata:\n  name: z\n", "a.yaml": "kind: X\nmetadata:\n  name: a\n", "sub/m.yaml": "kind: X\nmetadata:\n  name: m\n", "B.yaml": "kind: X\nmetadata:\n  name: B\n"})
case(O, "empty-documents-dropped", "---\n---\na: 1\n---\n\n---\nb: 2\n---\n")
case(O, "comment-only-document", "# only a comment\n---\na: 1\n")
case(O, "document-trimmed", "\n\n   a: 1\n   \n\n")
case(O, "separator-with-trailing-text", "a: 1\n--- # comment\nb: 2\n")
case(O, "separator-inside-block-scalar", "a: |\n  x\n  ---\n  y\n")
case(O, "separator-no-newline-before", "a: 1\n---b: 2\n")
case(O, "whitespace-only-output", "{{ if false }}a: 1{{ end }}\n\n   \n")
case(O, "no-value-removed", "a: {{ .Values.none }}\nb: x{{ .Values.none }}y\n")
case(O, "no-value-literal-removed", "a: \"<no value>\"\nb: '{{ \"<no value>\" }}'\n")
case(O, "notes-not-printed", {"NOTES.txt": "Thanks for installing {{ .Release.Name }}\n", "t.yaml": "a: 1\n"})
case(O, "partials-not-printed", {"_helpers.tpl": "{{ define \"x\" }}y{{ end }}\nkind: Junk\n", "t.yaml": "a: {{ include \"x\" . }}\n"})
case(O, "hook-not-printed", "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: hook\n  annotations:\n    helm.sh/hook: pre-install\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\n")
case(O, "test-hook-not-printed", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: t\n  annotations:\n    \"helm.sh/hook\": test\n")
case(O, "other-annotations-printed", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  annotations:\n    a: b\n")
case(O, "templates-subfolders", {"sub/deep/x.yaml": "kind: ConfigMap\nmetadata:\n  name: deep\n", "t.yaml": "kind: ConfigMap\nmetadata:\n  name: top\n"})
case(O, "non-yaml-extension", {"x.txt": "a: from-txt\n", "y.json": "{\"b\": 1}\n", "t.yaml": "c: 1\n"})
case(O, "no-templates-output", "{{/* nothing */}}")
case(O, "multiple-docs-one-file", "a: 1\n---\nb: 2\n---\nc: 3\n")
case(O, "leading-separator", "---\na: 1\n")
case(O, "document-start-marker-with-spaces", "a: 1\n---   \nb: 2\n")
case(O, "yaml-duplicate-keys-pass", "a: 1\na: 2\n")
case(O, "windows-line-endings", "a: 1\r\n---\r\nb: 2\r\n")
case(O, "tabs-in-output", "a: \"x\ty\"\n")
case(O, "long-document", "items:\n{{- range $i := until 3 }}{{ end }}\n" if False else "items:\n{{- range .Values.l }}\n  - {{ . }}\n{{- end }}\n", values="l: [" + ", ".join(str(i) for i in range(60)) + "]\n")
case(O, "hook-in-list-document", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  annotations:\n    helm.sh/hook-weight: \"5\"\n")
case(O, "kind-ordering-full", "\n---\n".join("kind: %s\nmetadata:\n  name: n%d" % (k, i) for i, k in enumerate(["APIService", "Ingress", "IngressClass", "CronJob", "Job", "StatefulSet", "HorizontalPodAutoscaler", "Deployment", "ReplicaSet", "ReplicationController", "Pod", "DaemonSet", "Service", "RoleBindingList", "RoleBinding", "RoleList", "Role", "ClusterRoleBindingList", "ClusterRoleBinding", "ClusterRoleList", "ClusterRole", "CustomResourceDefinition", "PersistentVolumeClaim", "PersistentVolume", "StorageClass", "ConfigMap", "SecretList", "Secret", "ServiceAccount", "PodDisruptionBudget", "PodSecurityPolicy", "LimitRange", "ResourceQuota", "NetworkPolicy", "Namespace", "PriorityClass", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "Unknown"])) + "\n")

# ---------------------------------------------------------------- pipeline-objects: .Release .Chart .Capabilities .Template .Files
J = "pipeline-objects"
case(J, "release-fields", "# {{ .Release.Name }} {{ .Release.Namespace }} {{ .Release.IsInstall }} {{ .Release.IsUpgrade }} {{ .Release.Revision }} {{ .Release.Service }}\n", spec="release: my-rel\nnamespace: my-ns\n")
case(J, "release-default-namespace", "# {{ .Release.Namespace }}\n")
case(J, "release-print", "# {{ .Release }}\n")
case(J, "chart-fields", "# {{ .Chart.Name }} {{ .Chart.Version }} {{ .Chart.AppVersion }} {{ .Chart.Description }} {{ .Chart.Type }} {{ .Chart.APIVersion }} {{ .Chart.KubeVersion }}\n",
     chart="apiVersion: v2\nname: mychart\nversion: 1.2.3\nappVersion: \"4.5\"\ndescription: A chart\ntype: application\nkubeVersion: \">=1.20.0-0\"\n")
case(J, "chart-lists", "# {{ .Chart.Keywords }} {{ .Chart.Sources }} {{ len .Chart.Maintainers }} {{ .Chart.Home }}\n",
     chart="apiVersion: v2\nname: c\nversion: 0.1.0\nkeywords: [a, b]\nsources: [https://x]\nmaintainers:\n  - name: me\nhome: https://h\n")
case(J, "chart-empty-lists", "# {{ .Chart.Keywords }} {{ .Chart.Annotations }} [{{ .Chart.AppVersion }}] {{ .Chart.Deprecated }}\n")
case(J, "chart-annotations", "# {{ .Chart.Annotations }} {{ index .Chart.Annotations \"a\" }}\n", chart="apiVersion: v2\nname: c\nversion: 0.1.0\nannotations:\n  a: one\n  b: two\n")
case(J, "chart-is-root", "# {{ .Chart.IsRoot }}\n")
case(J, "template-name-basepath", {"t.yaml": "# {{ .Template.Name }} {{ .Template.BasePath }}\n", "sub/u.yaml": "# {{ .Template.Name }} {{ .Template.BasePath }}\n"})
case(J, "template-name-in-include", {"_h.tpl": "{{ define \"n\" }}{{ .Template.Name }}{{ end }}", "t.yaml": "# {{ include \"n\" . }}\n"})
case(J, "capabilities-kube", "# {{ .Capabilities.KubeVersion }} {{ .Capabilities.KubeVersion.Version }} {{ .Capabilities.KubeVersion.Major }} {{ .Capabilities.KubeVersion.Minor }} {{ .Capabilities.KubeVersion.GitVersion }}\n")
case(J, "capabilities-kube-custom", "# {{ .Capabilities.KubeVersion }} {{ .Capabilities.KubeVersion.Minor }}\n", spec="kubeVersion: v1.29.4\n")
case(J, "capabilities-api-has", "# {{ .Capabilities.APIVersions.Has \"apps/v1\" }} {{ .Capabilities.APIVersions.Has \"policy/v1\" }} {{ .Capabilities.APIVersions.Has \"autoscaling/v2\" }} {{ .Capabilities.APIVersions.Has \"nope/v9\" }} {{ .Capabilities.APIVersions.Has \"apps/v1/Deployment\" }}\n")
case(J, "capabilities-semver-compare", "# {{ if ge (int .Capabilities.KubeVersion.Minor) 27 }}new{{ end }}\n" if False else "# {{ if eq .Capabilities.KubeVersion.Major \"1\" }}one{{ end }}\n")
case(J, "files-get", "# {{ .Files.Get \"data/a.txt\" | printf \"%q\" }} [{{ .Files.Get \"missing\" }}]\n", files={"data/a.txt": "line1\nline2\n"})
case(J, "files-lines", "{{ range .Files.Lines \"data/a.txt\" }}# {{ . }}\n{{ end }}# {{ len (.Files.Lines \"missing\") }}\n", files={"data/a.txt": "one\ntwo\nthree\n"})
case(J, "files-getbytes", "# {{ len (.Files.GetBytes \"data/a.txt\") }}\n", files={"data/a.txt": "héllo"})
case(J, "files-glob-count", "# {{ len (.Files.Glob \"data/*.txt\") }} {{ len (.Files.Glob \"**.txt\") }} {{ len (.Files.Glob \"data/{a,b}.txt\") }}\n", files={"data/a.txt": "a", "data/b.txt": "b", "data/c.md": "c", "other/d.txt": "d"})
case(J, "files-helmignore", "# [{{ .Files.Get \"secret.txt\" }}] [{{ .Files.Get \"keep.txt\" }}] [{{ .Files.Get \"ignored/x.txt\" }}]\n", files={".helmignore": "secret.txt\nignored/\n", "secret.txt": "s", "keep.txt": "k", "ignored/x.txt": "x"})
case(J, "files-not-templates-or-values", "# [{{ .Files.Get \"values.yaml\" }}] [{{ .Files.Get \"Chart.yaml\" }}] [{{ .Files.Get \"templates/t.yaml\" | len }}]\n", values="a: 1\n")
case(J, "values-print-top", "# {{ .Values }}\n", values="b: 2\na: {x: [1, 2]}\n")
case(J, "capabilities-helm-version-type", "# {{ printf \"%T\" .Capabilities.HelmVersion }}\n")
case(J, "capabilities-helm-version", "# {{ .Capabilities.HelmVersion }}\n# {{ .Capabilities.HelmVersion.Version }} {{ .Capabilities.HelmVersion.GoVersion }} {{ .Capabilities.HelmVersion.GitTreeState }}\n")
case(J, "subcharts-object", "# {{ .Subcharts }}\n")
case(J, "kube-version-incompatible", "a: 1\n", chart="apiVersion: v2\nname: c\nversion: 0.1.0\nkubeVersion: \">=1.40.0\"\n")
case(J, "kube-version-compatible", "a: 1\n", chart="apiVersion: v2\nname: c\nversion: 0.1.0\nkubeVersion: \">=1.27.0-0 <2.0.0\"\n")
case(J, "release-name-in-output", "kind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-cm\n  namespace: {{ .Release.Namespace }}\n", spec="release: payments\nnamespace: payments\n")

# ---------------------------------------------------------------- pipeline-values: coalescing and subcharts
W = "pipeline-values"
SUB_CHART = "apiVersion: v2\nname: sub\nversion: 0.2.0\n"
case(W, "values-file-overrides", "# {{ .Values.a }} {{ .Values.b }} {{ .Values.m }}\n", values="a: default\nb: keep\nm: {x: 1, y: 2}\n",
     files={"over.yaml": "a: override\nm: {y: 3, z: 4}\n"}, spec="valuesFiles: [over.yaml]\n")
case(W, "values-null-removes-default", "# [{{ .Values.a }}] {{ .Values.m }}\n", values="a: default\nm: {x: 1, y: 2}\n",
     files={"over.yaml": "a: null\nm: {x: null}\n"}, spec="valuesFiles: [over.yaml]\n")
case(W, "values-null-new-key", "# [{{ .Values.fresh }}] {{ .Values }}\n", values="a: 1\n", files={"over.yaml": "fresh: null\n"}, spec="valuesFiles: [over.yaml]\n")
case(W, "values-table-over-scalar", "# {{ .Values.a }}\n", values="a: scalar\n", files={"over.yaml": "a: {x: 1}\n"}, spec="valuesFiles: [over.yaml]\n")
case(W, "values-scalar-over-table", "# {{ .Values.a }}\n", values="a: {x: 1}\n", files={"over.yaml": "a: scalar\n"}, spec="valuesFiles: [over.yaml]\n")
case(W, "values-two-files-order", "# {{ .Values.a }} {{ .Values.b }}\n", files={"one.yaml": "a: 1\nb: 1\n", "two.yaml": "b: 2\n"}, spec="valuesFiles: [one.yaml, two.yaml]\n")
case(W, "values-list-replaced", "# {{ .Values.l }}\n", values="l: [1, 2, 3]\n", files={"over.yaml": "l: [9]\n"}, spec="valuesFiles: [over.yaml]\n")
case(W, "set-overrides-file", "# {{ .Values.a }} {{ .Values.m.x }}\n", values="a: 1\nm: {x: 1}\n", spec="set:\n  a: fromset\n  m.x: \"2\"\n")
case(W, "set-bool-and-null", "# {{ .Values.b }} [{{ .Values.c }}]\n", values="c: gone\n", spec="set:\n  b: \"true\"\n  c: \"null\"\n")
case(W, "empty-values-file", "# {{ .Values }}\n", values="")
case(W, "values-comments-only", "# {{ .Values }}\n", values="# nothing here\n")
case(W, "deep-null-in-nested", "# {{ .Values.a }}\n", values="a: {b: {c: 1, d: 2}}\n", files={"over.yaml": "a: {b: {c: null}}\n"}, spec="valuesFiles: [over.yaml]\n")
case(W, "subchart-values-and-globals", {"p.yaml": "# parent {{ .Values.sub.a }} {{ .Values.global.g }}\n"}, values="global:\n  g: 1\nsub:\n  a: parent\n",
     files={"charts/sub/Chart.yaml": SUB_CHART, "charts/sub/values.yaml": "a: sub\nb: subdefault\nglobal:\n  h: 2\n",
            "charts/sub/templates/s.yaml": "# sub {{ .Values.a }} {{ .Values.b }} {{ .Values.global.g }} {{ .Values.global.h }} {{ .Chart.Name }} {{ .Chart.IsRoot }}\n"})
case(W, "subchart-null-removes-default", {"p.yaml": "# p\n"}, values="sub:\n  drop: null\n",
     files={"charts/sub/Chart.yaml": SUB_CHART, "charts/sub/values.yaml": "drop: d\nkeep: k\n", "charts/sub/templates/s.yaml": "# [{{ .Values.drop }}] {{ .Values.keep }}\n"})
case(W, "subchart-template-names", {"p.yaml": "# {{ .Template.Name }}\n"}, files={"charts/sub/Chart.yaml": SUB_CHART, "charts/sub/templates/s.yaml": "# {{ .Template.Name }} {{ .Template.BasePath }}\n"})
case(W, "subchart-define-parent-wins", {"_h.tpl": "{{ define \"x\" }}parent{{ end }}", "p.yaml": "# {{ include \"x\" . }}\n"},
     files={"charts/sub/Chart.yaml": SUB_CHART, "charts/sub/templates/_h.tpl": "{{ define \"x\" }}sub{{ end }}", "charts/sub/templates/s.yaml": "# {{ include \"x\" . }}\n"})
case(W, "subchart-sees-own-files", {"p.yaml": "# [{{ .Files.Get \"f.txt\" }}]\n"}, files={"charts/sub/Chart.yaml": SUB_CHART, "charts/sub/f.txt": "subfile", "charts/sub/templates/s.yaml": "# [{{ .Files.Get \"f.txt\" }}]\n"})
case(W, "subchart-values-from-set", {"p.yaml": "# p\n"}, files={"charts/sub/Chart.yaml": SUB_CHART, "charts/sub/values.yaml": "a: 1\n", "charts/sub/templates/s.yaml": "# {{ .Values.a }}\n"}, spec="set:\n  sub.a: \"7\"\n")
case(W, "subchart-global-override", {"p.yaml": "# {{ .Values.global.g }}\n"}, values="global:\n  g: parent\n",
     files={"charts/sub/Chart.yaml": SUB_CHART, "charts/sub/values.yaml": "global:\n  g: sub\n", "charts/sub/templates/s.yaml": "# {{ .Values.global.g }}\n"})
case(W, "subchart-subcharts-object", {"p.yaml": "# {{ .Subcharts.sub.Values.a }} {{ .Subcharts.sub.Chart.Name }}\n"}, files={"charts/sub/Chart.yaml": SUB_CHART, "charts/sub/values.yaml": "a: 1\n", "charts/sub/templates/s.yaml": "# s\n"})
case(W, "subchart-not-a-table", {"p.yaml": "# p\n"}, values="sub: 5\n", files={"charts/sub/Chart.yaml": SUB_CHART, "charts/sub/templates/s.yaml": "# s\n"})
case(W, "subchart-nested-global-tables", {"p.yaml": "# {{ .Values.global.t }}\n"}, values="global:\n  t: {a: 1}\n",
     files={"charts/sub/Chart.yaml": SUB_CHART, "charts/sub/values.yaml": "global:\n  t: {b: 2}\n", "charts/sub/templates/s.yaml": "# {{ .Values.global.t }}\n"})
case(W, "subchart-error-location", {"p.yaml": "# p\n"}, files={"charts/sub/Chart.yaml": SUB_CHART, "charts/sub/templates/s.yaml": "# {{ .Values.none.x }}\n"})
case(W, "library-subchart", {"p.yaml": "# {{ include \"lib.x\" . }}\n"}, files={"charts/lib/Chart.yaml": "apiVersion: v2\nname: lib\nversion: 0.1.0\ntype: library\n", "charts/lib/templates/_x.tpl": "{{ define \"lib.x\" }}from-lib{{ end }}", "charts/lib/templates/ignored.yaml": "kind: Ignored\n"})

# ---------------------------------------------------------------- pipeline-deps: Chart.yaml dependencies
K = "pipeline-deps"
PARENT = "apiVersion: v2\nname: parent\nversion: 0.1.0\ndependencies:\n  - name: sub\n    version: 0.2.0\n    repository: file://charts/sub\n"
SUBFILES = {"charts/sub/Chart.yaml": SUB_CHART, "charts/sub/values.yaml": "a: sub\n", "charts/sub/templates/s.yaml": "# sub {{ .Values.a }} {{ .Chart.Name }}\n"}
case(K, "listed-no-condition", {"p.yaml": "# p\n"}, files=SUBFILES, chart=PARENT)
case(K, "condition-false", {"p.yaml": "# p\n"}, values="sub:\n  enabled: false\n", files=SUBFILES, chart=PARENT + "    condition: sub.enabled\n")
case(K, "condition-true", {"p.yaml": "# p\n"}, values="sub:\n  enabled: true\n", files=SUBFILES, chart=PARENT + "    condition: sub.enabled\n")
case(K, "condition-missing-keeps", {"p.yaml": "# p\n"}, files=SUBFILES, chart=PARENT + "    condition: sub.enabled\n")
case(K, "condition-from-set", {"p.yaml": "# p\n"}, values="sub:\n  enabled: true\n", files=SUBFILES, chart=PARENT + "    condition: sub.enabled\n", spec="set:\n  sub.enabled: \"false\"\n")
case(K, "condition-list-first-wins", {"p.yaml": "# p\n"}, values="x: false\nsub:\n  enabled: true\n", files=SUBFILES, chart=PARENT + "    condition: nope.path,x,sub.enabled\n")
case(K, "condition-non-bool-ignored", {"p.yaml": "# p\n"}, values="sub:\n  enabled: \"no\"\n", files=SUBFILES, chart=PARENT + "    condition: sub.enabled\n")
case(K, "tags-false", {"p.yaml": "# p\n"}, values="tags:\n  extra: false\n", files=SUBFILES, chart=PARENT + "    tags: [extra]\n")
case(K, "tags-one-true", {"p.yaml": "# p\n"}, values="tags:\n  extra: false\n  more: true\n", files=SUBFILES, chart=PARENT + "    tags: [extra, more]\n")
case(K, "condition-overrides-tags", {"p.yaml": "# p\n"}, values="tags:\n  extra: false\nsub:\n  on: true\n", files=SUBFILES, chart=PARENT + "    tags: [extra]\n    condition: sub.on\n")
case(K, "alias", {"p.yaml": "# p {{ .Values.other.a }}\n"}, values="other:\n  a: aliased\n", files=SUBFILES, chart=PARENT + "    alias: other\n")
case(K, "version-mismatch-keeps-chart", {"p.yaml": "# p\n"}, values="sub:\n  enabled: false\n", files=SUBFILES,
     chart="apiVersion: v2\nname: parent\nversion: 0.1.0\ndependencies:\n  - name: sub\n    version: 9.9.9\n    condition: sub.enabled\n")
case(K, "version-range", {"p.yaml": "# p\n"}, values="sub:\n  enabled: false\n", files=SUBFILES, chart=PARENT.replace("0.2.0", "\">=0.1.0 <1.0.0\"") + "    condition: sub.enabled\n")
case(K, "disabled-define-not-visible", {"p.yaml": "# {{ include \"sub.x\" . }}\n"}, values="sub:\n  enabled: false\n",
     files=dict(SUBFILES, **{"charts/sub/templates/_x.tpl": "{{ define \"sub.x\" }}from-sub{{ end }}"}), chart=PARENT + "    condition: sub.enabled\n")
case(K, "unlisted-subchart-kept", {"p.yaml": "# p\n"}, files=dict(SUBFILES, **{"charts/other/Chart.yaml": "apiVersion: v2\nname: other\nversion: 1.0.0\n", "charts/other/templates/o.yaml": "# other\n"}), chart=PARENT + "    condition: sub.enabled\n", values="sub:\n  enabled: false\n")
case(K, "crds-folder", {"p.yaml": "# p\n"}, files={"crds/crd.yaml": "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: things.example.com\n"})

write()
