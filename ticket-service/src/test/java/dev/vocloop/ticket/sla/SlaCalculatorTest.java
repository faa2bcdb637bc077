package dev.vocloop.ticket.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocloop.ticket.sla.SlaCalculator.Deadline;
import dev.vocloop.ticket.sla.SlaCalculator.Remaining;
import dev.vocloop.ticket.teams.BusinessCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SLA arithmetic, including the cases that broke well-known helpdesks. */
class SlaCalculatorTest {

    private static final BusinessCalendar SHANGHAI = BusinessCalendar.standard("Asia/Shanghai");
    private static final SlaTarget EIGHT_BUSINESS_HOURS = new SlaTarget(Duration.ofHours(8), true);

    private static Instant at(String isoWithOffset) {
        return OffsetDateTime.parse(isoWithOffset).toInstant();
    }

    @Test
    void businessHoursSkipTheWeekend() {
        // Friday 16:00: two hours on Friday, six on Monday
        Deadline d = SlaCalculator.start(at("2026-11-27T16:00+08:00"), EIGHT_BUSINESS_HOURS, SHANGHAI);
        assertEquals(at("2026-11-30T15:00+08:00"), d.due());
    }

    @Test
    void aroundTheClockTargetsIgnoreTheCalendar() {
        Deadline d = SlaCalculator.start(at("2026-11-28T23:30+08:00"), new SlaTarget(Duration.ofHours(1), false), SHANGHAI);
        assertEquals(at("2026-11-29T00:30+08:00"), d.due());
        assertEquals(at("2026-11-29T00:18+08:00"), d.riskAt());
    }

    @Test
    void aHolidayInsideTheDeadlineIsSkipped() {
        BusinessCalendar withHoliday = new BusinessCalendar("Asia/Shanghai", SHANGHAI.workingDays(), LocalTime.of(9, 0),
                LocalTime.of(18, 0), List.of(LocalDate.of(2026, 11, 30)));
        Deadline d = SlaCalculator.start(at("2026-11-27T16:00+08:00"), EIGHT_BUSINESS_HOURS, withHoliday);
        assertEquals(at("2026-12-01T15:00+08:00"), d.due());
    }

    @Test
    void startsOutsideWorkingHoursCountFromTheNextOpening() {
        assertEquals(at("2026-11-30T10:00+08:00"),
                SlaCalculator.add(at("2026-11-30T07:00+08:00"), Duration.ofHours(1), true, SHANGHAI));
        assertEquals(at("2026-11-30T10:00+08:00"),
                SlaCalculator.add(at("2026-11-27T20:00+08:00"), Duration.ofHours(1), true, SHANGHAI));
    }

    @Test
    void businessDaysAreWorkingWindowsOfTheTeam() {
        // P3 resolution: 3 business days = 27 working hours from Wednesday 10:00
        SlaTarget threeDays = new SlaTarget(Duration.ofDays(3), true);
        assertEquals(Duration.ofHours(27), SlaCalculator.amount(threeDays, SHANGHAI));
        assertEquals(at("2026-11-30T10:00+08:00"), SlaCalculator.start(at("2026-11-25T10:00+08:00"), threeDays, SHANGHAI).due());
    }

    @Test
    void theTeamsTimezoneDecides() {
        BusinessCalendar berlin = BusinessCalendar.standard("Europe/Berlin");
        // 08:00 UTC is 16:00 in Shanghai (2 h left that day) but 09:00 in Berlin (a whole day left)
        Instant start = at("2026-11-25T08:00Z");
        assertEquals(at("2026-11-26T15:00+08:00"), SlaCalculator.add(start, Duration.ofHours(8), true, SHANGHAI));
        assertEquals(at("2026-11-25T17:00+01:00"), SlaCalculator.add(start, Duration.ofHours(8), true, berlin));
    }

    @Test
    void daylightSavingEndKeepsTheLocalOpeningHour() {
        // Berlin leaves summer time on Sunday 25 October 2026: Monday opens at 09:00 CET = 08:00 UTC
        BusinessCalendar berlin = BusinessCalendar.standard("Europe/Berlin");
        Instant due = SlaCalculator.add(at("2026-10-23T17:00+02:00"), Duration.ofHours(2), true, berlin);
        assertEquals(at("2026-10-26T10:00+01:00"), due);
        assertEquals(at("2026-10-26T09:00Z"), due);
    }

    @Test
    void daylightSavingJumpShortensAWindowThatSpansIt() {
        // New York springs forward at 02:00 on Sunday 8 March 2026: a 01:00-05:00 window lasts 3 real hours
        BusinessCalendar night = new BusinessCalendar("America/New_York", List.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY),
                LocalTime.of(1, 0), LocalTime.of(5, 0), List.of());
        Instant start = at("2026-03-08T01:00-05:00");
        assertEquals(Duration.ofHours(3), SlaCalculator.between(start, at("2026-03-08T05:00-04:00"), true, night));
        assertEquals(at("2026-03-09T02:00-04:00"), SlaCalculator.add(start, Duration.ofHours(4), true, night));
    }

    @Test
    void pauseAndResumeAcrossAWeekendKeepWhatWasLeft() {
        Deadline d = SlaCalculator.start(at("2026-11-27T10:00+08:00"), EIGHT_BUSINESS_HOURS, SHANGHAI);
        assertEquals(at("2026-11-27T18:00+08:00"), d.due());
        // waiting on the customer from Friday 14:00 (4 business hours left) ...
        Remaining left = SlaCalculator.pause(d, at("2026-11-27T14:00+08:00"), true, SHANGHAI);
        assertEquals(Duration.ofHours(4), left.due());
        // ... who answers on Saturday: the clock resumes, but only runs on Monday
        Deadline resumed = SlaCalculator.resume(left, at("2026-11-28T12:00+08:00"), true, SHANGHAI);
        assertEquals(at("2026-11-30T13:00+08:00"), resumed.due());
    }

    @Test
    void theClockStopsAtResolution() {
        Instant due = at("2026-11-27T18:00+08:00");
        Instant resolved = at("2026-11-27T15:00+08:00");
        Instant muchLater = at("2026-12-15T12:00+08:00");
        assertEquals(Duration.ofHours(3), SlaCalculator.timeLeft(due, muchLater, resolved, true, SHANGHAI));
        assertTrue(SlaCalculator.timeLeft(due, muchLater, null, true, SHANGHAI).isNegative(), "a running clock is overdue by then");
    }

    @Test
    void atRiskComesAtEightyPercentOfTheTarget() {
        Deadline d = SlaCalculator.start(at("2026-11-30T09:00+08:00"), EIGHT_BUSINESS_HOURS, SHANGHAI);
        assertEquals(at("2026-11-30T15:24+08:00"), d.riskAt());
    }

    @Test
    void businessTimeBetweenCountsOnlyWorkingWindows() {
        assertEquals(Duration.ofHours(11), SlaCalculator.between(at("2026-11-27T09:00+08:00"), at("2026-11-30T11:00+08:00"), true, SHANGHAI));
        assertEquals(Duration.ofHours(-11), SlaCalculator.between(at("2026-11-30T11:00+08:00"), at("2026-11-27T09:00+08:00"), true, SHANGHAI));
    }

    @Test
    void aCalendarWithoutWorkingDaysIsRefused() {
        BusinessCalendar empty = new BusinessCalendar("Asia/Shanghai", List.of(), LocalTime.of(9, 0), LocalTime.of(18, 0), List.of());
        assertThrows(IllegalArgumentException.class, () -> SlaCalculator.add(Instant.now(), Duration.ofHours(1), true, empty));
        BusinessCalendar allHolidays = new BusinessCalendar("Asia/Shanghai", List.of(DayOfWeek.MONDAY), LocalTime.of(9, 0),
                LocalTime.of(18, 0), java.util.stream.IntStream.range(0, 4000)
                        .mapToObj(i -> LocalDate.of(2026, 11, 30).plusWeeks(i)).toList());
        assertThrows(IllegalArgumentException.class,
                () -> SlaCalculator.add(at("2026-11-28T00:00+08:00"), Duration.ofHours(1), true, allHolidays));
    }
}
