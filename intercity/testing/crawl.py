"""A crawl of the site by its links, as one signed-in role, checking each page it opens.

One page per URL pattern checks the pattern's template; a pattern may add one page of results
(`?page=`) and one filtered list (`?kind=plenary`), whose templates often take other branches.

Every list a page shows through the shared paginator is paged as well, once as the crawl first
meets it and once narrowed by a filter: shown one row a page, its second page, a page past its
end and a page that is not a number each open, pass the rules, land on the page the paginator
promises and keep the list's filters, and any other list's place, in their pager links.
"""

from collections import deque
from dataclasses import dataclass, field
from urllib.parse import parse_qs, parse_qsl, urlencode, urljoin, urlsplit

import lxml.html
from django.test import Client, override_settings
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
# Lists are paged one row a page, so that every list of two rows has a second page.
PAGED_LIST_SIZE = 1
# Asked of every list paged: its second page, a page past its end (the paginator shows the
# last) and a page that is not a number (it shows the first).
PAGE_NUMBERS = ("2", "999", "abc")
# The links of the pager every list includes (`web/_pagination.html`).
PAGER_LINKS = "//nav[contains(concat(' ', @class, ' '), ' pagination ')]//a[@rel][@href]"


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


@dataclass
class Report:
    """What a crawl found: the pages it opened and their faults, each naming its page and role,
    the second pages of the lists it paged and the lists it met too short to page."""

    visited: list[str] = field(default_factory=list)
    faults: list[str] = field(default_factory=list)
    paged: list[str] = field(default_factory=list)
    short: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"{len(self.faults)} faults on {len(self.visited)} pages and on "
            f"{len(PAGE_NUMBERS)} pages each of {len(self.paged)} lists paged "
            f"({len(self.short)} lists too short to page)"
        )


def list_name(address: str) -> str:
    """A list as its page's URL name and its page parameter: `cities:list?page`."""
    parts = urlsplit(address)
    parameter = parse_qsl(parts.query)[-1][0] if parts.query else "page"
    return f"{resolve(parts.path).view_name}?{parameter}"


def _open(client: Client, url: str, role: str, faults: list[str], *, moved: bool = False):
    """The response to `url`, noting as faults a status other than 200 (or than a redirect,
    when `moved` allows one) and the rules an HTML page breaks."""
    response = client.get(url)
    if response.status_code not in ((200, 301, 302) if moved else (200,)):
        faults.append(f"{url} [{role}]: answered {response.status_code}")
    elif response.status_code == 200 and _is_html(response):
        language = response.get("Content-Language", "en")
        for problem in accessibility.page_problems(response.content.decode(), language=language):
            faults.append(f"{url} [{role}]: {problem}")
    return response


def _is_html(response) -> bool:
    return response.get("Content-Type", "").startswith("text/html")


def _lists(response) -> dict:
    """The page of each list the response shows, by its page parameter: what
    `intercity.core.pagination.paginate` put in the context the view rendered."""
    contexts = response.context
    if not contexts:
        return {}
    # The first template rendered is the view's own; the ones it extends and includes follow.
    flat = (contexts[0] if isinstance(contexts, list) else contexts).flatten()
    found = {}
    for candidate in (flat, *flat.values()):
        if isinstance(candidate, dict) and "page_parameter" in candidate:
            found[candidate["page_parameter"]] = candidate["page_obj"]
    return found


def _pager(url: str, html: str, parameter: str) -> dict[str, list[tuple[str, str]]]:
    """The query of each link of the pager of the list `parameter` pages, by its `rel`."""
    found = {}
    for link in lxml.html.document_fromstring(html).xpath(PAGER_LINKS):
        query = parse_qsl(urlsplit(urljoin(url, link.get("href"))).query, keep_blank_values=True)
        if query and query[-1][0] == parameter:  # the pager writes the page number last
            found[link.get("rel")] = query
    return found


def _without(query: list[tuple[str, str]], parameter: str) -> list[tuple[str, str]]:
    return sorted(pair for pair in query if pair[0] != parameter)


def page_through(client: Client, role: str, url: str, parameter: str, report: Report) -> None:
    """Opens the list that `parameter` pages on `url`, one row a page, at each of
    `PAGE_NUMBERS`, and notes where a page fails to open, to pass the rules, to land where the
    paginator promises or to keep the filters of `url` in its pager links."""
    parts = urlsplit(url)
    kept = _without(parse_qsl(parts.query, keep_blank_values=True), parameter)
    report.paged.append(f"{parts.path}?{urlencode([*kept, (parameter, PAGE_NUMBERS[0])])}")
    with override_settings(LIST_PAGE_SIZE=PAGED_LIST_SIZE):
        for asked in PAGE_NUMBERS:
            address = f"{parts.path}?{urlencode([*kept, (parameter, asked)])}"
            response = _open(client, address, role, report.faults)
            page = _lists(response).get(parameter)
            if response.status_code != 200 or page is None:
                if response.status_code == 200:
                    report.faults.append(f"{address} [{role}]: the list is gone")
                continue
            last = page.paginator.num_pages
            if page.number != (min(int(asked), last) if asked.isdigit() else 1):
                report.faults.append(f"{address} [{role}]: shows page {page.number}")
            pager = _pager(address, response.content.decode(), parameter)
            rels = {"prev"} if page.number > 1 else set()
            rels |= {"next"} if page.number < last else set()
            if set(pager) != rels:
                report.faults.append(f"{address} [{role}]: pager links {sorted(pager)}")
            for rel, query in pager.items():
                if _without(query, parameter) != kept:
                    report.faults.append(f"{address} [{role}]: the {rel} link drops {kept}")


def page_lists(client: Client, role: str, url: str, response, report: Report, done: set) -> None:
    """Pages each list the opened page `url` shows that holds two rows or more, unless one of
    its pattern and parameter, narrowed or not as this one is, is in `done`."""
    path, _, query = url.partition("?")
    for parameter, page in _lists(response).items():
        kept = _without(parse_qsl(query, keep_blank_values=True), parameter)
        listed = (_route(path), parameter, bool(kept))
        if listed in done:
            continue
        done.add(listed)
        if page.paginator.count < 2:
            report.short.append(f"{url} ({parameter})")
        else:
            page_through(client, role, url, parameter, report)


def crawl(client: Client, role: str, seeds: list[str] = ()) -> Report:
    """The pages visited from the home page and the seeds, the faults found on them and the
    lists paged.

    Every seed is opened, even two of one pattern, as it is a page the role may open that no
    link reaches; a link is followed only to a pattern not yet opened in its kind.
    """
    queue: deque[tuple[str, bool]] = deque([("/", True), *((seed, True) for seed in seeds)])
    seen_keys: set[str] = set()
    listed: set[tuple] = set()
    report = Report()
    while queue and len(report.visited) < PAGES_PER_ROLE:
        url, seeded = queue.popleft()
        if key(url) in seen_keys and not seeded:
            continue
        seen_keys.add(key(url))
        report.visited.append(url)
        # Only links a page offered, and seeds the role may open, are followed: one that
        # answers 403 or 404 is a dead end shown to this role, and a 500 is a crash.
        response = _open(client, url, role, report.faults, moved=True)
        if response.status_code in (301, 302):
            location = followable(url, response["Location"])
            if location:
                queue.append((location, False))
            continue
        if response.status_code != 200 or not _is_html(response):
            continue
        queue.extend((link, False) for link in _links(url, response.content.decode()))
        page_lists(client, role, url, response, report, listed)
    return report


def page_lists_of(client: Client, role: str, urls: list[str]) -> Report:
    """Opens each of `urls`, pages the role may open, checks it as the crawl does and pages
    the lists it shows; for lists the crawl meets too short to page, once given more rows."""
    report = Report()
    listed: set[tuple] = set()
    for url in urls:
        report.visited.append(url)
        response = _open(client, url, role, report.faults)
        if response.status_code == 200:
            page_lists(client, role, url, response, report, listed)
    return report
