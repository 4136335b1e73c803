package dev.tollgate.gate;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tollgate.gate.*}.
 *
 * @param storeTimeout how long the stores may take, all questions of one evaluation together,
 *                     before the rules still waiting for an answer count as ERROR (so STOP): the
 *                     gate answers within two seconds even when a store does not
 */
@ConfigurationProperties("tollgate.gate")
record GateProperties(Duration storeTimeout) {

    GateProperties {
        storeTimeout = storeTimeout == null ? Duration.ofMillis(1500) : storeTimeout;
    }
}
