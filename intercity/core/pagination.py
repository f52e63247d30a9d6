"""Pagination for list pages that keeps the active search and filters in page links."""

from django.core.paginator import Paginator


def paginate(request, queryset, *, per_page: int = 25) -> dict:
    page_obj = Paginator(queryset, per_page).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    encoded = params.urlencode()
    return {
        "page_obj": page_obj,
        "object_list": page_obj.object_list,
        "querystring_without_page": f"{encoded}&" if encoded else "",
    }
