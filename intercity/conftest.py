"""Fixtures every test can use: the permission cast, logged-in clients, inline tasks."""

import pytest

# One headless Chromium for every browser test in the run: Playwright's sync API allows only
# one running instance per thread, so the fixtures live here and nowhere else.
from intercity.testing.browser import chromium, page  # noqa: F401


def pytest_configure(config):
    from django.db.backends.signals import connection_created

    from intercity.testing.databases import read_without_table_locks

    connection_created.connect(read_without_table_locks)


def pytest_sessionstart(session):
    """Tests read the compiled catalogues; compile any .po newer than its .mo (pure Python).
    With several workers (pytest-xdist) only the controller compiles, before they start, so
    that no worker reads a catalogue another is writing."""
    if hasattr(session.config, "workerinput"):
        return
    from django.conf import settings

    from intercity.core.management.commands.compilecatalogues import compile_catalogues

    compile_catalogues(settings.LOCALE_PATHS)


def _django_enabled(config) -> bool:
    return config.pluginmanager.hasplugin("django")


@pytest.fixture
def cast(db):
    from intercity.testing.personas import make_cast

    return make_cast()


@pytest.fixture
def client_for(db):
    from django.test import Client

    def make(user):
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return make


@pytest.fixture(autouse=True)
def _fast_passwords(request):
    """The cast has seven accounts; hashing their passwords at full strength would dominate."""
    if _django_enabled(request.config):
        settings = request.getfixturevalue("settings")
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _interface_language_reset(request):
    """A page asked for in another language leaves that language active in the thread; the
    next test starts in the default one, whatever ran before it."""
    yield
    if _django_enabled(request.config):
        from django.utils import translation

        translation.deactivate()


@pytest.fixture(autouse=True)
def _index_in_the_test_transaction(request):
    """A test runs in one transaction that never commits, so index updates that wait for the
    commit would never come: they are done at once. Browser tests, whose server commits each
    request, and the tests of the deferred updates themselves keep the production path."""
    if _django_enabled(request.config) and not (
        request.node.get_closest_marker("browser")
        or request.node.get_closest_marker("index_after_commit")
    ):
        settings = request.getfixturevalue("settings")
        settings.SEARCH_INDEX_AFTER_COMMIT = False


@pytest.fixture(autouse=True)
def _fresh_accent_model(request):
    """Each test's search reads that test's own Vietnamese documents."""
    if _django_enabled(request.config):
        from intercity.searchindex.accent_model import forget

        forget()


@pytest.fixture(autouse=True)
def _own_vector_index(request, tmp_path_factory):
    """Each test's semantic search reads that test's own vectors, never a vector index file
    left by another test or by the developer's own database."""
    if _django_enabled(request.config):
        from intercity.searchindex.passage_search import passage_search

        settings = request.getfixturevalue("settings")
        settings.SEARCH_VECTOR_INDEX_DIR = tmp_path_factory.mktemp("vector-index")
        passage_search.forget()


@pytest.fixture(autouse=True)
def _fresh_rate_counts(request):
    """API rate limits count in the cache; each test starts with none spent."""
    if _django_enabled(request.config):
        from django.core.cache import cache

        cache.clear()


@pytest.fixture(autouse=True, scope="session")
def _tasks_run_inline(request):
    """Background tasks run at once in tests, so their effects can be asserted."""
    if not _django_enabled(request.config):
        yield
        return
    from huey.contrib.djhuey import HUEY

    previous = HUEY.immediate
    HUEY.immediate = True
    yield
    HUEY.immediate = previous
