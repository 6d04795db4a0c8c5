-- The W3C traceparent of the request that wrote the row: the relay puts it on the Kafka record as a header, so one
-- trace runs from the gateway through dossier-service to the readers of the topic. Null for rows written outside a
-- trace (the seed, the overdue scheduler without tracing).
alter table outbox add column trace_parent text;
