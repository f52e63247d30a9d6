"""The shared paginator: page numbers past the end or not numbers, kept filters, page size."""

from django.test import override_settings

from intercity.core.pagination import paginate

ROWS = list(range(60))


def test_it_shows_a_page_of_the_list_own_size(rf):
    context = paginate(rf.get("/", {"page": "2"}), ROWS, per_page=25)
    assert context["page_obj"].number == 2
    assert list(context["object_list"]) == ROWS[25:50]


def test_a_page_past_the_end_shows_the_last_and_one_not_a_number_the_first(rf):
    assert paginate(rf.get("/", {"page": "999"}), ROWS)["page_obj"].number == 3
    assert paginate(rf.get("/", {"page": "abc"}), ROWS)["page_obj"].number == 1
    assert paginate(rf.get("/", {"page": "-1"}), ROWS)["page_obj"].number == 3


def test_it_keeps_the_filters_and_the_other_list_place_without_its_own_page(rf):
    request = rf.get("/", {"kind": "plenary", "page": "2", "pledge_page": "3"})
    context = paginate(request, ROWS, parameter="pledge_page")
    assert context["querystring_without_page"] == "kind=plenary&page=2&"
    assert context["page_parameter"] == "pledge_page"


def test_the_list_page_size_setting_replaces_every_list_own_size(rf):
    with override_settings(LIST_PAGE_SIZE=1):
        context = paginate(rf.get("/", {"page": "999"}), ROWS, per_page=50)
    assert context["page_obj"].paginator.num_pages == 60
    assert context["page_obj"].number == 60
