-- Issue 24. Units carry their validity; a unit that ended by a merger names its successor. Dates are local dates of
-- Asia/Ho_Chi_Minh, inclusive: a unit exists from valid_from (null: always) to valid_to (null: still).
alter table unit
    add column valid_from     date,
    add column valid_to       date,
    add column successor_code text references unit (code);

-- A unit's earlier parents: it had parent_before up to the day before `until`. The current parent is unit.parent_code.
-- A dossier counts under the ancestry its unit had on the dossier's receipt date, so moving a unit's children to a
-- successor moves no dossier received before the move.
create table unit_parent_change (
    code          text not null references unit (code),
    until         date not null,
    parent_before text references unit (code),
    primary key (code, until)
);

-- Every reorganisation as recorded (POST /api/v1/reorganisations), applied atomically with the unit changes above.
create table reorganisation (
    id          bigserial primary key,
    effective   date        not null,
    merges      jsonb       not null,
    changes     jsonb       not null,
    recorded_at timestamptz not null default now()
);
