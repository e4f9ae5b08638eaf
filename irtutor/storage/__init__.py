"""SQLAlchemy 2 storage: tables, engine set-up, migrations and the stores the services use. No Qt."""
