-- A procedure's processing time as in force from an instant (api.md, effectiveFrom): a receipt takes the version in
-- force at its instant, one dated before the first version takes the first. The procedure row keeps the name, the
-- domain and the version put last.
create table procedure_version (
    code           text        not null references procedure (code),
    effective_from timestamptz not null,
    time_value     integer     not null check (time_value > 0),
    time_unit      text        not null,
    cutoff         time,
    primary key (code, effective_from)
);
insert into procedure_version (code, effective_from, time_value, time_unit, cutoff)
select code, updated_at, time_value, time_unit, cutoff from procedure;
