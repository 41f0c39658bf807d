"""Tadamun settings: one module, read from the environment (12-factor).

Every variable has a default that makes `make run` work with no configuration:
SQLite, local-memory cache, console email. Production sets the variables listed in
README.md (`TADAMUN_ENV=production` turns on the secure defaults and refuses to start
without a real SECRET_KEY and field-encryption keys).
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
import django.conf.locale
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("TADAMUN_VAR_DIR", BASE_DIR / "var"))


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [part.strip() for part in env(name, default).split(",") if part.strip()]


PRODUCTION = env("TADAMUN_ENV", "development") == "production"
DEBUG = env_bool("DEBUG", not PRODUCTION)

SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise RuntimeError("SECRET_KEY must be set when TADAMUN_ENV=production")
    SECRET_KEY = "dev-only-insecure-key-" + "x" * 40

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "tadamun.core",
    "tadamun.accounts",
    "tadamun.pathways",
    "tadamun.network",
    "tadamun.newsroom",
    "tadamun.campaigns",
    "tadamun.assembly",
    "tadamun.solidarity",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "rules.apps.AutodiscoverRulesConfig",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "ninja",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "tadamun.accounts.middleware.RequireMFAForStaffMiddleware",
]

ROOT_URLCONF = "tadamun.urls"
WSGI_APPLICATION = "tadamun.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "tadamun" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tadamun.core.context_processors.site",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------
# SQLite (WAL) by default; DATABASE_URL=postgres://... for PostgreSQL.
DATABASE_URL = env("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env("SQLITE_PATH", str(VAR_DIR / "tadamun.sqlite3")),
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=NORMAL;"
                    "PRAGMA foreign_keys=ON;"
                    "PRAGMA busy_timeout=20000;"
                ),
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ------------------------------------------------------------------
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tadamun"}}

# --- Background tasks (django-tasks, database backend; a worker runs beside the web server)
TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# --- Accounts ---------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "core:home"

ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = False
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_PREVENT_ENUMERATION = "strict"
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Tadamun] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if PRODUCTION else "http"
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
}
ACCOUNT_ADAPTER = "tadamun.accounts.adapter.AccountAdapter"
MFA_ADAPTER = "tadamun.accounts.adapter.EncryptingMFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_RECOVERY_CODES_SHOW_ONCE = True
MFA_TRUST_ENABLED = False
MFA_TOTP_ISSUER = "Tadamun"
# Staff (coordinators) must have two-factor authentication before they reach any page
# but the 2FA set-up itself (allauth has no such setting: see docs/security.md).
TADAMUN_REQUIRE_MFA_FOR_STAFF = env_bool("TADAMUN_REQUIRE_MFA_FOR_STAFF", True)

# Field encryption (AES-256-GCM keyring, see tadamun/core/crypto.py). Format:
# "kid1:base64key,kid2:base64key"; the first key encrypts, all keys decrypt.
FIELD_ENCRYPTION_KEYS = env("FIELD_ENCRYPTION_KEYS")
if not FIELD_ENCRYPTION_KEYS and PRODUCTION:
    raise RuntimeError("FIELD_ENCRYPTION_KEYS must be set when TADAMUN_ENV=production")

# --- Email ------------------------------------------------------------------
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Tadamun <noreply@tadamun.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Languages --------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("ckb", _("Central Kurdish (Sorani)")),
    ("kmr", _("Northern Kurdish (Kurmanji)")),
    ("it", _("Italian")),
]
# Django knows ckb but not kmr: teach it the language's direction and local name.
django.conf.locale.LANG_INFO["kmr"] = {
    "bidi": False,
    "code": "kmr",
    "name": "Northern Kurdish (Kurmanji)",
    "name_local": "Kurdî",
}
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Baghdad"

# --- Static and media files -------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise expects it; empty in development
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 5_242_880
LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_MAX_PIXELS = 4096

# --- Security headers -------------------------------------------------------
# A strict policy: our own host only, no inline script, no plugins, no framing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
    if not SECURE_HSTS_PRELOAD:
        # Preloading is a commitment each operator makes for their domain; not a default.
        SILENCED_SYSTEM_CHECKS = ["security.W021"]
# Only proxies we run may tell us the client's address (V15.3.4): the number of them in
# front of the application, each appending to X-Forwarded-For. 0 means REMOTE_ADDR.
NUM_PROXIES = int(env("NUM_PROXIES", "0"))
NINJA_NUM_PROXIES = NUM_PROXIES
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- Logging: authentication events and refused authorisations, never secrets --
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "loggers": {
        "tadamun": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
        "django.security": {"handlers": ["console"], "level": "WARNING"},
    },
}

# --- Machine translation (off unless an operator configures a server of their own) --
LIBRETRANSLATE_URL = env("LIBRETRANSLATE_URL")
LIBRETRANSLATE_API_KEY = env("LIBRETRANSLATE_API_KEY")
# Our language codes to the server's where they differ, e.g. "kmr:ku,ckb:ckb".
LIBRETRANSLATE_LANGUAGES = dict(
    pair.split(":", 1) for pair in env_list("LIBRETRANSLATE_LANGUAGES") if ":" in pair
)
MACHINE_TRANSLATION_BACKEND = env("MACHINE_TRANSLATION_BACKEND", "libretranslate" if LIBRETRANSLATE_URL else "")

# --- Fetching feeds of the wire (tadamun/core/fetch.py) ----------------------------------
FETCH_TIMEOUT_SECONDS = float(env("FETCH_TIMEOUT_SECONDS", "10"))
FETCH_MAX_BYTES = int(env("FETCH_MAX_BYTES", str(5 * 1024 * 1024)))
FETCH_ALLOW_PRIVATE_ADDRESSES = env_bool("FETCH_ALLOW_PRIVATE_ADDRESSES", False)
WIRE_FETCH_MINUTES = int(env("WIRE_FETCH_MINUTES", "30"))

# --- API ------------------------------------------------------------------------
NINJA_PAGINATION_PER_PAGE = 20
RATE_LIMITS = {
    "api_address": env("RATE_LIMIT_API_ADDRESS", "300/m"),
    "api_person": env("RATE_LIMIT_API_PERSON", "600/m"),
    "search_address": env("RATE_LIMIT_SEARCH_ADDRESS", "300/m"),
    "search_person": env("RATE_LIMIT_SEARCH_PERSON", "300/m"),
    # Signing petitions and letters: per connection, and per email address (each attempt
    # sends an email, so a stranger cannot flood someone's inbox through us).
    "sign_address": env("RATE_LIMIT_SIGN_ADDRESS", "30/h"),
    "sign_email": env("RATE_LIMIT_SIGN_EMAIL", "3/h"),
    "message_person": env("RATE_LIMIT_MESSAGE_PERSON", "10/h"),
    # Solidarity: applications per person, introductions asked per organisation.
    "apply": env("RATE_LIMIT_APPLY", "20/h"),
    "introduce": env("RATE_LIMIT_INTRODUCE", "30/d"),
}

# --- Consultations (tadamun/assembly) ------------------------------------------------
# A participant is placed on the map after this many votes (fewer when there are fewer statements).
CONSULTATION_MIN_VOTES = int(env("CONSULTATION_MIN_VOTES", "7"))
# The map is recomputed once this many new votes arrived (or 5% more), at most one run queued
# per consultation and per CONSULTATION_RECOMPUTE_SECONDS.
CONSULTATION_RECOMPUTE_VOTES = int(env("CONSULTATION_RECOMPUTE_VOTES", "20"))
CONSULTATION_RECOMPUTE_SECONDS = int(env("CONSULTATION_RECOMPUTE_SECONDS", "30"))

# --- Campaigns ------------------------------------------------------------------------
SIGNATURE_CONFIRM_HOURS = int(env("SIGNATURE_CONFIRM_HOURS", "72"))
CAMPAIGNS_BLOCK_DISPOSABLE_EMAIL = env_bool("CAMPAIGNS_BLOCK_DISPOSABLE_EMAIL", True)
# Sites that may frame a petition's embeddable page ("*" for any; space-separated origins).
CAMPAIGNS_EMBED_ANCESTORS = env("CAMPAIGNS_EMBED_ANCESTORS", "*").split()
API_MAX_PAGE_SIZE = 100
DIRECTORY_PAGE_SIZE = 20
