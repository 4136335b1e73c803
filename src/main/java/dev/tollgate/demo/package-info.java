/**
 * Demo data for a first run: a realistic catalog, users to sign in with, the rules that gate its
 * services, and a month of their deployments, metrics, gate evaluations and operational reviews
 * with their action items. Only present when {@code tollgate.demo.enabled} is set (the
 * {@code demo} profile of the README's run command).
 */
package dev.tollgate.demo;
