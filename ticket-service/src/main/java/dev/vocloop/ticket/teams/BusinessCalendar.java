package dev.vocloop.ticket.teams;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * When a team works: its time zone, working days, one working window per day and holidays. SLA
 * targets in business hours only run inside these windows.
 *
 * @param timezone    IANA zone id, e.g. {@code Asia/Shanghai}
 * @param workingDays days of the week with a working window
 * @param workStart   start of the working window, local time
 * @param workEnd     end of the working window, local time (after {@code workStart})
 * @param holidays    local dates without a working window
 */
// stored in a JSON column too: fields written by a newer version must not break reading
@JsonIgnoreProperties(ignoreUnknown = true)
public record BusinessCalendar(
        String timezone,
        @NotEmpty(message = "a calendar needs at least one working day") List<DayOfWeek> workingDays,
        @NotNull LocalTime workStart,
        @NotNull LocalTime workEnd,
        List<LocalDate> holidays) {

    public static final String DEFAULT_TIMEZONE = "Asia/Shanghai";

    public BusinessCalendar {
        timezone = timezone == null || timezone.isBlank() ? DEFAULT_TIMEZONE : timezone;
        workingDays = workingDays == null ? List.of() : List.copyOf(workingDays);
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }

    /** Monday to Friday, 09:00 to 18:00, no holidays. */
    public static BusinessCalendar standard(String timezone) {
        return new BusinessCalendar(timezone,
                List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
                LocalTime.of(9, 0), LocalTime.of(18, 0), List.of());
    }

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }

    /** The reason this calendar cannot be used, or {@code null} when it can. */
    public String problem() {
        try {
            ZoneId.of(timezone);
        } catch (DateTimeException e) {
            return "unknown timezone " + timezone;
        }
        if (workingDays.isEmpty()) {
            return "a calendar needs at least one working day";
        }
        if (workStart == null || workEnd == null || !workEnd.isAfter(workStart)) {
            return "workEnd must be after workStart";
        }
        return null;
    }

    public boolean isWorkingDay(LocalDate date) {
        return Set.copyOf(workingDays).contains(date.getDayOfWeek()) && !holidays.contains(date);
    }
}
