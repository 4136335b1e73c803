package dev.tollgate.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

/**
 * Clients that call Tollgate back to back until stopped, each answer kept with when it was asked
 * and when it came: what a fault test judges, phase by phase, after it broke something under load.
 */
public final class SustainedLoad implements AutoCloseable {

    /**
     * One call: who made it, when ({@link System#nanoTime()}), and what came back, or the failure
     * when nothing did (a refused connection, a timeout).
     */
    public record Answer(String client, int sequence, long startedNanos, long endedNanos, ApiResponse response,
            RuntimeException failure) {

        public Duration took() {
            return Duration.ofNanos(endedNanos - startedNanos);
        }

        /** Asked and answered within {@code [from, to]}. */
        public boolean within(long fromNanos, long toNanos) {
            return startedNanos >= fromNanos && endedNanos <= toNanos;
        }

        public int status() {
            return response == null ? -1 : response.status();
        }

        @Override
        public String toString() {
            return client + " #" + sequence + " took " + took().toMillis() + " ms: "
                    + (response == null ? failure : response.status() + " " + response.body());
        }
    }

    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService clients = Executors.newCachedThreadPool();

    /** Starts a client that calls {@code call} with 0, 1, 2... back to back until {@link #stop()}. */
    public SustainedLoad client(String name, IntFunction<ApiResponse> call) {
        clients.submit(() -> {
            for (int sequence = 0; running.get(); sequence++) {
                long started = System.nanoTime();
                try {
                    ApiResponse response = call.apply(sequence);
                    answers.add(new Answer(name, sequence, started, System.nanoTime(), response, null));
                } catch (RuntimeException e) {
                    answers.add(new Answer(name, sequence, started, System.nanoTime(), null, e));
                }
            }
        });
        return this;
    }

    /** Stops every client after its current call and waits for them. */
    public void stop() throws InterruptedException {
        running.set(false);
        clients.shutdown();
        if (!clients.awaitTermination(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("A load client did not finish its call within a minute");
        }
    }

    /** Every answer of {@code client}, in the order asked. */
    public List<Answer> of(String client) {
        return answers.stream().filter(answer -> answer.client().equals(client)).toList();
    }

    public List<Answer> all() {
        return new ArrayList<>(answers);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
