-- The national index (Decision 766, issue 22): how far a procedure is offered online, whether it charges a fee, and
-- the procedures each unit handles ("procedures in scope"). Existing procedures stay valid: not online, no fee.
alter table procedure add column online_level text not null default 'NONE';
alter table procedure add column fee_charging boolean not null default false;

create table unit_procedure (
    unit_code      text not null references unit (code),
    procedure_code text not null references procedure (code),
    primary key (unit_code, procedure_code)
);
