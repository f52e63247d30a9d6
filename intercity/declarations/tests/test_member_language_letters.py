"""Sub-items lettered in the alphabets of member languages: Russian and Mongolian "а)", "б)",
Thai "ก.", "ข.", each a commitment of its own as "a)" and "b)" are."""

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
