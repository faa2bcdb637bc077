package dev.vocloop.commons.relay;

import io.quarkus.logging.Log;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

/**
 * Runs a relay's rounds on one background thread of its own. A wake-up while a drain is running
 * is not lost: it makes the running drain go round once more, so a write committed at any moment
 * is picked up promptly without a second concurrent drain in this JVM (replicas are kept apart
 * in the store: {@code FOR UPDATE SKIP LOCKED} and leases in PostgreSQL, lease owners in MongoDB).
 * Every relay of every service runs on this loop, woken after the commit that wrote its work and
 * by a periodic sweep.
 */
public final class RelayLoop {

    private final String name;
    private final IntSupplier round;
    private final ExecutorService executor;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean stopped;

    /**
     * @param name the thread's name, also used in log lines
     * @param round does one batch and returns how many items it handled (0 = nothing due); the loop
     *        runs it again as long as it finds work
     */
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

    /** Whether {@link #shutdown()} was called; a round that handles items one by one may stop between them. */
    public boolean isStopped() {
        return stopped;
    }

    private void submit() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // shutting down: the work stays due in the store for the next start
            running.set(false);
        }
    }

    private void drain() {
        try {
            while (!stopped && again.getAndSet(false)) {
                while (!stopped && round.getAsInt() > 0) {
                    // the next round sees whatever a wake-up during this one announced
                    again.set(false);
                }
            }
        } catch (RuntimeException e) {
            // The next sweep or write wakes us again; the store still holds everything due.
            if (stopped) {
                Log.debugf("%s round interrupted by shutdown: %s", name, e.toString());
            } else {
                Log.warnf("%s round failed: %s", name, e.toString());
            }
        } finally {
            running.set(false);
            if (!stopped && again.get() && running.compareAndSet(false, true)) {
                submit();
            }
        }
    }

    /** Stops the loop: no round starts after this, and the running one is interrupted. */
    public void shutdown() {
        stopped = true;
        executor.shutdownNow();
    }
}
