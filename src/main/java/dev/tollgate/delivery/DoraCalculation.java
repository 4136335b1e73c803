package dev.tollgate.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The DORA figures of a set of production deployments, without a database: the deployments it is
 * given are taken to be production deployments, each with its full history, grouped by service.
 * Every window is read as it stood at its end {@code to}: each deployment as of {@code to}
 * ({@link Deployment#asOf}), so statuses reported for later times do not count, and a past period
 * reads the same whenever it is asked for.
 * <ul>
 * <li><b>Deployments</b>: those that finished in {@code [from, to)} (their finish time as of
 * {@code to}), in SUCCEEDED, FAILED or ROLLED_BACK. One still STARTED is not counted.
 * <li><b>Failures</b>: of those, the ones FAILED or ROLLED_BACK as of {@code to}, so one that
 * succeeded and was rolled back before {@code to} is a failure.
 * <li><b>Deployments per day</b>: the successful deployments (deployments less failures) divided
 * by the window's length in days, fractions of a day included; 0.0 without any, since no
 * deployment is a real frequency.
 * <li><b>Lead time for changes</b>: the median, over successful deployments that carry a commit
 * time, of finish time less commit time; null when none does.
 * <li><b>Change failure rate</b>: 100 × failures / deployments; null without deployments.
 * <li><b>Time to restore</b>: for each failure, from the time it entered FAILED or ROLLED_BACK to
 * the finish of the first other deployment of the service that finished at or after that time and
 * stood SUCCEEDED at {@code to}. A failure so restored by {@code to} counts as restored, and the
 * median over them is the time to restore (null when none was); one not restored by {@code to}
 * counts as unrestored and is left out of the median.
 * <li><b>Rework</b>: deployments whose previous deployment of the same service (by finish time,
 * before {@code from} too) was a failure as of {@code to}: they were made to fix it. The rework
 * rate is 100 × rework / deployments; null without deployments.
 * </ul>
 * A median of an even count is the mean of the two middle values.
 */
final class DoraCalculation {

    /** More buckets than any chart shows: a step this small for the window is a mistake. */
    static final int MAX_BUCKETS = 10_000;

    private static final double NANOS_PER_DAY = Duration.ofDays(1).toNanos();

    /** The order deployments follow one another in a service: by finish, then as stored. */
    private static final Comparator<Deployment> BY_FINISH = Comparator.comparing(Deployment::finishedAt)
            .thenComparing(Deployment::createdAt).thenComparing(Deployment::id);

    private final Map<String, List<Deployment>> byService = new LinkedHashMap<>();

    /** Over production deployments of any number of services, each with its full history. */
    DoraCalculation(List<Deployment> deployments) {
        deployments.forEach(deployment -> byService.computeIfAbsent(deployment.service(), s -> new ArrayList<>())
                .add(deployment));
    }

    /** @throws IllegalArgumentException when {@code from} is not before {@code to} */
    static void checkWindow(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("The window must end after it starts: " + from + " to " + to);
        }
    }

    /** The figures over {@code [from, to)}, read as they stood at {@code to}. */
    DoraFigures over(Instant from, Instant to) {
        checkWindow(from, to);
        Tally tally = new Tally();
        for (List<Deployment> deployments : byService.values()) {
            List<Deployment> finished = finishedAsOf(deployments, to);
            for (int i = 0; i < finished.size(); i++) {
                Deployment deployment = finished.get(i);
                if (!deployment.finishedAt().isBefore(from) && deployment.finishedAt().isBefore(to)) {
                    tally.count(deployment, i > 0 ? finished.get(i - 1) : null, finished);
                }
            }
        }
        return tally.figures(from, to);
    }

    /**
     * The figures of each bucket {@code [from + i × step, from + (i + 1) × step)}, the last clipped
     * to {@code to}, each read as it stood at the bucket's end: the same as {@link #over} of it.
     *
     * @throws IllegalArgumentException when the step is not positive or makes more than
     *         {@link #MAX_BUCKETS} buckets
     */
    List<DoraFigures> perBucket(Instant from, Instant to, Duration step) {
        checkWindow(from, to);
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("The step must be positive: " + step);
        }
        List<DoraFigures> buckets = new ArrayList<>();
        for (Instant start = from; start.isBefore(to); start = start.plus(step)) {
            if (buckets.size() == MAX_BUCKETS) {
                throw new IllegalArgumentException("A step of " + step + " makes more than " + MAX_BUCKETS + " buckets");
            }
            Instant end = start.plus(step).isBefore(to) ? start.plus(step) : to;
            buckets.add(over(start, end));
        }
        return buckets;
    }

    /** A service's deployments as of {@code at} that had finished by then, in the order they finished. */
    private static List<Deployment> finishedAsOf(List<Deployment> deployments, Instant at) {
        return deployments.stream()
                .filter(deployment -> deployment.history().stream().anyMatch(change -> !change.time().isAfter(at)))
                .map(deployment -> deployment.asOf(at))
                .filter(deployment -> deployment.finishedAt() != null && deployment.status() != DeploymentStatus.STARTED)
                .sorted(BY_FINISH)
                .toList();
    }

    /** The counts and durations of one window, as its deployments are met. */
    private static final class Tally {

        int deployments;
        int failures;
        int restored;
        int unrestored;
        int rework;
        final List<Duration> leadTimes = new ArrayList<>();
        final List<Duration> restoreTimes = new ArrayList<>();

        /**
         * Counts a deployment of the window, given the one of its service that finished before it
         * (null when none) and all of its service's finished deployments.
         */
        void count(Deployment deployment, Deployment previous, List<Deployment> finished) {
            deployments++;
            if (previous != null && previous.status().isFailure()) {
                rework++;
            }
            if (!deployment.status().isFailure()) {
                if (deployment.commitTime() != null) {
                    leadTimes.add(Duration.between(deployment.commitTime(), deployment.finishedAt()));
                }
                return;
            }
            failures++;
            Instant failedAt = deployment.time();
            finished.stream()
                    .filter(other -> other != deployment && other.status() == DeploymentStatus.SUCCEEDED
                            && !other.finishedAt().isBefore(failedAt))
                    .findFirst()
                    .ifPresentOrElse(restoring -> {
                        restored++;
                        restoreTimes.add(Duration.between(failedAt, restoring.finishedAt()));
                    }, () -> unrestored++);
        }

        DoraFigures figures(Instant from, Instant to) {
            double days = Duration.between(from, to).toNanos() / NANOS_PER_DAY;
            return new DoraFigures(from, to, deployments, failures, restored, unrestored, rework,
                    (deployments - failures) / days, median(leadTimes), percentOfDeployments(failures),
                    median(restoreTimes), percentOfDeployments(rework));
        }

        private Double percentOfDeployments(int count) {
            return deployments == 0 ? null : 100.0 * count / deployments;
        }

        private static Duration median(List<Duration> durations) {
            if (durations.isEmpty()) {
                return null;
            }
            List<Duration> sorted = durations.stream().sorted().toList();
            int middle = sorted.size() / 2;
            return sorted.size() % 2 == 1 ? sorted.get(middle)
                    : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
        }
    }
}
