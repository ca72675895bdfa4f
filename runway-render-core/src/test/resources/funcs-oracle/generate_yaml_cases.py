import os, re, json, shutil
base = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
conf = base + '/resources/conformance'
src = open(base + '/java/dev/runway/render/yaml/OracleCases.java', encoding='utf-8').read()

def java_strings(block):
    out = []
    for m in re.finditer(r'"((?:[^"\\]|\\.)*)"', block):
        out.append(m.group(1))
    return out

def unescape(s):
    res = []
    i = 0
    while i < len(s):
        c = s[i]
        if c == '\\':
            n = s[i+1]
            if n == 'u':
                res.append(chr(int(s[i+2:i+6], 16))); i += 6; continue
            res.append({'n': '\n', 't': '\t', 'r': '\r', '"': '"', '\\': '\\', '0': '\0'}[n]); i += 2; continue
        res.append(c); i += 1
    return ''.join(res)

strings_block = src[src.index('STRINGS = List.of('):src.index('static String stringsValuesFile')]
strings = [unescape(s) for s in java_strings(strings_block)]
# Java surrogate pairs written as \\uD83D... are not used; emoji are literal.
numbers_block = src[src.index('NUMBERS = List.of('):src.index('static String numbersValuesFile')]
numbers = java_strings(numbers_block)

def ydq(s):
    out = '"'
    for ch in s:
        c = ord(ch)
        if ch in '"\\':
            out += '\\' + ch
        elif 0x20 <= c < 0x7f:
            out += ch
        elif c <= 0xffff:
            out += '\\u%04X' % c
        else:
            out += '\\U%08X' % c
    return out + '"'

def bad_for_yaml(s):
    return any((0x7f <= ord(c) <= 0x9f) or ord(c) in (0xfffe, 0xffff) for c in s)

TEMPLATE = '''{{- /* %s */}}
yaml: {{ toYaml .Values.v | toJson }}
inMap: {{ toYaml (dict "key" .Values.v) | toJson }}
inList: {{ toYaml (list .Values.v) | toJson }}
json: {{ toJson .Values.v | toJson }}
pretty: {{ toPrettyJson (dict "v" .Values.v) | toJson }}
raw: {{ toRawJson .Values.v | toJson }}
printed: {{ .Values.v | toString | toJson }}
kind: {{ kindOf .Values.v }}
'''

def slug(s):
    t = re.sub(r'[^a-zA-Z0-9]+', '-', s).strip('-').lower()[:40].strip('-')
    return t or 'empty'

def write(group, name, template, values, desc):
    d = os.path.join(conf, group)
    os.makedirs(d, exist_ok=True)
    n = name; i = 2
    while os.path.exists(os.path.join(d, n)):
        n = f'{name}-{i}'; i += 1
    cd = os.path.join(d, n)
    os.makedirs(cd + '/templates')
    open(cd + '/templates/case.yaml', 'w', encoding='utf-8').write(template)
    open(cd + '/values.yaml', 'w', encoding='utf-8').write(values)
    open(cd + '/case.yaml', 'w', encoding='utf-8').write('description: ' + json.dumps(desc) + '\n')

for g in os.listdir(conf) if os.path.isdir(conf) else []:
    if g.startswith('yaml-') or g.startswith('json-'):
        shutil.rmtree(os.path.join(conf, g))

count = 0
for s in strings:
    if bad_for_yaml(s):
        continue
    write('yaml-strings', slug(s), TEMPLATE % 'a tricky string through toYaml, toJson and friends',
          'v: ' + ydq(s) + '\n', 'string ' + json.dumps(s))
    count += 1
for n in numbers:
    write('yaml-numbers', slug(n), TEMPLATE % ('the number ' + n), 'v: ' + n + '\n', 'number ' + n + ' read from values and written back')
    count += 1

# Reading plain scalars as Helm does (YAML 1.1 resolution, float64 numbers).
plain = ['yes', 'no', 'on', 'off', 'y', 'n', 'Y', 'N', 'True', 'FALSE', 'null', '~', 'Null', '', '0755', '0o17', '0x1F',
         '0b101', '1_000', '+12', '08', '09.5', '1e3', '1.', '.5', '-.5', '1:30', '2001-12-14', '2001-12-14 21:59:43.10',
         '2001-12-14t21:59:43.10-05:00', '12345678901234567890', '9007199254740993', '1e400', '.nan', 'yes please',
         '<<', '=', 'v1.2.3', '1.2.3', '1.0', '100', '-0', '0.0000001', '123456789012']
for p in plain:
    if p in ('.nan', '1e400'):
        continue
    tpl = ('{{- /* plain scalar %s */}}\n' % json.dumps(p) +
           'kind: {{ kindOf .Values.v }}\nprinted: {{ .Values.v | toString | toJson }}\njson: {{ toJson .Values.v | toJson }}\n'
           'yaml: {{ toYaml .Values | toJson }}\n')
    write('yaml-read-plain', slug(p) if p else 'empty', tpl, 'v: ' + p + '\n', 'plain scalar ' + json.dumps(p) + ' resolved as go-yaml v2 does')
    count += 1

# Whole documents.
docs = {
  'structures': open(base + '/resources/yaml-oracle/structures.yaml', encoding='utf-8').read(),
}
tplDoc = '''{{- /* a whole values document */}}
yaml: {{ toYaml .Values | toJson }}
json: {{ toJson .Values | toJson }}
pretty: {{ toPrettyJson .Values | toJson }}
'''
for k, v in docs.items():
    write('yaml-documents', k, tplDoc, v, 'whole values file ' + k)
    count += 1
# Structure snippets.
snippets = {
  'nested-maps': 'a:\n  b:\n    c:\n      d: deep\n',
  'list-of-maps': 'items:\n  - name: a\n    port: 80\n  - name: b\n    port: 443\n    tls: true\n',
  'list-of-lists': 'm:\n  - [1, 2]\n  - []\n  - - x\n',
  'empty-collections': 'm: {}\nl: []\ns: ""\nnested:\n  m: {}\n  l: []\n',
  'nulls-in-lists': 'l: [1, null, ~, a]\n',
  'multiline-values': 'script: |\n  #!/bin/sh\n  echo hello\n  exit 0\nfolded: >\n  one\n  two\nkeep: |+\n  kept\n\n',
  'anchors-merge': 'base: &b\n  image: nginx\n  tag: "1.0"\nderived:\n  <<: *b\n  tag: "2.0"\n',
  'sorted-keys': 'z: 1\na: 2\nB: 3\n_x: 4\nk10: 5\nk9: 6\nk1: 7\n',
  'unicode': 'greeting: héllo\njp: 日本語\nemoji: "😀"\n',
  'long-text': 'description: This chart deploys a service on EKS that reaches Google Cloud through workload identity federation without keys\n',
  'resources': 'resources:\n  limits:\n    cpu: 500m\n    memory: 512Mi\n  requests:\n    cpu: 0.25\n    memory: 256Mi\n',
  'annotations': 'annotations:\n  eks.amazonaws.com/role-arn: arn:aws:iam::${aws_account_id}:role/EKS-GCP-Role-x\n  iam.gke.io/gcp-service-account: eks-x@${gcp_project_id}.iam.gserviceaccount.com\n',
  'env-list': 'env:\n  - name: PORT\n    value: "8080"\n  - name: DEBUG\n    value: "true"\n  - name: EMPTY\n    value: ""\n',
  'booleans-and-quoted': 'a: true\nb: "true"\nc: yes\nd: "yes"\ne: "no"\n',
  'numbers-mixed': 'replicas: 3\nratio: 0.5\nbig: 1000000\nport: "8080"\nversion: 1.10\n',
  'deep-lists': 'a:\n  - b:\n      - c:\n          - d\n',
  'special-keys': '"key: colon": 1\n"- dash": 2\n"#hash": 3\n"yes": 4\n"123": 5\n"": 6\n',
}
for k, v in snippets.items():
    write('yaml-documents', k, tplDoc, v, 'values snippet ' + k)
    count += 1

# JSON parsing with fromJson / fromJsonArray.
jsons = ['{"a": 1, "b": [true, null, 2.5]}', '[1, "x", {"k": "v"}]', '{"big": 12345678901234567890}', '{"e": 1e3, "neg": -0.0}',
         '{"s": "\\u003c\\u00e9\\n"}', '{"dup": 1, "dup": 2}', '{}', '[]', 'null', '"str"', '42', 'true', '{bad}', '{"a":1,}',
         '[1 2]', '', '   ', '{"a": 01}', '{"a": tru}', '{"a": "\\x"}', '{"a": 1} extra', '{"nested": {"deep": {"x": [1, [2, [3]]]}}}']
tplJson = '''{{- /* fromJson / fromJsonArray of one document */}}
map: {{ fromJson .Values.doc | toJson | toJson }}
array: {{ fromJsonArray .Values.doc | toJson | toJson }}
yaml: {{ fromYaml .Values.doc | toJson | toJson }}
'''
for j in jsons:
    write('json-parse', slug(j) if slug(j) != 'empty' else 'blank', tplJson, 'doc: ' + ydq(j) + '\n', 'JSON document ' + json.dumps(j))
    count += 1
print('yaml/json cases', count)
