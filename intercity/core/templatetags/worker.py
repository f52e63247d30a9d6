"""Template tag that says plainly when background work waits and no consumer is running."""

from django import template

from intercity.core.worker import worker_running

register = template.Library()


@register.inclusion_tag("core/_no_worker.html")
def no_worker_notice():
    return {"missing": not worker_running()}
