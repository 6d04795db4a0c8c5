-- History of leaderboards: one row per leaderboard whenever its content changed (batched, see SnapshotRecorder).
-- "As it stood at t" is the latest row of the key taken at or before t: the primary key is that index.
create table leaderboard_snapshot (
    -- level|parent|period|indicator, parent empty when nationwide (the key of leaderboards.v1)
    board_key      text        not null,
    taken_at       timestamptz not null,
    -- skips writing a content equal to the latest stored one (e.g. every leaderboard again after a restart)
    content_sha256 bytea       not null,
    -- the leaderboard without the read instant; large values are compressed by TOAST
    content        text        not null,
    primary key (board_key, taken_at)
);

-- thinning visits only the snapshots that aged past the fine retention since its last run
create index leaderboard_snapshot_taken_at on leaderboard_snapshot (taken_at);
