"""Finds who adopts or signs a declaration: cities, states, organisations or an assembly.

Tried in order, the first that yields names wins: the body a resolution speaks for ("The
General Assembly,", or in a member language where its formula names it: "Генеральная
Ассамблея,", "大会，"); the list after "We, the representatives/leaders/mayors of" or "We, the
…" in the opening (in several languages); the parties a title names ("Joint Statement of
Japan, the Republic of Korea, and the United States", "U.S.-ROK Leaders’ Joint Statement");
the parties "between" whom the opening places the text; and the member cities the opening
mentions. Names that are member cities take the platform's spelling; others stay as printed,
with roles ("Prime Minister of the Kingdom of Thailand") and acronyms in brackets removed.
"""

import re

from intercity.declarations.parsing.cities import CityMatcher
from intercity.declarations.parsing.member_lexicon import MEMBER_BODY_LINE_RE, MEMBER_BODY_RE

_SEARCH_LENGTH = 20_000
# The body is named at the start of the operative formula.
_INTRO_SEARCH = 300
_LIST_LENGTH = 1500
# Most names a participants list can hold; a longer run is prose, not a list.
_MAX_PARTICIPANTS = 60
_MAX_NAME_LENGTH = 80
_MAX_NAME_WORDS = 10

_ROLE_WORDS = (
    r"representatives|delegates|delegations|mayors|governors|leaders|heads|presidents|"
    r"prime\s+ministers|ministers|governments|member\s+states|members|chairs|economic\s+leaders|"
    r"Vertreterinnen|Vertreter|Oberbürgermeister|Bürgermeister|représentants|representantes|"
    r"alcaldes|maires|đại\s+diện|thị\s+trưởng|para\s+(?:wali\s*kota|walikota|gubernur|pemimpin|"
    r"wakil)|perwakilan|мэры|главы|представители|руководители"
)
_PARTICIPANTS_TRIGGER_RE = re.compile(
    rf"\b(?:{_ROLE_WORDS})\s+(?:\w+\s+){{0,2}}?(?:of|der|des|de|các|dari|kota)\s+(?:the\s+)?"
    r"(?:(?:member\s+)?(?:cities|Städte|villes|ciudades|thành\s+phố)\s+(?:of\s+)?)?|"
    r"\bthe\s+(?:member\s+)?cities\s+of\s+|\bdie\s+Städte\s+|"
    r"(?:городов|города)[ \t]+",
    re.IGNORECASE,
)
# "We, the Prime Minister of … and the Prime Minister of …," / "WE, the Member States of …".
_WE_THE_RE = re.compile(
    r"\bWe\s*(?:,|—|–|-{1,2})\s*the\s+|\bwe\s*(?:—|–|-{2})\s*(?=[A-Z])", re.IGNORECASE
)
# Lists written before the role in languages that put it last.
_CJK_NAME = r"[\u4e00-\u9fff\u30a0-\u30ffー・\uac00-\ud7af]{1,12}?"
_CJK_LIST_RE = re.compile(
    rf"(?P<list>{_CJK_NAME}(?:\s*(?:[、,，]|及び|및|和|与)\s*{_CJK_NAME}){{1,40}})"
    r"\s*(?:の|各都市の|各市の|等城市的|城市的|的|의|시의|시)?\s*(?:代表|市長|首長|市长|대표|시장)"
)
# Roles followed directly by the list: "para wali kota Bangkok, …", "мэры городов …".
_DIRECT_TRIGGER_RE = re.compile(
    r"\b(?:para\s+(?:wali\s*kota|walikota|gubernur|wakil|pemimpin)(?:\s+(?:kota|dari))?|"
    r"perwakilan\s+(?:kota\s+)?|(?:мэры|главы|представители|руководители)\s+городов|"
    # "мэры Сеула и Ханоя": the cities in the genitive, straight after the role.
    r"(?:мэры|главы|представители|руководители)(?=\s+(?-i:[А-ЯЁ]))|"
    r"đại\s+diện\s+(?:các\s+)?thành\s+phố)\s+",
    re.IGNORECASE,
)
_THAI_LIST_RE = re.compile(
    r"(?:ผู้แทน|ผู้ว่าราชการ|นายกเทศมนตรี)(?:ของ)?\s*"
    r"(?P<list>[\u0e00-\u0e7f]{2,30}(?:\s*(?:,|และ)\s*[\u0e00-\u0e7f]{2,30}){1,40})"
)
_LIST_SEPARATOR_RE = re.compile(
    r"\s*[,;、，]\s*(?:and\s+|và\s+|dan\s+|и\s+|และ\s*)?|"
    r"\s+(?:and|und|et|y|e|và|dan|и|&|as\s+well\s+as)\s+|\s*(?:及び|및|和|与|และ)\s*"
)
_NAME_SUFFIX_RE = re.compile(r",\s*(Jr\.|Sr\.|II|III)(?=\s)")
_LEADING_ARTICLE_RE = re.compile(r"^(?:the|and|die|der|la|le|les|el|los)\s+", re.IGNORECASE)
_BRACKETED_RE = re.compile(r"\s*\([^()]{1,40}\)")
_NAME_PARTICLES = {"am", "an", "de", "del", "da", "do", "di", "du", "la", "le", "upon", "sur"}
# Inside a state's name: "Republic of the Marshall Islands", "United States of America".
_NAME_LINKS = {"of", "the"}
# A full stop ends a list, but not one after an initial or an abbreviation ("Joseph R.
# Biden", "U.S.", "Jr.").
_LIST_END_RE = re.compile(
    r"(?<!\b[A-Z])(?<!\bJr)(?<!\bSr)(?<!\bDr)(?<!\bSt)(?<!\bMr)\.(?![A-Z]\.)|[;:()\n]|\s[-–—]\s|—|–"
)

_ROLE_PREFIX_RE = re.compile(
    r"^(?:(?:Vice|Deputy|Acting)\s+)?(?:President|Prime\s+Minister|Chancellor|King|Queen|Sultan|"
    r"Emir|Governor|Mayor|Chair(?:man|person)?|General\s+Secretary|Secretary-General|Ambassador|"
    r"Minister|Premier|Leader|Head\s+of\s+(?:State|Government)|Charge\s+d’Affaires)\b"
    r"(?P<person>(?:\s+[A-Z][\w.’'\-]*,?){0,5}?)(?:\s+of\s+(?P<of>.+))?$"
)
_ABBREVIATIONS = {
    "u.s.": "United States",
    "us": "United States",
    "usa": "United States",
    "u.s.a.": "United States",
    "rok": "Republic of Korea",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "eu": "European Union",
}

# A body that speaks for itself at the head of a resolution: "The General Assembly,".
ADOPTING_BODY_RE = re.compile(
    r"^The\s+(?P<body>(?:[A-Z][\w\-]*\s+){0,4}?(?:Assembly|Council|Conference|Committee|"
    r"Commission|Board|Congress|Parliament|Summit))\s*,?$"
)
# Parties a title names: "Joint Statement of/from/by (the Leaders of) …".
_TITLE_PARTIES_RE = re.compile(
    r"\b(?:Statement|Declaration|Communiqu[ée]|Agreement|Memorandum)\s+(?:from|of|by|between)\s+"
    r"(?:the\s+(?:Leaders|Heads|Presidents|Governments|Prime\s+Ministers)\s+of\s+)?(?P<list>.+)$",
    re.IGNORECASE,
)
_TITLE_BETWEEN_RE = re.compile(r"\bbetween\s+(?P<list>.+)$", re.IGNORECASE)
# Parties joined by hyphens before a kind of text: "U.S.-ROK Leaders’ Joint Statement".
_HYPHENATED_PARTIES_RE = re.compile(
    r"(?P<list>(?:[A-Z][\w.]*\s?){1,3}(?:\s?-\s?(?:[A-Z][\w.]*\s?){1,3}){1,4})\s*"
    r"(?=(?:Joint|Leaders|Relations|Relationship|Partnership|Summit|Agreement|Trilateral|"
    r"Statement|Declaration)\b)",
)
_KIND_WORDS_RE = re.compile(
    r"(?:\s+(?:Joint|Leaders’?|Leaders'|Trilateral|Special|Summit|Relations|Partnership))+$",
    re.IGNORECASE,
)
_BETWEEN_RE = re.compile(r"\bbetween\s+(?:the\s+)?(?=[A-Z])")
# "Between" in the member languages written with spaces, and the kinds of place named before
# each party ("между городами Томск и Ханой", "antara Kota Jakarta dan Kota Seoul").
_MEMBER_BETWEEN_RE = re.compile(r"(?<!\w)(?:между|giữa|antara)\s+(?P<list>.+)$", re.IGNORECASE)
_PLACE_KIND_RE = re.compile(
    r"(?<!\w)(?:городами|городом|города|город|thành\s+phố|tỉnh|Pemerintah\s+Kota|Kota|"
    r"Bandaraya|Bandar)\s+"
)
# Two parties joined before "between" in Korean, Japanese and Chinese titles.
_CJK_PAIR_RE = re.compile(
    r"(?P<ko_a>[\uac00-\ud7af]{2,12}?)(?:와|과)\s*(?P<ko_b>[\uac00-\ud7af]{2,12}?)\s*(?:간|사이)|"
    r"(?P<ja_a>[\u4e00-\u9fff\u30a0-\u30ffー]{2,12}?)と(?P<ja_b>[\u4e00-\u9fff\u30a0-\u30ffー]{2,12}?)"
    r"(?:との間|間)|"
    # In Chinese only places ("北京市与河内市友好…"): "气候与环境友好…" names no parties.
    r"(?P<zh_a>[\u4e00-\u9fff]{1,9}?[市省州县縣区區国國])(?:与|和|同|與)"
    r"(?P<zh_b>[\u4e00-\u9fff]{1,9}?[市省州县縣区區国國])(?:之间|之間|友好|建立|关于|關於)"
)


def extract_participants(
    front_blocks: list[str],
    front_text: str,
    title: str | None,
    cities: CityMatcher,
    *,
    intro: str | None = None,
) -> tuple[list[str], str | None]:
    """Participants in the form printed (member cities as the platform spells them), and the
    rule that found them. ``intro`` is the paragraph announcing the operative part, which in
    the member languages often names the body that speaks ("国連総会は、")."""
    text = front_text[:_SEARCH_LENGTH]
    for block in front_blocks[:40]:
        body = ADOPTING_BODY_RE.match(block.strip()) or MEMBER_BODY_LINE_RE.fullmatch(block.strip())
        if body:
            return [" ".join(body.group("body").split())], "body"
    if intro:
        body = MEMBER_BODY_RE.search(intro[:_INTRO_SEARCH])
        if body:
            return [" ".join(body.group(0).split())], "body"
    found = _from_triggers(text)
    if found:
        return _normalised(found, cities), "list"
    if title:
        found = _from_title(title)
        if found:
            return _normalised(found, cities), "title"
    between = _BETWEEN_RE.search(text[:3000])
    if between:
        found = _parties(_names_from_list(text[between.end() : between.end() + _LIST_LENGTH]))
        if len(found) >= 2:
            return _normalised(found, cities), "between"
    if cities:
        mentioned = [name for _position, name in cities.mentions(text[:3000])]
        if mentioned:
            return mentioned, "cities"
    return [], None


def _from_triggers(text: str) -> list[str]:
    match = _PARTICIPANTS_TRIGGER_RE.search(text)
    if match:
        found = _parties(_names_from_list(text[match.end() : match.end() + _LIST_LENGTH]))
        if found:
            return found
    match = _DIRECT_TRIGGER_RE.search(text)
    if match:
        found = _names_from_list(text[match.end() : match.end() + _LIST_LENGTH])
        if found:
            return found
    match = _WE_THE_RE.search(text[:3000])
    if match:
        found = _parties(_names_from_list(text[match.end() : match.end() + _LIST_LENGTH]))
        if found:
            return found
    for pattern in (_CJK_LIST_RE, _THAI_LIST_RE):
        match = pattern.search(text)
        if match:
            return _names_from_list(match.group("list"))
    return []


def _from_title(title: str) -> list[str]:
    title = " ".join(title.split())
    if title.isupper():
        title = title.title()
    for pattern in (_TITLE_PARTIES_RE, _TITLE_BETWEEN_RE):
        match = pattern.search(title)
        if match:
            found = _parties(_names_from_list(match.group("list")))
            if len(found) >= 2:
                return found
    found = _member_title_parties(title)
    if len(found) >= 2:
        return found
    match = _HYPHENATED_PARTIES_RE.search(title)
    if match:
        pieces = [piece.strip() for piece in re.split(r"\s?-\s?", match.group("list"))]
        # "Elevating United States-Vietnam Relations": a participle is not part of a name.
        pieces[0] = re.sub(r"^(?:[A-Z]\w*ing\s+)+", "", pieces[0])
        # "Japan Joint" in "U.S.- Japan Joint Leaders’ Statement": the kind is not a party.
        pieces[-1] = _KIND_WORDS_RE.sub("", pieces[-1]).strip()
        found = [_ABBREVIATIONS.get(piece.casefold(), piece) for piece in pieces if piece]
        if len(found) >= 2:
            return found
    return []


def _member_title_parties(title: str) -> list[str]:
    """The two parties a title in a member language names: "… между городами Томск и Ханой",
    "… giữa thành phố Hà Nội và thành phố Seoul", "서울특별시와 하노이시 간 …",
    "東京都とソウル特別市との間の…", "北京市与河内市友好合作协议书"."""
    match = _MEMBER_BETWEEN_RE.search(title)
    if match:
        return _names_from_list(_PLACE_KIND_RE.sub("", match.group("list")))
    match = _CJK_PAIR_RE.match(title)
    if match:
        return [name for name in match.groups() if name]
    return []


def _parties(names: list[str]) -> list[str]:
    """States or cities from list items that may name people: "Prime Minister X of Japan"."""
    parties: list[str] = []
    for name in names:
        role = _ROLE_PREFIX_RE.match(name)
        if role:
            if not role.group("of"):
                # A person named without the state they speak for.
                continue
            name = _LEADING_ARTICLE_RE.sub("", role.group("of").strip())
        parties.append(_ABBREVIATIONS.get(name.casefold(), name))
    return parties


def _normalised(names: list[str], cities: CityMatcher) -> list[str]:
    """Member cities in the platform's spelling; other names as printed."""
    if not cities:
        return names
    result = []
    for name in names:
        known = cities.match(name)
        result.append(known if known and _same_words(known, name) else name)
    return result


def _same_words(known: str, name: str) -> bool:
    """A member city only replaces a name that is that city, not one that contains it."""
    return len(known.split()) >= len(name.split()) or known.casefold() in name.casefold()


def _names_from_list(text: str) -> list[str]:
    """Split "Bangkok, Hanoi, Kuala Lumpur and Tomsk, participated" into its names."""
    text = _BRACKETED_RE.sub("", text)
    # "Joseph R. Biden, Jr. of the United States": the suffix belongs to the name.
    text = _NAME_SUFFIX_RE.sub(r" \1", text)
    cut = _LIST_END_RE.search(text)
    if cut:
        text = text[: cut.start()]
    names: list[str] = []
    for piece in _LIST_SEPARATOR_RE.split(text):
        name = _LEADING_ARTICLE_RE.sub("", piece.strip()).strip(" \"'“”")
        if not name:
            continue
        name, sentence_follows = _leading_name(name)
        if not name or len(name) > _MAX_NAME_LENGTH:
            break
        names.append(name)
        # "Tomsk participated in ...": the list ends with the name before the verb.
        if sentence_follows or len(names) >= _MAX_PARTICIPANTS:
            break
    return names


def _leading_name(piece: str) -> tuple[str, bool]:
    """The capitalised name at the start of a list piece, and whether other words follow."""
    if not piece[:1].isupper() and not _is_caseless_letter(piece[:1]):
        return "", False
    words = piece.split()
    kept: list[str] = []
    for word in words:
        if word[:1].isupper() or _is_caseless_letter(word[:1]):
            kept.append(word)
        elif kept and (word in _NAME_PARTICLES or word in _NAME_LINKS):
            kept.append(word)
        else:
            break
        if len(kept) > _MAX_NAME_WORDS:
            return "", False
    # A particle cannot end a name: "Frankfurt am" + "sagte" is "Frankfurt".
    while kept and (kept[-1] in _NAME_PARTICLES or kept[-1] in _NAME_LINKS):
        kept.pop()
    return " ".join(kept), len(kept) < len(words)


def _is_caseless_letter(ch: str) -> bool:
    """Letters of scripts without case (Han, kana, Thai), which can start a name."""
    return bool(ch) and ch.isalpha() and not ch.isupper() and not ch.islower()
