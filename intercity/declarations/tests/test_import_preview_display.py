"""The import preview shows the text as the declaration page will: its opening paragraphs, its
preamble, and bullet sub-items as bullets rather than an empty label and a dot."""

import re

from django.urls import reverse

from intercity.declarations.services import declaration_import

TEXT = """Declaration of River Cities

We, the mayors of Home City and Other City, met in Home City on 1 June 2015.

Recalling our earlier work on floods;

We hereby declare:

1. Build joint gauges:
- in the upper basin;
- in the delta.

2. Meet again next year.
"""


def preview(client_for, cast, text=TEXT):
    response = client_for(cast.secretariat).post(
        reverse("declarations:import"), {"step": "preview", "text": text}
    )
    assert response.status_code == 200
    # What the importer found, not the text in the form.
    return response.content.decode().split('class="card preview-structure"')[1]


def test_bullet_sub_items_are_shown_as_bullets(client_for, cast):
    page = preview(client_for, cast)
    markers = re.findall(r'<span class="clause-number"[^>]*>([^<]*)</span>', page)
    assert markers == ["1.", "•", "•", "2."]
    assert "–." not in page and "?." not in page


def test_the_opening_and_the_preamble_are_shown(client_for, cast):
    page = preview(client_for, cast)
    assert '<p class="opening">We, the mayors of Home City and Other City, met in Home City' in page
    assert "<strong>Recalling</strong> our earlier work on floods;" in page


def test_unnumbered_clauses_show_the_number_their_commitments_take(client_for, cast):
    text = (
        TEXT.split("We hereby")[0] + "We hereby declare:\n\n- Share flood data.\n\n- Meet again.\n"
    )
    page = preview(client_for, cast, text)
    markers = re.findall(r'<span class="clause-number"[^>]*>([^<]*)</span>', page)
    assert markers == ["1.", "2."]
    assert "<strong>1</strong> Share flood data" in page
    assert "<strong></strong>" not in page


def test_the_declaration_page_shows_bullet_sub_items_as_bullets(client_for, cast):
    declaration = declaration_import(actor=cast.secretariat, text=TEXT)
    page = client_for(cast.secretariat).get(declaration.get_absolute_url()).content.decode()
    markers = re.findall(r'<span class="clause-number"[^>]*>([^<]*)</span>', page)
    assert markers == ["1.", "•", "•", "2."]
