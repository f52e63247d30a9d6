"""Django settings for Intercity, driven by the environment (SQLite by default)."""

from datetime import timedelta
from pathlib import Path

import django.conf.locale
import environ
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env(
    DEBUG=(bool, False),
    ALLOWED_HOSTS=(list, ["127.0.0.1", "localhost", "[::1]", "testserver"]),
    CSRF_TRUSTED_ORIGINS=(list, []),
    SQLITE_PATH=(str, str(BASE_DIR / "var" / "intercity.sqlite3")),
    TASK_QUEUE=(str, "sqlite"),
    TIME_ZONE=(str, "UTC"),
    EMAIL_URL=(str, "consolemail://"),
)
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env("DEBUG")
# A development key is acceptable only because production settings refuse to start without one.
SECRET_KEY = env("SECRET_KEY", default="insecure-development-key-only-for-local-use")  # noqa: S105
ALLOWED_HOSTS = env("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "axes",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "django_htmx",
    "huey.contrib.djhuey",
    "intercity.core",
    "intercity.accounts",
    "intercity.cities",
    "intercity.organisations",
    "intercity.meetings",
    "intercity.programmes",
    "intercity.agreements",
    "intercity.declarations",
    "intercity.business",
    "intercity.knowledge",
    "intercity.indicators",
    "intercity.solidarity",
    "intercity.searchindex",
    "intercity.api",
    "intercity.web",
    "intercity.dataset",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "intercity.core.middleware.RefuseNulCharactersMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "intercity.accounts.middleware.UserLanguageMiddleware",
    "intercity.accounts.time_zones.UserTimeZoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Last, as its documentation asks: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "intercity.urls"
WSGI_APPLICATION = "intercity.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

# SQLite is the embedded default so that a fresh machine runs with no server; WAL and
# IMMEDIATE transactions avoid "database is locked" errors under concurrent writers.
if env.str("DATABASE_URL", default=""):
    DATABASES = {"default": env.db("DATABASE_URL")}
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
else:
    Path(env("SQLITE_PATH")).parent.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env("SQLITE_PATH"),
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
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # Counts failed sign-ins per account and per address and refuses locked ones first.
    "intercity.accounts.backends.SignInGuardBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "intercity.accounts.views.locked_out"
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# Behind a proxy, the client's address is the last one the proxy adds.
AXES_IPWARE_PROXY_COUNT = env.int("PROXY_COUNT", default=0) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:home"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# The languages of the network's member cities; translations are added under locale/.
LANGUAGES = [
    ("en", _("English")),
    ("ja", _("Japanese")),
    ("ko", _("Korean")),
    ("vi", _("Vietnamese")),
    ("th", _("Thai")),
    ("id", _("Indonesian")),
    ("ms", _("Malay")),
    ("ru", _("Russian")),
    ("zh-hant", _("Traditional Chinese")),
    ("mn", _("Mongolian")),
    ("my", _("Burmese")),
    ("hi", _("Hindi")),
    ("fil", _("Filipino")),
]
# Django ships no locale data for Filipino; describe it so the language menu can offer it.
django.conf.locale.LANG_INFO.setdefault(
    "fil", {"bidi": False, "code": "fil", "name": "Filipino", "name_local": "Filipino"}
)
# Django names Mongolian "Mongolian" in its own menu entry; a Mongolian reader looks for "Монгол".
django.conf.locale.LANG_INFO["mn"] = {**django.conf.locale.LANG_INFO["mn"], "name_local": "Монгол"}
LOCALE_PATHS = [BASE_DIR / "intercity" / "locale"]
# Date and number formats for the languages Django ships none for (Filipino, Burmese), English
# written day first as across the network, and others made consistent with CLDR.
FORMAT_MODULE_PATH = ["intercity.formats"]
TIME_ZONE = env("TIME_ZONE")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "var" / "staticfiles")
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
# The default storage writes nothing while a form's service is only tried (core.trial_storage).
STORAGES = {
    "default": {"BACKEND": "intercity.core.trial_storage.TrialFileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# How uploaded files leave the server once the reader's right is checked: by Django itself
# (""), or handed to the front web server with X-Accel-Redirect (nginx) or X-Sendfile (Apache).
INTERCITY_FILE_OFFLOAD = env.str("INTERCITY_FILE_OFFLOAD", default="")
INTERCITY_FILE_OFFLOAD_PREFIX = env.str(
    "INTERCITY_FILE_OFFLOAD_PREFIX", default="/protected-media/"
)
WHITENOISE_USE_FINDERS = True
Path(STATIC_ROOT).mkdir(parents=True, exist_ok=True)

# Where the seed documents live when the repository sits beside the shared folder.
SEEDS_DIR = env.path("INTERCITY_SEEDS_DIR", default=BASE_DIR.parent / "shared" / "seeds")

EMAIL_CONFIG = env.email_url("EMAIL_URL")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="intercity@localhost")
# How many days an emailed invitation link works; it works once.
INTERCITY_INVITATION_DAYS = env.int("INTERCITY_INVITATION_DAYS", default=7)
# Rows on every page of every web list, in place of each list's own size, when set; the site
# crawl sets it small so that the demo's short lists reach a second page.
LIST_PAGE_SIZE = None

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "intercity.api.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "intercity.api.renderers.BrowsableAPIRenderer",
    ],
    "VIEW_NAME_FUNCTION": "intercity.api.naming.view_name",
    "VIEW_DESCRIPTION_FUNCTION": "intercity.api.naming.view_description",
    "DEFAULT_METADATA_CLASS": "intercity.api.metadata.FormMetadata",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "intercity.api.schema.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": [],
    # Per address for anonymous calls, per account for signed-in ones; counts live in the cache
    # (Redis in production, so every app server shares them).
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("API_RATE_ANONYMOUS", default="600/minute"),
        "user": env.str("API_RATE_USER", default="1200/minute"),
    },
    "NUM_PROXIES": env.int("PROXY_COUNT", default=0) or None,
}
SPECTACULAR_SETTINGS = {
    # Lazy: the schema is built per request, in the reader's language.
    "TITLE": _("Intercity API"),
    "DESCRIPTION": _(
        "Read and write the records of a city network: cities, meetings, "
        "programmes, agreements, organisations and news."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "intercity.api.schema.document_common_answers",
    ],
    # Several records have a "kind", "status" or "role" with different choices; name each set.
    "ENUM_NAME_OVERRIDES": {
        "OrganisationKindEnum": "intercity.organisations.models.Organisation.Kind",
        "MeetingKindEnum": "intercity.meetings.models.Meeting.Kind",
        "MeetingStatusEnum": "intercity.meetings.models.Meeting.Status",
        "MeetingCityRoleEnum": "intercity.meetings.models.MeetingCity.Role",
        "SessionKindEnum": "intercity.meetings.models.Session.Kind",
        "AttendeeRoleEnum": "intercity.meetings.models.Attendee.Role",
        "MeetingDocumentKindEnum": "intercity.meetings.models.MeetingDocument.Kind",
        "RegistrationRoleEnum": "intercity.meetings.models.Registration.Role",
        "RegistrationStatusEnum": "intercity.meetings.models.Registration.Status",
        "RegistrationDecisionEnum": ["approve", "decline"],
        "ReviewDecisionEnum": "intercity.programmes.models.Review.Decision",
        "ProgrammeKindEnum": "intercity.programmes.models.Programme.Kind",
        "ProgrammeStatusEnum": "intercity.programmes.models.Programme.Status",
        "ActivityKindEnum": "intercity.programmes.models.Activity.Kind",
        "AgreementStatusEnum": "intercity.agreements.models.Agreement.Status",
        "AgreementPartyRoleEnum": "intercity.agreements.models.AgreementParty.Role",
        "PledgeStatusEnum": "intercity.agreements.models.Pledge.Status",
        "NewsItemKindEnum": "intercity.core.models.NewsItem.Kind",
        "DeclarationStatusEnum": "intercity.declarations.models.Declaration.Status",
        "ProgressReportStatusEnum": "intercity.declarations.models.ProgressReport.Status",
        "KnowledgeItemKindEnum": "intercity.knowledge.models.KnowledgeItem.Kind",
        "IndicatorDirectionEnum": "intercity.indicators.models.Direction",
        "ObservationStatusEnum": "intercity.indicators.models.Observation.Status",
        "TargetKindEnum": "intercity.indicators.models.Target.Kind",
        "KnowledgeItemVisibilityEnum": "intercity.knowledge.models.KnowledgeItem.Visibility",
        "IncidentKindEnum": "intercity.solidarity.models.Incident.Kind",
        "IncidentStatusEnum": "intercity.solidarity.models.Incident.Status",
        "IncidentSeverityEnum": "intercity.solidarity.models.Incident.Severity",
        "SolidarityVisibilityEnum": "intercity.solidarity.models.Visibility",
        "AffectedCityStatusEnum": "intercity.solidarity.models.AffectedCity.Status",
        # Needs and offers share one set: open or withdrawn.
        "HelpStatusEnum": "intercity.solidarity.models.Need.Status",
        "AssistanceStatusEnum": "intercity.solidarity.models.Assistance.Status",
        "DeliveryStatusEnum": "intercity.solidarity.models.Delivery.Status",
    },
}

# Member cities this close to an incident's area are suggested as affected; those within the
# nearby distance are told about it by email.
SOLIDARITY_AFFECTED_KM = env.float("SOLIDARITY_AFFECTED_KM", default=50.0)
SOLIDARITY_NEARBY_KM = env.float("SOLIDARITY_NEARBY_KM", default=1500.0)
# The sender name written into exported CAP messages (no spaces or commas).
SOLIDARITY_CAP_SENDER = env.str("SOLIDARITY_CAP_SENDER", default="intercity.anmc21")

# Pages load scripts and styles only from this site and run no inline script; style attributes
# stay allowed for the widths of progress bars, which carry no script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Features no page uses are switched off for the page and anything it could embed.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "display-capture": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "usb": [],
}

# Search index updates after a write wait for the commit and run on the task queue.
SEARCH_INDEX_AFTER_COMMIT = env.bool("SEARCH_INDEX_AFTER_COMMIT", default=True)
# Passage vectors are searched through an HNSW index file kept here once this many
# documents have vectors (fewer are scanned one by one); derived from the database.
SEARCH_VECTOR_INDEX_DIR = env.path(
    "SEARCH_VECTOR_INDEX_DIR", default=BASE_DIR / "var" / "search-index"
)
SEARCH_VECTOR_INDEX_MIN_DOCUMENTS = env.int("SEARCH_VECTOR_INDEX_MIN_DOCUMENTS", default=20_000)

# One task queue library: in-process (tests), SQLite file (default) or Redis (production).
_task_queue = env("TASK_QUEUE")
if _task_queue == "redis":
    HUEY = {
        "huey_class": "huey.RedisHuey",
        "name": "intercity",
        "url": env.str("REDIS_URL", default="redis://127.0.0.1:6379/0"),
        "immediate": False,
    }
elif _task_queue == "immediate":
    HUEY = {"huey_class": "huey.MemoryHuey", "name": "intercity", "immediate": True}
else:
    HUEY = {
        "huey_class": "huey.SqliteHuey",
        "name": "intercity",
        "filename": str(BASE_DIR / "var" / "tasks.sqlite3"),
        "immediate": False,
    }

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}
