-- Working calendars an administrator set for a year; years without a row use the Labour Code defaults.
create table calendar_year (
    year         integer primary key,
    holidays     date[]      not null,
    working_days date[]      not null,
    updated_at   timestamptz not null default now()
);
