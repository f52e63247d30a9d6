"""Phrase lists, in several languages, that tell the declaration parser what a paragraph is."""

import re

# Preamble lead phrases. Longer phrases come first so that "Taking note of" wins over
# "Taking". Matched case-insensitively at the start of a paragraph.
_PREAMBLE_LEADS = [
    # English
    "With recognition of",
    "In recognition of",
    "Being aware",
    "Being conscious",
    "Being convinced",
    "Being mindful",
    "Responding to",
    "In response to",
    "Taking note of",
    "Taking note",
    "Taking into account",
    "Taking into consideration",
    "Bearing in mind",
    "Mindful of",
    "Mindful",
    "Recalling",
    "Acknowledging",
    "Whereas",
    "Noting",
    "Recognizing",
    "Recognising",
    "Welcoming",
    "Considering",
    "Reaffirming",
    "Reiterating",
    "Convinced",
    "Emphasizing",
    "Emphasising",
    "Aware",
    "Conscious",
    "Concerned",
    "Desiring",
    "Determined",
    "Guided by",
    "Inspired by",
    "Encouraged by",
    "Affirming",
    "Stressing",
    "Highlighting",
    "Appreciating",
    "Expressing",
    "Believing",
    "Building on",
    "Building upon",
    "In view of",
    "In light of",
    "In the light of",
    "Underlining",
    "Underscoring",
    "Observing",
    "Realizing",
    "Realising",
    "Referring to",
    "Pursuant to",
    "Based on",
    "Seeking",
    "Confirming",
    "Cognizant of",
    "Cognisant of",
    "Alarmed by",
    "Deploring",
    "Applauding",
    "Commending",
    # German
    "In Anerkennung",
    "In dem Bewusstsein",
    "Im Bewusstsein",
    "In Erwägung",
    "In Anbetracht",
    "In der Erkenntnis",
    "In Kenntnis",
    "In Würdigung",
    "In Bekräftigung",
    "Unter Hinweis auf",
    "Unter Berücksichtigung",
    "Mit Blick auf",
    "Eingedenk",
    "Angesichts",
    "Überzeugt",
    "Besorgt",
    "Erinnernd an",
    "Anerkennend",
    "Begrüßend",
    "Bekräftigend",
    "In Erinnerung an",
    # French
    "Rappelant",
    "Considérant",
    "Reconnaissant",
    "Notant",
    "Prenant note",
    "Conscients",
    "Convaincus",
    "Soulignant",
    "Réaffirmant",
    "Saluant",
    # Spanish / Portuguese
    "Recordando",
    "Considerando",
    "Reconociendo",
    "Tomando nota",
    "Conscientes",
    "Convencidos",
    "Reafirmando",
    "Destacando",
    "Teniendo en cuenta",
    # Vietnamese
    "Nhận thức",
    "Ghi nhận",
    "Nhắc lại",
    "Xét rằng",
    "Căn cứ",
    "Với nhận thức rằng",
    "Xét thấy",
    "Mong muốn",
    "Hoan nghênh",
    "Khẳng định",
    "Thừa nhận",
    # Indonesian / Malay
    "Mengingat",
    "Menimbang",
    "Menyadari",
    "Mengakui",
    "Menegaskan kembali",
    "Menyambut baik",
    "Mencatat",
    "Memperhatikan",
    "Bahawasanya",
    "Memandangkan",
    "Menyedari",
    "Berkeinginan",
    # Tagalog
    "Sapagkat",
    "Yamang",
    # Hindi
    "चूंकि",
    "चूँकि",
    # Chinese
    "回顾",
    "忆及",
    "认识到",
    "注意到",
    "重申",
    "欢迎",
    "考虑到",
    "意识到",
    "鉴于",
    "鑑於",
    "铭记",
    "銘記",
    # Russian
    "Принимая во внимание",
    "Ссылаясь на",
    "Стремясь",
    "Желая",
    "Руководствуясь",
    "Исходя из",
    "Выражая",
    "Будучи",
    "Напоминая",
    "Признавая",
    "Отмечая",
    "Подтверждая",
    "Приветствуя",
    "Учитывая",
    "Сознавая",
    "Будучи убеждены",
    # Thai
    "โดยที่",
    "โดยตระหนัก",
    "ตระหนักถึง",
    "ระลึกถึง",
    "รับทราบ",
]

_LEAD_ALTERNATION = "|".join(
    re.escape(phrase) for phrase in sorted(_PREAMBLE_LEADS, key=len, reverse=True)
)

# An optional adverb ("Further recalling", "Deeply concerned") belongs to the lead.
_LEAD_ADVERBS = r"(?:(?:further|also|deeply|fully|strongly|firmly|keenly|well|gravely)\s+)?"

# "Having conducted", "Having considered": any participle after "Having" is a lead.
_PREAMBLE_HEAD_RE = re.compile(
    r"^(?P<lead>" + _LEAD_ADVERBS + r"(?:Having\s+\w+|" + _LEAD_ALTERNATION + r"))"
    # Scripts written without spaces (Thai) need no word boundary after the lead.
    r"(?:(?=$|[\W_])|(?<=[^\x00-\u024f]))",
    re.IGNORECASE,
)
# Japanese, Korean, Mongolian and Burmese put the verb last, so a recital ends with its
# formula: "…を想起し、", "…であるので、", "…을 상기하며,", "…기초이며,", "…харгалзан,",
# "…ဖြစ်သောကြောင့် လည်းကောင်း၊".
_PREAMBLE_TAIL_RE = re.compile(
    r"(?P<lead>を想起し|を認識し|に留意し|を確認し|を再確認し|を歓迎し|を考慮し|を踏まえ|ので|"
    r"상기하며|인식하며|주목하며|재확인하며|환영하며|고려하며|유념하며|"
    r"(?<=[\uac00-\ud7af])(?:며|고|므로)|"
    r"харгалзан|үндэслэн|анхааран|үзэж|болгон|тулгуурлан|баримтлан|сануулж|тэмдэглэж|"
    r"ухамсарлан|эрхэмлэн|итгэж|хүлээн\s+зөвшөөрч|"
    r"ကြောင့်(?:\s*လည်းကောင်း)?)\s*[、,，၊]?\s*$"
)
_TAIL_LENGTH = 40


class _PreambleLead:
    """Matches the lead phrase of a preamble paragraph, at its start or (ja, ko) its end."""

    def match(self, text: str) -> re.Match[str] | None:
        head = _PREAMBLE_HEAD_RE.match(text)
        if head is not None:
            return head
        return _PREAMBLE_TAIL_RE.search(text[-_TAIL_LENGTH:])


PREAMBLE_LEAD_RE = _PreambleLead()


def ends_recital(text: str) -> bool:
    """Whether a paragraph ends with a recital's formula ("…харгалзан,", "…이며,")."""
    return _PREAMBLE_TAIL_RE.search(text[-_TAIL_LENGTH:]) is not None


def same_lead(first: str, second: str) -> bool:
    """Whether two paragraphs open with the same lead phrase ("принимая во внимание, что")."""
    lead_one = _PREAMBLE_HEAD_RE.match(first)
    lead_two = _PREAMBLE_HEAD_RE.match(second)
    return (
        lead_one is not None
        and lead_two is not None
        and lead_one.group("lead").casefold() == lead_two.group("lead").casefold()
    )


# Same phrases, for finding paragraph breaks inside a document written on one line.
INLINE_LEAD_RE = re.compile(
    r"[;.]\s+(?=" + _LEAD_ADVERBS + r"(?:Having\s+\w+|" + _LEAD_ALTERNATION + r")\b)",
    re.IGNORECASE,
)

# Phrases that open the operative part. Each pattern is searched inside a paragraph and is
# kept bounded (no nested unbounded repetition) so the search stays linear.
OPERATIVE_MARKER_RES = [
    re.compile(
        r"\bhereby\s+(?:\w+\s+){0,2}?(?:declare|resolve|agree|decide|adopt|commit|affirm|"
        r"pledge|proclaim)",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:we\s+(?:\w+\s+){0,2}?)?(?:declare|resolve|decide|agree|affirm|pledge|proclaim|"
        r"commit\s+ourselves)\s*(?:as\s+follows\s*)?(?::|$)",
        re.IGNORECASE,
    ),
    re.compile(r"\bBE\s+IT\s+(?:FURTHER\s+|ALSO\s+|THEREFORE\s+)?RESOLVED\b", re.IGNORECASE),
    re.compile(r"\b(?:RESOLVES?|DECIDES?|DECLARES?|AGREES?)\b(?:\s+to\b|\s*:|\s+that\b|\s*$)"),
    re.compile(r"\bagrees?\s+as\s+follows\b", re.IGNORECASE),
    re.compile(r"\bhave\s+(?:\w+\s+)?(?:agreed|decided|resolved)\b", re.IGNORECASE),
    re.compile(
        r"\bwe\s+(?:\w+\s+){0,2}?(?:declare|resolve|decide|agree|commit|pledge)\s+"
        r"(?:to|that|on|upon|the\s+following|our|ourselves)\b",
        re.IGNORECASE,
    ),
    re.compile(r"\b(?:decides?|resolves?)\s+(?:to|that|as\s+follows)\b", re.IGNORECASE),
    # German
    re.compile(
        r"\b(?:erklären|beschließen|vereinbaren|bekräftigen|verpflichten\s+uns)\s+"
        r"(?:hiermit|wir|daher|gemeinsam|folgendes|Folgendes)\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:wir\s+)?(?:erklären|beschließen|vereinbaren)(?:\s+\w+){0,3}\s*:", re.IGNORECASE
    ),
    re.compile(r"\bkommen\s+(?:\w+\s+){0,2}?überein\b", re.IGNORECASE),
    # French, Spanish
    re.compile(
        r"\b(?:déclarons|décidons|convenons|résolvons|declaramos|acordamos|resolvemos|"
        r"decidimos)\b",
        re.IGNORECASE,
    ),
    # Vietnamese
    re.compile(
        r"(?:tuyên\s+bố|nhất\s+trí|thống\s+nhất|quyết\s+định|cam\s+kết)(?:\s+\S+){0,3}?\s*"
        r"(?::|như\s+sau)",
        re.IGNORECASE,
    ),
    # Japanese, Chinese, Korean
    re.compile(r"ここに.{0,12}?(?:宣言|決議|合意|決定|表明)"),
    re.compile(r"以下の.{0,8}?(?:宣言|決議|合意|決定|事項)"),
    re.compile(r"(?:宣言|決議|合意)する\s*[。：:]?\s*$"),
    re.compile(r"兹宣言|特此宣布|宣言如下|决定如下|达成如下共识|共同宣布"),
    re.compile(r"선언한다|선언합니다|다음과\s+같이|합의한다"),
    # Thai, Russian, Indonesian
    re.compile(r"ขอประกาศ|จึงประกาศ|ประกาศว่า|มีมติ|ตกลงร่วมกัน"),
    re.compile(
        r"(?<!\w)(?:заявляем|постановляем|договорились|провозглашаем|принимаем\s+следующ\w+)(?!\w)",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:menyatakan|sepakat|menyepakati|mendeklarasikan)\b(?:\s+\w+){0,3}\s*:",
        re.IGNORECASE,
    ),
]

# Each "BE IT RESOLVED" paragraph of a resolution is a clause in its own right.
RESOLVED_CLAUSE_RE = re.compile(
    r"^(?:(?:NOW,?\s+)?(?:THEREFORE,?\s+)?BE\s+IT\s+(?:FURTHER\s+|ALSO\s+|FINALLY\s+)?RESOLVED|"
    r"(?:FURTHER\s+)?RESOLVED,)",
    re.IGNORECASE,
)

# Paragraphs after the last clause that open with these are closing remarks, not clause text.
CLOSING_LEAD_RE = re.compile(
    r"^(?:On\s+this\s+occasion|Finally|In\s+conclusion|Lastly|Last\s+but\s+not\s+least|"
    r"In\s+witness\s+whereof|Done\s+(?:at|in)|Adopted|Signed|Issued|Made\s+(?:at|in)|Approved|"
    r"Dated|We\s+(?:\w+\s+){0,4}?(?:thank|congratulate|express|convey|extend|appreciate|"
    r"offer)|Geschehen|Unterzeichnet|Beschlossen|Abschließend|Fait\s+à|Hecho\s+en|"
    r"Làm\s+tại|以上|最後に)",
    re.IGNORECASE,
)

# Words that make a short heading line the document's title.
TITLE_KEYWORD_RE = re.compile(
    r"Declaration|Resolution|Communiqu[ée]|Statement|Charter|Accord|Agreement|Manifesto|"
    r"Compact|Pact|Memorandum|Commitment|Erklärung|Deklaration|Entschließung|Déclaration|"
    r"Declaración|Declaração|Dichiarazione|Tuyên\s+bố|Tuyên\s+ngôn|宣言|声明|決議|선언|"
    r"ปฏิญญา|คำประกาศ|Декларация|Заявление|Deklarasi|Pernyataan|宣言|共同声明|공동선언|선언문|"
    r"Pagpapahayag|Deklarasyon|Perisytiharan|Тунхаглал|Мэдэгдэл|घोषणा|घोषणापत्र|"
    r"ကြေညာစာတမ်း",
    re.IGNORECASE,
)

# Words that make a short heading line the network's name.
NETWORK_KEYWORD_RE = re.compile(
    r"Network|Association|League|Alliance|Union|Federation|Council|Partnership|Forum|"
    r"Coalition|Netzwerk|Städtebund|Verband|Réseau|Red\s+de|Mạng\s+lưới|ネットワーク|"
    r"連合|協議会|네트워크|เครือข่าย",
    re.IGNORECASE,
)

ENGLISH_ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
for _tens_word, _tens_value in _TENS.items():
    for _unit_word, _unit_value in list(ENGLISH_ORDINAL_WORDS.items())[:9]:
        ENGLISH_ORDINAL_WORDS[f"{_tens_word}-{_unit_word}"] = _tens_value + _unit_value
        ENGLISH_ORDINAL_WORDS[f"{_tens_word} {_unit_word}"] = _tens_value + _unit_value

GERMAN_ORDINAL_WORDS = {
    "ersten": 1,
    "zweiten": 2,
    "dritten": 3,
    "vierten": 4,
    "fünften": 5,
    "sechsten": 6,
    "siebten": 7,
    "achten": 8,
    "neunten": 9,
    "zehnten": 10,
    "elften": 11,
    "zwölften": 12,
    "dreizehnten": 13,
    "vierzehnten": 14,
    "fünfzehnten": 15,
}

# Kinds of gathering an ordinal can number.
MEETING_KINDS = (
    r"Meeting|Conference|Summit|Assembly|Session|Forum|Congress|Convention|Symposium|"
    r"Plenary|Gathering|Council"
)
GERMAN_MEETING_KINDS = (
    r"Plenarsitzung|Plenartagung|Vollversammlung|Mitgliederversammlung|Konferenz|Tagung|"
    r"Gipfel|Gipfeltreffen|Sitzung|Versammlung|Jahrestagung|Treffen"
)

# Words that go before a city in a reference's title without being part of the city.
REFERENCE_NON_CITY_WORDS = {
    "joint",
    "final",
    "ministerial",
    "mayors",
    "mayors'",
    "leaders",
    "leaders'",
    "summit",
    "annual",
    "plenary",
    "the",
    "global",
    "international",
    "regional",
    "asian",
    "european",
    "urban",
    "city",
    "cities",
    "new",
}

# A resolution's operative paragraphs open with a verb in the third person ("Decides",
# "Calls upon"), its subject being the body named at the head ("The General Assembly,").
RESOLUTION_VERB_RE = re.compile(
    r"^(?:(?:Also|Further|Furthermore|Strongly|Again|Once\s+again|Hereby|Further\s+also)\s+)?"
    r"(?:Adopts|Endorses|Approves|Decides|Urges|Calls\s+(?:upon|on)|Requests|Invites|"
    r"Encourages|Welcomes|Reaffirms|Recogni[sz]es|Notes|Takes\s+note|Stresses|Emphasi[sz]es|"
    r"Expresses|Affirms|Declares|Proclaims|Designates|Acknowledges|Underlines|Underscores|"
    r"Recommends|Authori[sz]es|Condemns|Deplores|Supports|Commends|Appeals|Reiterates|Resolves|"
    r"Confirms|Highlights|Requires|Demands|Instructs|Entrusts|Renews|Extends|Looks\s+forward)\b"
)
# The paragraph that adopts a declaration printed after it: "Adopts the following declaration:".
ANNEX_ADOPTION_RE = re.compile(
    r"^(?:Adopts|Endorses|Approves)\b[^.;]{0,300}?\b(?:declaration|following|annex(?:ed)?|"
    r"outcome\s+document|statement)\b",
    re.IGNORECASE,
)
