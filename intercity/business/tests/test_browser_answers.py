"""In a real browser: an organisation answers another's opportunity, whose representative
then finds the answer on the opportunity's page."""

import pytest

from intercity.business.models import OpportunityAnswer
from intercity.testing.browser import log_in
from intercity.testing.business_factories import OpportunityFactory, ProfileFactory
from intercity.testing.factories import PASSWORD, UserFactory
from intercity.testing.personas import make_cast

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_organisation_answers_and_the_author_sees_the_answer(live_server, page):
    cast = make_cast()
    author_profile = ProfileFactory(
        organisation__name="Tokyo Water Board", organisation__city=cast.other, is_verified=True
    )
    author = UserFactory(
        username="author",
        role="organisation_rep",
        organisation=author_profile.organisation,
        email="author@example.org",
    )
    opportunity = OpportunityFactory(
        organisation=author_profile.organisation, title="Leak detection for water mains"
    )
    sender = cast.organisation_rep
    url = f"{live_server.url}{opportunity.get_absolute_url()}"

    log_in(page, live_server.url, sender.username, PASSWORD)
    page.goto(url)
    page.fill("#answer-form textarea[name=message]", "We make acoustic leak sensors.")
    with page.expect_navigation():
        page.click("#answer-form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "Your answer was sent to Tokyo Water Board." in page.content()
    assert "We make acoustic leak sensors." in page.locator("#own-answer").inner_text()
    assert page.locator("#answer-form").count() == 0
    assert OpportunityAnswer.objects.get().organisation == sender.organisation

    page.context.clear_cookies()
    log_in(page, live_server.url, author.username, PASSWORD)
    page.goto(url)
    answers = page.locator("#answers article.answer")
    assert answers.count() == 1
    assert sender.organisation.name in answers.first.inner_text()
    assert "We make acoustic leak sensors." in answers.first.inner_text()
