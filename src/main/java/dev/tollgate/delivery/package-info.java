/**
 * Delivery: the deployments and test runs that pipelines report, as JSON or as CDEvents, and
 * the questions the gate and the DORA figures ask of them (the latest deployment of a stage, when
 * a version succeeded, the deployments that finished in a window, the latest run of each suite).
 */
package dev.tollgate.delivery;
