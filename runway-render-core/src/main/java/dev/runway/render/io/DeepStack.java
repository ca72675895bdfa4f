package dev.runway.render.io;

import dev.runway.render.api.RenderException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs work that recurses as deeply as its input nests. Go grows a goroutine's stack up to 1 GB, so Helm walks values
 * nested thousands of levels deep (values.yaml up to go-yaml's 10,000 levels, {@code --set a[0][0]...} with tens of
 * thousands) where a default Java thread overflows. The work runs on the calling thread first; only when that thread's
 * stack overflows does it run again on a thread with a stack as large as Go's limit. Inputs are bounded before they
 * reach recursive code (depth checks of the YAML and JSON readers, engine limits), so the second run ends.
 */
public final class DeepStack {
    /** Go's default maximum goroutine stack (runtime/debug.SetMaxStack) on 64-bit systems. */
    private static final long DEEP_STACK_BYTES = 1L << 30;

    private DeepStack() {}

    /**
     * Runs {@code work} again on a thread with a deep stack, after it overflowed the calling thread's stack: callers
     * run their work directly first and call this from their {@code catch (StackOverflowError e)}, so that the common
     * shallow case creates no functional objects (each lambda class is spun at its first use in a fresh JVM, issue
     * 19). Returns {@code work}'s result; when even the deep stack overflows, the exception {@code overflow} makes of
     * that StackOverflowError is thrown instead, so none reaches a caller.
     */
    public static <T> T rerun(Supplier<T> work, Function<StackOverflowError, RuntimeException> overflow) {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread worker = new Thread(
                null,
                () -> {
                    try {
                        result[0] = work.get();
                    } catch (Throwable t) {
                        failure[0] = t;
                    }
                },
                "runway-render-deep-stack",
                DEEP_STACK_BYTES);
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.interrupt();
            throw new RenderException("interrupted while rendering", e);
        }
        if (failure[0] instanceof StackOverflowError deep) {
            throw overflow.apply(deep);
        }
        if (failure[0] instanceof RuntimeException r) {
            throw r;
        }
        if (failure[0] instanceof Error err) {
            throw err;
        }
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }
}
