from django.urls import reverse

from intercity.declarations.models import Declaration, ProgressReport
from intercity.testing.declaration_factories import SHORT_DECLARATION

REPORTS = reverse("api-v1:progress-report-list")


def report_of(commitment, city) -> dict:
    return {"commitment": commitment.pk, "city": city.slug, "narrative": "Budget requested."}


def test_a_declaration_reads_with_its_structure(api_as, declaration):
    body = api_as("anonymous").get(reverse("api-v1:declaration-detail", args=[declaration.slug]))
    data = body.json()
    assert data["title"] == "Riverside Declaration"
    assert [c["number"] for c in data["clauses"]] == ["1", "2", "3"]
    assert data["clauses"][1]["subitems"][1]["label"] == "b"
    assert data["next_meeting"]["city"] == "Other City"
    assert data["references"][0]["target"] is None


def test_the_list_filters_and_counts_commitments(api_as, declaration):
    body = api_as("anonymous").get(reverse("api-v1:declaration-list"), {"q": "Riverside"}).json()
    assert body["results"][0]["commitment_count"] == 4


def test_commitments_filter_by_city(api_as, declaration, cast):
    body = (
        api_as("anonymous").get(reverse("api-v1:commitment-list"), {"city": cast.home.slug}).json()
    )
    assert [row["clause"] for row in body["results"]] == ["1", "2b"]


def test_commitments_are_searched_by_words_or_by_reference(api_as, declaration):
    def clauses(q):
        body = api_as("anonymous").get(reverse("api-v1:commitment-list"), {"q": q}).json()
        return sorted(row["clause"] for row in body["results"])

    assert clauses("flood management") == ["1"]
    assert clauses("sensors") == ["2a"]
    assert clauses("2b") == ["2b"]
    assert len(clauses("")) == 4


def test_a_focal_point_reports_for_their_city(api_as, commitment, cast):
    response = api_as("focal_point").post(
        REPORTS,
        {
            "commitment": commitment.pk,
            "city": cast.home.slug,
            "status": "planned",
            "narrative": "Budget line requested for 2025.",
        },
    )
    assert response.status_code == 201
    assert response.json()["status"] == "planned"
    assert response.json()["narrative"] == "Budget line requested for 2025."


def test_a_report_with_only_a_status_is_refused_and_nothing_saved(api_as, commitment, cast):
    response = api_as("focal_point").post(
        REPORTS, {"commitment": commitment.pk, "city": cast.home.slug, "status": "achieved"}
    )
    assert response.status_code == 400
    assert response.json() == {
        "narrative": ["Say what has been done, or attach evidence: a link or a file."]
    }
    assert not ProgressReport.objects.exists()


def test_a_status_change_with_an_evidence_link_is_accepted(api_as, commitment, cast):
    response = api_as("focal_point").post(
        REPORTS,
        {
            "commitment": commitment.pk,
            "city": cast.home.slug,
            "status": "achieved",
            "evidence_url": "https://example.org/report.pdf",
        },
    )
    assert response.status_code == 201
    assert ProgressReport.objects.get().evidence_url == "https://example.org/report.pdf"


def test_a_report_dated_before_the_declaration_was_adopted_is_refused(api_as, commitment, cast):
    response = api_as("focal_point").post(
        REPORTS,
        {
            "commitment": commitment.pk,
            "city": cast.home.slug,
            "status": "planned",
            "narrative": "Budget line requested.",
            "reported_on": "2020-03-04",  # the declaration was adopted on 5 March 2020
        },
    )
    assert response.status_code == 400
    assert response.json()["reported_on"] == [
        "A report cannot be dated before the declaration was adopted (5 March 2020)."
    ]
    assert not ProgressReport.objects.exists()


def test_another_city_answers_404_and_nothing_changes(api_as, commitment, cast):
    response = api_as("other_focal_point").post(
        REPORTS, {**report_of(commitment, cast.home), "status": "planned"}
    )
    assert response.status_code == 404
    assert not ProgressReport.objects.exists()


def test_anonymous_writes_answer_401(api_as, commitment, cast):
    response = api_as("anonymous").post(
        REPORTS, {**report_of(commitment, cast.home), "status": "planned"}
    )
    assert response.status_code == 401


def test_the_secretariat_imports_through_the_api(api_as, cast):
    response = api_as("secretariat").post(
        reverse("api-v1:declaration-list"), {"text": SHORT_DECLARATION}
    )
    assert response.status_code == 201
    assert response.json()["slug"] == Declaration.objects.get().slug


def test_a_focal_point_cannot_import(api_as, cast):
    response = api_as("focal_point").post(
        reverse("api-v1:declaration-list"), {"text": SHORT_DECLARATION}
    )
    assert response.status_code == 403
    assert not Declaration.objects.exists()


def test_progress_is_not_reported_on_a_draft_declaration(api_as, commitment, cast):
    Declaration.objects.filter(pk=commitment.declaration_id).update(status="draft")
    response = api_as("secretariat").post(
        REPORTS, {**report_of(commitment, cast.home), "status": "planned"}
    )
    assert response.status_code == 400
    assert "still a draft" in str(response.json())
    assert not ProgressReport.objects.exists()


def test_a_refused_report_names_a_bad_link_and_a_date_in_the_future(api_as, commitment, cast):
    response = api_as("focal_point").post(
        REPORTS,
        {
            "commitment": commitment.pk,
            "city": cast.home.slug,
            "status": "achieved",
            "evidence_url": "not a link",
            "reported_on": "2099-01-01",
        },
    )
    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"evidence_url", "reported_on"}
    assert body["reported_on"] == ["A report cannot be dated in the future."]
    assert not ProgressReport.objects.exists()
