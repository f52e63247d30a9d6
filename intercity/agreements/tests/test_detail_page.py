"""The agreement page names and links only the records its reader may open."""

import pytest
from django.urls import reverse

from intercity.testing.factories import AgreementFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def test_a_meeting_hidden_from_the_reader_is_neither_named_nor_linked(client_for, cast):
    closed = MeetingFactory(title="Closed signing session", is_public=False)
    agreement = AgreementFactory(signed_on=None, signed_at_meeting=closed)
    url = reverse("agreements:detail", args=[agreement.slug])
    public = client_for(None).get(url).text
    assert "Closed signing session" not in public
    assert closed.get_absolute_url() not in public
    insider = client_for(cast.expert).get(url).text
    assert "during the Closed signing session" in insider
    assert closed.get_absolute_url() in insider


def test_the_place_of_signing_is_named_in_the_readers_language(client, cast):
    cast.home.names = {"mn": "Гэр хот"}
    cast.home.save(update_fields=["names"])
    agreement = AgreementFactory(signed_place=cast.home)

    body = client.get(reverse("agreements:detail", args=[agreement.slug]), {"hl": "mn"}).text

    assert ", Гэр хот</dd>" in body
