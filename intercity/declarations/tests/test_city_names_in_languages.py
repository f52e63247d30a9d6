"""A text in a member language names cities as that language writes them: the importer knows
each city's names in the member languages, for signatories and for the cities a commitment
names."""

from django.urls import reverse

from intercity.declarations.services import declaration_import

TEXT = """河川都市宣言

我々、ミナト市及びヤマ市の代表は、

以下のとおり宣言する。

1. 加盟都市間で洪水対策の経験を共有する。

2. ヤマ市に共同の測定装置を設置する。
"""


def name_the_cities(cast):
    cast.home.names = {"ja": "ミナト市", "vi": "Thành phố Cảng"}
    cast.home.save()
    cast.other.names = {"ja": "ヤマ市"}
    cast.other.save()


def test_signatories_and_named_cities_are_read_in_the_texts_language(cast):
    name_the_cities(cast)
    declaration = declaration_import(actor=cast.secretariat, text=TEXT)

    assert set(declaration.signatories.all()) == {cast.home, cast.other}
    commitments = {c.reference: c for c in declaration.commitments.all()}
    assert list(commitments["2"].cities.all()) == [cast.other]
    assert set(commitments["1"].cities.all()) == {cast.home, cast.other}


def test_the_preview_ticks_the_cities_named_in_the_texts_language(cast, client_for):
    name_the_cities(cast)
    response = client_for(cast.secretariat).post(
        reverse("declarations:import"), {"step": "preview", "text": TEXT}
    )
    signatories = response.context["form"].initial["signatories"]
    assert set(signatories) == {cast.home, cast.other}
    assert [d.named_cities for d in response.context["drafts"]] == [[], ["ヤマ市"]]
