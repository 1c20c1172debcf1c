"""The Django project: settings, URLs, WSGI, and the database-backed CLI commands."""
