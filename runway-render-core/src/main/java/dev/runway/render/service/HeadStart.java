package dev.runway.render.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Work started on a second thread before the caller needs it (issue 19: a cold run can use the machine's second core),
 * such as loading a chart while the values are read, or checking later environments while the first is checked.
 * Only a head start: the work must read and never write, and the caller does again, in order and on its own thread,
 * any task that failed, so what fails and the order failures are reported in stay those of a sequential run.
 *
 * @param <T> what each task gives
 */
final class HeadStart<T> {
    private final List<FutureTask<T>> tasks;

    private HeadStart(List<FutureTask<T>> tasks) {
        this.tasks = tasks;
    }

    /**
     * Starts the given work, in order, on one daemon thread (it never keeps alive a JVM whose build failed before the
     * work was needed); a null entry is work the caller does itself.
     */
    static <T> HeadStart<T> start(String threadName, List<Callable<T>> work) {
        List<FutureTask<T>> tasks = new ArrayList<>(work.size());
        List<FutureTask<T>> started = new ArrayList<>();
        for (Callable<T> callable : work) {
            FutureTask<T> task = callable == null ? null : new FutureTask<>(callable);
            tasks.add(task);
            if (task != null) {
                started.add(task);
            }
        }
        if (!started.isEmpty()) {
            Thread thread = new Thread(() -> started.forEach(FutureTask::run), threadName);
            thread.setDaemon(true);
            thread.start();
        }
        return new HeadStart<>(tasks);
    }

    /** The result of task {@code index}, waiting for it; null when there was none or it failed (do it again). */
    T result(int index) {
        FutureTask<T> task = tasks.get(index);
        if (task == null) {
            return null;
        }
        try {
            return task.get();
        } catch (ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
