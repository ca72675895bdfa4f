package dev.runway.render.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CronScheduleTest {
    private static final Pattern EVERY = Pattern.compile("([0-9]*\\.?[0-9]+(ns|us|\u00b5s|ms|s|m|h))+");

    @Test
    void everyDurationIsWhatTheExpressionMatches() {
        for (String d :
                List.of("", "1s", "1.5h", ".5m", "1.s", "1..5s", "5", "1ms", "1m5s", "1msx", "\u00b5s", "1\u00b5s")) {
            assertEquals(EVERY.matcher(d).matches(), CronSchedule.isEveryDuration(d), d);
        }
        Random random = new Random(9);
        String[] parts = {"1", "0", ".", "n", "u", "\u00b5", "m", "s", "h", "x"};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int j = random.nextInt(8); j > 0; j--) {
                b.append(parts[random.nextInt(parts.length)]);
            }
            String d = b.toString();
            assertEquals(EVERY.matcher(d).matches(), CronSchedule.isEveryDuration(d), d);
        }
    }

    @Test
    void hostileEveryDurationsEndInLinearTime() {
        // Java's expression took 20 s on 10,000 digits without a unit and overflowed the stack on "1s" x 50,000.
        String digits = "@every " + "1".repeat(1_000_000) + "x";
        String parts = "@every " + "1s".repeat(500_000);
        assertTrue(assertTimeoutPreemptively(Duration.ofSeconds(5), () -> CronSchedule.problem(digits))
                .isPresent());
        assertEquals(
                Optional.empty(), assertTimeoutPreemptively(Duration.ofSeconds(5), () -> CronSchedule.problem(parts)));
    }
}
