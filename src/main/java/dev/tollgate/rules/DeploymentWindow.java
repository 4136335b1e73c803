package dev.tollgate.rules;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The params of a {@code DEPLOYMENT_WINDOW} rule (API.md "Rules"): the local times, in
 * {@code zone}, at which promotions may happen, and the local dates on which they may not.
 * A window from 22:00 to 06:00 runs past midnight into the next day; a deny date closes every
 * window that opens on it. Times are wall-clock times: on a daylight-saving day a window opens
 * at the same local time, and a local time that does not exist that day (the hour the clocks
 * skip) opens at the first instant after the gap.
 */
record DeploymentWindow(ZoneId zone, List<Allowed> allow, Set<LocalDate> deny) implements RuleParams {

    @Override
    public RuleKind kind() {
        return RuleKind.DEPLOYMENT_WINDOW;
    }


    /** How far ahead the next opening is looked for: a window that does not open within a year never will. */
    private static final int DAYS_AHEAD = 400;

    DeploymentWindow {
        allow = List.copyOf(allow);
        deny = Set.copyOf(deny);
    }

    /** Promotions may start on {@code days} from {@code from} (inclusive) until {@code to} (exclusive). */
    record Allowed(Set<DayOfWeek> days, LocalTime from, LocalTime to) {

        Allowed {
            days = Set.copyOf(days);
            if (from.equals(to)) {
                throw new IllegalArgumentException("A window from " + from + " to " + to + " is never open");
            }
        }

        boolean crossesMidnight() {
            return !to.isAfter(from);
        }
    }

    /** Whether a promotion may happen at {@code now}: open, or closed until the next opening (if any). */
    Check check(Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        // A window that crosses midnight and opened yesterday may still be open.
        for (LocalDate day = today.minusDays(1); !day.isAfter(today); day = day.plusDays(1)) {
            for (Allowed window : opensOn(day)) {
                if (!now.isBefore(opening(day, window)) && now.isBefore(closing(day, window))) {
                    return new Check(true, Optional.empty());
                }
            }
        }
        Instant next = null;
        for (LocalDate day = today; day.isBefore(today.plusDays(DAYS_AHEAD)) && next == null; day = day.plusDays(1)) {
            for (Allowed window : opensOn(day)) {
                Instant opens = opening(day, window);
                if (opens.isAfter(now) && (next == null || opens.isBefore(next))) {
                    next = opens;
                }
            }
        }
        return new Check(false, Optional.ofNullable(next));
    }

    /**
     * @param open  whether the window is open
     * @param opens when it next opens, if closed; empty when it does not open within a year
     */
    record Check(boolean open, Optional<Instant> opens) {

        /** How long until it opens, from {@code now}. */
        Optional<Duration> waitFrom(Instant now) {
            return opens.map(at -> Duration.between(now, at));
        }
    }

    private List<Allowed> opensOn(LocalDate day) {
        if (deny.contains(day)) {
            return List.of();
        }
        return allow.stream().filter(window -> window.days().contains(day.getDayOfWeek())).toList();
    }

    private Instant opening(LocalDate day, Allowed window) {
        // ZonedDateTime.of moves a time in a daylight-saving gap to after the gap.
        return ZonedDateTime.of(day, window.from(), zone).toInstant();
    }

    private Instant closing(LocalDate day, Allowed window) {
        LocalDate closes = window.crossesMidnight() ? day.plusDays(1) : day;
        return ZonedDateTime.of(closes, window.to(), zone).toInstant();
    }
}
