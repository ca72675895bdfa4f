package dev.runway.render.funcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.render.api.HelmVersion;
import dev.runway.render.template.FunctionTable;
import dev.runway.render.template.TemplateFunction;
import dev.runway.render.template.TemplateParseException;
import dev.runway.render.template.TemplateSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The function table created name by name: the same names, order and functions as the eager table it replaced. */
class FunctionLibraryTest {

    /** The Helm 4 names in the order the eager registration listed them (2026-12-06, before the lazy table). */
    private static final List<String> HELM4_NAMES = List.of("""
            trim upper lower title untitle substr repeat trimAll trimall trimSuffix trimPrefix nospace initials
            swapcase snakecase kebabcase camelcase wrap wrapWith contains hasPrefix hasSuffix quote squote cat
            indent nindent replace plural toString toStrings split splitn splitList join abbrev abbrevboth
            trunc sortAlpha list tuple append push mustAppend mustPush prepend mustPrepend chunk mustChunk
            first mustFirst last mustLast rest mustRest initial mustInitial reverse mustReverse compact
            mustCompact uniq mustUniq without mustWithout has mustHas slice mustSlice concat until untilStep
            seq dict get set unset hasKey pluck keys values pick omit merge mustMerge mergeOverwrite
            mustMergeOverwrite deepCopy mustDeepCopy dig add1 add sub div mod mul max biggest min maxf minf
            floor ceil round add1f addf subf mulf divf randInt int int64 float64 atoi toDecimal b64enc b64dec
            b32enc b32dec sha1sum sha256sum sha512sum encryptAES decryptAES adler32sum typeOf typeIs typeIsLike
            kindOf kindIs deepEqual default empty coalesce all any ternary semver semverCompare regexMatch
            regexFindAll regexFind regexReplaceAll regexReplaceAllLiteral regexSplit mustRegexMatch
            mustRegexFindAll mustRegexFind mustRegexReplaceAll mustRegexReplaceAllLiteral mustRegexSplit
            regexQuoteMeta toYaml mustToYaml toYamlPretty fromYaml fromYamlArray toJson mustToJson toPrettyJson
            mustToPrettyJson toRawJson mustToRawJson fromJson fromJsonArray mustFromJson fromToml toToml hello
            base dir clean ext isAbs osBase osDir osClean osExt osIsAbs uuidv4 randAlphaNum randAlpha
            randNumeric randAscii randBytes shuffle now date htmlDate dateInZone date_in_zone htmlDateInZone
            unixEpoch duration durationRound toDate mustToDate dateModify date_modify mustDateModify
            must_date_modify ago getHostByName urlParse urlJoin genPrivateKey genCA genCAWithKey
            genSelfSignedCert genSelfSignedCertWithKey genSignedCert genSignedCertWithKey buildCustomCert
            bcrypt htpasswd derivePassword
            """.trim().split("\\s+"));

    @Test
    void namesAndOrderAreTheEagerTables() {
        assertEquals(
                HELM4_NAMES,
                new ArrayList<>(FunctionLibrary.functions(HelmVersion.HELM_4_1).keySet()));
        List<String> helm3 = new ArrayList<>(HELM4_NAMES);
        helm3.remove("mustToYaml");
        assertEquals(
                helm3,
                new ArrayList<>(FunctionLibrary.functions(HelmVersion.HELM_3_21).keySet()));
    }

    @Test
    void everyNameCreatesOneFunctionAndTheThemesDoNotOverlap() {
        Map<String, TemplateFunction> f = FunctionLibrary.functions();
        for (String name : f.keySet()) {
            TemplateFunction fn = f.get(name);
            assertNotNull(fn, name);
            assertSame(fn, f.get(name), name);
        }
        Set<String> seen = new HashSet<>();
        for (FunctionTheme theme : FunctionTheme.values()) {
            for (String name : theme.names) {
                assertTrue(seen.add(name), name + " is in two themes");
            }
        }
    }

    @Test
    void eachThemeCreatesExactlyTheFunctionsItNames() {
        // Registry asks only the theme that lists a name: a name listed under the wrong theme would be absent.
        Registry r = new Registry();
        for (FunctionTheme theme : FunctionTheme.values()) {
            for (FunctionTheme other : FunctionTheme.values()) {
                for (String name : other.names) {
                    if (other == theme) {
                        assertNotNull(theme.create(name, r), theme + " creates " + name);
                        assertSame(theme, FunctionTheme.of(name), name);
                    } else {
                        assertNull(theme.create(name, r), theme + " does not create " + other + "'s " + name);
                    }
                }
            }
        }
        assertNull(FunctionTheme.of("env"));
        assertNull(Registry.create("include", r));
    }

    @Test
    void unknownNamesAreAbsentAndTheMapIsUnmodifiable() {
        Map<String, TemplateFunction> f = FunctionLibrary.functions();
        assertNull(f.get("env"));
        assertNull(f.get(null));
        assertFalse(f.containsKey("expandenv"));
        assertNull(FunctionLibrary.functions(HelmVersion.HELM_3_21).get("mustToYaml"));
        assertThrows(UnsupportedOperationException.class, () -> f.put("x", (c, a) -> null));
        assertThrows(UnsupportedOperationException.class, () -> f.remove("trim"));
        assertThrows(UnsupportedOperationException.class, () -> f.keySet().remove("trim"));
    }

    @Test
    void aTemplateCallingAnUnknownFunctionFailsAsGoDoes() {
        TemplateSet set = new TemplateSet("t", FunctionLibrary.functions());
        TemplateParseException e = assertThrows(TemplateParseException.class, () -> set.parse("t", "{{ nosuch 1 }}"));
        assertTrue(e.getMessage().contains("function \"nosuch\" not defined"), e.getMessage());
    }

    @Test
    void theTableCreatesAFunctionOnItsFirstLookupOnly() {
        AtomicInteger created = new AtomicInteger();
        FunctionTable t = new FunctionTable(List.of("a", "b"), name -> {
            created.incrementAndGet();
            return (c, a) -> name;
        });
        assertEquals(2, t.size());
        assertTrue(t.containsKey("a"));
        assertEquals(List.of("a", "b"), new ArrayList<>(t.keySet()));
        new TemplateSet("t", t).parse("t", "{{ a }}");
        assertEquals(0, created.get(), "listing names and parsing create nothing");
        TemplateFunction a = t.get("a");
        assertSame(a, t.get("a"));
        assertEquals(1, created.get());
        assertNull(t.get("c"));
        assertEquals(2, t.entrySet().size());
        t.forEach((k, v) -> assertNotNull(v, k));
        assertEquals(2, created.get());
    }

    @Test
    void aFactoryThatCannotCreateAListedNameFailsClearly() {
        FunctionTable t = new FunctionTable(List.of("a"), name -> null);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.get("a"));
        assertTrue(e.getMessage().contains("a"), e.getMessage());
    }

    /**
     * The theme files dispatch with two switches on the name (which names exist, then each function's body): every
     * name the table lists must reach a body of its own, whatever its arguments make of it.
     */
    @Test
    void everyNameReachesItsBody() {
        Map<String, TemplateFunction> functions = FunctionLibrary.functions(HelmVersion.HELM_4_1);
        for (String name : HELM4_NAMES) {
            TemplateFunction f = functions.get(name);
            assertNotNull(f, name);
            try {
                f.call(null, new ArrayList<>());
            } catch (IllegalStateException e) {
                assertFalse(String.valueOf(e.getMessage()).startsWith("not a function here"), name);
            } catch (Exception e) {
                // the function's own answer to no arguments
            }
        }
    }
}
