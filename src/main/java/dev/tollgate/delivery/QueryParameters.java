package dev.tollgate.delivery;

import dev.tollgate.api.Violations;

/** The query parameters the delivery lists share. */
final class QueryParameters {

    private QueryParameters() {
    }

    static void check(Violations violations, String service, String stage, Integer limit, int maxLimit) {
        if (service != null) {
            violations.identifier("service", service);
        }
        if (stage != null) {
            violations.identifier("stage", stage);
        }
        if (limit != null && (limit < 1 || limit > maxLimit)) {
            violations.add("limit", "must be between 1 and " + maxLimit);
        }
    }
}
