package dev.tollgate.rules;

import java.util.Optional;

/**
 * What the stores would have answered the gate at one past moment, and the one thing a pipeline
 * tells the gate that a backtest must find for itself: which version was waiting to be promoted.
 */
interface PastFacts extends GateFacts {

    /** The version latest deployed in the stage at that moment, if any had been. */
    Optional<String> deployedVersion(String service, String stage);
}
