package dev.tollgate.gate;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tollgate.gate.*}.
 *
 * @param storeTimeout how long the stores may take, all questions of one evaluation together,
 *                     before the rules still waiting for an answer count as ERROR (so STOP): the
 *                     gate answers within two seconds even when a store does not
 * @param commitLinger how long the evaluation that would commit alone, or with few others, waits
 *                     for more to share its commit, when the gate is busy (zero: never)
 */
@ConfigurationProperties("tollgate.gate")
record GateProperties(Duration storeTimeout, Duration commitLinger) {

    GateProperties {
        storeTimeout = storeTimeout == null ? Duration.ofMillis(1500) : storeTimeout;
        commitLinger = commitLinger == null ? Duration.ofNanos(500_000) : commitLinger;
        if (commitLinger.isNegative() || commitLinger.compareTo(Duration.ofMillis(100)) > 0) {
            throw new IllegalArgumentException("tollgate.gate.commit-linger must be between 0 and 100 ms, not "
                    + commitLinger);
        }
    }
}
