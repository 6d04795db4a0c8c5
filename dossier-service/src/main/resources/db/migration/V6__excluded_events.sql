-- Why a stored event was taken out of its dossier's history (an event that waited for the RECEIVED from a source
-- whose scopes turned out not to cover the dossier's unit); null for every event that counts.
alter table dossier_event add column excluded text;
