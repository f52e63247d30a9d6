"""Cleans a declaration's raw text and cuts it into paragraphs (blocks) for the parser."""

import re
import unicodedata

from intercity.declarations.parsing.furniture import remove_print_furniture
from intercity.declarations.parsing.lexicon import (
    CLOSING_LEAD_RE,
    INLINE_LEAD_RE,
    OPERATIVE_MARKER_RES,
    PREAMBLE_LEAD_RE,
    ends_recital,
    same_lead,
)
from intercity.declarations.parsing.markers import read_marker

# Control characters other than tab and newline carry no text; line and paragraph
# separators become newlines. Zero-width characters and the BOM are dropped.
_LINE_BREAKS_RE = re.compile(r"\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_INVISIBLE_RE = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\u200b-\u200d\u2060\ufeff]")
# Table borders from plain-text exports: box drawing characters and pipes.
_TABLE_CHARACTERS_RE = re.compile(r"[\u2500-\u257f|¦]")
_RULE_LINE_RE = re.compile(r"[\s\-=+_:~*#.·]*")
_MARKDOWN_HEADING_RE = re.compile(r"#{1,6}\s+")
_SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_SENTENCE_END = ".;:!?。；：！？"
_CJK_RANGES = ("\u3040", "\u30ff", "\u3400", "\u9fff", "\uac00", "\ud7af", "\uff00", "\uffef")

# Where a document written on a single line can be cut into paragraphs.
_INLINE_WE_RE = re.compile(r"(?<=\S)\s+(?=We,\s)")
_INLINE_NUMBER_RE = re.compile(
    r"(?:(?<=[;:.])|(?<=[;:.]\s)|(?<=[;:.]\s\s))(?:-\s)?\(?(?P<token>\d{1,2}|[a-z])[.)]"
    r"(?=\s*\w)"
)
_INLINE_CLOSING_RE = re.compile(
    r"[.;]\s+(?=(?:On\s+this\s+occasion|Finally,|In\s+conclusion|Lastly,|Done\s+at|Adopted\s))"
)
# Blocks longer than this, or any block of a document with very few blocks, are searched for
# paragraph breaks that were lost when the text was flattened.
_LONG_BLOCK = 800
_FEW_BLOCKS = 3
_MARKER_SEARCH_LENGTH = 100_000
# A text with this many blank-line-separated groups separates its paragraphs with blank lines.
_PARAGRAPH_GROUPS = 4
_FULL_LINE = 0.75
_COMMON_WRAP_WIDTH = 72
# A list item indented by this many spaces more than an item before it is nested in that item
# (Markdown wants two or more); one space is the slack of right-aligned numbers (" 9.", "10.").
_NESTING_INDENT = 2


class NestedItem(str):
    """A list item indented under another ("   - sub point" below "2. ..."), which belongs to
    that item; ``depth`` counts the items it is nested in."""

    depth: int

    def __new__(cls, text: str, depth: int) -> "NestedItem":
        item = super().__new__(cls, text)
        item.depth = depth
        return item

    def __getnewargs__(self) -> tuple[str, int]:  # type: ignore[override]
        # Copied (as the parse result is when it becomes a dict) with its depth.
        return (str(self), self.depth)


def nesting_depth(block: str) -> int:
    """How many list items a paragraph is nested in: 0 for all but a nested list item."""
    return block.depth if isinstance(block, NestedItem) else 0


def clean_text(text: str) -> str:
    """Plain text with newlines only, no control characters, no table borders.

    Letters are composed (NFC): copies of Vietnamese, Hindi or Burmese texts often write an
    accent or a vowel sign as a separate character, which the phrase lists would not match.
    """
    text = unicodedata.normalize("NFC", text)
    text = _LINE_BREAKS_RE.sub("\n", text)
    text = _INVISIBLE_RE.sub("", text)
    text = _TABLE_CHARACTERS_RE.sub(" ", text)
    # A tab indents a nested list item as deep as the spaces of a Markdown export do.
    text = text.replace("\t", "    ")
    return text


def _clean_line(line: str) -> str:
    line = _SPACES_RE.sub(" ", line).strip()
    if _RULE_LINE_RE.fullmatch(line):
        return ""
    heading = _MARKDOWN_HEADING_RE.match(line)
    if heading:
        line = line[heading.end() :]
    return line


def is_cjk(ch: str) -> bool:
    return any(
        start <= ch <= end for start, end in zip(_CJK_RANGES[::2], _CJK_RANGES[1::2], strict=True)
    )


def join_lines(first: str, second: str) -> str:
    """Join two wrapped lines, without a space between CJK characters."""
    if not first:
        return second
    if not second:
        return first
    if is_cjk(first[-1]) or is_cjk(second[0]):
        return first + second
    return first + " " + second


def _starts_paragraph(line: str, *, leads: bool = True) -> bool:
    """Whether a line opens a paragraph of its own even without a blank line before it."""
    if read_marker(line) is not None:
        return True
    if not leads:
        return False
    if PREAMBLE_LEAD_RE.match(line) and line[:1].isupper():
        return True
    return bool(CLOSING_LEAD_RE.match(line)) and line[:1].isupper()


def _is_wrapped(lines: list[str]) -> bool:
    """Whether the lines look hard-wrapped at a fixed width (one paragraph over many lines)."""
    if len(lines) < 3:
        return False
    widest = max(len(line) for line in lines)
    if widest < 20 or widest > 140:
        return False
    full = sum(1 for line in lines[:-1] if len(line) >= 0.7 * widest)
    return full >= 0.6 * (len(lines) - 1)


def _split_group(
    lines: list[str], *, split_short: bool = True, wrap_width: int | None = None
) -> list[tuple[str, int]]:
    """Paragraphs within a group of consecutive non-blank lines, each with the index of the
    line it starts on.

    In a text whose paragraphs are already separated by blank lines (``split_short`` false),
    a short line, a lead phrase at a line's start or a line that fills the text's wrapping
    width only continues the paragraph; numbered and bulleted items still start new ones.
    """
    wrapped = _is_wrapped(lines)
    widest = max(len(line) for line in lines)
    paragraphs: list[tuple[str, int]] = []
    current = ""
    start = 0
    previous = ""
    for index, line in enumerate(lines):
        if not current:
            current, start = line, index
        else:
            ends_sentence = previous[-1:] in _SENTENCE_END
            starts_lower = line[:1].islower()
            if _dash_runs_on(previous, line):
                new_paragraph = False
            elif _starts_paragraph(line, leads=split_short):
                new_paragraph = True
            elif wrapped:
                # In wrapped text only a visibly short line ends a paragraph.
                new_paragraph = split_short and ends_sentence and len(previous) < 0.7 * widest
            elif (
                not split_short
                and wrap_width
                and not ends_sentence
                and len(previous) >= _FULL_LINE * wrap_width
            ):
                # A full line that does not end a sentence is wrapped, in a two-line group too.
                new_paragraph = False
            elif not split_short and not ends_sentence and _runs_on_in_group(lines, previous):
                # A PDF copy of justified text may put one word a line ("Convention to
                # Combat / Desertification / in / those / Countries"): within a paragraph
                # of a text that separates its paragraphs by blank lines, it runs on.
                new_paragraph = False
            else:
                # Unwrapped text has a paragraph per line, unless a sentence clearly runs on.
                runs_on = (not ends_sentence and starts_lower) or previous[-1:] in ",-–"
                if not split_short and not ends_sentence and not runs_on:
                    # Scripts without case or full stops (Thai, Burmese, Han) run on from
                    # line to line inside a paragraph separated from others by blank lines.
                    runs_on = (
                        _caseless(previous[-1:])
                        and _caseless(line[:1])
                        and not (PREAMBLE_LEAD_RE.match(line))
                    )
                new_paragraph = not runs_on
            if new_paragraph:
                paragraphs.append((current, start))
                current, start = line, index
            else:
                current = join_lines(current, line)
        previous = line
    if current:
        paragraphs.append((current, start))
    return paragraphs


def _caseless(ch: str) -> bool:
    """A letter or vowel sign of a script without case (Thai, Burmese, Devanagari, Han)."""
    return (
        bool(ch) and unicodedata.category(ch)[0] in "LM" and not ch.isupper() and not ch.islower()
    )


def _runs_on_in_group(lines: list[str], previous: str) -> bool:
    """Whether a short line that does not end a sentence is one of a run of words cut apart.

    Headings also lack a full stop, so only a group that already ran on from a full line and
    holds several one- or two-word lines is read this way.
    """
    if len(previous.split()) > 2:
        return False
    fragments = sum(1 for line in lines if len(line.split()) <= 2)
    return fragments >= 3 and len(lines[0].split()) > 2


def _dash_runs_on(previous: str, line: str) -> bool:
    """A dash opening a wrapped line mid-sentence is punctuation ("CIPE – an affiliate of the
    Chamber – will work"), not a bullet."""
    return line[:1] in "–—" and bool(previous) and previous[-1:] not in _SENTENCE_END


def _wrap_width(groups: list[list[str]]) -> int | None:
    """The width a text is wrapped at: the median length of lines that run on to another."""
    lengths = sorted(len(line) for group in groups if len(group) >= 3 for line in group[:-1])
    return lengths[len(lengths) // 2] if lengths else None


def _continues_across_break(previous: str, paragraph: str) -> bool:
    """Whether a paragraph is the rest of the previous one, cut by a page break or blank line."""
    return (
        paragraph[:1].islower()
        and previous[-1:] not in _SENTENCE_END
        and read_marker(paragraph) is None
        and read_marker(previous) is None
        # Recitals of one long sentence each start a paragraph: "…; и / принимая во
        # внимание, что …", "…үндэслэн, / энэхүү …".
        and not ends_recital(previous)
        and not same_lead(previous, paragraph)
    )


def _inline_breaks(block: str) -> list[int]:
    """Positions inside a flattened block where a paragraph evidently begins."""
    breaks: list[int] = []
    for match in INLINE_LEAD_RE.finditer(block):
        if block[match.end() : match.end() + 1].isupper():
            breaks.append(match.end())
    for match in _INLINE_WE_RE.finditer(block):
        breaks.append(match.end())
        break
    for match in _INLINE_CLOSING_RE.finditer(block):
        breaks.append(match.end())
    # The operative marker follows a preamble of a few pages at most; not searching the whole
    # of a huge flattened block keeps the cost of the twenty patterns bounded.
    head = block[:_MARKER_SEARCH_LENGTH]
    for pattern in OPERATIVE_MARKER_RES:
        match = pattern.search(head)
        if match is None:
            continue
        # The marker's sentence is a paragraph of its own: "...; Hereby we declare: 1. ..."
        sentence_start = max(block.rfind(";", 0, match.start()), block.rfind(".", 0, match.start()))
        if sentence_start >= 0 and match.start() - sentence_start < 200:
            breaks.append(sentence_start + 1)
        colon = block.find(":", match.end() - 1, match.end() + 40)
        if colon >= 0:
            breaks.append(colon + 1)
        break
    breaks.extend(_inline_list_breaks(block))
    return breaks


def _inline_list_breaks(block: str) -> list[int]:
    """Starts of "1." "2." ... and "a." "b." items that run on within one line.

    Only items that count up from the start are accepted, so a stray "5." in a sentence
    does not cut it.
    """
    breaks: list[int] = []
    expected_number = 1
    expected_letter = "a"
    for match in _INLINE_NUMBER_RE.finditer(block):
        label = match.group("token")
        if label.isdigit() and int(label) == expected_number:
            expected_number += 1
            expected_letter = "a"
            breaks.append(match.start())
        elif label == expected_letter and expected_number > 1:
            expected_letter = chr(ord(expected_letter) + 1)
            breaks.append(match.start())
    return breaks


def _split_inline(block: str) -> list[str]:
    breaks = sorted({position for position in _inline_breaks(block) if 0 < position < len(block)})
    if not breaks:
        return [block]
    pieces = []
    start = 0
    for position in [*breaks, len(block)]:
        piece = block[start:position].strip()
        if piece:
            pieces.append(piece)
        start = position
    return pieces


def _nesting(paragraph: str, indent: int, open_items: list[int]) -> int:
    """How deep a paragraph's list item is nested, keeping ``open_items`` up to date: a list
    item is nested in the items before it indented less; text as far left as the outermost
    item closes the list."""
    if read_marker(paragraph) is None:
        if open_items and indent <= open_items[0]:
            open_items.clear()
        return 0
    while open_items and open_items[-1] + _NESTING_INDENT > indent:
        open_items.pop()
    depth = len(open_items)
    open_items.append(indent)
    return depth


def split_blocks(text: str) -> list[str]:
    """The document's paragraphs, in order, each on one line."""
    groups: list[list[str]] = []
    indents: list[list[int]] = []
    current: list[str] = []
    for raw_line in remove_print_furniture(clean_text(text)).split("\n"):
        line = _clean_line(raw_line)
        if line:
            if not current:
                indents.append([])
            current.append(line)
            indents[-1].append(len(raw_line) - len(raw_line.lstrip(" \u00a0\u3000")))
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)

    blocks: list[str] = []
    # Paragraphs written on one long line may hide paragraph breaks lost when the text was
    # flattened; a long paragraph made of wrapped lines has kept its breaks.
    flattened: set[int] = set()
    split_short = len(groups) < _PARAGRAPH_GROUPS
    # With no paragraph long enough to measure the wrapping, assume the common width.
    wrap_width = _wrap_width(groups) or _COMMON_WRAP_WIDTH
    # Indents of the list items the next one may be nested in, outermost first.
    open_items: list[int] = []
    for group, group_indents in zip(groups, indents, strict=True):
        long_line = any(len(line) > _LONG_BLOCK for line in group)
        paragraphs = _split_group(group, split_short=split_short, wrap_width=wrap_width)
        for paragraph, start in paragraphs:
            if blocks and _continues_across_break(blocks[-1], paragraph):
                blocks[-1] = join_lines(blocks[-1], paragraph)
            else:
                depth = _nesting(paragraph, group_indents[start], open_items)
                blocks.append(NestedItem(paragraph, depth) if depth else paragraph)
            if long_line:
                flattened.add(len(blocks) - 1)

    few_blocks = len(blocks) <= _FEW_BLOCKS
    result: list[str] = []
    for index, block in enumerate(blocks):
        if (index in flattened and len(block) > _LONG_BLOCK) or (few_blocks and len(block) > 200):
            result.extend(_split_inline(block))
        else:
            result.append(block)
    return result
