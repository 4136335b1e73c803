-- The gate reads the rules for every service (both scope columns null) on every evaluation; with
-- only one index per column that read walks every service's rule too.
create index rule_scope_idx on rule (scope_team, scope_service);
