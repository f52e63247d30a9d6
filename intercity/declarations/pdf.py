"""A declaration as a PDF (fpdf2), embedding the site's own Noto fonts for every script it uses.

The fonts come from the npm packages the site serves (see pdf_fonts); where they are not installed,
system fonts are looked for, and without any Unicode font the PDF falls back to Helvetica."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from fpdf import FPDF

from intercity.declarations.pdf_fonts import shipped_slices, slices_for, truetype

# Debian packages: fonts-dejavu-core (Latin, Vietnamese, Cyrillic), fonts-noto-cjk (Chinese,
# Japanese, Korean), fonts-thai-tlwg or fonts-noto-core (Thai). Whatever is missing, the PDF
# is still made: glyphs no installed font has come out as blanks.
FONT_DIRS = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts")]
LATIN = [
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
]
CJK = ["NotoSansCJK-Regular.ttc", "NotoSansCJKjp-Regular.otf", "DroidSansFallbackFull.ttf",
       "wqy-microhei.ttc", "wqy-zenhei.ttc"]  # fmt: skip
THAI = ["NotoSansThai-Regular.ttf", "Garuda.ttf", "Loma.ttf", "Garuda.otf", "Loma.otf",
        "Waree.ttf", "Waree.otf"]  # fmt: skip

logger = logging.getLogger(__name__)


@dataclass
class PdfClause:
    number: str
    text: str
    intro: str = ""
    subitems: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class PdfDeclaration:
    """What the PDF shows, as plain values (so this module needs no database)."""

    title: str
    subtitle: str
    signatories: str
    opening: list[str]
    preamble: list[tuple[str, str]]
    operative_intro: str
    clauses: list[PdfClause]
    closing: list[str]
    footer: str
    labels: dict[str, str] = field(default_factory=dict)
    language: str = ""

    def all_text(self) -> str:
        parts = [self.title, self.subtitle, self.signatories, self.operative_intro, self.footer]
        parts += self.opening + self.closing + [text for _lead, text in self.preamble]
        for clause in self.clauses:
            parts += [clause.number, clause.text, clause.intro]
            parts += [text for _label, text in clause.subitems]
        return "\n".join(parts) + "0123456789./()–·"


def _find(name: str) -> Path | None:
    for root in FONT_DIRS:
        if root.is_dir():
            for found in root.rglob(name):
                return found
    return None


@dataclass
class FontSet:
    regular: Path | None
    bold: Path | None
    fallbacks: list[tuple[str, Path]]


def installed_fonts() -> FontSet:
    regular = bold = None
    for regular_name, bold_name in LATIN:
        regular = _find(regular_name)
        if regular:
            bold = _find(bold_name)
            break
    fallbacks = []
    for family, names in (("cjk", CJK), ("thai", THAI)):
        for name in names:
            path = _find(name)
            if path:
                fallbacks.append((family, path))
                break
    return FontSet(regular, bold, fallbacks)


def _can_shape() -> bool:
    try:
        import uharfbuzz  # noqa: F401
    except ImportError:
        return False
    return True


class _Document(FPDF):
    footer_text = ""
    family = "helvetica"

    def footer(self):
        self.set_y(-12)
        self.set_font(self.family, size=8)
        self.cell(0, 8, f"{self.footer_text}  ·  {self.page_no()}/{{nb}}", align="C")


def shipped_fonts(doc: PdfDeclaration, cache_dir: Path | None = None) -> FontSet | None:
    """The site's Noto slices that the document's text needs, as TrueType; None if not installed."""
    from django.conf import settings

    cache_dir = cache_dir or Path(settings.BASE_DIR) / "var" / "cache" / "pdf-fonts"
    slices = slices_for(doc.all_text(), doc.language)
    latin_file = "noto-sans-latin-400-normal.woff2"
    latin = next((s for s in shipped_slices() if s.file == latin_file), None)
    if latin is None:
        return None
    regular = truetype(latin.family, latin.file, cache_dir)
    bold = truetype(latin.family, latin.bold_file, cache_dir)
    if regular is None:
        return None
    fallbacks = []
    for index, piece in enumerate(s for s in slices if s != latin):
        path = truetype(piece.family, piece.file, cache_dir)
        if path is not None:
            fallbacks.append((f"noto{index}", path))
    return FontSet(regular, bold, fallbacks)


def render_pdf(doc: PdfDeclaration, fonts: FontSet | None = None) -> bytes:
    if fonts is None:
        fonts = shipped_fonts(doc) or installed_fonts()
    try:
        return _render(doc, fonts)
    except Exception:  # noqa: BLE001 - a system font fpdf2 cannot embed must not stop the export
        if not fonts.fallbacks:
            raise
        logger.warning("Rendering with fallback fonts failed; retrying without", exc_info=True)
        return _render(doc, FontSet(fonts.regular, fonts.bold, []))


def _render(doc: PdfDeclaration, fonts: FontSet) -> bytes:
    pdf = _Document(format="A4")
    pdf.set_title(doc.title)
    pdf.set_creator("Intercity")
    pdf.footer_text = doc.footer
    unicode = fonts.regular is not None
    if unicode:
        pdf.add_font("body", "", str(fonts.regular))
        pdf.add_font("body", "B", str(fonts.bold or fonts.regular))
        fallback_names = []
        for family, path in fonts.fallbacks:
            try:
                pdf.add_font(family, "", str(path))
            except Exception:  # noqa: BLE001 - a broken system font must not break the export
                logger.warning("Skipping font %s", path, exc_info=True)
                continue
            fallback_names.append(family)
        if fallback_names:
            pdf.set_fallback_fonts(fallback_names, exact_match=False)
        if _can_shape():
            # Thai, Burmese and Devanagari need their marks placed and reordered by HarfBuzz.
            pdf.set_text_shaping(True)
        pdf.family = "body"
    else:
        logger.warning("No Unicode font installed; the PDF uses Helvetica (Latin-1 only).")

    def clean(text: str) -> str:
        return text if unicode else text.encode("latin-1", "replace").decode("latin-1")

    family = pdf.family
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    pdf.set_font(family, "B", 18)
    pdf.multi_cell(0, 9, clean(doc.title), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, "", 10)
    if doc.subtitle:
        pdf.multi_cell(0, 6, clean(doc.subtitle), align="C", new_x="LMARGIN", new_y="NEXT")
    if doc.signatories:
        pdf.multi_cell(0, 6, clean(doc.signatories), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)

    def paragraph(text: str, lead: str = "", indent: float = 0) -> None:
        pdf.set_x(pdf.l_margin + indent)
        if lead and text.startswith(lead):
            pdf.set_font(family, "B", 11)
            pdf.write(6, clean(lead))
            text = text[len(lead) :]
        pdf.set_font(family, "", 11)
        pdf.write(6, clean(text))
        pdf.ln(9)

    for text in doc.opening:
        paragraph(text)
    for lead, text in doc.preamble:
        paragraph(text, lead)
    if doc.operative_intro:
        pdf.set_font(family, "B", 11)
        pdf.multi_cell(0, 6, clean(doc.operative_intro), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    for clause in doc.clauses:
        body = clause.intro if clause.subitems and clause.intro else clause.text
        pdf.set_font(family, "B", 11)
        pdf.cell(10, 6, clean(f"{clause.number}."))
        pdf.set_font(family, "", 11)
        pdf.multi_cell(0, 6, clean(body), new_x="LMARGIN", new_y="NEXT")
        for label, text in clause.subitems:
            pdf.set_x(pdf.l_margin + 10)
            pdf.set_font(family, "B", 11)
            pdf.cell(8, 6, clean(f"{label}." if label else "–"))
            pdf.set_font(family, "", 11)
            pdf.multi_cell(0, 6, clean(text), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    for text in doc.closing:
        paragraph(text)
    return bytes(pdf.output())
