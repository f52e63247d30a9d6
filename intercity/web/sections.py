"""The site shell's parts of the home dashboard: what waits for the signed-in user."""

from intercity.core.sections import Section, register
from intercity.web.my_work import my_work


def home_work(*, user) -> dict:
    """The sections with something in them: those that ask the user to act under "Waiting for
    you", the others apart, so that only the first are said to wait."""
    if not getattr(user, "is_authenticated", False):
        return {"work": None}
    filled = [section for section in my_work(user) if section.count]
    return {
        "work": [section for section in filled if section.asks_action],
        "informing": [section for section in filled if not section.asks_action],
    }


register(
    Section(
        slot="home",
        name="my-work",
        template="web/_home_my_work.html",
        context=home_work,
        order=0,
    )
)
