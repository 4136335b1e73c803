/**
 * Demo data for a first run: a realistic catalog and users to sign in with. Only present when
 * {@code tollgate.demo.enabled} is set (the {@code demo} profile of the README's run command).
 */
package dev.tollgate.demo;
