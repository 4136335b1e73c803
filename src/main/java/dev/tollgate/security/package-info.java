/**
 * Who may do what: API tokens with scopes and an optional team binding, UI users with roles,
 * the {@link dev.tollgate.security.Caller} that services check, and the audit log.
 */
package dev.tollgate.security;
