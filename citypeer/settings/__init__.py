"""Settings read from the environment.

DATABASE_URL   default: an SQLite file under var/ (the embedded database)
SECRET_KEY     default: generated once and kept in var/secret_key
CITYPEER_DEBUG "1" only for `make run`
CITYPEER_VAR   where local state lives (default: var/ beside the package)
CITYPEER_ALLOWED_HOSTS  comma-separated host names
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("CITYPEER_VAR", PACKAGE_DIR.parent / "var")).resolve()


def _secret_key() -> str:
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        # O_EXCL: two processes starting at once must not write two different keys.
        try:
            fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w") as fh:
                fh.write(secrets.token_urlsafe(50))
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("CITYPEER_DEBUG", "") == "1"
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("CITYPEER_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
    if h.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "citypeer.people",
    "citypeer.network",
    "citypeer.benchmarks",
    "citypeer.programmes",
    "citypeer.teams",
    "citypeer.initialreports",
    "citypeer.deskreviews",
    "citypeer.visits",
    "citypeer.assessment",
    "citypeer.practices",
    "citypeer.comparisons",
    "citypeer.revisions",
    "citypeer.feedback",
    "citypeer.surveys",
    "citypeer.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "citypeer.people.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "citypeer.common.pages.SharedRefusalsMiddleware",
]

ROOT_URLCONF = "citypeer.urls"
WSGI_APPLICATION = "citypeer.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'citypeer.sqlite3'}",
        conn_max_age=int(os.environ.get("CITYPEER_DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets pages read while a long import writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["TEST"] = {"NAME": None}
    VAR_DIR.mkdir(parents=True, exist_ok=True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "people.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "people:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "people:login"

# The six languages the method's publication exists in.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("de", _("German")),
    ("fi", _("Finnish")),
    ("nl", _("Dutch")),
    ("it", _("Italian")),
]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Brussels"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("CITYPEER_STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploads (later issues) live outside the web root and are served through permission checks.
MEDIA_ROOT = Path(os.environ.get("CITYPEER_MEDIA_ROOT", VAR_DIR / "media"))

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 100,
    "EXCEPTION_HANDLER": "citypeer.common.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "citypeer API",
    "DESCRIPTION": "Peer reviews that benchmark how cities govern migrant integration.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    # Served from our own static files: no browser of ours fetches code from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Several models call their choices "Kind" or "Status": give each enum its own name.
    "ENUM_NAME_OVERRIDES": {
        "BenchmarkKindEnum": "citypeer.benchmarks.models.Benchmark.Kind",
        "ProgrammePhaseKindEnum": "citypeer.programmes.models.ProgrammePhase.Kind",
        "ReviewStepStatusEnum": "citypeer.programmes.models.ReviewStep.Status",
        "ConflictKindEnum": "citypeer.teams.models.Conflict.Kind",
        "TeamMemberRoleEnum": "citypeer.teams.models.TeamMember.Role",
        "InitialReportStateEnum": "citypeer.initialreports.models.InitialReport.State",
        "SelfAssessmentStatusEnum": "citypeer.initialreports.models.SelfAssessment.Status",
        "SupportingDocumentKindEnum": "citypeer.initialreports.models.SupportingDocument.Kind",
        "PoliticalInvolvementEnum":
            "citypeer.initialreports.models.InitialReport.PoliticalInvolvement",
        "PerformanceEnum": "citypeer.deskreviews.models.DeskJudgement.Performance",
        "VisitStatusEnum": "citypeer.visits.models.Visit.Status",
        "IntervieweeCategoryEnum": "citypeer.visits.models.Interviewee.Category",
        "EvidenceSourceEnum": "citypeer.assessment.models.EvidenceItem.Source",
        "EvidenceKindEnum": "citypeer.assessment.models.EvidenceItem.Kind",
        "DirectionEnum": "citypeer.assessment.models.EvidenceItem.Direction",
        "ColourEnum": "citypeer.assessment.models.Assessment.Colour",
        "FindingKindEnum": "citypeer.assessment.models.Finding.Kind",
        "PracticeOriginEnum": "citypeer.practices.models.GoodPractice.Origin",
    },
}

EMAIL_BACKEND = os.environ.get(
    "CITYPEER_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("CITYPEER_LOG_LEVEL", "WARNING")},
}
# Absolute links in e-mails, e.g. https://citypeer.example.org (relative when empty).
CITYPEER_BASE_URL = os.environ.get("CITYPEER_BASE_URL", "").rstrip("/")
DEFAULT_FROM_EMAIL = os.environ.get("CITYPEER_FROM_EMAIL", "citypeer <citypeer@localhost>")
if os.environ.get("CITYPEER_SMTP_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["CITYPEER_SMTP_HOST"]
    EMAIL_PORT = int(os.environ.get("CITYPEER_SMTP_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("CITYPEER_SMTP_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("CITYPEER_SMTP_PASSWORD", "")
    EMAIL_USE_TLS = os.environ.get("CITYPEER_SMTP_TLS", "1") == "1"

# Uploaded files: what the platform accepts (checked by content, not only by name).
UPLOAD_MAX_BYTES = int(os.environ.get("CITYPEER_UPLOAD_MAX_BYTES", str(20 * 1024 * 1024)))
