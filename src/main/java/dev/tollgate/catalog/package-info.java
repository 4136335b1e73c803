/**
 * The catalog: teams, the services they own with their ordered stage paths, and the metric
 * definitions that say how each figure is read. Editable one item at a time or as a whole
 * document (catalog as code).
 */
package dev.tollgate.catalog;
