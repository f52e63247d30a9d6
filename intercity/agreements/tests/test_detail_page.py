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


def test_the_signing_place_is_named_in_the_readers_language(client_for, cast):
    cast.home.names = {"ko": "홈 시티"}
    cast.home.save(update_fields=["names"])
    agreement = AgreementFactory(signed_place=cast.home)
    url = reverse("agreements:detail", args=[agreement.slug])
    page = client_for(None).get(url, HTTP_ACCEPT_LANGUAGE="ko").text
    signed = page.split("</dt><dd>", 2)[2].split("</dd>", 1)[0]
    assert "홈 시티" in signed
    assert "Home City" not in signed
