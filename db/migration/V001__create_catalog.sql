-- The catalog: teams, their services with ordered stage paths, and metric definitions.
-- Portable SQL: H2 (MODE=PostgreSQL) and PostgreSQL both run it. Lengths match the limits in
-- dev.tollgate.api.Identifier and dev.tollgate.catalog (a test checks they agree).

create table team (
    id          varchar(64)   not null primary key,
    name        varchar(200)  not null,
    description varchar(2000),
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null
);

-- team_id is null for a service registered by ingestion that no team has claimed yet.
create table service (
    id          varchar(64)  not null primary key,
    team_id     varchar(64)  references team (id),
    name        varchar(200) not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null
);
create index service_team_idx on service (team_id);

-- The ordered promotion path of a service: position 0 is the first stage.
create table service_stage (
    service_id  varchar(64) not null references service (id) on delete cascade,
    position    integer     not null,
    stage       varchar(64) not null,
    primary key (service_id, position),
    constraint service_stage_unique unique (service_id, stage)
);

create table metric_definition (
    id          varchar(128)  not null primary key,
    category    varchar(16)   not null,
    unit        varchar(32)   not null,
    better      varchar(8)    not null,
    aggregation varchar(8)    not null,
    target      double precision,
    description varchar(2000),
    built_in    boolean       not null,
    updated_at  timestamp with time zone not null
);

insert into metric_definition (id, category, unit, better, aggregation, target, description, built_in, updated_at) values
    ('requests',              'OPERATIONAL', 'count',   'HIGHER', 'sum', null,  'Requests served',                                 true, timestamp with time zone '2026-01-01 00:00:00+00'),
    ('errors',                'OPERATIONAL', 'count',   'LOWER',  'sum', null,  'Requests that failed on the service''s side',    true, timestamp with time zone '2026-01-01 00:00:00+00'),
    ('throttles',             'OPERATIONAL', 'count',   'LOWER',  'sum', null,  'Requests refused by throttling',                 true, timestamp with time zone '2026-01-01 00:00:00+00'),
    ('latency_ms',            'OPERATIONAL', 'ms',      'LOWER',  'p99', null,  'Request latency in milliseconds',                true, timestamp with time zone '2026-01-01 00:00:00+00'),
    ('availability',          'OPERATIONAL', 'percent', 'HIGHER', 'avg', 99.9,  'Share of successful requests or probes',         true, timestamp with time zone '2026-01-01 00:00:00+00'),
    ('principal_reviews',     'ENABLEMENT',  'count',   'HIGHER', 'sum', null,  'Reviews by a principal engineer',                true, timestamp with time zone '2026-01-01 00:00:00+00'),
    ('security_training_pct', 'ENABLEMENT',  'percent', 'HIGHER', 'last', 100,  'Share of the team with current security training', true, timestamp with time zone '2026-01-01 00:00:00+00'),
    ('ops_training_pct',      'ENABLEMENT',  'percent', 'HIGHER', 'last', 100,  'Share of the team with current operations training', true, timestamp with time zone '2026-01-01 00:00:00+00');
