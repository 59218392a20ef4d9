-- Runs once, on an empty data volume, as the image's superuser: the same role and databases as
-- deploy/local/install.sh. baeum is LOGIN CREATEDB, never SUPERUSER; pgvector is not a trusted
-- extension, so the superuser creates it in template1 (every later database has it) and baeum_rag.
-- LOCAL-ONLY password.
CREATE ROLE baeum LOGIN CREATEDB NOSUPERUSER PASSWORD 'baeum';
\connect template1
CREATE EXTENSION IF NOT EXISTS vector;
\connect postgres
CREATE DATABASE baeum_auth OWNER baeum;
CREATE DATABASE baeum_learning OWNER baeum;
CREATE DATABASE baeum_exam OWNER baeum;
CREATE DATABASE baeum_billing OWNER baeum;
CREATE DATABASE baeum_rag OWNER baeum;
