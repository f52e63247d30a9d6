"""The units relief is counted in, and the words cities type for them. No Django here.

A need or offer stores a unit as its catalogue code when what was typed is recognised
("liters", "L", "lít", "リットル" → ``litre``), otherwise as typed. Codes are stable: they are
stored in records and read by API clients; labels live with the translations.
"""

from __future__ import annotations

import re
import unicodedata

# Code → the words, abbreviations and plurals that mean it, in the network's languages.
# Compared after casefolding and compatibility folding ("Ｌ" and "ℓ" read as "l", "m³" as "m3").
SYNONYMS: dict[str, tuple[str, ...]] = {
    "litre": (
        "l", "lt", "ltr", "ltrs", "litre", "litres", "liter", "liters", "lít",
        "リットル", "ℓ", "ลิตร", "公升", "升", "리터", "литр", "литра", "литров",
        "लीटर", "लिटर", "လီတာ",
    ),
    "kilogram": (
        "kg", "kgs", "kilo", "kilos", "kilogram", "kilograms", "kilogramme", "kilogrammes",
        "ki-lô-gam", "kilôgam", "キログラム", "キロ", "กิโลกรัม", "กก", "公斤", "千克",
        "킬로그램", "кг", "килограмм", "килограмма", "килограммов", "किलोग्राम", "किलो",
        "ကီလိုဂရမ်",
    ),
    "tonne": (
        "t", "ton", "tons", "tonne", "tonnes", "metric ton", "metric tons", "mt", "tấn",
        "トン", "ตัน", "公噸", "噸", "吨", "톤", "тонна", "тонны", "тонн", "тн", "टन", "တန်",
    ),
    "cubic_metre": (
        "m3", "cbm", "cu m", "cubic metre", "cubic metres", "cubic meter", "cubic meters",
        "mét khối", "meter kubik", "meter padu", "metro kubiko", "立方メートル", "立米",
        "ลูกบาศก์เมตร", "立方公尺", "立方米", "세제곱미터", "입방미터", "куб м", "кубометр",
        "кубометра", "кубометров", "шоо метр", "घन मीटर", "ကုဗမီတာ",
    ),
    "item": (
        "item", "items", "piece", "pieces", "pc", "pcs", "unit", "units", "cái", "chiếc",
        "buah", "unit barang", "piraso", "個", "点", "ชิ้น", "อัน", "件", "個數", "개",
        "штука", "штуки", "штук", "шт", "ширхэг", "नग", "पीस", "ခု",
    ),
    "person": (
        "person", "persons", "people", "pax", "người", "orang", "tao", "katao",
        "人", "名", "คน", "명", "사람", "인", "человек", "чел", "хүн", "व्यक्ति", "लोग",
        "ဦး", "ယောက်",
    ),
    "household": (
        "household", "households", "family", "families", "hộ", "hộ gia đình", "gia đình",
        "keluarga", "rumah tangga", "isi rumah", "pamilya", "sambahayan", "世帯", "家族",
        "ครัวเรือน", "ครอบครัว", "戶", "户", "家庭", "가구", "가족", "семья", "семьи",
        "семей", "домохозяйство", "домохозяйства", "домохозяйств", "өрх", "айл", "परिवार",
        "အိမ်ထောင်စု", "မိသားစု",
    ),
    "kit": (
        "kit", "kits", "set", "sets", "bộ", "bộ dụng cụ", "paket", "kit bantuan", "キット",
        "セット", "ชุด", "套", "套件", "組", "키트", "세트", "набор", "наборы", "наборов",
        "комплект", "комплекта", "комплектов", "иж бүрдэл", "किट", "ကစ်",
    ),
    "box": (
        "box", "boxes", "carton", "cartons", "case", "cases", "thùng", "hộp", "kotak",
        "kardus", "kahon", "箱", "ケース", "กล่อง", "盒", "상자", "박스", "коробка",
        "коробки", "коробок", "ящик", "ящика", "ящиков", "хайрцаг", "डिब्बा", "बॉक्स",
        "သေတ္တာ",
    ),
    "tent": (
        "tent", "tents", "lều", "tenda", "khemah", "tolda", "テント", "เต็นท์", "帳篷",
        "帐篷", "텐트", "палатка", "палатки", "палаток", "майхан", "टेंट", "तंबू", "तम्बू",
        "တဲ", "ရွက်ဖျင်တဲ",
    ),
    "bed": (
        "bed", "beds", "giường", "tempat tidur", "katil", "kama", "ベッド", "病床", "床位",
        "เตียง", "床", "침대", "병상", "койка", "койки", "коек", "кровать", "кровати",
        "кроватей", "койко-место", "койко-места", "койко-мест", "ор", "बिस्तर", "बेड",
        "ကုတင်",
    ),
    "dose": (
        "dose", "doses", "liều", "dosis", "dos", "回分", "ドーズ", "โดส", "劑", "剂",
        "회분", "도즈", "доза", "дозы", "доз", "тун", "खुराक", "डोज़",
    ),
    "day": (
        "day", "days", "ngày", "hari", "araw", "日", "日間", "วัน", "天", "일", "день",
        "дня", "дней", "сут", "сутки", "өдөр", "दिन", "ရက်",
    ),
    "hour": (
        "h", "hr", "hrs", "hour", "hours", "giờ", "jam", "oras", "時間", "ชั่วโมง", "小時",
        "小时", "시간", "час", "часа", "часов", "цаг", "घंटा", "घंटे", "နာရီ",
    ),
}  # fmt: skip

CODES: tuple[str, ...] = tuple(SYNONYMS)

_SPACES = re.compile(r"[\s_]+")


def _folded(text: str) -> str:
    """What two spellings of one word share: case, width, dots, hyphens and spacing dropped."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return _SPACES.sub(" ", text.replace(".", " ").replace("-", " ")).strip()


_BY_WORD: dict[str, str] = {}
for _code, _words in SYNONYMS.items():
    for _word in (_code, *_words):
        _BY_WORD.setdefault(_folded(_word), _code)


def unit_code(text: str) -> str | None:
    """The catalogue code a typed unit means, or None when it is not in the catalogue."""
    return _BY_WORD.get(_folded(text or ""))


def unit_stored(text: str) -> str:
    """How a unit is kept: its code when recognised, otherwise the text as typed (trimmed)."""
    return unit_code(text) or (text or "").strip()


def unit_key(text: str) -> str:
    """What two units are compared by: the code, or the casefolded text of a unit not listed."""
    return unit_code(text) or (text or "").strip().casefold()
