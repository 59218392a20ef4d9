-- rag-service stores embeddings next to its chunks; pgvector supplies the type and the indexes.
CREATE EXTENSION IF NOT EXISTS vector;
