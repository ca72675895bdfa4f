package dev.runway.render.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ValuePositionsTest {
    /** A reading that counts how often it is asked, over the positions of a small file. */
    private static final class CountedReading implements ValuePositions.Reading {
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public ValuePositions read() {
            reads.incrementAndGet();
            return ValuesFiles.standard().read("a:\n  b: 1\n", "v.yaml").positions();
        }
    }

    @Test
    void deferredPositionsAreReadOnceWhenFirstAskedAndSharedByShiftedViews() {
        CountedReading reading = new CountedReading();
        ValuePositions positions = ValuePositions.deferred(reading);
        ValuePositions later = positions.shifted(10);
        assertEquals(0, reading.reads.get(), "nothing is read before a position is asked for");

        assertEquals(Optional.of(new SourcePosition("v.yaml", 2, 6)), positions.value(ValuesPath.of("a", "b")));
        assertEquals(Optional.of(new SourcePosition("v.yaml", 12, 3)), later.key(ValuesPath.of("a", "b")));
        assertEquals(
                Optional.of(new SourcePosition("v.yaml", 15, 6)),
                later.shifted(3).value(ValuesPath.of("a", "b")));
        assertEquals(Optional.empty(), positions.value(ValuesPath.of("a", "c")));
        assertEquals(1, reading.reads.get());
    }

    @Test
    void threadsAskingAtOnceShareOneReading() throws InterruptedException {
        CountedReading reading = new CountedReading();
        ValuePositions positions = ValuePositions.deferred(reading);
        List<Thread> threads = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread thread = new Thread(() -> positions.value(ValuesPath.of("a")));
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(1, reading.reads.get());
    }

    @Test
    void aLargeValuesFileHasTheSamePositionsAsASmallOne() {
        // Files over the deferred size have their positions found before their values are built.
        String padding = "# " + "x".repeat(ValuesFiles.DEFERRED_POSITIONS_MAX_CHARS) + "\n";
        ValuesDocument large = ValuesFiles.standard().read(padding + "x: 1\nlist:\n  - k: v\n", "w.yaml");
        assertEquals(
                new SourcePosition("w.yaml", 4, 8),
                large.positionOf(ValuesPath.of("list", 0, "k")).orElseThrow());
        assertEquals(
                new SourcePosition("w.yaml", 3, 1),
                large.keyPositionOf(ValuesPath.of("list")).orElseThrow());
    }

    @Test
    void aValuesFileThatReadsWellStillNamesWhereEachValueIs() {
        // The file's positions are found at the first question, from the text the read kept for it.
        ValuesDocument doc = ValuesFiles.standard().read("x: 1\nlist:\n  - k: v\n", "w.yaml");
        assertEquals(
                new SourcePosition("w.yaml", 3, 8),
                doc.positionOf(ValuesPath.of("list", 0, "k")).orElseThrow());
        assertEquals(
                new SourcePosition("w.yaml", 2, 1),
                doc.keyPositionOf(ValuesPath.of("list")).orElseThrow());
        assertTrue(doc.positionOf(ValuesPath.of("nowhere")).isEmpty());
    }
}
