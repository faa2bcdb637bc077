package dev.vocloop.survey.support;

import io.quarkus.logging.Log;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

/**
 * Runs a relay's rounds on one background thread of its own. A wake-up while a drain is running
 * is not lost: it makes the running drain go round once more, so a write committed at any moment
 * is picked up promptly without a second concurrent drain in this JVM (replicas are kept apart
 * by {@code FOR UPDATE SKIP LOCKED} and leases in the database).
 */
public final class RelayLoop {

    private final String name;
    private final IntSupplier round;
    private final ExecutorService executor;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean stopped;

    /** @param round does one batch and returns how many items it handled (0 = nothing due) */
    public RelayLoop(String name, IntSupplier round) {
        this.name = name;
        this.round = round;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Asks for a drain soon; cheap and safe to call from any thread, any number of times. */
    public void wake() {
        if (stopped) {
            return;
        }
        again.set(true);
        if (running.compareAndSet(false, true)) {
            submit();
        }
    }

    private void submit() {
        try {
            executor.execute(this::drain);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shutting down: the rows stay due in the database for the next start
            running.set(false);
        }
    }

    private void drain() {
        try {
            while (again.getAndSet(false)) {
                while (round.getAsInt() > 0) {
                    again.set(false);
                }
            }
        } catch (RuntimeException e) {
            // The next sweep or write wakes us again; the database still holds everything due.
            if (stopped) {
                Log.debugf("%s round interrupted by shutdown: %s", name, e.toString());
            } else {
                Log.warnf("%s round failed: %s", name, e.toString());
            }
        } finally {
            running.set(false);
            if (again.get() && running.compareAndSet(false, true)) {
                submit();
            }
        }
    }

    public void shutdown() {
        stopped = true;
        executor.shutdownNow();
    }
}
