package dev.parley.rules.facts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** The store's calendar day at evaluation time (store time zone). Rules never read the clock themselves. */
public final class Today {

    private final LocalDate date;

    public Today(LocalDate date) {
        this.date = Objects.requireNonNull(date);
    }

    public LocalDate getDate() {
        return date;
    }

    /** Whether today lies in the inclusive window; a null bound is open. */
    public boolean within(LocalDate from, LocalDate to) {
        return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }

    /** Whole days from {@code day} to today (0 on the day itself, negative for future days). */
    public long daysSince(LocalDate day) {
        return ChronoUnit.DAYS.between(day, date);
    }

    @Override
    public String toString() {
        return "Today[" + date + "]";
    }
}
