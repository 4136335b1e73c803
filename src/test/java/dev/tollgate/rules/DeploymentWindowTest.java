package dev.tollgate.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DeploymentWindowTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private static final DeploymentWindow OFFICE_HOURS = new DeploymentWindow(BERLIN,
            List.of(new DeploymentWindow.Allowed(WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(16, 0))),
            Set.of(LocalDate.of(2026, 12, 24)));

    @Test
    void open_from_its_first_instant_until_just_before_its_end() {
        assertThat(OFFICE_HOURS.check(berlin(2026, 11, 26, 9, 0)).open()).isTrue();
        assertThat(OFFICE_HOURS.check(berlin(2026, 11, 26, 15, 59)).open()).isTrue();
        assertThat(OFFICE_HOURS.check(berlin(2026, 11, 26, 16, 0)).open()).isFalse();
        assertThat(OFFICE_HOURS.check(berlin(2026, 11, 26, 8, 59)).open()).isFalse();
    }

    @Test
    void closed_it_says_when_it_next_opens() {
        Instant fridayEvening = berlin(2026, 11, 27, 18, 30);
        DeploymentWindow.Check check = OFFICE_HOURS.check(fridayEvening);

        assertThat(check.open()).isFalse();
        assertThat(check.opens()).contains(berlin(2026, 11, 30, 9, 0));
        assertThat(check.waitFrom(fridayEvening)).contains(Duration.ofHours(62).plusMinutes(30));
    }

    @Test
    void a_deny_date_closes_the_day_and_the_next_opening_skips_it() {
        Instant christmasEve = berlin(2026, 12, 24, 10, 0);
        DeploymentWindow.Check check = OFFICE_HOURS.check(christmasEve);

        assertThat(check.open()).isFalse();
        assertThat(check.opens()).contains(berlin(2026, 12, 25, 9, 0));
        assertThat(OFFICE_HOURS.check(berlin(2026, 12, 23, 20, 0)).opens()).contains(berlin(2026, 12, 25, 9, 0));
    }

    @Test
    void on_daylight_saving_days_the_window_keeps_its_wall_clock_times() {
        DeploymentWindow everyDay = new DeploymentWindow(BERLIN, List.of(new DeploymentWindow.Allowed(
                EnumSet.allOf(DayOfWeek.class), LocalTime.of(9, 0), LocalTime.of(16, 0))), Set.of());
        // 2026-03-29: clocks go from 02:00 to 03:00; 9:00 is UTC+2, the day before UTC+1.
        assertThat(everyDay.check(Instant.parse("2026-03-28T07:59:00Z")).open()).isFalse();
        assertThat(everyDay.check(Instant.parse("2026-03-28T08:00:00Z")).open()).isTrue();
        assertThat(everyDay.check(Instant.parse("2026-03-29T07:00:00Z")).open()).isTrue();
        assertThat(everyDay.check(Instant.parse("2026-03-29T06:59:00Z")).opens())
                .contains(Instant.parse("2026-03-29T07:00:00Z"));
        // 2026-10-25: clocks go back from 03:00 to 02:00.
        assertThat(everyDay.check(Instant.parse("2026-10-25T13:59:00Z")).open()).isTrue();
        assertThat(everyDay.check(Instant.parse("2026-10-25T15:00:00Z")).open()).isFalse();
    }

    @Test
    void a_window_that_opens_in_the_skipped_hour_opens_when_the_clocks_have_jumped() {
        DeploymentWindow night = new DeploymentWindow(BERLIN, List.of(new DeploymentWindow.Allowed(
                EnumSet.allOf(DayOfWeek.class), LocalTime.of(2, 30), LocalTime.of(4, 0))), Set.of());

        assertThat(night.check(Instant.parse("2026-03-29T00:00:00Z")).opens())
                .contains(Instant.parse("2026-03-29T01:30:00Z")); // 03:30 local, just after the gap
    }

    @Test
    void a_window_past_midnight_is_open_into_the_next_day_even_when_that_day_is_not_allowed() {
        DeploymentWindow nights = new DeploymentWindow(BERLIN, List.of(new DeploymentWindow.Allowed(
                EnumSet.of(DayOfWeek.FRIDAY), LocalTime.of(22, 0), LocalTime.of(6, 0))), Set.of());

        assertThat(nights.check(berlin(2026, 11, 27, 23, 0)).open()).isTrue();
        assertThat(nights.check(berlin(2026, 11, 28, 5, 59)).open()).isTrue();
        assertThat(nights.check(berlin(2026, 11, 28, 6, 0)).opens()).contains(berlin(2026, 12, 4, 22, 0));
    }

    @Test
    void a_window_that_never_opens_has_no_next_opening() {
        DeploymentWindow never = new DeploymentWindow(BERLIN, List.of(), Set.of());

        DeploymentWindow.Check check = never.check(berlin(2026, 11, 26, 12, 0));
        assertThat(check.open()).isFalse();
        assertThat(check.opens()).isEmpty();
    }

    @Test
    void an_empty_window_is_refused() {
        assertThatThrownBy(() -> new DeploymentWindow.Allowed(WEEKDAYS, LocalTime.NOON, LocalTime.NOON))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Instant berlin(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, BERLIN).toInstant();
    }
}
