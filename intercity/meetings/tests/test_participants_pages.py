"""The host city's focal point and the secretariat manage a meeting's participants and documents."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from intercity.core.audit import audit_trail
from intercity.meetings.models import Attendee, MeetingDocument
from intercity.testing.factories import MeetingFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def meeting(cast):
    return MeetingFactory(host_city=cast.home, title="Water expert meeting")


def url(name, meeting, *args):
    return reverse(f"meetings:{name}", args=[meeting.slug, *args])


def test_the_host_focal_point_opens_the_page_from_the_meeting(client_for, cast, meeting):
    client = client_for(cast.focal_point)
    assert url("participants", meeting) in client.get(meeting.get_absolute_url()).content.decode()
    assert client.get(url("participants", meeting)).status_code == 200


def test_the_host_sets_represented_and_observer_cities_and_history_says_so(
    client_for, cast, meeting
):
    response = client_for(cast.focal_point).post(
        url("cities-save", meeting), {"represented": [cast.other.pk]}
    )

    assert response.status_code == 302
    assert dict(meeting.city_roles.values_list("city__name", "role")) == {
        "Home City": "host",
        "Other City": "delegate",
    }
    assert audit_trail(meeting, viewer=None)[0].sentence == (
        "Home City focal point added Other City as a participant"
    )


def test_a_city_cannot_be_both_represented_and_observer(client_for, cast, meeting):
    response = client_for(cast.focal_point).post(
        url("cities-save", meeting), {"represented": [cast.other.pk], "observers": [cast.other.pk]}
    )
    assert response.status_code == 400
    assert response.context["cities_form"].errors["observers"]


def test_the_host_adds_and_removes_a_person(client_for, cast, meeting):
    client = client_for(cast.focal_point)
    response = client.post(
        url("attendee-create", meeting),
        {"person-name": "Ms Lan", "person-city": cast.home.pk, "person-role": "delegate"},
    )
    assert response.status_code == 302
    person = Attendee.objects.get()
    assert audit_trail(meeting)[0].sentence.endswith("added Ms Lan as a participant")

    assert client.post(url("attendee-delete", meeting, person.pk)).status_code == 302
    assert not Attendee.objects.exists()
    assert audit_trail(meeting)[0].sentence.endswith("removed Ms Lan from the participants")


@pytest.mark.parametrize("name", ["", "\u200b", "Mr \u202eX"])
def test_a_person_without_a_visible_plain_name_is_refused(client_for, cast, meeting, name):
    response = client_for(cast.focal_point).post(
        url("attendee-create", meeting), {"person-name": name, "person-role": "delegate"}
    )
    assert response.status_code == 400
    assert response.context["attendee_form"].errors["name"]
    assert not Attendee.objects.exists()


def test_the_same_person_is_listed_once(client_for, cast, meeting):
    client = client_for(cast.focal_point)
    data = {"person-name": "Ms Lan", "person-role": "delegate"}
    client.post(url("attendee-create", meeting), data)
    response = client.post(url("attendee-create", meeting), data)
    assert response.status_code == 400
    assert Attendee.objects.count() == 1


def test_a_document_is_added_as_a_pdf_stored_under_its_real_type(
    client_for, cast, meeting, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("minutes.PDF", PDF, content_type="application/pdf")
    response = client_for(cast.secretariat).post(
        url("document-create", meeting),
        {"document-title": "Minutes", "document-kind": "minutes", "document-file": upload},
    )
    assert response.status_code == 302
    document = MeetingDocument.objects.get()
    assert document.file.name.endswith(".pdf")
    assert audit_trail(meeting)[0].sentence.endswith("added the document Minutes")


def test_a_renamed_non_pdf_is_refused(client_for, cast, meeting, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile(
        "report.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"
    )
    response = client_for(cast.focal_point).post(
        url("document-create", meeting),
        {"document-title": "Report", "document-kind": "report", "document-file": upload},
    )
    assert response.status_code == 400
    assert response.context["document_form"].errors["file"]
    assert not MeetingDocument.objects.exists()


def test_a_document_by_link_and_its_removal(client_for, cast, meeting):
    client = client_for(cast.focal_point)
    response = client.post(
        url("document-create", meeting),
        {
            "document-title": "Agenda",
            "document-kind": "agenda",
            "document-url": "https://example.org/a",
        },
    )
    assert response.status_code == 302
    document = MeetingDocument.objects.get()
    assert client.post(url("document-delete", meeting, document.pk)).status_code == 302
    assert not MeetingDocument.objects.exists()


@pytest.mark.parametrize(
    "name", ["participants", "cities-save", "attendee-create", "document-create"]
)
def test_wrong_methods_are_refused(client_for, cast, meeting, name):
    client = client_for(cast.focal_point)
    if name == "participants":
        assert client.post(url(name, meeting)).status_code == 405
    else:
        assert client.get(url(name, meeting)).status_code == 405


def test_another_citys_focal_point_gets_404_and_nothing_changes(client_for, cast, meeting):
    person = Attendee.objects.create(meeting=meeting, name="Ms Lan")
    client = client_for(cast.other_focal_point)
    assert client.get(url("participants", meeting)).status_code == 404
    assert (
        client.post(url("cities-save", meeting), {"observers": [cast.other.pk]}).status_code == 404
    )
    assert client.post(url("attendee-create", meeting), {"person-name": "X"}).status_code == 404
    assert client.post(url("attendee-delete", meeting, person.pk)).status_code == 404
    assert client.post(url("document-create", meeting), {"document-title": "X"}).status_code == 404
    assert list(meeting.city_roles.values_list("role", flat=True)) == ["host"]
    assert list(Attendee.objects.values_list("name", flat=True)) == ["Ms Lan"]
    assert not MeetingDocument.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(client_for, meeting):
    response = client_for(None).post(url("attendee-create", meeting), {"person-name": "X"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Attendee.objects.exists()


def test_a_person_of_another_meeting_answers_404(client_for, cast, meeting):
    elsewhere = MeetingFactory(host_city=cast.other)
    person = Attendee.objects.create(meeting=elsewhere, name="Mr Sato")
    response = client_for(cast.focal_point).post(url("attendee-delete", meeting, person.pk))
    assert response.status_code == 404
    assert Attendee.objects.filter(pk=person.pk).exists()


def test_a_documents_language_is_chosen_from_the_list_and_stored_as_a_code(
    client_for, cast, meeting
):
    client = client_for(cast.focal_point)
    page = client.get(url("participants", meeting)).text
    assert '<select name="document-language"' in page
    assert '<option value="ja">Japanese</option>' in page
    link = {"document-title": "Agenda", "document-kind": "agenda", "document-url": "example.org"}
    typed = client.post(url("document-create", meeting), link | {"document-language": "Japanese"})
    assert typed.status_code == 400
    assert typed.context["document_form"].errors["language"]
    assert not MeetingDocument.objects.exists()
    chosen = client.post(url("document-create", meeting), link | {"document-language": "ja"})
    assert chosen.status_code == 302
    assert MeetingDocument.objects.get().language == "ja"


def _focal_point_adds_ms_lan_and_an_agenda(client_for, cast, meeting):
    """Through the pages, as the focal point does: one participant and one linked document."""
    client = client_for(cast.focal_point)
    client.post(
        url("attendee-create", meeting),
        {"person-name": "Ms Lan", "person-city": cast.home.pk, "person-role": "delegate"},
    )
    client.post(
        url("document-create", meeting),
        {"document-title": "Agenda", "document-kind": "agenda", "document-url": "https://e.org/a"},
    )
    return client


def test_removing_a_person_or_a_document_asks_first(client_for, cast, meeting):
    client = _focal_point_adds_ms_lan_and_an_agenda(client_for, cast, meeting)
    page = client.get(url("participants", meeting)).content.decode()
    person = Attendee.objects.get()
    document = MeetingDocument.objects.get()
    for action, question in [
        (url("attendee-delete", meeting, person.pk), "Remove Ms Lan from the participants?"),
        (url("document-delete", meeting, document.pk), "Remove the document Agenda?"),
    ]:
        form = page.split(f'action="{action}"', 1)[1].split(">", 1)[0]
        assert f'data-confirm="{question}"' in form


def test_a_city_both_represented_and_observer_is_named_in_the_readers_language(
    client_for, cast, meeting
):
    cast.other.names = {"th": "เมืองอื่น"}
    cast.other.save(update_fields=["names"])
    response = client_for(cast.focal_point).post(
        url("cities-save", meeting),
        {"represented": [cast.other.pk], "observers": [cast.other.pk]},
        HTTP_ACCEPT_LANGUAGE="th",
    )
    assert response.status_code == 400
    assert "เมืองอื่น" in " ".join(response.context["cities_form"].errors["observers"])


def test_the_history_still_names_a_person_and_a_document_after_their_removal(
    client_for, cast, meeting
):
    client = _focal_point_adds_ms_lan_and_an_agenda(client_for, cast, meeting)
    client.post(url("attendee-delete", meeting, Attendee.objects.get().pk))
    client.post(url("document-delete", meeting, MeetingDocument.objects.get().pk))

    sentences = [entry.sentence for entry in audit_trail(meeting)]
    assert any(s.endswith("added Ms Lan as a participant") for s in sentences)
    assert any(s.endswith("added the document Agenda") for s in sentences)
    assert not any("a removed record" in s for s in sentences)


def test_the_history_keeps_a_long_name_in_any_script_and_shows_where_it_is_cut(
    client_for, cast, meeting
):
    name = (
        "東京都環境局気候変動対策部長兼エネルギー政策担当"
        "参事官補佐代理（国際協力担当・アジア大都市ネットワーク21）"
    )
    assert len(name) > 40
    client = client_for(cast.focal_point)
    client.post(
        url("attendee-create", meeting),
        {"person-name": name, "person-city": cast.home.pk, "person-role": "delegate"},
    )
    client.post(url("attendee-delete", meeting, Attendee.objects.get().pk))

    sentences = [entry.sentence for entry in audit_trail(meeting)]
    kept = name[:39] + "…"
    assert any(s.endswith(f"added {kept} as a participant") for s in sentences)
    assert any(s.endswith(f"removed {kept} from the participants") for s in sentences)
