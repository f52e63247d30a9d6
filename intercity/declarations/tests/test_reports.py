import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from intercity.declarations.models import ProgressReport
from intercity.declarations.progress import commitment_report
from intercity.testing.factories import MeetingFactory


def report_url(commitment, city) -> str:
    return reverse("declarations:report", kwargs={"pk": commitment.pk, "city": city.slug})


FORM = {
    "status": "in_progress",
    "narrative": "Two workshops held.",
    "reported_on": (timezone.localdate() - datetime.timedelta(days=2)).isoformat(),
}


def test_a_focal_point_reports_for_their_own_city(client_for, cast, commitment):
    response = client_for(cast.focal_point).post(report_url(commitment, cast.home), FORM)

    assert response.status_code == 302
    report = ProgressReport.objects.get()
    assert (report.city, report.status, report.reported_by) == (
        cast.home,
        "in_progress",
        cast.focal_point,
    )
    assert report.history.first().history_change_reason == "declarations.progress.reported"


def test_the_report_form_names_the_city_in_the_readers_language(client_for, cast, commitment):
    cast.home.names = {"vi": "Thành phố Nhà"}
    cast.home.save(update_fields=["names"])
    client = client_for(cast.focal_point)
    client.cookies["django_language"] = "vi"

    page = client.get(report_url(commitment, cast.home)).content.decode()

    assert "Thành phố Nhà" in page


def test_a_refused_report_asks_for_its_evidence_file_again(client_for, cast, commitment):
    evidence = SimpleUploadedFile("minutes.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")
    response = client_for(cast.focal_point).post(
        report_url(commitment, cast.home),
        {**FORM, "evidence_url": "not a link", "evidence_file": evidence},
    )

    assert response.status_code == 400
    page = response.content.decode()
    # The typed text comes back; the file cannot, and the focal point is told so.
    assert "Two workshops held." in page
    assert "choose it again" in page
    assert not ProgressReport.objects.exists()


def test_a_refused_report_without_a_file_does_not_ask_for_one_again(client_for, cast, commitment):
    response = client_for(cast.focal_point).post(
        report_url(commitment, cast.home), {**FORM, "evidence_url": "not a link"}
    )

    assert response.status_code == 400
    # Nothing was chosen, so there is nothing to choose again.
    assert "choose it again" not in response.content.decode()


def test_the_form_shows_for_the_own_city(client_for, cast, commitment):
    assert client_for(cast.focal_point).get(report_url(commitment, cast.home)).status_code == 200


@pytest.mark.parametrize("who", ["other_focal_point", "expert", "organisation_rep", "reader"])
def test_nobody_else_reports_for_a_city(client_for, cast, commitment, who):
    response = client_for(getattr(cast, who)).post(report_url(commitment, cast.home), FORM)

    assert response.status_code == 404
    assert not ProgressReport.objects.exists()


def test_an_anonymous_visitor_is_sent_to_log_in(client_for, commitment, cast):
    response = client_for(None).post(report_url(commitment, cast.home), FORM)
    assert response.status_code == 302
    assert "/login" in response["Location"]
    assert not ProgressReport.objects.exists()


def test_the_secretariat_may_report_for_any_responsible_city(client_for, cast, commitment):
    response = client_for(cast.secretariat).post(report_url(commitment, cast.other), FORM)
    assert response.status_code == 302
    assert ProgressReport.objects.get().city == cast.other


def test_a_city_not_responsible_cannot_report(client_for, cast, declaration):
    only_other = declaration.commitments.get(clause__number="3")
    response = client_for(cast.focal_point).post(report_url(only_other, cast.home), FORM)
    assert response.status_code == 404


def test_reporting_rejects_other_methods(client_for, cast, commitment):
    response = client_for(cast.focal_point).put(report_url(commitment, cast.home))
    assert response.status_code == 405


def test_a_report_dated_in_the_future_is_refused(client_for, cast, commitment):
    future = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    response = client_for(cast.focal_point).post(
        report_url(commitment, cast.home), {**FORM, "reported_on": future}
    )
    assert response.status_code == 400
    assert not ProgressReport.objects.exists()


def test_a_report_dated_before_the_declaration_was_adopted_is_refused(client_for, cast, commitment):
    response = client_for(cast.focal_point).post(
        report_url(commitment, cast.home), {**FORM, "reported_on": "2019-12-31"}
    )
    assert response.status_code == 400
    assert "before the declaration was adopted (5 March 2020)" in response.text
    assert "Two workshops held." in response.text
    assert not ProgressReport.objects.exists()


def test_without_an_adoption_date_the_meeting_that_adopted_it_bounds_reports(cast, commitment):
    declaration = commitment.declaration
    declaration.meeting = MeetingFactory(start_date=datetime.date(2021, 6, 1), end_date=None)
    declaration.adopted_on = None
    declaration.save()
    with pytest.raises(ValidationError) as refused:
        commitment_report(
            actor=cast.focal_point,
            commitment=commitment,
            city=cast.home,
            status="planned",
            narrative="Work on it reported.",
            reported_on=datetime.date(2021, 5, 31),
        )
    assert list(refused.value.message_dict) == ["reported_on"]
    assert not ProgressReport.objects.exists()


def test_reports_keep_their_history(cast, commitment):
    first = commitment_report(
        actor=cast.focal_point,
        commitment=commitment,
        city=cast.home,
        status="planned",
        narrative="Work on it reported.",
        reported_on=datetime.date(2024, 4, 1),
    )
    second = commitment_report(
        actor=cast.focal_point,
        commitment=commitment,
        city=cast.home,
        status="achieved",
        narrative="Work on it reported.",
        reported_on=datetime.date(2024, 9, 1),
    )
    backdated = commitment_report(
        actor=cast.focal_point,
        commitment=commitment,
        city=cast.home,
        status="in_progress",
        narrative="Work on it reported.",
        reported_on=datetime.date(2024, 5, 1),
    )
    first.refresh_from_db()
    assert ProgressReport.objects.count() == 3
    assert (first.is_latest, second.is_latest, backdated.is_latest) == (False, True, False)


def test_the_service_refuses_another_city(cast, commitment):
    with pytest.raises(PermissionDenied):
        commitment_report(
            actor=cast.other_focal_point,
            commitment=commitment,
            city=cast.home,
            status="planned",
            narrative="Work on it reported.",
        )
    assert not ProgressReport.objects.exists()


def test_evidence_can_be_a_file(client_for, cast, commitment, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    pdf = b"%PDF-1.4\n% Workshop minutes\n%%EOF\n"
    upload = SimpleUploadedFile("minutes.PDF", pdf, content_type="application/pdf")
    response = client_for(cast.focal_point).post(
        report_url(commitment, cast.home), {**FORM, "evidence_file": upload}
    )
    assert response.status_code == 302
    evidence = ProgressReport.objects.get().evidence_file
    assert evidence.read() == pdf and evidence.name.endswith("minutes.pdf")


@pytest.mark.parametrize(
    ("name", "content"),
    [("report.pdf", b"MZ\x90\x00 a renamed program"), ("minutes.txt", b"Workshop minutes")],
)
def test_evidence_that_is_not_a_pdf_docx_or_image_is_refused(
    client_for, cast, commitment, settings, tmp_path, name, content
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    response = client_for(cast.focal_point).post(
        report_url(commitment, cast.home), {**FORM, "evidence_file": upload}
    )
    assert response.status_code == 400
    assert response.context["form"].errors["evidence_file"]
    assert not ProgressReport.objects.exists()


def test_a_report_with_only_a_status_is_refused_beside_the_narrative(client_for, cast, commitment):
    client = client_for(cast.focal_point)
    client.cookies["django_language"] = "vi"

    response = client.post(
        report_url(commitment, cast.home), {"status": "achieved", "narrative": "   "}
    )

    assert response.status_code == 400
    form = response.context["form"]
    assert list(form.errors) == ["narrative"]
    assert not ProgressReport.objects.exists()


def test_a_status_change_with_an_evidence_link_needs_no_narrative(client_for, cast, commitment):
    response = client_for(cast.focal_point).post(
        report_url(commitment, cast.home),
        {"status": "achieved", "evidence_url": "https://example.org/plan.pdf"},
    )

    assert response.status_code == 302
    report = ProgressReport.objects.get()
    assert (report.status, report.narrative) == ("achieved", "")
    assert report.history.first().history_change_reason == "declarations.progress.reported"


def test_the_service_refuses_a_report_that_says_nothing(cast, commitment):
    with pytest.raises(ValidationError) as refused:
        commitment_report(
            actor=cast.focal_point, commitment=commitment, city=cast.home, status="planned"
        )
    assert list(refused.value.message_dict) == ["narrative"]
    assert not ProgressReport.objects.exists()


def test_progress_per_city_names_each_city_in_the_readers_language(client_for, cast, commitment):
    cast.home.names = {"ja": "ホーム市"}
    cast.home.save(update_fields=["names"])
    client = client_for(cast.focal_point)
    client.cookies["django_language"] = "ja"

    response = client.get(reverse("declarations:accountability"))

    labels = [progress.label for progress in response.context["by_city"]]
    assert "ホーム市" in labels
    assert "Home City" not in labels


def test_a_refused_report_names_every_problem_at_once_with_dates_in_the_readers_format(
    client_for, cast, commitment
):
    future = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    client = client_for(cast.focal_point)
    client.cookies["django_language"] = "vi"

    empty_and_future = client.post(
        report_url(commitment, cast.home), {"status": "in_progress", "reported_on": future}
    )
    too_early = client.post(
        report_url(commitment, cast.home), {**FORM, "reported_on": "2019-12-31"}
    )

    assert empty_and_future.status_code == 400
    errors = empty_and_future.context["form"].errors
    assert set(errors) == {"narrative", "reported_on"}
    assert "5 tháng 3 năm 2020" in too_early.text
    assert "2020-03-05" not in too_early.text
    assert not ProgressReport.objects.exists()


def test_a_report_names_a_date_in_the_future_and_evidence_that_is_no_document_together(
    client_for, cast, commitment, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("report.pdf", b"MZ\x90\x00 a renamed program")
    response = client_for(cast.focal_point).post(
        report_url(commitment, cast.home),
        {**FORM, "reported_on": "2099-01-01", "evidence_file": upload},
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert set(errors) == {"reported_on", "evidence_file"}
    # The date is also beyond what any record may hold; the report's own rule is the one said.
    assert errors["reported_on"] == ["A report cannot be dated in the future."]
    assert not ProgressReport.objects.exists()
