package dev.tollgate.ui;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The operational review's wheel: picks one of the listed services, each as likely as any other.
 * Truly random ({@link SecureRandom}), so that no team can guess when its turn comes: the habit
 * works because every service must be ready to be reviewed live.
 */
@Component
class ReviewWheel {

    private final RandomGenerator random;

    @Autowired
    ReviewWheel() {
        this(new SecureRandom());
    }

    ReviewWheel(RandomGenerator random) {
        this.random = random;
    }

    /** One of {@code listed}, or none when nothing is listed. */
    <T> Optional<T> spin(List<T> listed) {
        return listed.isEmpty() ? Optional.empty() : Optional.of(listed.get(random.nextInt(listed.size())));
    }
}
