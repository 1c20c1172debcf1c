"""Base layout, login, home pages per role, navigation, vendored front-end libraries."""
