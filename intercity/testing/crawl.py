"""A crawl of the site by its links, as one signed-in role, checking each page it opens.

One page per URL pattern checks the pattern's template; a pattern may add one page of results
(`?page=`) and one filtered list (`?kind=plenary`), whose templates often take other branches.
"""

from collections import deque
from urllib.parse import parse_qs, urljoin, urlsplit

import lxml.html
from django.test import Client
from django.urls import Resolver404, resolve

from intercity.testing import accessibility

# The cap keeps the crawl bounded should a pattern list ever grow without end.
PAGES_PER_ROLE = 160

SKIPPED_PREFIXES = ("/admin/", "/api/", "/accounts/logout/", "/i18n/", "/media/")
# A download ends in its format, as a file name (".csv") or as the last segment ("/pdf/"), or
# asks for it (`?format=csv`).
DOWNLOAD_FORMATS = ("csv", "json", "ics", "atom", "pdf", "zip", "xlsx", "xml")
# `hl` switches the reader's language for the pages after it; `next` only says where the
# log-in page returns to.
NOT_FILTERS = {"hl", "next"}
# A search's words are a filter only on the search page: elsewhere `q` narrows a list the
# crawl already opens, and free text would make every such link a new address.
SEARCH_ROUTE = "search/"


def _route(path: str) -> str | None:
    try:
        return resolve(path).route
    except Resolver404:
        return None


def followable(base: str, href: str) -> str | None:
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
    query = parse_qs(parts.query, keep_blank_values=True)
    if set(query.get("format", ())) & set(DOWNLOAD_FORMATS):
        return None  # a list's download, as `?format=csv`
    asked = set(query)
    if not asked - {"next"}:
        return path  # the log-in page, whatever it returns to
    if asked & NOT_FILTERS or ("q" in asked and _route(path) != SEARCH_ROUTE):
        return None
    return f"{path}?{parts.query}"


def key(url: str) -> str:
    """What two addresses share when one page of them is enough: the pattern, and whether
    the address asks for a later page or a filtered list."""
    path, _, query = url.partition("?")
    route = _route(path)
    if route is None:
        return url  # an address no pattern serves is its own key
    if not query:
        return route
    return f"{route}?page" if set(parse_qs(query)) == {"page"} else f"{route}?filter"


def _links(url: str, html: str) -> list[str]:
    document = lxml.html.document_fromstring(html)
    return [
        found for a in document.xpath("//a[@href]") if (found := followable(url, a.get("href")))
    ]


def crawl(client: Client, role: str, seeds: list[str] = ()) -> tuple[list[str], list[str]]:
    """The pages visited from the home page and the seeds, and the faults found on them,
    each fault naming its page and role.

    Every seed is opened, even two of one pattern, as it is a page the role may open that no
    link reaches; a link is followed only to a pattern not yet opened in its kind.
    """
    queue: deque[tuple[str, bool]] = deque([("/", True), *((seed, True) for seed in seeds)])
    seen_keys: set[str] = set()
    visited: list[str] = []
    faults: list[str] = []
    while queue and len(visited) < PAGES_PER_ROLE:
        url, seeded = queue.popleft()
        if key(url) in seen_keys and not seeded:
            continue
        seen_keys.add(key(url))
        visited.append(url)
        response = client.get(url)
        status = response.status_code
        if status in (301, 302):
            location = followable(url, response["Location"])
            if location:
                queue.append((location, False))
            continue
        if status != 200:
            # Only links a page offered, and seeds the role may open, are followed: one that
            # answers 403 or 404 is a dead end shown to this role, and a 500 is a crash.
            faults.append(f"{url} [{role}]: answered {status}")
            continue
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        html = response.content.decode()
        language = response.get("Content-Language", "en")
        for problem in accessibility.page_problems(html, language=language):
            faults.append(f"{url} [{role}]: {problem}")
        queue.extend((link, False) for link in _links(url, html))
    return visited, faults
