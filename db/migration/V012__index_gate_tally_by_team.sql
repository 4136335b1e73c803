-- A team's gate tally (its scorecard's "gate" figures: evaluations by verdict over a period) read
-- from an index of its own rows alone. Without it the tally took the time index and read every
-- team's evaluations of the period: the soak run (300 evaluations a second) saw a team scorecard's
-- p99 climb from 0.5 s to 11 s in 25 minutes as the table grew.
create index gate_evaluation_team_tally_idx on gate_evaluation (team, evaluated_at, verdict, override_id);
