"""Fonts for PDFs from the Noto faces the site itself serves (installed from npm at set-up).

The web fonts come as WOFF2 slices, each covering a unicode-range (a script, or a block of Han
characters). A PDF embeds only the slices its text needs: each is converted once to TrueType (which
fpdf2 reads) and kept in a cache folder. Han characters take the forms of the document's language.
No system font is needed, so a PDF made on a bare server shows every script of the network.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

logger = logging.getLogger(__name__)

SHIPPED = Path(__file__).resolve().parents[1] / "web" / "static" / "vendor" / "fonts"
# Which family is tried first for a character several cover (Han forms differ by language).
FAMILY_ORDER = [
    "noto-sans", "noto-sans-thai", "noto-sans-myanmar", "noto-sans-devanagari",
    "noto-sans-jp", "noto-sans-kr", "noto-sans-tc",
]  # fmt: skip
HAN_FIRST = {"ko": "noto-sans-kr", "zh-hant": "noto-sans-tc", "zh": "noto-sans-tc"}

FACE = re.compile(r"@font-face\s*{(?P<body>[^}]*)}", re.S)
SOURCE = re.compile(r"url\(\./files/(?P<file>[^)]+\.woff2)\)")
RANGE = re.compile(r"unicode-range:\s*(?P<ranges>[^;]+);")


@dataclass(frozen=True)
class Slice:
    family: str
    file: str  # the regular (400) WOFF2 file name
    ranges: tuple[tuple[int, int], ...]

    def covers(self, codepoint: int) -> bool:
        return any(low <= codepoint <= high for low, high in self.ranges)

    @property
    def bold_file(self) -> str:
        return self.file.replace("-400-normal", "-700-normal")


def _ranges(text: str) -> tuple[tuple[int, int], ...]:
    out = []
    for part in text.split(","):
        part = part.strip().upper().removeprefix("U+")
        if not part:
            continue
        if "-" in part:
            low, high = part.split("-")
        elif "?" in part:
            low, high = part.replace("?", "0"), part.replace("?", "F")
        else:
            low = high = part
        out.append((int(low, 16), int(high, 16)))
    return tuple(out)


@cache
def shipped_slices(root: Path = SHIPPED) -> tuple[Slice, ...]:
    """Every regular slice of the shipped fonts, read from their stylesheets."""
    slices = []
    for family in FAMILY_ORDER:
        sheet = root / family / "400.css"
        if not sheet.is_file():
            continue
        for face in FACE.finditer(sheet.read_text(encoding="utf-8")):
            source, ranges = SOURCE.search(face["body"]), RANGE.search(face["body"])
            if source and ranges:
                slices.append(Slice(family, source["file"], _ranges(ranges["ranges"])))
    return tuple(slices)


def slices_for(text: str, language: str = "", root: Path = SHIPPED) -> list[Slice]:
    """The slices that cover the characters of `text`, in the order fpdf2 should try them."""
    order = list(FAMILY_ORDER)
    han = HAN_FIRST.get((language or "").lower())
    if han:
        order.remove(han)
        order.insert(order.index("noto-sans-jp"), han)
    slices = sorted(shipped_slices(root), key=lambda s: order.index(s.family))
    wanted: list[Slice] = []
    for codepoint in sorted({ord(char) for char in text if not char.isspace()}):
        if any(chosen.covers(codepoint) for chosen in wanted):
            continue
        for candidate in slices:
            if candidate.covers(codepoint):
                wanted.append(candidate)
                break
    return sorted(wanted, key=slices.index)


def truetype(family: str, file: str, cache_dir: Path, root: Path = SHIPPED) -> Path | None:
    """The slice as a TrueType file fpdf2 can embed (converted once, then read from the cache)."""
    target = cache_dir / file.replace(".woff2", ".ttf")
    if target.is_file():
        return target
    source = root / family / "files" / file
    if not source.is_file():
        return None
    from fontTools.ttLib import TTFont

    try:
        font = TTFont(str(source))
        font.flavor = None
        cache_dir.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".part")
        font.save(str(partial))
        partial.replace(target)
    except Exception:  # noqa: BLE001 - an unreadable slice costs its glyphs, not the PDF
        logger.warning("Could not convert font %s", source, exc_info=True)
        return None
    return target
