package dev.runway.render.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.runway.render.oracle.HelmOracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our {@code --set} parser against Helm's own (helm-java, Helm 3.21 in-process): each case is rendered by Helm
 * through a chart that dumps {@code .Values} with every scalar's Go kind, and compared with the dump of what
 * {@link Strvals} produced from the same line. helm-java passes {@code set(key, value)} as
 * {@code key=escaped(value)} (see {@link HelmJavaSet}), so the key carries the strvals syntax under test.
 */
class StrvalsHelmConformanceTest {

    private static Path chart;

    @BeforeAll
    static void writeChart(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        chart = dir.resolve("dump");
        Files.createDirectories(chart.resolve("templates"));
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: dump\nversion: 0.1.0\n");
        Files.writeString(chart.resolve("templates/dump.yaml"), GoValueDump.TEMPLATE);
    }

    static Stream<List<String>> cases() {
        return Stream.of(
                // plain typing of values
                List.of("a", "x"),
                List.of("int", "42"),
                List.of("negative", "-17"),
                List.of("plus", "+5"),
                List.of("zero", "0"),
                List.of("minuszero", "-0"),
                List.of("leadingzero", "007"),
                List.of("float", "1.5"),
                List.of("exp", "1e3"),
                List.of("big", "9223372036854775807"),
                List.of("toobig", "9223372036854775808"),
                List.of("bool", "true"),
                List.of("boolcase", "TRUE"),
                List.of("boolf", "False"),
                List.of("nul", "null"),
                List.of("nulcase", "NULL"),
                List.of("empty", ""),
                List.of("hex", "0x1F"),
                List.of("underscore", "1_000"),
                List.of("space", " 12"),
                List.of("unicode", "héllo <&> \u2028"),
                // values helm-java escapes: they arrive as literal text
                List.of("special", "a,b.c={d}[e]=f\\g\"h'i"),
                // the key carries the syntax
                List.of("a.b.c", "deep"),
                List.of("a.b=1,a.c", "2"),
                List.of("m.x=1,m", "replaced"),
                List.of("s=str,s.t", "panic"),
                List.of("list[0]", "x"),
                List.of("list[2]", "x"),
                List.of("list[0]=a,list[1]=b,list[0]", "c"),
                List.of("list[1]=b,list[0]", "a"),
                List.of("list[0].name=n,list[0].value", "v"),
                List.of("list[1].name=n,list[0].value", "v"),
                List.of("list[0]=s,list[0].name", "n"),
                List.of("nested[0][1]", "x"),
                List.of("nested[1][0]=a,nested[1][2]", "b"),
                List.of("curly={x,y,1,true,null},next", "z"),
                List.of("curly={},next", "z"),
                List.of("curly={a\\,b,c}rest", "z"),
                List.of("listcurly[1]={a,b},next", "z"),
                List.of("esc\\.dot", "v"),
                List.of("esc\\=eq", "v"),
                List.of("esc\\,comma", "v"),
                List.of("esc\\[0]", "v"),
                List.of("a=one\\,two,b", "three"),
                List.of("a=x,b=,c", "y"),
                List.of("twice=1,twice", "2"),
                List.of("a.b=1,a", "flat"),
                // errors: Helm's message, word for word
                List.of("before=1,noval,after", "x"),
                List.of("before=1,neg[-1]", "x"),
                List.of("before=1,bad[x]", "x"),
                List.of("before=1,idx[0]junk", "x"),
                List.of("before=1,huge[65537]", "x"),
                List.of("before=1,edge[65536]", "x"),
                List.of("before=1,open={a,b", "x"),
                List.of("before=1,m.", "x"),
                List.of("before=1,unterminated[1", "x"),
                List.of("before=1,l[0]=a,l.x", "x"),
                List.of("before=1,l=a,l[0]", "x"),
                List.of("before=1,n=null,n.x", "x"),
                List.of("a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.aa.bb.cc.dd", "thirty"),
                List.of("a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.aa.bb.cc.dd.ee", "thirtyone"),
                List.of(".leading", "x"),
                List.of("a..b", "x"),
                List.of("=x,k", "v"));
    }

    @ParameterizedTest(name = "[{index}] {0}={1}")
    @MethodSource("cases")
    void setLineParsesLikeHelm(List<String> entry) {
        String key = entry.get(0);
        String value = entry.get(1);
        HelmOracle.Result helm = HelmOracle.template(new HelmOracle.Request(
                chart, "r", "ns", HelmOracle.DEFAULT_KUBE_VERSION, List.of(), Map.of(key, value)));
        String line = HelmJavaSet.line(key, value);
        Map<String, Object> ours = new LinkedHashMap<>();
        if (helm.failed()) {
            SetValueException e = assertThrows(
                    SetValueException.class,
                    () -> Strvals.parseInto(line, ours),
                    () -> "Helm failed but we parsed " + line + " into " + ours + "; Helm: " + helm.error());
            assertEquals(helm.error(), "failed parsing --set data: " + e.getMessage(), "line: " + line);
            return;
        }
        Strvals.parseInto(line, ours);
        assertEquals(helmDump(helm.output()), GoValueDump.dump(ours), "line: " + line);
    }

    private static String helmDump(String output) {
        for (String line : output.split("\n", -1)) {
            if (line.startsWith("# ") && !line.startsWith("# Source:")) {
                return line.substring(2);
            }
        }
        throw new AssertionError("no dump line in Helm's output:\n" + output);
    }
}
