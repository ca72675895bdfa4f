package dev.runway.render.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.runway.render.gofmt.GoFmt;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;

/**
 * Go's fmt never fails: a bad verb or a missing argument prints {@code %!v(...)} markers instead. So
 * {@code printf} with any format and any values must return text and throw nothing.
 */
@Tag("fuzz")
class GoFmtFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void sprintfNeverThrows(FuzzedDataProvider data) {
        String format = data.consumeString(64);
        List<Object> args = new ArrayList<>();
        int count = data.consumeInt(0, 4);
        for (int i = 0; i < count; i++) {
            args.add(FuzzValues.goValue(data, 2));
        }
        assertNotNull(GoFmt.sprintf(format, args.toArray()));
        assertNotNull(GoFmt.sprint(args.toArray()));
    }

    @FuzzTest(maxDuration = "10s")
    void sprintNeverThrows(FuzzedDataProvider data) {
        assertNotNull(GoFmt.sprint(FuzzValues.goValue(data, 3)));
    }
}
