/**
 * The rules engine (issue 4): rules are data, sealed records per kind, evaluated by pure
 * functions over what the stores answered and an injected {@code Clock}. So far: the deployment
 * window's arithmetic ({@link dev.tollgate.rules.DeploymentWindow}); the other kinds, the rule
 * repository and the gate come next.
 */
package dev.tollgate.rules;
