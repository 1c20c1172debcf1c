"""Django settings for Sarhad, driven by environment variables.

Defaults are safe for production (HTTPS-only cookies, HSTS, no debug). A border-post
node or the demo sets ``SARHAD_HTTPS=0`` to serve plain HTTP on the loopback.

Variables:
    DATABASE_URL            database; default: SQLite in ``$SARHAD_VAR_DIR/sarhad.sqlite3``
    SARHAD_SECRET_KEY       signing key; default: generated once into ``$SARHAD_VAR_DIR/secret_key``
    SARHAD_ALLOWED_HOSTS    comma-separated host names; default ``127.0.0.1,localhost``
    SARHAD_TIME_ZONE        the service's local zone; default ``Asia/Baku``
    SARHAD_HTTPS            ``1`` (default) behind HTTPS; ``0`` for plain HTTP on a loopback
    SARHAD_DEBUG            ``1`` for development only
    SARHAD_VAR_DIR          folder for the embedded database and local state; default ``./var``
    SARHAD_LOCKOUT_ATTEMPTS failed logins before a lockout (default 5)
    SARHAD_LOCKOUT_MINUTES  lockout length in minutes (default 15)
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


PACKAGE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("SARHAD_VAR_DIR", Path.cwd() / "var")).resolve()


def _secret_key() -> str:
    key = os.environ.get("SARHAD_SECRET_KEY")
    if key:
        return key
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    path = VAR_DIR / "secret_key"
    if not path.exists():
        # Created once per node, readable only by its owner; never committed.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_urlsafe(64))
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = _flag("SARHAD_DEBUG", False)
HTTPS = _flag("SARHAD_HTTPS", True)
ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("SARHAD_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h.strip()
]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("SARHAD_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "sarhad.reference",
    "sarhad.accounts",
    "sarhad.audit",
    "sarhad.people",
    "sarhad.border",
    "sarhad.watchlists",
    "sarhad.web",
    "sarhad.demo",
]

MIDDLEWARE = [
    "sarhad.site.timing.ServerTimingMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "sarhad.site.urls"
WSGI_APPLICATION = "sarhad.site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sarhad.web.context.navigation",
            ],
        },
    }
]

_default_db = f"sqlite:///{VAR_DIR / 'sarhad.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(os.environ.get("DATABASE_URL", _default_db), conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets the desk read while a sync or import writes; IMMEDIATE takes the write
        # lock at BEGIN so two writers never both read the audit chain's head.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and _flag("SARHAD_PG_PREPARED", True):
    # Server-side parameters let psycopg prepare a statement the connection runs often
    # (every desk request runs the same two dozen): PostgreSQL then skips parsing and
    # planning it again. Off (SARHAD_PG_PREPARED=0) behind a pooler in transaction mode.
    DATABASES["default"].setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=2)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "default"}}
# Per process: posts, countries, stay regimes and API clients, read on every desk request
# and changed rarely (sarhad.common.refcache, decision 0006).
SARHAD_REFERENCE_CACHE_SECONDS = int(os.environ.get("SARHAD_REFERENCE_CACHE_SECONDS", "30"))

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["sarhad.accounts.backends.LockoutModelBackend"]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",  # argon2id
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOCKOUT_ATTEMPTS = int(os.environ.get("SARHAD_LOCKOUT_ATTEMPTS", "5"))
LOCKOUT_MINUTES = int(os.environ.get("SARHAD_LOCKOUT_MINUTES", "15"))
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("az", _("Azerbaijani")), ("ru", _("Russian"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = os.environ.get("SARHAD_TIME_ZONE", "Asia/Baku")

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("SARHAD_STATIC_ROOT", VAR_DIR / "static"))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # collectstatic target; empty on a node
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Serve straight from the apps' static folders, so a node works without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 3600  # one shift
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the cookie-free meta tag instead
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS and _flag("SARHAD_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if _flag("SARHAD_BEHIND_PROXY", False) else None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("SARHAD_LOG_LEVEL", "WARNING")},
}
