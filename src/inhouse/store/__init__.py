"""Storage: SQLAlchemy tables, Alembic migrations, record collections and the unit of work."""
