"""Users, roles, border-post scoping, API clients and their tokens."""
