import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from intercity.declarations.models import (
    Clause,
    Commitment,
    Declaration,
    DeclarationVersion,
    Paragraph,
    Reference,
)
from intercity.declarations.services import (
    declaration_correct,
    declaration_import,
    declaration_update,
)
from intercity.testing.declaration_factories import SHORT_DECLARATION


def test_import_stores_the_structure(declaration, cast):
    assert declaration.title == "Riverside Declaration"
    assert declaration.adopted_on == datetime.date(2020, 3, 5)
    assert {c.slug for c in declaration.signatories.all()} == {cast.home.slug, cast.other.slug}
    assert [c.number for c in declaration.clauses.all()] == ["1", "2", "3"]
    assert [s.label for s in declaration.clauses.get(number="2").subitems.all()] == ["a", "b"]
    assert declaration.paragraphs.get(part=Paragraph.Part.PREAMBLE).lead == "Recalling"
    assert (declaration.next_meeting_city, declaration.next_meeting_year) == ("Other City", 2021)
    assert declaration.versions.get().number == 1
    assert declaration.history.first().history_change_reason == "declarations.declaration.imported"


def test_commitments_come_from_clauses_and_sub_items_with_named_cities(declaration, cast):
    commitments = {c.reference: c for c in declaration.commitments.all()}
    assert list(commitments) == ["1", "2a", "2b", "3"]
    assert set(commitments["1"].cities.all()) == {cast.home, cast.other}
    assert list(commitments["2a"].cities.all()) == [cast.other]
    assert list(commitments["3"].cities.all()) == [cast.other]
    assert commitments["1"].title == "Share experiences in flood management between member cities"


def test_only_the_secretariat_imports(cast):
    with pytest.raises(PermissionDenied):
        declaration_import(actor=cast.focal_point, text=SHORT_DECLARATION)
    assert not Declaration.objects.exists()


def test_an_empty_text_is_refused(cast):
    with pytest.raises(ValidationError):
        declaration_import(actor=cast.secretariat, text="   ")


def test_a_failed_import_leaves_nothing(cast, monkeypatch):
    def broken(*args, **kwargs):
        raise ValidationError("boom")

    # The commitments are written last: the declaration, its paragraphs and clauses are in.
    monkeypatch.setattr(Commitment, "clean", broken)
    with pytest.raises(ValidationError):
        declaration_import(actor=cast.secretariat, text=SHORT_DECLARATION)
    assert not Declaration.objects.exists()
    assert not Clause.objects.exists()
    assert not Paragraph.objects.exists()


def test_an_adopted_text_cannot_be_edited(declaration, cast):
    with pytest.raises(ValidationError) as error:
        declaration_update(
            actor=cast.secretariat, declaration=declaration, data={"original_text": "changed"}
        )
    assert "original_text" in error.value.message_dict
    declaration.refresh_from_db()
    assert declaration.original_text == SHORT_DECLARATION


def test_other_fields_of_an_adopted_declaration_can_change(declaration, cast):
    assert declaration_update(
        actor=cast.secretariat, declaration=declaration, data={"source_document": "minutes.pdf"}
    )


def test_a_correction_is_a_new_version_and_keeps_commitments(declaration, cast):
    commitment_ids = set(declaration.commitments.values_list("pk", flat=True))
    corrected = SHORT_DECLARATION.replace("flood management", "flood and drought management")

    version = declaration_correct(
        actor=cast.secretariat, declaration=declaration, text=corrected, reason="Typo"
    )

    declaration.refresh_from_db()
    assert version.number == 2 and declaration.version == 2
    assert "drought" in declaration.clauses.get(number="1").text
    assert DeclarationVersion.objects.get(declaration=declaration, number=1).original_text == (
        SHORT_DECLARATION
    )
    assert set(declaration.commitments.values_list("pk", flat=True)) == commitment_ids
    assert declaration.history.first().history_change_reason == (
        "declarations.declaration.corrected"
    )


def test_a_correction_needs_a_reason_and_the_secretariat(declaration, cast):
    with pytest.raises(ValidationError):
        declaration_correct(actor=cast.secretariat, declaration=declaration, text="x", reason="")
    with pytest.raises(PermissionDenied):
        declaration_correct(actor=cast.focal_point, declaration=declaration, text="x", reason="y")


def test_a_placeholder_reference_links_when_its_declaration_arrives(declaration, cast):
    reference = declaration.references.get()
    assert reference.is_placeholder

    harbour = declaration_import(
        actor=cast.secretariat,
        text="2018 Harbour Declaration\n\n1. to keep the harbour clean.\n",
    )

    reference.refresh_from_db()
    assert reference.target == harbour
    assert Reference.objects.filter(target__isnull=True).count() == 0


def test_commitments_have_an_audit_entry(declaration):
    commitment = Commitment.objects.filter(declaration=declaration).first()
    assert commitment.history.first().history_change_reason == "declarations.commitment.created"


def test_the_same_text_sent_back_by_a_browser_is_not_a_correction(declaration, cast):
    # Browsers send a textarea's lines ended by CR LF; the stored text ends them by LF.
    with pytest.raises(ValidationError) as refused:
        declaration_correct(
            actor=cast.secretariat,
            declaration=declaration,
            text=declaration.original_text.replace("\n", "\r\n"),
            reason="Checked",
        )
    assert "original_text" in refused.value.message_dict
    declaration.refresh_from_db()
    assert declaration.version == 1


def test_a_corrected_text_is_stored_with_plain_line_ends(declaration, cast):
    corrected = SHORT_DECLARATION.replace("flood management", "flood and drought management")
    declaration_correct(
        actor=cast.secretariat,
        declaration=declaration,
        text=corrected.replace("\n", "\r\n"),
        reason="Typo",
    )
    declaration.refresh_from_db()
    assert declaration.original_text == corrected
