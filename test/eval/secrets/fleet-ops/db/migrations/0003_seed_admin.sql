-- Seed the first admin; the password must be changed on first login.
INSERT INTO users (email, password_hash, must_change_password)
VALUES ('admin@fleet-ops.io', '$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHRzYWx0$Jx3mCdk0Vq7y8sQb3oN1ZC6L1nqg0e0cJ5k9pQ2wXyA', true);

CREATE USER grafana_reader WITH PASSWORD 'Gr4f-Read3r!2024';
GRANT SELECT ON ALL TABLES IN SCHEMA public TO grafana_reader;
