"""The agreements CSV names parties and themes in the reader's language, like its headers."""

import pytest
from django.urls import reverse

from intercity.testing.factories import AgreementFactory, CityFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def test_parties_and_themes_are_named_in_the_readers_language(client):
    hanoi = CityFactory(name="Hanoi", names={"ru": "Ханой"})
    tokyo = CityFactory(name="Tokyo", names={"ru": "Токио"})
    agreement = AgreementFactory(parties=[hanoi, tokyo])
    agreement.themes.set([ThemeFactory(name="Clean water", names={"ru": "Чистая вода"})])

    response = client.get(reverse("agreements:list"), {"format": "csv", "hl": "ru"})

    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Ханой; Токио" in text
    assert "Чистая вода" in text
    assert "Clean water" not in text
