"""Sub-items numbered (1), (2), as Japanese and Korean texts print them, keep references and
anchors of their own: clause 2's first sub-item is "2(1)", never "21", which is clause 21."""

import re

from django.urls import reverse

from intercity.declarations.services import declaration_import

CLAUSES = "\n\n".join(
    [
        "1. 加盟都市間で洪水対策の経験を共有する。",
        "2. 大気質の監視を次のとおり改善する。\n(1) 共同の測定装置を設置する。\n"
        "(2) 測定結果を毎月公開する。",
        *(f"{n}. 第{n}の分野で協力する。" for n in range(3, 23)),
    ]
)
TEXT = f"河川都市宣言\n\n以下のとおり宣言する。\n\n{CLAUSES}\n"


def test_a_numbered_sub_item_is_told_apart_from_a_later_clause(cast, client_for):
    declaration = declaration_import(actor=cast.secretariat, text=TEXT)
    references = [c.reference for c in declaration.commitments.all()]
    assert "2(1)" in references and "2(2)" in references
    assert len(references) == len(set(references))

    page = client_for(cast.secretariat).get(declaration.get_absolute_url()).content.decode()
    ids = re.findall(r'<li id="(clause-[^"]+)"', page)
    assert "clause-21" in ids and "clause-2-1" in ids
    assert len(ids) == len(set(ids))


def test_the_preview_gives_the_same_references(cast, client_for):
    response = client_for(cast.secretariat).post(
        reverse("declarations:import"), {"step": "preview", "text": TEXT}
    )
    page = response.content.decode()
    assert "<strong>2(1)</strong>" in page
    assert "<strong>21</strong>" in page  # clause 21 itself
    assert page.count("<strong>21</strong>") == 1
