"""Template tag that renders one filled page section inside the page's own context."""

from django import template

from intercity.core.sections import FilledSection

register = template.Library()


@register.simple_tag(takes_context=True)
def render_section(context, filled: FilledSection) -> str:
    """Render the section's template with the page's context plus the section's records."""
    section_template = context.template.engine.get_template(filled.template)
    with context.push(**filled.context):
        return section_template.render(context)
