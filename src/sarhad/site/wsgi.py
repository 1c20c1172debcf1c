"""WSGI entry point (served by gunicorn through ``sarhad serve``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sarhad.site.settings")
application = get_wsgi_application()
