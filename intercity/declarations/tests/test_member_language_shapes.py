"""Texts in member languages: sub-items lettered in their alphabets (Russian and Mongolian
"а)", "б)", Thai "ก.", "ข.") are sub-items as "a)" and "b)" are, and a title glued to its
keyword ("港湾宣言") keeps its whole word."""

import pytest

from intercity.declarations.parsing import parse_declaration

RUSSIAN = """Декларация о чистом воздухе

Заявляем следующее:

1. Обмениваться опытом между городами-членами.

2. Улучшать мониторинг качества воздуха:
а) установить общие датчики;
б) ежемесячно публиковать данные;
в) обучать специалистов.
"""

THAI = """ปฏิญญาว่าด้วยอากาศสะอาด

ขอประกาศว่า

1. จะแลกเปลี่ยนประสบการณ์ระหว่างเมืองสมาชิก

2. จะปรับปรุงการตรวจวัดคุณภาพอากาศ ดังนี้
ก. ติดตั้งเครื่องวัดร่วมกัน
ข. เผยแพร่ข้อมูลทุกเดือน
"""


@pytest.mark.parametrize(
    ("text", "labels"), [(RUSSIAN, ["а", "б", "в"]), (THAI, ["ก", "ข"])], ids=["ru", "th"]
)
def test_sub_items_lettered_in_the_texts_alphabet_are_sub_items(text, labels):
    clauses = parse_declaration(text).clauses
    assert [clause.number for clause in clauses] == ["1", "2"]
    assert [item.label for item in clauses[1].subitems] == labels


def test_an_abbreviation_at_the_start_of_a_line_is_no_sub_item():
    text = RUSSIAN.replace("в) обучать", "г. Томск обучит")
    clauses = parse_declaration(text).clauses
    assert [item.label for item in clauses[1].subitems] == ["а", "б"]
    assert "г. Томск обучит" in clauses[1].subitems[1].text


def test_a_title_glued_to_its_keyword_keeps_the_city_before_it():
    text = "河川都市ネットワーク 港湾宣言\n\n以下のとおり宣言する。\n\n1. 協力する。\n"
    parsed = parse_declaration(text)
    assert (parsed.title, parsed.network) == ("港湾宣言", "河川都市ネットワーク")
