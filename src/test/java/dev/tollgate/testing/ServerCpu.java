package dev.tollgate.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The CPU a server process has used, for the benchmarks: all its threads (GC and JIT included), as
 * the system counts them. The CPU a request costs says where a rate's limit lies: a server that
 * used every core it had is limited by its own work, one that did not by waiting.
 */
public final class ServerCpu {

    private ServerCpu() {
    }

    /** Seconds of CPU {@code process} has used so far; NaN when there is no process or the system does not say. */
    public static double seconds(Optional<ProcessHandle> process) {
        return process.flatMap(running -> running.info().totalCpuDuration())
                .map(cpu -> cpu.toNanos() / 1e9).orElse(Double.NaN);
    }

    /**
     * The seconds of CPU {@code process} uses from {@code after} from now for {@code window}: the
     * measured part of a load that starts now with a warm-up of {@code after}.
     */
    public static CompletableFuture<Double> during(ProcessHandle process, Duration after, Duration window) {
        return CompletableFuture.supplyAsync(() -> seconds(Optional.of(process)),
                CompletableFuture.delayedExecutor(after.toNanos(), TimeUnit.NANOSECONDS))
                .thenCompose(before -> CompletableFuture.supplyAsync(() -> seconds(Optional.of(process)) - before,
                        CompletableFuture.delayedExecutor(window.toNanos(), TimeUnit.NANOSECONDS)));
    }
}
