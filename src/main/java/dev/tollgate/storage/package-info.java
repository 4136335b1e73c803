/**
 * The folder the embedded H2 database lives in ({@code tollgate.data-dir}). H2 closes the whole
 * database when a write fails for want of space, and then serves nothing, reads included, until it
 * is restarted; so writes are refused while the folder is read-only or has less free space than a
 * reserve, and the database never meets a full disk. Reads go on, and health says why writes do not.
 */
package dev.tollgate.storage;
