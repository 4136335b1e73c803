-- Input goals: what a team means to achieve (features, use cases, performance), with a target,
-- the current figure and an optional due date. A team's goals go with it when it is deleted.
create table goal (
    team_id       varchar(64)  not null references team (id) on delete cascade,
    id            varchar(64)  not null,
    category      varchar(16)  not null,
    title         varchar(200) not null,
    target        double precision not null,
    current_value double precision not null,
    unit          varchar(32),
    due           date,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    primary key (team_id, id)
);
