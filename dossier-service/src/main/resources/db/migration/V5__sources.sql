-- Source systems that write events through the gateway (issue 6). The key itself is never stored: only its id, a
-- per-key random salt and SHA-256(salt || secret). Every change takes the next value of `version` (writes are
-- serialised by a table lock, so versions become visible in order), which lets gateways poll only what changed.
create table source (
    id          text primary key,
    name        text        not null,
    scopes      text[]      not null,
    key_id      text        not null unique,
    key_salt    bytea       not null,
    key_hash    bytea       not null,
    created_at  timestamptz not null,
    rotated_at  timestamptz,
    revoked_at  timestamptz,
    version     bigint      not null unique
);
