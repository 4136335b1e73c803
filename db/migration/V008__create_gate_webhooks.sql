-- Team webhooks (issue 4): where the gate tells a team that it stopped or rolled back one of its
-- promotions. Portable SQL: H2 (MODE=PostgreSQL) and PostgreSQL both run it. One per team; it
-- goes with its team.

-- verdicts is the comma-separated list of verdicts that notify (STOP,ROLLBACK by default). secret
-- signs each body (HMAC-SHA256); it must be kept as given to sign with it, and is never answered.
create table gate_webhook (
    team_id    varchar(64)   not null primary key references team (id) on delete cascade,
    url        varchar(2000) not null,
    format     varchar(8)    not null,
    verdicts   varchar(64)   not null,
    secret     varchar(256),
    updated_at timestamp with time zone not null,
    updated_by varchar(200)  not null
);
