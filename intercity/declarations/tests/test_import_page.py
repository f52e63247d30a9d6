import io

import docx
from django.urls import reverse
from fpdf import FPDF

from intercity.declarations.models import Clause, Declaration
from intercity.meetings.models import Meeting
from intercity.testing.declaration_factories import SHORT_DECLARATION
from intercity.testing.factories import MeetingFactory

URL = reverse("declarations:import")


def confirm_data(cast, **overrides) -> dict:
    return {
        "step": "confirm",
        "save": "1",
        "text": SHORT_DECLARATION,
        "title": "Riverside Declaration",
        "adopted_on": "2020-03-05",
        "language": "en",
        "signatories": [cast.home.pk, cast.other.pk],
        "status": "adopted",
        **overrides,
    }


def test_the_secretariat_sees_the_import_page(client_for, cast):
    response = client_for(cast.secretariat).get(URL)
    assert response.status_code == 200
    assert b'name="file"' in response.content


def test_others_do_not_find_the_import_page(client_for, cast):
    assert client_for(cast.focal_point).get(URL).status_code == 404
    assert client_for(None).get(URL).status_code == 302


def test_pasted_text_is_previewed_and_nothing_is_saved(client_for, cast):
    response = client_for(cast.secretariat).post(
        URL, {"step": "preview", "text": SHORT_DECLARATION}
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Check the imported declaration" in page
    assert 'value="Riverside Declaration"' in page
    assert "3rd Plenary Meeting" in page
    assert "install shared sensors in Other City" in page
    assert "4 commitments will be derived" in page
    assert not Declaration.objects.exists()


def test_a_prose_text_shows_the_parser_warnings(client_for, cast):
    response = client_for(cast.secretariat).post(
        URL, {"step": "preview", "text": "A friendly letter about the weather in spring."}
    )
    assert response.status_code == 200
    assert b"Warnings" in response.content
    assert b"no numbered clauses" in response.content.lower()


def test_an_empty_submission_asks_for_text(client_for, cast):
    response = client_for(cast.secretariat).post(URL, {"step": "preview", "text": " "})
    assert response.status_code == 400
    assert b"Paste the text or upload a file." in response.content


def test_a_docx_upload_is_previewed(client_for, cast):
    document = docx.Document()
    for paragraph in SHORT_DECLARATION.split("\n\n"):
        document.add_paragraph(paragraph.strip())
    buffer = io.BytesIO()
    document.save(buffer)
    buffer.seek(0)
    buffer.name = "riverside.docx"

    response = client_for(cast.secretariat).post(URL, {"step": "preview", "file": buffer})

    assert response.status_code == 200
    assert "publish the data openly" in response.content.decode()


def test_a_pdf_upload_with_a_text_layer_is_previewed(client_for, cast):
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    for paragraph in SHORT_DECLARATION.split("\n\n"):
        pdf.multi_cell(0, 6, paragraph.strip().replace("\n", " "), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    buffer = io.BytesIO(bytes(pdf.output()))
    buffer.name = "riverside.pdf"

    response = client_for(cast.secretariat).post(URL, {"step": "preview", "file": buffer})

    assert response.status_code == 200
    assert "Riverside Declaration" in response.content.decode()


def test_an_unsupported_file_is_refused(client_for, cast):
    buffer = io.BytesIO(b"\x89PNG....")
    buffer.name = "scan.png"
    response = client_for(cast.secretariat).post(URL, {"step": "preview", "file": buffer})
    assert response.status_code == 400
    assert not Declaration.objects.exists()


def test_preview_again_keeps_corrections_and_saves_nothing(client_for, cast):
    data = confirm_data(cast, title="Corrected title")
    data.pop("save")
    data["reparse"] = "1"
    response = client_for(cast.secretariat).post(URL, data)
    assert response.status_code == 200
    assert 'value="Corrected title"' in response.content.decode()
    assert not Declaration.objects.exists()


def test_confirming_saves_the_corrected_declaration(client_for, cast):
    response = client_for(cast.secretariat).post(
        URL,
        confirm_data(cast, title="Riverside Declaration (corrected)", signatories=[cast.home.pk]),
    )

    declaration = Declaration.objects.get()
    assert response.status_code == 302
    assert response["Location"] == declaration.get_absolute_url()
    assert declaration.title == "Riverside Declaration (corrected)"
    assert list(declaration.signatories.all()) == [cast.home]
    assert declaration.clauses.count() == 3


def test_an_invalid_confirmation_saves_nothing(client_for, cast):
    response = client_for(cast.secretariat).post(URL, confirm_data(cast, title=""))
    assert response.status_code == 400
    assert not Declaration.objects.exists()


def test_a_failed_save_leaves_nothing_half_written(client_for, cast, monkeypatch):
    from django.core.exceptions import ValidationError

    from intercity.declarations.models import Commitment

    def broken(*args, **kwargs):
        raise ValidationError("The database refused a commitment.")

    monkeypatch.setattr(Commitment, "clean", broken)
    response = client_for(cast.secretariat).post(URL, confirm_data(cast))

    assert response.status_code == 400
    assert b"The database refused a commitment." in response.content
    assert not Declaration.objects.exists()
    assert not Clause.objects.exists()


def test_a_focal_point_cannot_confirm(client_for, cast):
    assert client_for(cast.focal_point).post(URL, confirm_data(cast)).status_code == 404
    assert not Declaration.objects.exists()


def test_the_preview_marks_the_fields_a_reviewer_should_check(client_for, cast):
    response = client_for(cast.secretariat).post(
        URL, {"step": "preview", "text": "A friendly letter about the weather in spring."}
    )
    page = response.content.decode()
    assert response.status_code == 200
    # Nothing names a title or participants: those rows are marked for checking.
    assert page.count('class="to-check"') >= 2
    assert "Check" in page
    assert "were found by rules that were often wrong" in page


def test_a_well_formed_declaration_has_its_title_and_meeting_unmarked(client_for, cast):
    response = client_for(cast.secretariat).post(
        URL, {"step": "preview", "text": SHORT_DECLARATION}
    )
    page = response.content.decode()
    title_row = page.split("<dt>Title</dt>", 1)[1].split("</dd>", 1)[0]
    meeting_row = page.split("<dt>Meeting</dt>", 1)[1].split("</dd>", 1)[0]
    assert "to-check" not in title_row
    assert "to-check" not in meeting_row


def test_the_preview_says_why_a_field_should_be_checked(client_for, cast):
    text = (
        "Joint Statement on Trade between Aland and Borduria\n\n"
        "Aland and Borduria agree as follows.\n\n"
        "Aland will remove tariffs on machinery and on textiles within two years.\n\n"
        "In addition, both sides take note of the following purchases:\n\n"
        "Purchase of aircraft valued at 3 billion dollars.\n\n"
        "Purchase of wheat and soybeans valued at 4 billion dollars.\n"
    )
    response = client_for(cast.secretariat).post(URL, {"step": "preview", "text": text})
    assert response.status_code == 200
    assert "they may have been read as clauses" in response.content.decode()


def test_a_cleared_adoption_date_is_saved_as_no_date(client_for, cast):
    # The text dates its meeting 4–5 March 2020; the reviewer removed the date.
    response = client_for(cast.secretariat).post(URL, confirm_data(cast, adopted_on=""))

    assert response.status_code == 302
    declaration = Declaration.objects.get()
    assert declaration.adopted_on is None
    assert declaration.slug == "riverside-declaration"


def test_a_corrected_adoption_date_is_saved_as_given(client_for, cast):
    client_for(cast.secretariat).post(URL, confirm_data(cast, adopted_on="2020-03-07"))
    assert str(Declaration.objects.get().adopted_on) == "2020-03-07"


def test_a_cleared_meeting_is_saved_as_no_meeting(client_for, cast):
    # The text names the 3rd Plenary Meeting, which is on record; the reviewer cleared it.
    plenary = MeetingFactory(kind=Meeting.Kind.PLENARY, ordinal=3, host_city=cast.home)
    preview = client_for(cast.secretariat).post(URL, {"step": "preview", "text": SHORT_DECLARATION})
    assert f'<option value="{plenary.pk}" selected>' in preview.content.decode()

    response = client_for(cast.secretariat).post(URL, confirm_data(cast, meeting=""))

    assert response.status_code == 302
    declaration = Declaration.objects.get()
    assert declaration.meeting is None
    # The date the reviewer kept still stands.
    assert str(declaration.adopted_on) == "2020-03-05"


def test_a_chosen_meeting_is_saved_as_given(client_for, cast):
    MeetingFactory(kind=Meeting.Kind.PLENARY, ordinal=3, host_city=cast.home)
    other = MeetingFactory(kind=Meeting.Kind.PLENARY, ordinal=7, host_city=cast.other)
    client_for(cast.secretariat).post(URL, confirm_data(cast, meeting=str(other.pk)))
    assert Declaration.objects.get().meeting == other


def test_the_parser_warnings_read_in_the_readers_language(client_for, cast):
    response = client_for(cast.secretariat).post(
        URL,
        {"step": "preview", "text": "A friendly letter about the weather in spring."},
        HTTP_ACCEPT_LANGUAGE="th",
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "no numbered clauses found" not in page
    assert "no participants found" not in page


def test_each_parser_warning_has_a_sentence_for_the_reader():
    from intercity.declarations.import_preview import warning_sentence

    assert warning_sentence("no numbered clauses found") == "No numbered clauses were found."
    assert warning_sentence("clause numbering skips from 2 to 4") == (
        "The clause numbers jump from 2 to 4."
    )
    assert warning_sentence("clause numbering out of sequence: 3 after 5") == (
        "Clause 3 comes after clause 5, out of order."
    )
    assert warning_sentence("participant not among known cities: Atlantis") == (
        "Atlantis is named as a participant but is not a member city."
    )
    # A warning the page does not know yet is shown as the parser wrote it.
    assert warning_sentence("something new") == "something new"


def test_the_preview_writes_the_meetings_dates_as_the_reader_does(client_for, cast):
    response = client_for(cast.secretariat).post(
        URL, {"step": "preview", "text": SHORT_DECLARATION}, HTTP_ACCEPT_LANGUAGE="th"
    )
    meeting_row = response.content.decode().split('<dl class="facts">', 1)[1].split("</dl>")[0]
    assert "2020-03-04" not in meeting_row
    assert "4 มีนาคม 2020" in meeting_row
