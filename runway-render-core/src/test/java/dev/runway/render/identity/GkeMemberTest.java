package dev.runway.render.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** HandshakeCheck reads a Workload Identity member by hand; the expression it replaces must agree on every text. */
class GkeMemberTest {
    private static final Pattern GKE_MEMBER =
            Pattern.compile("serviceAccount:(.+)\\.svc\\.id\\.goog\\[([^/]+)/([^]]+)]");

    @Test
    void readsAsTheExpressionMatches() {
        for (String text : List.of(
                "serviceAccount:proj.svc.id.goog[ns/name]",
                "serviceAccount:a.svc.id.goog[b.svc.id.goog[ns/name]",
                "serviceAccount:proj.svc.id.goog[ns/na/me]",
                "serviceAccount:proj.svc.id.goog[ns/na]me]",
                "serviceAccount:pr\noj.svc.id.goog[ns/name]",
                "serviceAccount:proj.svc.id.goog[n\ns/name]",
                "serviceAccount:.svc.id.goog[ns/name]",
                "serviceAccount:proj.svc.id.goog[/name]",
                "serviceAccount:proj.svc.id.goog[ns/]")) {
            assertSame(text);
        }
        Random random = new Random(5);
        String[] parts = {"serviceAccount:", ".svc.id.goog[", "/", "]", "[", "a", "\n", ".", "\u2028"};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder(random.nextInt(4) == 0 ? "" : "serviceAccount:");
            for (int j = random.nextInt(9); j > 0; j--) {
                b.append(parts[random.nextInt(parts.length)]);
            }
            if (random.nextBoolean()) {
                b.append(']');
            }
            assertSame(b.toString());
        }
    }

    @Test
    void manyPoolsEndInLinearTime() {
        // The expression took 1 s on 10,000 characters of ".svc.id.goog[" and over 20 s on 100,000.
        String text = "serviceAccount:" + ".svc.id.goog[".repeat(100_000) + "]";
        assertNull(assertTimeoutPreemptively(Duration.ofSeconds(5), () -> HandshakeCheck.GkeMember.read(text)));
    }

    private static void assertSame(String text) {
        Matcher m = GKE_MEMBER.matcher(text);
        HandshakeCheck.GkeMember read = HandshakeCheck.GkeMember.read(text);
        if (!m.matches()) {
            assertNull(read, text);
        } else {
            assertEquals(new HandshakeCheck.GkeMember(m.group(), m.group(1), m.group(2), m.group(3)), read, text);
        }
    }
}
