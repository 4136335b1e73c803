package dev.tollgate;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Tollgate: scorecards for two-pizza teams and a promotion gate for their pipelines. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TollgateApplication {

    public static void main(String[] args) {
        SpringApplication.run(TollgateApplication.class, args);
    }

    /**
     * The one source of "now": every time window is testable with {@code Clock.fixed}. It ticks in
     * microseconds, the precision both H2 and PostgreSQL store, so a time read back equals the
     * time written.
     */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
