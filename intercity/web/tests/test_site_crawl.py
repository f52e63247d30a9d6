"""Every page a visitor can reach by following links, as each demo role, opens and passes the
accessibility rules: a crawl from the home page over the ANMC21 records and the demo data."""

import io
from collections import deque
from urllib.parse import parse_qs, urljoin, urlsplit

import lxml.html
import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from django.urls import Resolver404, resolve

from intercity.accounts.models import User
from intercity.testing import accessibility

# One page per URL pattern is enough to check its template; the cap keeps the crawl bounded
# should a pattern list ever grow without end.
PAGES_PER_ROLE = 120

ROLES = ["anonymous", "secretariat", "hanoi.focal", "tokyo.focal", "seoul.expert", "org.rep"]

SKIPPED_PREFIXES = ("/admin/", "/api/", "/accounts/logout/", "/i18n/", "/media/")
# A download ends in its format, as a file name (".csv") or as the last segment ("/pdf/").
DOWNLOAD_FORMATS = ("csv", "json", "ics", "atom", "pdf", "zip", "xlsx", "xml")

# A few pages each role's links lead to, so a crawl stuck at the home page cannot pass.
REACHED = {
    "anonymous": ["/accounts/login/", "/solidarity/", "/meetings/"],
    "secretariat": ["/my-work/", "/accounts/users/", "/declarations/import/"],
    "hanoi.focal": ["/my-work/", "/accounts/profile/", "/cities/"],
    "tokyo.focal": ["/my-work/", "/accounts/profile/", "/cities/"],
    "seoul.expert": ["/my-work/", "/accounts/profile/", "/knowledge/"],
    "org.rep": ["/my-work/", "/accounts/profile/", "/business/"],
}


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The ANMC21 records and the demo data, loaded once for the module the way
    `intercity load_anmc21 --demo` loads them, and rolled back after."""
    # Module fixtures run before the per-test fast hasher; the five logins need it too.
    fast = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
    with django_db_blocker.unblock(), transaction.atomic():
        with fast:
            call_command("load_anmc21", demo=True, stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


def _route(path: str) -> str | None:
    try:
        return resolve(path).route
    except Resolver404:
        return None


def _followable(base: str, href: str) -> str | None:
    """The same-site address a link leads to, or None when the crawl leaves it alone."""
    href = href.strip()
    if not href or href.startswith(("#", "mailto:", "tel:", "javascript:")):
        return None
    parts = urlsplit(urljoin(base, href))
    if parts.scheme not in ("", "http") or parts.netloc not in ("", "testserver"):
        return None
    path = parts.path
    last = path.rstrip("/").rsplit("/", 1)[-1].lower()
    if path.startswith(SKIPPED_PREFIXES) or last.rsplit(".", 1)[-1] in DOWNLOAD_FORMATS:
        return None
    asked = parse_qs(parts.query, keep_blank_values=True)
    if set(asked) == {"page"}:
        return f"{path}?{parts.query}"
    if asked and set(asked) != {"next"}:
        return None  # filters, searches and the ?hl= language switch: one page per pattern
    return path  # the log-in page, whatever it returns to


def _key(url: str) -> str | None:
    path, _, query = url.partition("?")
    route = _route(path)
    if route is None:
        return None
    return f"{route}?page" if query else route


def _links(url: str, html: str) -> list[str]:
    document = lxml.html.document_fromstring(html)
    return [
        found for a in document.xpath("//a[@href]") if (found := _followable(url, a.get("href")))
    ]


def crawl(client: Client, role: str) -> tuple[list[str], list[str]]:
    """The pages visited and the faults found on them, each fault naming its page and role."""
    queue: deque[str] = deque(["/"])
    seen_keys: set[str] = set()
    visited: list[str] = []
    faults: list[str] = []
    while queue and len(visited) < PAGES_PER_ROLE:
        url = queue.popleft()
        route = _key(url)
        key = url if route is None else route  # an address no pattern serves is its own key
        if key in seen_keys:
            continue
        seen_keys.add(key)
        visited.append(url)
        response = client.get(url)
        status = response.status_code
        if status in (301, 302):
            location = _followable(url, response["Location"])
            if location:
                queue.append(location)
            continue
        if status != 200:
            # Only links a page offered are followed: one that answers 403 or 404 is a dead
            # end shown to this role, and a 500 is a crash.
            faults.append(f"{url} [{role}]: answered {status}")
            continue
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        html = response.content.decode()
        language = response.get("Content-Language", "en")
        for problem in accessibility.page_problems(html, language=language):
            faults.append(f"{url} [{role}]: {problem}")
        queue.extend(_links(url, html))
    return visited, faults


@pytest.mark.parametrize("role", ROLES)
def test_every_page_reached_by_links_opens_and_passes_the_rules(demo_site, db, role):
    client = Client(raise_request_exception=False)  # a crash is one fault among the others
    if role != "anonymous":
        client.force_login(User.objects.get(username=role))
    visited, faults = crawl(client, role)
    assert set(REACHED[role]) <= set(visited), visited  # the crawl went where the role goes
    assert not faults, f"{len(faults)} faults on {len(visited)} pages:\n" + "\n".join(faults)
