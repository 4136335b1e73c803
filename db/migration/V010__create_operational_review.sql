-- The weekly operational review (issue 5): the reviews a principal engineer (or a team lead)
-- recorded, and the action items they raised, listed until done. A team's reviews and items go
-- with it when it is deleted, a service's with the service; an item outlives the review it came
-- from. Lengths match dev.tollgate.review.OperationalReview and ActionItem (a test checks).

create table operational_review (
    id          varchar(36)   not null primary key,
    team_id     varchar(64)   not null references team (id) on delete cascade,
    service_id  varchar(64)   references service (id) on delete cascade,
    -- The Monday of the ISO week whose figures were reviewed.
    week        date          not null,
    reviewed_at timestamp with time zone not null,
    reviewer    varchar(200)  not null,
    notes       varchar(4000) not null
);
create index operational_review_team_idx on operational_review (team_id, week);
create index operational_review_week_idx on operational_review (week);

create table action_item (
    id         varchar(36)  not null primary key,
    team_id    varchar(64)  not null references team (id) on delete cascade,
    service_id varchar(64)  references service (id) on delete cascade,
    review_id  varchar(36)  references operational_review (id) on delete set null,
    title      varchar(200) not null,
    owner      varchar(200) not null,
    due        date         not null,
    created_at timestamp with time zone not null,
    created_by varchar(200) not null,
    done_at    timestamp with time zone,
    done_by    varchar(200)
);
-- A team's open items, oldest due first (done_at is null for those), and the items raised in a week.
create index action_item_team_idx on action_item (team_id, done_at, due);
create index action_item_created_idx on action_item (created_at);
