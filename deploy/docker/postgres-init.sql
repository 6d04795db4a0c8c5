-- docker-compose.yml: PostgreSQL creates the dossier database (POSTGRES_DB); ranking-service gets its own.
create database ranking owner dossier;
