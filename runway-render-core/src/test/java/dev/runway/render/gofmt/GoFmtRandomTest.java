package dev.runway.render.gofmt;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Go's fmt never fails: random formats over random values must always give text (a fixed seed keeps it stable). */
class GoFmtRandomTest {

    private static final String ALPHABET = "%%%%%%vdsqxXobeEfFgGtcUT[]*.0123456789+-# abc\n";

    @Test
    void sprintfNeverThrows() {
        Random random = new Random(42);
        Object[] pool = {
            null,
            "s",
            "",
            1,
            -7L,
            3.5,
            -0.0,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            true,
            List.of(1, "a"),
            Map.of("k", 2.0),
            new byte[] {104, 105},
            1e21,
            0x10FFFF,
            -1
        };
        for (int i = 0; i < 20_000; i++) {
            StringBuilder f = new StringBuilder();
            int len = random.nextInt(12);
            for (int k = 0; k < len; k++) {
                f.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            List<Object> args = new ArrayList<>();
            int n = random.nextInt(4);
            for (int k = 0; k < n; k++) {
                args.add(pool[random.nextInt(pool.length)]);
            }
            String format = f.toString();
            try {
                assertNotNull(GoFmt.sprintf(format, args.toArray()));
                assertNotNull(GoFmt.sprint(args.toArray()));
            } catch (RuntimeException e) {
                throw new AssertionError("sprintf(" + GoStrconv.quote(format) + ", " + args + ") threw", e);
            }
        }
    }
}
