package dev.parley.testing;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waiting in black-box tests for work the server does after answering (refunds, mail, timers). */
public final class Eventually {

    private Eventually() {
    }

    /**
     * Reads {@code read} every 200 ms until {@code done} accepts the value or {@code timeout} passes, and returns
     * the last value read: the caller asserts on it, so a timeout fails with what was last seen.
     */
    public static <T> T await(Duration timeout, Supplier<T> read, Predicate<T> done) {
        long end = System.nanoTime() + timeout.toNanos();
        T value = read.get();
        while (!done.test(value) && System.nanoTime() < end) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return value;
            }
            value = read.get();
        }
        return value;
    }
}
