"""Units of relief: typed words recognised as codes, shown in the reader's language, matched."""

from decimal import Decimal

import pytest
from django.apps import apps as django_apps
from django.urls import reverse
from django.utils import translation

from intercity.solidarity import matching, services
from intercity.solidarity.models import Need, Offer
from intercity.solidarity.quantities import COUNTED, NAMES, amount, number, unit_name
from intercity.solidarity.selectors import needs_board
from intercity.solidarity.units import CODES, SYNONYMS, _folded, unit_code, unit_stored
from intercity.testing.solidarity_factories import active_incident, need, offer

NEEDS = "/api/v1/solidarity/needs/"
OFFERS = "/api/v1/solidarity/offers/"


@pytest.mark.parametrize(
    "typed",
    ["litres", "liters", "L", "l", "ℓ", "Ｌ", "lít", "リットル", "ลิตร", "литров", " Liter"],
)
def test_words_for_litres_in_any_language_are_recognised(typed):
    assert unit_code(typed) == "litre"
    assert unit_stored(typed) == "litre"


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("kg.", "kilogram"),
        ("tấn", "tonne"),
        ("m³", "cubic_metre"),
        ("pcs", "item"),
        ("人", "person"),
        ("families", "household"),
        ("키트", "kit"),
        ("cartons", "box"),
        ("เต็นท์", "tent"),
        ("койко-место", "bed"),
        ("回分", "dose"),
        ("ngày", "day"),
        ("hrs", "hour"),
    ],
)
def test_each_catalogue_unit_is_recognised_from_a_typed_word(typed, code):
    assert unit_code(typed) == code


def test_a_unit_outside_the_catalogue_is_kept_as_typed():
    assert unit_code("bottles of 1.5 L") is None
    assert unit_stored("  bottles of 1.5 L ") == "bottles of 1.5 L"


def test_no_word_means_two_units_and_every_unit_has_its_words():
    meaning: dict[str, str] = {}
    for code, words in SYNONYMS.items():
        for word in words:
            assert meaning.setdefault(_folded(word), code) == code, word
    assert set(NAMES) == set(COUNTED) == set(CODES)


def test_a_quantity_reads_in_the_readers_language_with_its_plural():
    with translation.override("en"):
        assert amount(Decimal(1), "tent") == "1 tent"
        assert amount(Decimal("5.00"), "tents") == "5 tents"
        assert amount(Decimal("2.5"), "litre") == "2.5 litres"
        assert amount(Decimal(3), "bottles") == "3 bottles"
    with translation.override("ru"):
        assert amount(Decimal(1), "tent") == "1 палатка"
        assert amount(Decimal(3), "tent") == "3 палатки"
        assert amount(Decimal(5), "tent") == "5 палаток"
        assert amount(Decimal("2.5"), "litre") == "2,5 литра"
    with translation.override("ja"):
        assert amount(Decimal(5), "tent") == "テント5張"
        assert amount(Decimal(20000), "litres") == "20,000リットル"
        assert unit_name("litre") == "リットル"
        assert unit_name("bottles") == "bottles"


@pytest.mark.parametrize(
    ("language", "shown"),
    [("en", "20,000 litres"), ("hi", "20,000"), ("mn", "20,000"), ("ru", "20\xa0000 литров")],
)
def test_a_large_quantity_groups_its_digits_as_the_reader_writes_numbers(language, shown):
    with translation.override(language):
        assert shown in amount(Decimal(20000), "litre")
        assert shown.split(" ")[0] in number(Decimal("20000.00"))


def test_units_match_across_synonyms_and_free_text_ignores_case():
    assert matching.same_unit("litres", "liters")
    assert matching.same_unit("litre", "リットル")
    assert matching.same_unit("Bottles", "bottles ")
    assert not matching.same_unit("litres", "kg")


@pytest.mark.django_db
def test_an_offer_in_liters_is_suggested_and_accepted_for_a_need_in_litres(net):
    incident = active_incident(affected=[net.manila])
    # Stored before units were recognised: the need still reads "litres" as typed.
    water = need(incident, net.manila, quantity=2000, unit="litre", category="water_sanitation")
    Need.objects.filter(pk=water.pk).update(unit="litres")
    liters = offer(
        net.tokyo, quantity=500, unit="liters", category="water_sanitation", incident=incident
    )

    board = needs_board(incident=incident, user=net.manila_focal)
    accepted = services.offer_accept(actor=net.manila_focal, need=water, offer=liters)

    assert [s.offer_id for s in board.rows[0].suggestions] == [liters.pk]
    assert accepted.quantity == 500
    assert liters.unit == "litre"


@pytest.mark.django_db
def test_a_direct_offer_in_a_synonym_of_the_needs_unit_is_accepted(net):
    incident = active_incident(affected=[net.manila])
    water = need(incident, net.manila, quantity=100, unit="litres", category="water_sanitation")

    made = offer(net.tokyo, quantity=40, unit="lít", category="water_sanitation", need=water)

    assert (water.unit, made.unit) == ("litre", "litre")


@pytest.mark.django_db
def test_the_needs_board_shows_units_in_the_readers_language(client, net):
    incident = active_incident(affected=[net.manila])
    need(incident, net.manila, quantity=20000, unit="litres", category="water_sanitation")
    need(incident, net.manila, quantity=1, unit="tents")
    client.force_login(net.tokyo_focal)
    client.cookies["django_language"] = "ja"

    page = client.get(reverse("solidarity:board", kwargs={"slug": incident.slug})).text

    assert "20,000リットル" in page
    assert "テント1張" in page
    assert "litres" not in page


@pytest.mark.django_db
def test_quantities_are_grouped_in_the_readers_format_on_the_board_and_timeline(client, net):
    incident = active_incident(affected=[net.manila])
    need(incident, net.manila, quantity=20000, unit="litres", category="water_sanitation")
    client.force_login(net.tokyo_focal)
    client.cookies["django_language"] = "vi"

    board = client.get(reverse("solidarity:board", kwargs={"slug": incident.slug})).text
    detail = client.get(incident.get_absolute_url()).text

    assert "20.000 lít" in board
    assert '<td class="open" data-label="Còn thiếu">20.000</td>' in board
    assert '<dd class="open">20.000</dd>' in board
    assert "20000" not in board.replace('value="20000"', "")
    assert "20.000 lít" in detail


@pytest.mark.django_db
def test_the_need_form_refuses_a_missing_unit_beside_the_field(client, net):
    incident = active_incident(affected=[net.manila])
    client.force_login(net.manila_focal)
    url = reverse("solidarity:need-post", kwargs={"slug": incident.slug})
    form = {
        "city": net.manila.pk,
        "category": "water_sanitation",
        "description": "Drinking water",
        "quantity": "100",
        "urgency": "high",
        "visibility": "public",
    }

    empty = client.post(url, {**form, "unit_0": "", "unit_1": ""})
    other_blank = client.post(url, {**form, "unit_0": "other", "unit_1": "  "})
    unknown = client.post(url, {**form, "unit_0": "barrels-ish", "unit_1": ""})
    typed = client.post(url, {**form, "unit_0": "other", "unit_1": "liters"})

    for refused in (empty, other_blank, unknown):
        assert refused.status_code == 400
        assert list(refused.context["form"].errors) == ["unit"]
    assert typed.status_code == 302
    assert list(Need.objects.values_list("unit", flat=True)) == ["litre"]


@pytest.mark.django_db
def test_the_offer_form_shows_the_needs_unit_chosen(client, net):
    incident = active_incident(affected=[net.manila])
    water = need(incident, net.manila, quantity=100, unit="litres")
    bottles = need(incident, net.manila, quantity=100, unit="bottles")
    client.force_login(net.tokyo_focal)
    url = reverse("solidarity:offer", kwargs={"slug": incident.slug})

    first = client.get(f"{url}?need={water.pk}").context["form"]
    second = client.get(f"{url}?need={bottles.pk}").context["form"]

    assert first["unit"].value() == "litre"
    assert 'value="litre" selected' in str(first["unit"])
    assert 'value="other" selected' in str(second["unit"]) and 'value="bottles"' in str(
        second["unit"]
    )


@pytest.mark.django_db
def test_the_api_takes_a_code_a_typed_synonym_or_free_text(client, net):
    incident = active_incident(affected=[net.manila])
    client.force_login(net.manila_focal)
    base = {"incident": incident.pk, "category": "water_sanitation", "description": "Water"}

    by_code = client.post(NEEDS, {**base, "quantity": "10", "unit": "litre"}, "application/json")
    by_word = client.post(NEEDS, {**base, "quantity": "5", "unit": "lít"}, "application/json")
    free = client.post(NEEDS, {**base, "quantity": "3", "unit": "jerrycans"}, "application/json")
    blank = client.post(NEEDS, {**base, "quantity": "3", "unit": " "}, "application/json")
    in_japanese = client.get(f"{NEEDS}{by_word.json()['id']}/", HTTP_ACCEPT_LANGUAGE="ja")

    assert (by_code.status_code, by_code.json()["unit"]) == (201, "litre")
    assert (by_word.status_code, by_word.json()["unit"]) == (201, "litre")
    assert (free.status_code, free.json()["unit"]) == (201, "jerrycans")
    assert free.json()["unit_label"] == "jerrycans"
    assert in_japanese.json()["unit_label"] == "リットル"
    assert blank.status_code == 400 and "unit" in blank.json()
    assert Need.objects.count() == 3


@pytest.mark.django_db
def test_the_openapi_schema_lists_the_unit_codes(client):
    schema = client.get(reverse("api-schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json")

    unit = schema.json()["components"]["schemas"]["NeedWrite"]["properties"]["unit"]
    assert unit["anyOf"][0]["enum"] == list(CODES)
    assert "free text" in unit["description"]


@pytest.mark.django_db
def test_the_migration_keeps_recognised_units_as_codes_and_the_rest_as_typed(net):
    module = __import__(
        "intercity.solidarity.migrations.0003_unit_codes", fromlist=["store_unit_codes"]
    )
    incident = active_incident(affected=[net.manila])
    rows = [need(incident, net.manila, unit=u) for u in ("tents", "bottles", "tents")]
    gift = offer(net.tokyo, unit="tents")
    typed_before = ["Liters", "bottles", "lít"]
    for row, typed in zip(rows, typed_before, strict=True):
        Need.objects.filter(pk=row.pk).update(unit=typed)
    Offer.objects.filter(pk=gift.pk).update(unit="KG")

    changed = module.store_unit_codes(django_apps, None)

    assert changed == {"Need": 2, "Offer": 1}
    assert [Need.objects.get(pk=r.pk).unit for r in rows] == ["litre", "bottles", "litre"]
    assert Offer.objects.get(pk=gift.pk).unit == "kilogram"
    latest = Need.objects.get(pk=rows[0].pk).history.first()
    assert (latest.unit, latest.history_change_reason) == ("litre", "solidarity.unit.recognised")


@pytest.mark.django_db
def test_the_needs_board_totals_group_digits_and_label_each_cell_for_a_phone(client, net):
    incident = active_incident(affected=[net.manila])
    need(incident, net.manila, quantity=20000, unit="litre", category="water_sanitation")

    page = client.get(reverse("solidarity:board", kwargs={"slug": incident.slug}), {"hl": "hi"})
    totals = page.text.split('class="board-totals')[1].split("</table>")[0]

    assert 'responsive"' in totals.split(">")[0]
    assert ">20,000</td>" in totals and '<dd class="open">20,000</dd>' in page.text
    assert totals.count("data-label=") == 5
