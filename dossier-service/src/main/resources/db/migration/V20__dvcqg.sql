-- Issue 20, speaking DVCQG. A unit's optional identifier on the national portal (what sources put in `madonvi` and
-- in the prefix of `MaHoSo`, e.g. 000.00.01.H22), set by administrators; unique, so a code names one unit.
alter table unit add column dvcqg_code text unique;

-- The latest DongBoHoSoMC snapshot of each dossier a source pushed (only the fields that matter to the figures, no
-- personal data), the CapNhatTienDoHoSoMC items received for it, and what its status announces without an instant
-- yet: a progress item that arrives later is translated together with the snapshot it explains.
create table dvcqg_dossier (
    source       text        not null,
    dossier_code text        not null,
    unit_code    text,
    snapshot     text,
    progress     text        not null default '[]',
    waiting_for  text[]      not null default '{}',
    updated_at   timestamptz not null,
    primary key (source, dossier_code)
);
create index dvcqg_dossier_waiting_idx on dvcqg_dossier (unit_code) where cardinality(waiting_for) > 0;

-- DongBoThongKeHoSo: a source's own monthly counts for a unit, as sent (the latest push of a month replaces the
-- earlier), set beside our figures by the reconciliation read.
create table dvcqg_statistics (
    source      text        not null,
    unit_code   text        not null,
    period      text        not null,
    counts      text        not null,
    received_at timestamptz not null,
    primary key (source, unit_code, period)
);
