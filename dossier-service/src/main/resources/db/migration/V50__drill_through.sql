-- The dashboard's drill-through (issue 21): the dossiers behind a figure are found by the unit path of their last
-- fact, the same expression FigureDossiers filters on (jsonb_path_ops: containment only, the smallest GIN index).
-- Every fact written updates it: its cost on ingestion is not benchmarked yet (docs/benchmarks.md).
create index dossier_fact_unit_path_idx on dossier
    using gin ((cast(last_fact as jsonb) -> 'unitPath') jsonb_path_ops);
