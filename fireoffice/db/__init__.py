"""Database layer: SQLAlchemy models, engine and session, Alembic migrations."""
