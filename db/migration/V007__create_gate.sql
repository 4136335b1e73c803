-- The promotion gate (API.md "Promotion gate"): every evaluation as it was answered, the
-- overrides, and the THRESHOLD failures a later PROMOTION_ORDER rule asks about. Portable SQL:
-- H2 (MODE=PostgreSQL) and PostgreSQL both run it. No foreign key to service: the record of what
-- the gate answered outlives the service it was about.

-- One evaluation. results is the JSON list of rule outcomes exactly as answered (each naming the
-- rule's version), so the record never changes when rules do; likewise the override it was
-- answered under is copied as it stood.
create table gate_evaluation (
    id                  varchar(36)     not null primary key,
    service             varchar(64)     not null,
    team                varchar(64),
    version             varchar(128)    not null,
    stage               varchar(64)     not null,
    source_stage        varchar(64),
    pipeline_run        varchar(512),
    verdict             varchar(8)      not null,
    retry_after_seconds bigint,
    evaluated_at        timestamp with time zone not null,
    duration_ms         integer         not null,
    results             varchar(1000000) not null,
    warnings            varchar(4000),
    override_id         varchar(36),
    override_by         varchar(200),
    override_reason     varchar(1000),
    override_expires_at timestamp with time zone,
    overridden_verdict  varchar(8),
    asked_by            varchar(200)    not null
);
create index gate_evaluation_service_idx on gate_evaluation (service, stage, evaluated_at);
create index gate_evaluation_time_idx on gate_evaluation (evaluated_at);

-- An enforced THRESHOLD rule that stopped a promotion, with the stage whose metrics failed it.
create table gate_threshold_failure (
    service       varchar(64) not null,
    stage         varchar(64) not null,
    rule_id       varchar(64) not null,
    failed_at     timestamp with time zone not null,
    evaluation_id varchar(36) not null
);
create index gate_threshold_failure_idx on gate_threshold_failure (service, stage, failed_at);

-- An override: while it holds (created_at <= now < expires_at, not revoked), evaluations of the
-- service into the stage (of the version, when set) answer PROMOTE. Revoked ones are kept.
create table gate_override (
    id         varchar(36)   not null primary key,
    service    varchar(64)   not null,
    team       varchar(64),
    stage      varchar(64)   not null,
    version    varchar(128),
    reason     varchar(1000) not null,
    expires_at timestamp with time zone not null,
    created_at timestamp with time zone not null,
    created_by varchar(200)  not null,
    revoked_at timestamp with time zone,
    revoked_by varchar(200)
);
create index gate_override_service_idx on gate_override (service, stage, expires_at);
