"""The knowledge part of the city page: the practices and policies the city shared."""

from intercity.core.sections import Section, register
from intercity.knowledge.selectors import city_knowledge

register(
    Section(
        slot="city",
        name="knowledge",
        template="knowledge/_city_knowledge.html",
        context=lambda *, city, user: {"knowledge_items": city_knowledge(city=city, user=user)},
        order=50,
    )
)
