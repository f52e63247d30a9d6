"""The site shell's parts of the home dashboard: what waits for the signed-in user."""

from intercity.core.sections import Section, register
from intercity.web.my_work import my_work


def home_work(*, user) -> dict:
    if not getattr(user, "is_authenticated", False):
        return {"work": None}
    return {"work": [section for section in my_work(user) if section.count]}


register(
    Section(
        slot="home",
        name="my-work",
        template="web/_home_my_work.html",
        context=home_work,
        order=0,
    )
)
