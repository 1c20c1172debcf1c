"""Reference data: countries and nationality codes, border crossing points, refusal
reasons and document types. Loaded by migrations, editable in Django admin."""
