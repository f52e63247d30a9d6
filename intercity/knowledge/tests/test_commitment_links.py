"""A practice can say which declaration commitments it helps to keep."""

from intercity.declarations.services import declaration_import
from intercity.knowledge.services import item_create

TEXT = """Seoul Declaration on Cleaner Air

We, the representatives of Seoul and Tokyo, met in Seoul from 3 to 4 May 2031.

Hereby we declare:

1. to cut diesel bus emissions by half;
"""


def test_a_practice_linked_to_a_commitment_shows_it(cast, client_for):
    declaration = declaration_import(actor=cast.secretariat, text=TEXT)
    commitment = declaration.commitments.get()
    item = item_create(
        actor=cast.focal_point,
        data={
            "title": "Electric buses on trunk routes",
            "kind": "practice",
            "language": "en",
            "visibility": "public",
            "summary": "Replacing diesel buses.",
            "body": "We replaced the diesel fleet on trunk routes.",
        },
        commitments=[commitment],
    )
    assert list(item.commitments.all()) == [commitment]
    page = client_for(None).get(item.get_absolute_url()).content.decode()
    assert commitment.get_absolute_url() in page
