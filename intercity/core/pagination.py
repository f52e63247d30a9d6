"""Pagination for list pages that keeps the active search and filters in page links."""

from django.conf import settings
from django.core.paginator import Paginator


def paginate(request, queryset, *, per_page: int = 25, parameter: str = "page") -> dict:
    """One page of `queryset`; a second list on the same page names its own `parameter`, so
    paging one list leaves the other where it was.

    A page number past the end shows the last page and one that is not a number the first,
    as `Paginator.get_page` does, so an old or mistyped link still opens the list.
    `settings.LIST_PAGE_SIZE`, when set, replaces every list's `per_page`."""
    page_obj = Paginator(queryset, settings.LIST_PAGE_SIZE or per_page).get_page(
        request.GET.get(parameter)
    )
    params = request.GET.copy()
    params.pop(parameter, None)
    encoded = params.urlencode()
    return {
        "page_obj": page_obj,
        "object_list": page_obj.object_list,
        "querystring_without_page": f"{encoded}&" if encoded else "",
        "page_parameter": parameter,
    }
