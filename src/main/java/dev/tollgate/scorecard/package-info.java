/**
 * Scorecards (API.md "Scorecards"): a team's or a service's business, operational, input-goal and
 * enablement figures against their targets and the period before, its DORA figures and the gate's
 * tally, from {@link dev.tollgate.scorecard.Scorecards}; as JSON or CSV.
 */
package dev.tollgate.scorecard;
