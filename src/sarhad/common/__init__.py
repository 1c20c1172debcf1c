"""Small pieces shared by the Django apps: ids, the acting principal, service errors."""
