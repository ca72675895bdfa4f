package dev.runway.render.funcs;

import dev.runway.render.template.TemplateFunction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The function themes, each with its names in the order Sprig lists them. The names live here, not in the theme
 * classes, so that finding a name's theme loads no theme class: a render loads (and the JVM verifies) only the
 * themes whose functions its chart calls, and not, say, the time, certificate and password themes with the
 * java.time and java.security classes their code refers to.
 */
enum FunctionTheme {
    /** {@link StringFunctions}. */
    STRING(List.of(
            "trim",
            "upper",
            "lower",
            "title",
            "untitle",
            "substr",
            "repeat",
            "trimAll",
            "trimall",
            "trimSuffix",
            "trimPrefix",
            "nospace",
            "initials",
            "swapcase",
            "snakecase",
            "kebabcase",
            "camelcase",
            "wrap",
            "wrapWith",
            "contains",
            "hasPrefix",
            "hasSuffix",
            "quote",
            "squote",
            "cat",
            "indent",
            "nindent",
            "replace",
            "plural",
            "toString",
            "toStrings",
            "split",
            "splitn",
            "splitList",
            "join",
            "abbrev",
            "abbrevboth",
            "trunc",
            "sortAlpha")),
    /** {@link ListFunctions}. */
    LIST(List.of(
            "list",
            "tuple",
            "append",
            "push",
            "mustAppend",
            "mustPush",
            "prepend",
            "mustPrepend",
            "chunk",
            "mustChunk",
            "first",
            "mustFirst",
            "last",
            "mustLast",
            "rest",
            "mustRest",
            "initial",
            "mustInitial",
            "reverse",
            "mustReverse",
            "compact",
            "mustCompact",
            "uniq",
            "mustUniq",
            "without",
            "mustWithout",
            "has",
            "mustHas",
            "slice",
            "mustSlice",
            "concat",
            "until",
            "untilStep",
            "seq")),
    /** {@link DictFunctions}. */
    DICT(List.of(
            "dict",
            "get",
            "set",
            "unset",
            "hasKey",
            "pluck",
            "keys",
            "values",
            "pick",
            "omit",
            "merge",
            "mustMerge",
            "mergeOverwrite",
            "mustMergeOverwrite",
            "deepCopy",
            "mustDeepCopy",
            "dig")),
    /** {@link MathFunctions}. */
    MATH(List.of(
            "add1",
            "add",
            "sub",
            "div",
            "mod",
            "mul",
            "max",
            "biggest",
            "min",
            "maxf",
            "minf",
            "floor",
            "ceil",
            "round",
            "add1f",
            "addf",
            "subf",
            "mulf",
            "divf",
            "randInt",
            "int",
            "int64",
            "float64",
            "atoi",
            "toDecimal")),
    /** {@link EncodingFunctions}. */
    ENCODING(List.of(
            "b64enc",
            "b64dec",
            "b32enc",
            "b32dec",
            "sha1sum",
            "sha256sum",
            "sha512sum",
            "encryptAES",
            "decryptAES",
            "adler32sum")),
    /** {@link TypeFunctions}. */
    TYPE(List.of(
            "typeOf",
            "typeIs",
            "typeIsLike",
            "kindOf",
            "kindIs",
            "deepEqual",
            "default",
            "empty",
            "coalesce",
            "all",
            "any",
            "ternary",
            "semver",
            "semverCompare")),
    /** {@link RegexFunctions}. */
    REGEX(List.of(
            "regexMatch",
            "regexFindAll",
            "regexFind",
            "regexReplaceAll",
            "regexReplaceAllLiteral",
            "regexSplit",
            "mustRegexMatch",
            "mustRegexFindAll",
            "mustRegexFind",
            "mustRegexReplaceAll",
            "mustRegexReplaceAllLiteral",
            "mustRegexSplit",
            "regexQuoteMeta")),
    /** {@link DataFunctions}. */
    DATA(List.of(
            "toYaml",
            "mustToYaml",
            "toYamlPretty",
            "fromYaml",
            "fromYamlArray",
            "toJson",
            "mustToJson",
            "toPrettyJson",
            "mustToPrettyJson",
            "toRawJson",
            "mustToRawJson",
            "fromJson",
            "fromJsonArray",
            "mustFromJson",
            "fromToml",
            "toToml")),
    /** {@link MiscFunctions}. */
    MISC(List.of(
            "hello",
            "base",
            "dir",
            "clean",
            "ext",
            "isAbs",
            "osBase",
            "osDir",
            "osClean",
            "osExt",
            "osIsAbs",
            "uuidv4",
            "randAlphaNum",
            "randAlpha",
            "randNumeric",
            "randAscii",
            "randBytes",
            "shuffle",
            "now",
            "date",
            "htmlDate",
            "dateInZone",
            "date_in_zone",
            "htmlDateInZone",
            "unixEpoch",
            "duration",
            "durationRound",
            "toDate",
            "mustToDate",
            "dateModify",
            "date_modify",
            "mustDateModify",
            "must_date_modify",
            "ago",
            "getHostByName",
            "urlParse",
            "urlJoin")),
    /** {@link Certificates}. */
    CERTIFICATES(List.of(
            "genPrivateKey",
            "genCA",
            "genCAWithKey",
            "genSelfSignedCert",
            "genSelfSignedCertWithKey",
            "genSignedCert",
            "genSignedCertWithKey",
            "buildCustomCert")),
    /** {@link PasswordFunctions}. */
    PASSWORD(List.of("bcrypt", "htpasswd", "derivePassword"));

    /** Each name's theme; the themes' names do not overlap (FunctionLibraryTest). */
    private static final Map<String, FunctionTheme> BY_NAME = byName();

    /** This theme's names, in the order Sprig lists them (unmodifiable: List.of, which the checker cannot see). */
    @SuppressWarnings("ImmutableEnumChecker")
    final List<String> names;

    FunctionTheme(List<String> names) {
        this.names = names;
    }

    /** The theme of a library function's name, or null. */
    static FunctionTheme of(String name) {
        return BY_NAME.get(name);
    }

    /**
     * This theme's function {@code name}, or null when the theme does not list the name; only this theme's class is
     * loaded. The check is here, once, so the themes whose functions are one class switching on the name do not list
     * their names a second time.
     */
    TemplateFunction create(String name, Registry r) {
        if (BY_NAME.get(name) != this) {
            return null;
        }
        return switch (this) {
            case STRING -> StringFunctions.lookup(name);
            case LIST -> ListFunctions.lookup(name);
            case DICT -> DictFunctions.lookup(name);
            case MATH -> MathFunctions.lookup(name);
            case ENCODING -> EncodingFunctions.lookup(name);
            case TYPE -> TypeFunctions.lookup(name);
            case REGEX -> RegexFunctions.lookup(name, r);
            case DATA -> DataFunctions.lookup(name);
            case MISC -> MiscFunctions.lookup(name, r);
            case CERTIFICATES -> Certificates.lookup(name);
            case PASSWORD -> PasswordFunctions.lookup(name);
        };
    }

    private static Map<String, FunctionTheme> byName() {
        Map<String, FunctionTheme> byName = new HashMap<>();
        for (FunctionTheme theme : values()) {
            for (String name : theme.names) {
                byName.put(name, theme);
            }
        }
        return Map.copyOf(byName);
    }
}
