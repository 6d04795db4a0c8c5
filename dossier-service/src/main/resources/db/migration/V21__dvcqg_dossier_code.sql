-- Issue 20. TraCuuHoSo (which OpenCPS sends before every push) and the dossier view find a pushed dossier by its code
-- alone, whatever the source: the primary key (source, dossier_code) cannot serve that.
create index dvcqg_dossier_code_idx on dvcqg_dossier (dossier_code);
