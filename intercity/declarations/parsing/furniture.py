"""Removes print furniture from text extracted from PDFs: running heads, page numbers, footnotes.

Official documents converted from PDF carry, at every page break, a running head (the
document symbol and its title), a page counter ("2/4"), a job number ("21-13440") and the
page's footnotes below a rule. Left in, they split paragraphs in two and pose as headings.
"""

import re

_SYMBOL_RE = re.compile(r"(?<![\w/])(?:[A-Z]{1,4}/){1,2}(?:[A-Z]{2,5}/)?\d{1,4}(?:/[\w.\-]+){0,3}")
_PAGE_COUNTER_RE = re.compile(r"\d{1,3}/\d{1,3}")
_JOB_NUMBER_RE = re.compile(r"\d{2}-\d{5}(?:\s*\(E\))?(?:\s+\d{6})?|\*\d{6,9}\*")
_COUNTER_OR_JOB_RE = re.compile(
    rf"(?:{_PAGE_COUNTER_RE.pattern}\s*)?(?:{_JOB_NUMBER_RE.pattern})?(?:\s*{_PAGE_COUNTER_RE.pattern})?"
)
_FOOTNOTE_RULE_RE = re.compile(r"_{8,}")
_FOOTNOTE_RE = re.compile(r"\d{1,3}\s+\S")
_HTML_COMMENT_RE = re.compile(r"<!--.*?-->")
# How many lines a running head spans at most, and how far the furniture is searched.
_HEAD_LINES = 6
_HEADER_SEARCH = 600
_PARAGRAPH_END = ".,;:!?"


def document_symbol(text: str) -> str | None:
    """The document's own symbol (A/RES/74/212), printed in its first lines."""
    match = _SYMBOL_RE.search(text[:_HEADER_SEARCH])
    return match.group(0) if match else None


def _is_furniture_line(line: str) -> bool:
    return bool(line) and _COUNTER_OR_JOB_RE.fullmatch(line) is not None


def remove_print_furniture(text: str) -> str:
    """The text without page counters, job numbers, running heads and footnotes."""
    text = _HTML_COMMENT_RE.sub("", text)
    symbol = document_symbol(text)
    lines = text.split("\n")
    stripped = [line.strip() for line in lines]
    keep = [True] * len(lines)
    for index, line in enumerate(stripped):
        if _is_furniture_line(line):
            keep[index] = False
            if _PAGE_COUNTER_RE.search(line) and symbol:
                _drop_running_head(stripped, keep, index, symbol)
        elif _FOOTNOTE_RULE_RE.fullmatch(line):
            keep[index] = False
            _drop_footnotes(stripped, keep, index + 1)
    _close_gaps(stripped, keep)
    return "\n".join(line for line, kept in zip(lines, keep, strict=True) if kept)


def _close_gaps(stripped: list[str], keep: list[bool]) -> None:
    """Drop the blank lines around removed furniture where a paragraph runs on over the page
    break; keep one where a sentence ended before it and a capital letter starts after it."""
    index = 0
    while index < len(stripped):
        if keep[index] and stripped[index]:
            index += 1
            continue
        end = index
        removed = False
        while end < len(stripped) and not (keep[end] and stripped[end]):
            removed = removed or not keep[end]
            end += 1
        if removed:
            before = stripped[index - 1] if index else ""
            after = stripped[end] if end < len(stripped) else ""
            boundary = before[-1:] in _PARAGRAPH_END and after[:1].isupper()
            for position in range(index, end):
                keep[position] = False
            if boundary and end > index:
                # Keep a blank line (an empty one is never furniture) between the paragraphs.
                blank = next((p for p in range(index, end) if not stripped[p]), None)
                if blank is not None:
                    keep[blank] = True
        index = end


def _drop_running_head(stripped: list[str], keep: list[bool], counter: int, symbol: str) -> None:
    """Drop the symbol-and-title lines printed just before (or after) a page counter."""
    for step in (-1, 1):
        position = counter + step
        # Step over blank lines and the job number next to the counter.
        while 0 <= position < len(stripped) and (
            not stripped[position] or _is_furniture_line(stripped[position])
        ):
            keep[position] = False if stripped[position] else keep[position]
            position += step
        group: list[int] = []
        while 0 <= position < len(stripped) and stripped[position] and len(group) < _HEAD_LINES:
            group.append(position)
            position += step
        if any(symbol in stripped[line] for line in group):
            for line in group:
                keep[line] = False


def _drop_footnotes(stripped: list[str], keep: list[bool], start: int) -> None:
    """Drop the numbered footnotes that follow a rule, up to the first paragraph that is not."""
    position = start
    in_note = False
    while position < len(stripped):
        line = stripped[position]
        if not line:
            in_note = False
        elif _FOOTNOTE_RE.match(line) and not in_note:
            in_note = True
            keep[position] = False
        elif in_note:
            keep[position] = False
        else:
            return
        position += 1
