import os, re, shutil, json
base = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
conf = base + '/conformance'
cases = [l.strip() for l in open(base + '/funcs-oracle/cases.txt', encoding='utf-8') if l.strip() and not l.startswith('#')]
errors = [l.strip() for l in open(base + '/funcs-oracle/errors.txt', encoding='utf-8') if l.strip() and not l.startswith('#')]
values = open(base + '/funcs-oracle/values.yaml', encoding='utf-8').read()

groups = {
 'strings': 'upper lower title untitle trim trimAll trimPrefix trimSuffix trunc abbrev abbrevboth nospace repeat replace substr contains hasPrefix hasSuffix indent nindent wrap wrapWith cat quote squote plural snakecase camelcase kebabcase swapcase initials toString toStrings split splitn splitList join sortAlpha printf print println'.split(),
 'conversion': 'int int64 float64 atoi toDecimal'.split(),
 'types': 'typeOf typeIs typeIsLike kindOf kindIs deepEqual default empty coalesce ternary all any'.split(),
 'lists': 'list first last rest initial append push prepend concat reverse uniq without has compact slice chunk until untilStep seq'.split(),
 'dicts': 'dict get set unset hasKey pluck keys values pick omit merge mergeOverwrite deepCopy dig'.split(),
 'math': 'add add1 sub mul div mod max min maxf minf floor ceil round addf add1f subf mulf divf biggest'.split(),
 'encoding': 'b64enc b64dec b32enc b32dec sha1sum sha256sum adler32sum urlquery'.split(),
 'semver': 'semverCompare semver'.split(),
 'regex': 'regexMatch regexFind regexFindAll regexReplaceAll regexReplaceAllLiteral regexSplit regexQuoteMeta'.split(),
 'misc': 'base dir ext clean isAbs hello urlParse randAlphaNum uuidv4'.split(),
 'data': 'toYamlPretty toYaml toJson toPrettyJson toRawJson fromYaml fromYamlArray fromJson fromJsonArray mustFromJson toToml'.split(),
 'dates': 'dateInZone htmlDateInZone date duration durationRound unixEpoch dateModify typeOfDate'.split(),
}
fn_group = {}
for g, fns in groups.items():
    for f in fns:
        fn_group.setdefault(f, g)

def slug(expr):
    s = re.sub(r'[^a-zA-Z0-9]+', '-', expr).strip('-').lower()
    return s[:48].strip('-') or 'case'

def first_fn(expr):
    m = re.match(r'\(?\s*([A-Za-z_][A-Za-z0-9_]*)', expr)
    return m.group(1) if m else ''

def write_case(group, expr, template, vals=values, desc=None):
    d = os.path.join(conf, group)
    os.makedirs(d, exist_ok=True)
    name = slug(expr)
    n = name; i = 2
    while os.path.exists(os.path.join(d, n)):
        n = f'{name}-{i}'; i += 1
    cd = os.path.join(d, n)
    os.makedirs(cd + '/templates')
    open(cd + '/templates/case.yaml', 'w', encoding='utf-8').write(template)
    if vals is not None:
        open(cd + '/values.yaml', 'w', encoding='utf-8').write(vals)
    if desc:
        open(cd + '/case.yaml', 'w', encoding='utf-8').write('description: ' + json.dumps(desc) + '\n')

# remove previously generated groups
for g in os.listdir(conf) if os.path.isdir(conf) else []:
    if g.startswith('funcs-'):
        shutil.rmtree(os.path.join(conf, g))

count = 0
for expr in cases:
    f = first_fn(expr)
    g = fn_group.get(f, 'misc')
    if 'toDate' in expr or 'now' in expr.split() or f in ('dateInZone', 'htmlDateInZone', 'date', 'duration', 'durationRound', 'unixEpoch', 'dateModify'):
        g = 'dates'
    tpl = '{{- /* %s */}}\nresult: {{ %s | toString | toJson }}\n' % (expr.replace('*/', '* /'), expr)
    write_case('funcs-' + g, expr, tpl, desc=f'{expr} (printed with toString, written as JSON)')
    count += 1

for expr in errors:
    tpl = '# {{ %s }}\n' % expr
    write_case('funcs-errors', expr, tpl, desc=f'{expr} fails with Helm\'s message')
    count += 1

# Arguments text/template itself rejects as constants (engine side of the function contract).
for expr in ['upper 1', 'upper nil', 'trunc "5" "hello"', 'ternary "a" "b" "true"', 'plural "a" "b" "2"',
             'get "notamap" "a"', 'set nil "a" 1', 'repeat 2.5 "x"', 'indent "2" "x"', 'until "3"']:
    write_case('funcs-args', expr, '# {{ %s }}\n' % expr, desc=f'{expr}: a constant of the wrong type for the Go parameter')
    count += 1

# Random results: only their shape is stable.
shape_cases = {
    'genca-shape': '{{- $ca := genCA "my-ca" 365 }}\ncert: {{ hasPrefix "-----BEGIN CERTIFICATE-----\\n" $ca.Cert }}\nkey: {{ hasPrefix "-----BEGIN RSA PRIVATE KEY-----\\n" $ca.Key }}\nends: {{ hasSuffix "-----END CERTIFICATE-----\\n" $ca.Cert }}\n',
    'gensignedcert-shape': '{{- $ca := genCA "my-ca" 365 }}\n{{- $c := genSignedCert "svc" (list "10.0.0.1") (list "svc.example.com") 30 $ca }}\ncert: {{ hasPrefix "-----BEGIN CERTIFICATE-----" $c.Cert }}\nkey: {{ contains "RSA PRIVATE KEY" $c.Key }}\n',
    'genselfsignedcert-shape': '{{- $c := genSelfSignedCert "me" nil nil 1 }}\ncert: {{ regexMatch "^-----BEGIN CERTIFICATE-----\\n([A-Za-z0-9+/=]{64}\\n)+[A-Za-z0-9+/=]{1,64}\\n-----END CERTIFICATE-----\\n$" $c.Cert }}\n',
    'genprivatekey-shape': 'key: {{ genPrivateKey "rsa" | hasPrefix "-----BEGIN RSA PRIVATE KEY-----" }}\nunknown: {{ genPrivateKey "nope" | quote }}\n',
    'randalphanum-shape': 'a: {{ randAlphaNum 16 | regexMatch "^[A-Za-z0-9]{16}$" }}\nb: {{ randAlpha 5 | regexMatch "^[A-Za-z]{5}$" }}\nn: {{ randNumeric 7 | regexMatch "^[0-9]{7}$" }}\nascii: {{ randAscii 9 | len }}\n',
    'uuidv4-shape': 'u: {{ uuidv4 | regexMatch "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$" }}\n',
    'now-shape': 'year: {{ now | date "2006" | regexMatch "^20[0-9][0-9]$" }}\ntype: {{ typeOf now }}\n',
    'encryptaes-roundtrip': 'r: {{ encryptAES "secret" "hello world" | decryptAES "secret" }}\n',
}
for name, tpl in shape_cases.items():
    write_case('funcs-random', name, tpl, vals=None, desc='random output: only its shape is compared')
    count += 1

print('function cases', count)
