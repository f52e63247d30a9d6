"""Markdown of knowledge items to safe HTML, and to plain text for the search index."""

from __future__ import annotations

import html

import markdown
import nh3

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "em", "h2", "h3", "h4", "h5", "h6", "hr",
    "i", "li", "ol", "p", "pre", "strong", "sub", "sup", "table", "tbody", "td", "th",
    "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "td": {"align"}, "th": {"align"}}
EXTENSIONS = ["tables", "sane_lists"]


def render_markdown(text: str) -> str:
    """HTML for ``text``: Markdown rendered, then whatever is not allowed dropped."""
    rendered = markdown.markdown(text or "", extensions=EXTENSIONS)
    return nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )


def plain_text(text: str) -> str:
    """The words of a Markdown text without markup, for indexing and embedding."""
    rendered = markdown.markdown(text or "", extensions=EXTENSIONS)
    stripped = nh3.clean(rendered.replace("</p>", "</p>\n").replace("<br />", "\n"), tags=set())
    return html.unescape(stripped).strip()
