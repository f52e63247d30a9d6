"""A form with a wrong field also shows what its service would refuse in the other fields, so
one submission tells the user everything to fix; and nothing is written while any error
stands."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from intercity.agreements.models import Agreement
from intercity.business.models import Opportunity
from intercity.declarations.models import ProgressReport
from intercity.meetings.models import Meeting
from intercity.programmes.models import Programme
from intercity.testing.business_factories import ProfileFactory
from intercity.testing.declaration_factories import CommitmentFactory
from intercity.testing.factories import MeetingFactory

pytestmark = pytest.mark.django_db

TOO_LONG = "x" * 300


def test_a_programme_form_shows_a_bad_kind_and_an_end_before_the_start(cast, client_for):
    page = client_for(cast.secretariat).post(
        reverse("programmes:create"),
        {
            "name": "Clean air",
            "kind": "nonsense",
            "status": "active",
            "start_date": "2031-06-01",
            "end_date": "2031-05-01",
        },
    )
    assert page.status_code == 400
    errors = page.context["form"].errors
    assert "kind" in errors
    assert errors["end_date"] == ["The end date cannot be before the start date."]
    assert not Programme.objects.exists()


def test_a_programme_form_shows_no_lead_city_and_an_end_before_the_start(cast, client_for):
    page = client_for(cast.focal_point).post(
        reverse("programmes:create"),
        {
            "name": "Clean air",
            "kind": "joint_project",
            "status": "active",
            "lead_city": "",
            "start_date": "2031-06-01",
            "end_date": "2031-05-01",
        },
    )
    assert page.status_code == 400
    errors = page.context["form"].errors
    assert errors["lead_city"] == ["You can only record programmes your city leads."]
    assert errors["end_date"] == ["The end date cannot be before the start date."]
    assert not Programme.objects.exists()


def test_an_opportunity_form_shows_a_long_title_and_a_past_closing_date(cast, client_for):
    ProfileFactory(organisation=cast.organisation_rep.organisation)
    page = client_for(cast.organisation_rep).post(
        reverse("business:opportunity-create"),
        {
            "direction": "offer",
            "kind": "energy_saving",
            "title": TOO_LONG,
            "status": "open",
            "expires_on": "2020-01-01",
        },
    )
    assert page.status_code == 400
    errors = page.context["form"].errors
    assert "title" in errors
    assert errors["expires_on"] == [
        "This date is past: the opportunity would not be shown to anyone."
    ]
    assert not Opportunity.objects.exists()


def test_the_registration_settings_show_no_places_and_a_close_before_the_opening(cast, client_for):
    start = datetime.date(2031, 5, 10)
    meeting = MeetingFactory(host_city=cast.other, start_date=start, end_date=start, year=2031)
    page = client_for(cast.other_focal_point).post(
        reverse("meetings:registration-settings", args=[meeting.slug]),
        {"opens_on": "2031-04-01", "closes_on": "2031-03-01", "places_per_city": "0"},
    )
    assert page.status_code == 400
    errors = page.context["settings_form"].errors
    assert "places_per_city" in errors
    assert "closes_on" in errors
    meeting.refresh_from_db()
    assert meeting.registration_opens_on is None
    assert not Meeting.history.filter(history_change_reason__contains="registration").exists()


def test_a_progress_report_shows_a_bad_link_and_a_date_in_the_future(cast, client_for):
    commitment = CommitmentFactory(cities=[cast.home])
    page = client_for(cast.focal_point).post(
        reverse("declarations:report", args=[commitment.pk, cast.home.slug]),
        {"status": "achieved", "evidence_url": "not a link", "reported_on": "2099-01-01"},
    )
    assert page.status_code == 400
    errors = page.context["form"].errors
    assert "evidence_url" in errors
    assert errors["reported_on"] == ["A report cannot be dated in the future."]
    # The link was given, though refused: the page does not also ask for a narrative.
    assert "narrative" not in errors
    assert not ProgressReport.objects.exists()


def test_an_agreement_form_shows_a_long_title_and_an_expiry_yet_to_come(cast, client_for):
    page = client_for(cast.secretariat).post(
        reverse("agreements:create"),
        {
            "title": TOO_LONG,
            "status": "expired",
            "signed_on": "2020-01-01",
            "term_start": "2020-02-01",
            "term_end": "2099-01-01",
            "parties": [cast.home.pk, cast.other.pk],
        },
    )
    assert page.status_code == 400
    errors = page.context["form"].errors
    assert "title" in errors
    assert "term_end" in errors
    assert not Agreement.objects.exists()


def test_a_trial_keeps_no_record_no_history_and_nothing_for_after_the_commit(
    cast, django_capture_on_commit_callbacks
):
    from django.db import transaction

    from intercity.core.form_saving import trial_error
    from intercity.core.models import NewsItem
    from intercity.core.services import news_publish

    def publish(data):
        news_publish(actor=cast.secretariat, data=data)
        transaction.on_commit(lambda: None)  # as a mail or a task would wait
        raise ValidationError({"title": "Refused after the write."})

    data = {"slug": "flood-relief", "title": "Flood relief", "published_on": "2031-01-02"}
    with django_capture_on_commit_callbacks() as waiting:
        error = trial_error(publish, data)
    assert error.message_dict == {"title": ["Refused after the write."]}
    assert not NewsItem.objects.exists()
    assert not NewsItem.history.exists()
    assert waiting == []
