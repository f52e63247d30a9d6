"""Answering a cooperation opportunity: the form on its page, one answer per organisation,
the email to its author's representatives, the answers on the page and through the API."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation
from rest_framework.pagination import PageNumberPagination

from intercity.accounts.models import User
from intercity.business.models import Opportunity, OpportunityAnswer, SuggestionMark
from intercity.testing.business_factories import OpportunityFactory, ProfileFactory
from intercity.testing.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def _opportunity(cast, **kwargs) -> Opportunity:
    """A current opportunity of a verified organisation in the other city, with a
    representative who reads Korean."""
    organisation = OrganisationFactory(city=cast.other, name="Tokyo Water Board")
    ProfileFactory(organisation=organisation, is_verified=True)
    UserFactory(
        role=User.Role.ORGANISATION_REP,
        organisation=organisation,
        email="author.ko@example.org",
        language="ko",
    )
    return OpportunityFactory(organisation=organisation, title="Leak detection", **kwargs)


def _answer_url(opportunity) -> str:
    return reverse("business:opportunity-answer", args=[opportunity.pk])


def _sender(cast) -> User:
    rep = cast.organisation_rep
    rep.first_name, rep.last_name, rep.email = "Lan", "Nguyen", "lan@example.org"
    rep.save()
    rep.organisation.name = "Hanoi Solar Works"
    rep.organisation.save()
    return rep


def test_a_representative_of_another_organisation_answers_from_the_page(
    cast, client_for, mailoutbox, django_capture_on_commit_callbacks
):
    opportunity = _opportunity(cast)
    sender = _sender(cast)
    client = client_for(sender)
    page = client.get(opportunity.get_absolute_url()).text
    assert 'id="answer-form"' in page
    assert "author.ko@example.org" not in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_answer_url(opportunity), {"message": "We make leak sensors."})
    assert response.status_code == 302 and response.url == opportunity.get_absolute_url()
    answer = OpportunityAnswer.objects.get()
    assert (answer.organisation, answer.sender, answer.message) == (
        sender.organisation,
        sender,
        "We make leak sensors.",
    )
    assert "business.opportunity.answered" in opportunity.history.first().history_change_reason
    mark = SuggestionMark.objects.get()
    assert (mark.organisation, mark.counterpart, mark.state) == (
        sender.organisation,
        opportunity.organisation,
        SuggestionMark.State.CONTACTED,
    )
    # The sender sees their answer and its date instead of the form.
    page = client.get(opportunity.get_absolute_url()).text
    assert 'id="answer-form"' not in page and 'id="own-answer"' in page
    assert "We make leak sensors." in page


def test_the_authors_representatives_get_an_email_in_their_own_language(
    cast, client_for, mailoutbox, django_capture_on_commit_callbacks
):
    opportunity = _opportunity(cast)
    UserFactory(
        role=User.Role.ORGANISATION_REP,
        organisation=opportunity.organisation,
        email="author.en@example.org",
        language="en",
    )
    sender = _sender(cast)
    with django_capture_on_commit_callbacks(execute=True):
        client_for(sender).post(_answer_url(opportunity), {"message": "We make leak sensors."})
    by_address = {mail.to[0]: mail for mail in mailoutbox}
    assert sorted(by_address) == ["author.en@example.org", "author.ko@example.org"]
    english = by_address["author.en@example.org"]
    assert english.subject == "Hanoi Solar Works answered your opportunity “Leak detection”"
    for shown in (
        "Hanoi Solar Works",
        cast.home.name,
        "Lan Nguyen",
        "lan@example.org",
        "We make leak sensors.",
        opportunity.get_absolute_url(),
    ):
        assert shown in english.body, shown
    assert english.reply_to == ["lan@example.org"]
    with translation.override("ko"):
        subject = translation.gettext("%(organisation)s answered your opportunity “%(title)s”") % {
            "organisation": "Hanoi Solar Works",
            "title": "Leak detection",
        }
    assert subject != english.subject, "no Korean to read"
    assert by_address["author.ko@example.org"].subject == subject


def test_without_a_representative_to_email_the_answer_is_kept_and_the_sender_told(
    cast, client_for, mailoutbox, django_capture_on_commit_callbacks
):
    opportunity = _opportunity(cast)
    opportunity.organisation.representatives.update(email="")
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(_sender(cast)).post(
            _answer_url(opportunity), {"message": "Hello"}, follow=True
        )
    assert OpportunityAnswer.objects.count() == 1
    assert mailoutbox == []
    assert "will see your answer on this page" in response.text


def test_a_second_answer_of_the_same_organisation_is_refused_naming_when(cast, client_for):
    opportunity = _opportunity(cast)
    sender = _sender(cast)
    colleague = UserFactory(role=User.Role.ORGANISATION_REP, organisation=sender.organisation)
    client_for(sender).post(_answer_url(opportunity), {"message": "First"})
    response = client_for(colleague).post(_answer_url(opportunity), {"message": "Second"})
    assert response.status_code == 400
    errors = response.context["answer_form"].errors["message"]
    answered = OpportunityAnswer.objects.get().created_at
    assert any("already answered" in error for error in errors), errors
    with translation.override("en"):
        from zoneinfo import ZoneInfo

        from django.utils.formats import date_format
        from django.utils.timezone import localtime

        # On the day as the sender's city counts it, where they read the page.
        zone = ZoneInfo(sender.organisation.city.time_zone)
        shown = date_format(localtime(answered, zone), "DATE_FORMAT")
        assert any(shown in e for e in errors), (shown, errors)
    assert list(OpportunityAnswer.objects.values_list("message", flat=True)) == ["First"]


def test_an_empty_or_too_long_message_is_refused_with_the_field_named(cast, client_for):
    opportunity = _opportunity(cast)
    client = client_for(_sender(cast))
    for message in ("", "x" * 1001):
        response = client.post(_answer_url(opportunity), {"message": message})
        assert response.status_code == 400
        assert "message" in response.context["answer_form"].errors
    assert not OpportunityAnswer.objects.exists()


def test_its_own_organisation_others_and_past_opportunities_cannot_be_answered(cast, client_for):
    own = OpportunityFactory(organisation=cast.organisation_rep.organisation)
    ProfileFactory(organisation=own.organisation, is_verified=True)
    page = client_for(cast.organisation_rep).get(own.get_absolute_url()).text
    assert 'id="answer-form"' not in page
    assert (
        client_for(cast.organisation_rep).post(_answer_url(own), {"message": "Hi"}).status_code
        == 404
    )
    past = _opportunity(cast, expires_on=datetime.date(2001, 1, 1))
    response = client_for(cast.organisation_rep).post(_answer_url(past), {"message": "Hi"})
    assert response.status_code == 404
    current = _opportunity(cast)
    for user in (cast.focal_point, cast.reader):
        response = client_for(user).post(_answer_url(current), {"message": "Hi"})
        assert response.status_code == 404
    assert client_for(None).post(_answer_url(current), {"message": "Hi"}).status_code == 302
    assert client_for(cast.organisation_rep).get(_answer_url(current)).status_code == 405
    assert not OpportunityAnswer.objects.exists()


def test_those_who_edit_it_see_the_answers_newest_first_in_bounded_queries(
    cast, client_for, django_assert_max_num_queries
):
    opportunity = _opportunity(cast)
    author = opportunity.organisation.representatives.get()
    for n in range(6):
        rep = UserFactory(
            role=User.Role.ORGANISATION_REP,
            organisation=OrganisationFactory(name=f"Answerer {n}", city=cast.home),
            email=f"rep{n}@example.org",
        )
        client_for(rep).post(_answer_url(opportunity), {"message": f"Message {n}"})
    # As many as with one answer: the answers, their organisations and senders in one query.
    with django_assert_max_num_queries(27):
        page = client_for(author).get(opportunity.get_absolute_url()).text
    assert 'id="answers"' in page
    positions = [page.index(f"Message {n}") for n in reversed(range(6))]
    assert positions == sorted(positions)
    assert "rep5@example.org" in page and "Answerer 5" in page
    # A reader who may not edit it sees neither the answers nor the addresses.
    page = client_for(cast.reader).get(opportunity.get_absolute_url()).text
    assert "Message 5" not in page and "rep5@example.org" not in page


# -- the API ---------------------------------------------------------------------------------


def _api_url(opportunity) -> str:
    return f"/api/v1/business/opportunities/{opportunity.pk}/answers/"


def test_the_api_takes_an_answer_and_lists_them_to_those_who_edit_it(
    cast, client_for, mailoutbox, django_capture_on_commit_callbacks
):
    opportunity = _opportunity(cast)
    url = _api_url(opportunity)
    assert client_for(None).post(url, {"message": "Hi"}).status_code == 401
    sender = _sender(cast)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(sender).post(
            url, {"message": "We make leak sensors."}, content_type="application/json"
        )
    assert response.status_code == 201
    assert response.json()["organisation"] == sender.organisation.slug
    assert [mail.to for mail in mailoutbox] == [["author.ko@example.org"]]
    again = client_for(sender).post(url, {"message": "Again"}, content_type="application/json")
    assert again.status_code == 400 and "message" in again.json()
    empty = client_for(cast.organisation_rep).post(
        url, {"message": ""}, content_type="application/json"
    )
    assert empty.status_code == 400 and "message" in empty.json()

    author = opportunity.organisation.representatives.get()
    listed = client_for(author).get(url)
    assert listed.status_code == 200
    assert [
        (row["organisation_name"], row["sender_email"]) for row in listed.json()["results"]
    ] == [("Hanoi Solar Works", "lan@example.org")]
    assert client_for(None).get(url).status_code == 401
    assert client_for(sender).get(url).status_code == 404
    own = client_for(author).post(url, {"message": "Me"}, content_type="application/json")
    assert own.status_code == 404
    assert OpportunityAnswer.objects.count() == 1


def test_the_api_lists_the_answers_a_page_at_a_time(cast, client_for, monkeypatch):
    # The platform's page size is read once, when the class is defined.
    monkeypatch.setattr(PageNumberPagination, "page_size", 2)
    opportunity = _opportunity(cast)
    for n in range(3):
        OpportunityAnswer.objects.create(
            opportunity=opportunity,
            organisation=OrganisationFactory(name=f"Answerer {n}", city=cast.home),
            message=f"Message {n}",
        )
    author = client_for(opportunity.organisation.representatives.get())
    first = author.get(_api_url(opportunity)).json()
    assert first["count"] == 3 and first["previous"] is None
    second = author.get(first["next"]).json()
    assert second["next"] is None
    messages = [row["message"] for row in first["results"] + second["results"]]
    assert messages == ["Message 2", "Message 1", "Message 0"]
