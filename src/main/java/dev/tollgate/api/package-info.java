/**
 * The conventions of Tollgate's HTTP API that every feature shares (API.md "Conventions"):
 * identifier and metric-key formats, times and durations, and refusals answered as RFC 9457
 * problem details that name every offending item.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.tollgate.api;
