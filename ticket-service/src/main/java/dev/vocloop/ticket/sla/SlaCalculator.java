package dev.vocloop.ticket.sla;

import dev.vocloop.ticket.teams.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The SLA arithmetic, pure and without state: adding a target to an instant and measuring the
 * time between two instants, either around the clock or only inside a team's working windows.
 * Working windows are placed in the team's zone with {@link ZonedDateTime}, so a daylight-saving
 * jump shortens or lengthens the real window the way a wall clock does, and the elapsed business
 * time is always real elapsed time inside a window.
 */
public final class SlaCalculator {

    /** A target that cannot be met within this many days is a broken calendar, not a date. */
    private static final int MAX_DAYS = 3660;

    /** The share of a target after which a ticket is at risk. */
    public static final double AT_RISK_SHARE = 0.8;

    private SlaCalculator() {
    }

    /** The amount of time a target stands for: under business hours a day is one working window. */
    public static Duration amount(SlaTarget target, BusinessCalendar calendar) {
        if (!target.businessHours()) {
            return target.duration();
        }
        long days = target.duration().toDaysPart();
        Duration rest = target.duration().minusDays(days);
        Duration day = Duration.between(calendar.workStart(), calendar.workEnd());
        return day.multipliedBy(days).plus(rest);
    }

    /** The instant at which {@code amount} of (business) time has elapsed after {@code start}. */
    public static Instant add(Instant start, Duration amount, boolean businessHours, BusinessCalendar calendar) {
        if (!businessHours) {
            return start.plus(amount);
        }
        String problem = calendar.problem();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        ZoneId zone = calendar.zone();
        Duration remaining = amount.isNegative() ? Duration.ZERO : amount;
        Instant cursor = start;
        LocalDate day = start.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            if (!calendar.isWorkingDay(day)) {
                continue;
            }
            Instant open = ZonedDateTime.of(day, calendar.workStart(), zone).toInstant();
            Instant close = ZonedDateTime.of(day, calendar.workEnd(), zone).toInstant();
            Instant from = cursor.isAfter(open) ? cursor : open;
            if (!from.isBefore(close)) {
                continue;
            }
            Duration available = Duration.between(from, close);
            if (remaining.compareTo(available) <= 0) {
                if (remaining.isZero() && from.equals(open) && cursor.isBefore(open)) {
                    // zero business time left: due when the start instant itself, not at the next opening
                    return cursor;
                }
                return from.plus(remaining);
            }
            remaining = remaining.minus(available);
        }
        throw new IllegalArgumentException("the calendar has no working time within " + MAX_DAYS + " days");
    }

    /** The (business) time between two instants; negative when {@code to} is before {@code from}. */
    public static Duration between(Instant from, Instant to, boolean businessHours, BusinessCalendar calendar) {
        if (!businessHours) {
            return Duration.between(from, to);
        }
        if (to.isBefore(from)) {
            return between(to, from, true, calendar).negated();
        }
        ZoneId zone = calendar.zone();
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (!calendar.isWorkingDay(day)) {
                continue;
            }
            Instant open = ZonedDateTime.of(day, calendar.workStart(), zone).toInstant();
            Instant close = ZonedDateTime.of(day, calendar.workEnd(), zone).toInstant();
            Instant a = from.isAfter(open) ? from : open;
            Instant b = to.isBefore(close) ? to : close;
            if (a.isBefore(b)) {
                total = total.plus(Duration.between(a, b));
            }
        }
        return total;
    }

    /** Starts a clock for a target at {@code start}: its deadline and the instant it is at risk. */
    public static Deadline start(Instant start, SlaTarget target, BusinessCalendar calendar) {
        Duration amount = amount(target, calendar);
        Duration risk = Duration.ofMillis((long) (amount.toMillis() * AT_RISK_SHARE));
        return new Deadline(add(start, amount, target.businessHours(), calendar),
                add(start, risk, target.businessHours(), calendar));
    }

    /** Pauses a running clock: what is left of it, frozen until {@link #resume}. */
    public static Remaining pause(Deadline deadline, Instant at, boolean businessHours, BusinessCalendar calendar) {
        return new Remaining(nonNegative(between(at, deadline.due(), businessHours, calendar)),
                nonNegative(between(at, deadline.riskAt(), businessHours, calendar)));
    }

    /** Resumes a paused clock at {@code at} with what was left of it. */
    public static Deadline resume(Remaining remaining, Instant at, boolean businessHours, BusinessCalendar calendar) {
        return new Deadline(add(at, remaining.due(), businessHours, calendar),
                add(at, remaining.riskAt(), businessHours, calendar));
    }

    /**
     * Time left on a clock at {@code now}; a stopped clock (resolved ticket) keeps what was left
     * when it stopped instead of running on. Negative once overdue.
     */
    public static Duration timeLeft(Instant due, Instant now, Instant stoppedAt, boolean businessHours,
            BusinessCalendar calendar) {
        Instant end = stoppedAt != null && stoppedAt.isBefore(now) ? stoppedAt : now;
        return between(end, due, businessHours, calendar);
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** A running clock: when it is due and when it is at risk. */
    public record Deadline(Instant due, Instant riskAt) {
    }

    /** A paused clock: the (business) time that was left to the deadline and to the risk point. */
    public record Remaining(Duration due, Duration riskAt) {
    }
}
