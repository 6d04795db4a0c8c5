-- The catalogue: administrative units and procedures.
create table unit (
    code        text primary key,
    name        text        not null,
    level       text        not null,
    parent_code text references unit (code),
    updated_at  timestamptz not null default now()
);
create index unit_parent_idx on unit (parent_code);

create table procedure (
    code          text primary key,
    name          text        not null,
    domain        text        not null,
    time_value    integer     not null check (time_value > 0),
    time_unit     text        not null,
    cutoff        time,
    updated_at    timestamptz not null default now()
);

-- One row per dossier: the lock that serialises its events and the last fact published about it.
create table dossier (
    dossier_id    text primary key,
    fact_sequence bigint not null default 0,
    last_fact     text
);

-- Every accepted event, as sent (canonical JSON); (source, event_id) is the idempotency key.
create table dossier_event (
    source      text        not null,
    event_id    text        not null,
    dossier_id  text        not null references dossier (dossier_id),
    type        text        not null,
    occurred_at timestamptz not null,
    body        text        not null,
    accepted_at timestamptz not null,
    primary key (source, event_id)
);
create index dossier_event_dossier_idx on dossier_event (dossier_id);

-- Transactional outbox: written in the same transaction as the change it announces.
create table outbox (
    id         bigserial primary key,
    topic      text        not null,
    record_key text        not null,
    payload    text        not null,
    created_at timestamptz not null default now()
);
