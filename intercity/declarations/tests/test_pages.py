import csv
import datetime
import io
import json

import pytest
from django.core import mail
from django.urls import reverse
from pypdf import PdfReader

from intercity.declarations.models import ProgressReport
from intercity.declarations.progress import commitment_report
from intercity.declarations.services import declaration_import
from intercity.testing.declaration_factories import (
    SHORT_DECLARATION,
    ClauseFactory,
    CommitmentFactory,
    DeclarationFactory,
    ProgressReportFactory,
)
from intercity.testing.factories import CityFactory, UserFactory

ACCOUNTABILITY = reverse("declarations:accountability")


def test_the_index_lists_declarations_with_search(client, declaration):
    DeclarationFactory(title="Another declaration")
    response = client.get(reverse("declarations:list"), {"q": "Riverside"})
    assert response.status_code == 200
    assert [d.title for d in response.context["object_list"]] == ["Riverside Declaration"]


def test_the_index_filters_by_year_and_signatory(client, declaration, cast):
    DeclarationFactory(title="Old", adopted_on=datetime.date(2001, 1, 1))
    by_year = client.get(reverse("declarations:list"), {"year": "2001"}).context["object_list"]
    by_city = client.get(reverse("declarations:list"), {"city": cast.home.slug})
    assert [d.title for d in by_year] == ["Old"]
    assert [d.title for d in by_city.context["object_list"]] == ["Riverside Declaration"]


def test_the_index_runs_a_bounded_number_of_queries(db, client, django_assert_max_num_queries):
    for _ in range(30):
        DeclarationFactory()
    with django_assert_max_num_queries(8):
        assert client.get(reverse("declarations:list")).status_code == 200


def test_drafts_are_hidden_from_the_public(client, client_for, cast):
    draft = DeclarationFactory(status="draft", title="Working draft")
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client_for(cast.secretariat).get(draft.get_absolute_url()).status_code == 200


def test_the_page_numbers_clauses_and_links_commitments(client, declaration):
    response = client.get(declaration.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="clause-2"' in page and 'id="clause-2a"' in page
    for commitment in declaration.commitments.all():
        assert commitment.get_absolute_url() in page
    assert "2018 Harbour Declaration" in page and "not yet recorded" in page


def test_the_page_names_the_original_language(client, declaration):
    declaration.language = "en"
    declaration.save(update_fields=["language"])
    assert "<dd>English</dd>" in client.get(declaration.get_absolute_url()).content.decode()
    japanese = client.get(declaration.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ja")
    assert "<dd>英語</dd>" in japanese.content.decode()


def test_the_page_rejects_post(client, declaration):
    assert client.post(declaration.get_absolute_url()).status_code == 405


def test_the_pdf_renders_with_a_text_layer(client, declaration):
    response = client.get(reverse("declarations:pdf", args=[declaration.slug]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Riverside Declaration" in text
    assert "install shared sensors" in text


def test_the_pdf_renders_cjk_and_thai_text_without_failing(cast):
    from intercity.declarations.pdf import PdfClause, PdfDeclaration, render_pdf

    document = PdfDeclaration(
        title="東京宣言 ปฏิญญากรุงเทพ Tuyên bố Hà Nội",
        subtitle="",
        signatories="",
        opening=["我々は、協力を強化する。"],
        preamble=[("Recalling", "Recalling สมาชิก")],
        operative_intro="",
        clauses=[PdfClause(number="1", text="協力を強化すること。")],
        closing=[],
        footer="test",
    )
    content = render_pdf(document)
    assert PdfReader(io.BytesIO(content)).pages[0].extract_text()


def test_the_pdf_embeds_the_sites_own_fonts_for_every_script(tmp_path):
    from intercity.declarations.pdf import PdfClause, PdfDeclaration, render_pdf, shipped_fonts

    document = PdfDeclaration(
        title="ရန်ကုန် ကြေညာချက်",
        subtitle="नई दिल्ली · Улаанбаатар · 서울 · 臺北 · กรุงเทพ · Hà Nội",
        signatories="",
        opening=[],
        preamble=[],
        operative_intro="",
        clauses=[PdfClause(number="1", text="協力を強化すること。")],
        closing=[],
        footer="Intercity",
        language="my",
    )
    fonts = shipped_fonts(document, cache_dir=tmp_path)
    if fonts is None:
        pytest.skip("the npm fonts are not installed (make assets)")
    names = {path.name for _family, path in fonts.fallbacks}
    for script in ("myanmar", "devanagari", "cyrillic", "thai", "vietnamese", "noto-sans-kr"):
        assert any(script in name for name in names), script
    reader = PdfReader(io.BytesIO(render_pdf(document, fonts)))
    embedded = {
        str(font["/BaseFont"])
        for font in reader.pages[0]["/Resources"]["/Font"].values()
        if "/BaseFont" in font.get_object()
    }
    assert any("Myanmar" in name for name in embedded), embedded
    assert any("Thai" in name for name in embedded), embedded
    assert any("KR" in name for name in embedded), "Korean Han forms for the Hangul text"
    # Shaped clusters come out of the text layer with stray control characters between them.
    text = "".join(char for char in reader.pages[0].extract_text() if char >= " " or char == "\n")
    assert "ရန်ကုန်" in text and "नई दिल्ली" in text and "臺北" in text, text


def test_the_feed_lists_adopted_declarations(client, declaration):
    response = client.get(reverse("declarations:feed"))
    assert response.status_code == 200
    assert b"<feed" in response.content and b"Riverside Declaration" in response.content


def test_a_commitment_page_shows_each_city_and_the_report_history(client_for, cast, commitment):
    commitment_report(
        actor=cast.focal_point,
        commitment=commitment,
        city=cast.home,
        status="achieved",
        narrative="Work on it reported.",
    )
    response = client_for(cast.focal_point).get(commitment.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert "Achieved" in page
    assert reverse("declarations:report", args=[commitment.pk, cast.home.slug]) in page
    assert reverse("declarations:report", args=[commitment.pk, cast.other.slug]) not in page


def test_the_city_page_shows_its_commitments_and_status(client, cast, commitment):
    commitment_report(
        actor=cast.focal_point,
        commitment=commitment,
        city=cast.home,
        status="planned",
        narrative="Work on it reported.",
    )
    page = client.get(cast.home.get_absolute_url()).content.decode()
    assert "Commitments" in page
    assert commitment.title in page
    assert "status-planned" in page


def test_the_matrix_colours_cells_by_latest_status(client, cast, declaration, commitment):
    commitment_report(
        actor=cast.focal_point,
        commitment=commitment,
        city=cast.home,
        status="achieved",
        narrative="Work on it reported.",
    )
    response = client.get(ACCOUNTABILITY, {"declaration": declaration.slug})
    rows = {row.commitment.reference: row for row in response.context["rows"]}
    home, other = response.context["cities"]
    assert (home, other) == (cast.home, cast.other)
    assert rows["1"].cells[0].status == "achieved"
    assert rows["1"].cells[1].status is None
    assert rows["3"].cells[0] is None  # Home City is not responsible for clause 3
    assert 'data-status="achieved"' in response.content.decode()
    by_city = {p.label: p for p in response.context["by_city"]}
    assert by_city["Home City"].counts["achieved"] == 1
    assert by_city["Home City"].percent == 50


def test_cities_are_flagged_inactive_after_the_configured_period(client, cast, settings):
    settings.INTERCITY_INACTIVE_AFTER_DAYS = 30
    old = DeclarationFactory(adopted_on=datetime.date(2020, 1, 1))
    commitment = CommitmentFactory(clause=ClauseFactory(declaration=old), cities=[cast.home])
    response = client.get(ACCOUNTABILITY, {"declaration": old.slug})
    assert response.context["rows"][0].cells[0].inactive
    assert response.context["by_city"][0].inactive == 1

    commitment_report(
        actor=cast.focal_point,
        commitment=commitment,
        city=cast.home,
        status="in_progress",
        narrative="Work on it reported.",
    )
    response = client.get(ACCOUNTABILITY, {"declaration": old.slug})
    assert not response.context["rows"][0].cells[0].inactive
    assert response.context["by_city"][0].inactive == 0


def _matrix_data(declarations: int, commitments: int, cities: list) -> None:
    for _ in range(declarations):
        declaration = DeclarationFactory()
        clause = ClauseFactory(declaration=declaration)
        for _ in range(commitments):
            commitment = CommitmentFactory(clause=clause, cities=cities)
            ProgressReportFactory(
                commitment=commitment, city=cities[0], reported_on=datetime.date(2025, 1, 1)
            )


@pytest.mark.parametrize("size", [1, 3])
def test_the_matrix_runs_a_bounded_number_of_queries(
    client_for, cast, size, django_assert_max_num_queries
):
    cities = [cast.home, cast.other, *(CityFactory() for _ in range(size * 2))]
    _matrix_data(size, 4 * size, cities)
    client = client_for(cast.focal_point)
    with django_assert_max_num_queries(16):
        response = client.get(ACCOUNTABILITY)
    assert response.status_code == 200
    assert len(response.context["rows"]) == min(4 * size * size, 25)


def test_the_matrix_exports_as_csv(client, cast, declaration, commitment):
    commitment_report(
        actor=cast.focal_point,
        commitment=commitment,
        city=cast.home,
        status="achieved",
        narrative="Work on it reported.",
    )
    response = client.get(
        reverse("declarations:accountability-csv"), {"declaration": declaration.slug}
    )
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert response["Content-Type"].startswith("text/csv")
    assert len(rows) == 6  # 1: 2 cities, 2a: 1, 2b: 2, 3: 1
    first = [r for r in rows if r["clause"] == "1" and r["city"] == cast.home.slug][0]
    assert first["status"] == "achieved"
    assert first["declaration"] == declaration.slug


def test_the_matrix_exports_as_json(client, cast, declaration, commitment):
    commitment_report(
        actor=cast.focal_point,
        commitment=commitment,
        city=cast.home,
        status="planned",
        narrative="Work on it reported.",
    )
    response = client.get(reverse("declarations:accountability-json"), {"city": cast.home.slug})
    body = json.loads(response.content)
    assert body["city"] == cast.home.slug
    assert {(c["clause"], c["status"]) for c in body["cells"]} == {("1", "planned"), ("2b", "")}


def test_the_secretariat_sends_reminders_by_email(client_for, cast, declaration, commitment):
    cast.focal_point.email = "focal@home.example"
    cast.focal_point.save()
    cast.other_focal_point.email = "focal@other.example"
    cast.other_focal_point.save()
    for status in ("achieved", "not_applicable"):
        other = declaration.commitments.exclude(pk=commitment.pk).filter(cities=cast.home).first()
        commitment_report(
            actor=cast.focal_point,
            commitment=other if status == "achieved" else commitment,
            city=cast.home,
            status=status,
            narrative="Work on it reported.",
        )

    response = client_for(cast.secretariat).post(
        reverse("declarations:reminders"), {"declaration": declaration.slug}
    )

    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == ["focal@other.example"]
    assert "Riverside Declaration" in mail.outbox[0].body


def test_reminders_reach_every_city_with_pending_commitments(client_for, cast, declaration):
    UserFactory(role="focal_point", city=cast.home, email="a@home.example")
    cast.other_focal_point.email = "b@other.example"
    cast.other_focal_point.save()
    client_for(cast.secretariat).post(reverse("declarations:reminders"))
    assert sorted(m.to[0] for m in mail.outbox) == ["a@home.example", "b@other.example"]


def test_only_the_secretariat_sends_reminders(client_for, cast, declaration):
    cast.focal_point.email = "focal@home.example"
    cast.focal_point.save()
    assert client_for(cast.focal_point).post(reverse("declarations:reminders")).status_code == 404
    assert client_for(cast.secretariat).get(reverse("declarations:reminders")).status_code == 405
    assert mail.outbox == []


def test_a_report_changes_the_progress_on_the_declaration_page(client, cast, commitment):
    commitment_report(
        actor=cast.focal_point,
        commitment=commitment,
        city=cast.home,
        status="achieved",
        narrative="Work on it reported.",
    )
    progress = client.get(commitment.declaration.get_absolute_url()).context["progress"]
    assert progress.total == 6 and progress.counts["achieved"] == 1
    assert ProgressReport.objects.count() == 1


def test_a_second_import_of_the_same_text_is_a_separate_record(cast, declaration):
    again = declaration_import(actor=cast.secretariat, text=SHORT_DECLARATION)
    assert again.slug != declaration.slug


def test_the_pdf_falls_back_to_helvetica_without_unicode_fonts():
    from intercity.declarations.pdf import FontSet, PdfDeclaration, render_pdf

    document = PdfDeclaration("Tuyên bố Hà Nội", "", "", [], [], "", [], [], "footer")
    content = render_pdf(document, FontSet(None, None, []))
    assert "Tuy" in PdfReader(io.BytesIO(content)).pages[0].extract_text()


def test_each_focal_point_reads_the_reminder_in_their_own_language(client_for, cast, declaration):
    from django.utils import translation

    UserFactory(role="focal_point", city=cast.home, email="ja@home.example", language="ja")
    UserFactory(role="focal_point", city=cast.home, email="en@home.example", language="")
    client_for(cast.secretariat).post(reverse("declarations:reminders"))
    by_address = {m.to[0]: m for m in mail.outbox}
    with translation.override("ja"):
        intro = (
            translation.gettext(
                "Dear %(name)s,\n\nThe secretariat asks your city to report progress on these "
                "commitments:\n\n%(lines)s\n\nReport at the accountability page of Intercity.\n"
            )
            .split("%(lines)s")[-1]
            .strip()
        )
    assert intro != "Report at the accountability page of Intercity.", "no Japanese translation"
    assert intro in by_address["ja@home.example"].body
    assert "Report at the accountability page" in by_address["en@home.example"].body


def test_progress_per_city_names_each_city_in_the_readers_language(
    client, cast, declaration, commitment
):
    cast.home.names = {"ko": "홈 시티"}
    cast.home.save(update_fields=["names"])
    response = client.get(ACCOUNTABILITY, HTTP_ACCEPT_LANGUAGE="ko")
    by_city = response.content.decode().split('id="progress-by-city"', 1)[1]
    assert "홈 시티" in by_city
    assert "Home City" not in by_city


def test_the_commitment_form_ticks_themes_one_by_one(client_for, cast, commitment):
    from intercity.testing.factories import ThemeFactory

    ThemeFactory()
    url = reverse("declarations:commitment-edit", args=[commitment.pk])
    page = client_for(cast.secretariat).get(url).text
    assert 'type="checkbox" name="themes"' in page
    assert '<select name="themes"' not in page


def test_the_report_page_names_the_clause_it_reports_on(client_for, cast, commitment):
    url = reverse("declarations:report", args=[commitment.pk, cast.home.slug])
    response = client_for(cast.focal_point).get(url)
    assert response.status_code == 200
    assert f"Report progress of Home City on clause {commitment.reference}:" in response.text


def test_an_unchanged_correction_is_refused_under_the_text_field(client_for, cast, declaration):
    url = reverse("declarations:correct", args=[declaration.slug])
    response = client_for(cast.secretariat).post(
        url, {"text": declaration.original_text, "reason": "Checked"}
    )
    assert response.status_code == 400
    assert response.context["form"].errors["text"] == ["The corrected text is the same as before."]
    declaration.refresh_from_db()
    assert declaration.version == 1


def test_the_pdf_names_signatories_and_dates_the_adoption_as_its_reader_does(
    client, declaration, cast
):
    cast.home.names = {"mn": "Гэр хот"}
    cast.home.save(update_fields=["names"])
    declaration.signatories.set([cast.home])
    declaration.adopted_on = datetime.date(2013, 11, 19)
    declaration.save(update_fields=["adopted_on"])

    response = client.get(reverse("declarations:pdf", args=[declaration.slug]), {"hl": "mn"})

    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "Гэр хот" in text
    assert "2013 оны 11-р сарын 19" in text and "2013-11-19" not in text


def test_a_reminder_about_one_commitment_says_so_in_the_singular(client_for, cast):
    single = CommitmentFactory(title="Plant mangroves", cities=[cast.other])
    cast.other_focal_point.email = "b@other.example"
    cast.other_focal_point.save()
    client_for(cast.secretariat).post(
        reverse("declarations:reminders"), {"declaration": single.clause.declaration.slug}
    )
    assert [m.subject for m in mail.outbox] == [
        "Intercity: 1 commitment awaits your city's progress report"
    ]
