-- Promotion rules (API.md "Rules"). A rule is kept as the JSON document it reads back as (its
-- kinds' params differ and grow), beside the scope columns lists filter by. Every version is
-- kept, deletions too (a null document), so that a gate evaluation can name the version of each
-- rule it used and an audit can show what a rule said then.
create table rule (
    id            varchar(64)    not null primary key,
    version       integer        not null,
    scope_team    varchar(64),
    scope_service varchar(64),
    document      varchar(16000) not null,
    updated_at    timestamp with time zone not null
);
create index rule_scope_team_idx on rule (scope_team);
create index rule_scope_service_idx on rule (scope_service);

create table rule_version (
    rule_id    varchar(64)    not null,
    version    integer        not null,
    document   varchar(16000),
    changed_at timestamp with time zone not null,
    changed_by varchar(200)   not null,
    primary key (rule_id, version)
);
