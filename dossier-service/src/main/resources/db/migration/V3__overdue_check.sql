-- When an open dossier that is not paused will pass its effective due instant; the overdue scheduler
-- publishes a new fact once that instant is behind us. Null when there is nothing to watch.
alter table dossier add column overdue_check_at timestamptz;
create index dossier_overdue_check_idx on dossier (overdue_check_at) where overdue_check_at is not null;
