package dev.runway.render.manifest;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The head scanner's per-thread array: reused, never kept beyond its bound, never shared between threads. */
class ManifestScratchTest {
    @Test
    void aThreadGetsItsArrayBackUntilADocumentIsLonger() {
        ManifestScratch scratch = new ManifestScratch();
        char[] first = scratch.chars(100);
        assertTrue(first.length >= 100);
        assertSame(first, scratch.chars(40));
        char[] longer = scratch.chars(5000);
        assertTrue(longer.length >= 5000);
        assertSame(longer, scratch.chars(100));
    }

    @Test
    void anArrayLongerThanTheBoundIsNotKept() {
        ManifestScratch scratch = new ManifestScratch();
        char[] kept = scratch.chars(1000);
        char[] huge = scratch.chars(ManifestScratch.MAX_KEPT + 1);
        assertTrue(huge.length > ManifestScratch.MAX_KEPT);
        assertSame(kept, scratch.chars(1000));
        assertNotSame(huge, scratch.chars(ManifestScratch.MAX_KEPT + 1));
    }

    @Test
    void threadsDoNotShareAnArray() throws InterruptedException {
        ManifestScratch scratch = new ManifestScratch();
        char[] mine = scratch.chars(100);
        AtomicReference<char[]> theirs = new AtomicReference<>();
        Thread other = new Thread(() -> theirs.set(scratch.chars(100)));
        other.start();
        other.join();
        assertNotSame(mine, theirs.get());
        assertSame(mine, scratch.chars(100));
    }
}
