"""The person registry: people, their names in every script, and their travel documents."""
