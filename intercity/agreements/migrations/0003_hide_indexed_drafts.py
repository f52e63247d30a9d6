"""Search documents of draft agreements, indexed as public before drafts were hidden, become
drafts, so that search shows them only to those who may edit them."""

from django.db import migrations


def hide_indexed_drafts(apps, schema_editor):
    Agreement = apps.get_model("agreements", "Agreement")
    SearchDocument = apps.get_model("searchindex", "SearchDocument")
    drafts = [str(pk) for pk in Agreement.objects.filter(status="draft").values_list("pk", flat=True)]
    SearchDocument.objects.filter(source="agreement", object_id__in=drafts).update(
        visibility="draft"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0002_status_proposals"),
        ("searchindex", "0007_sample_bucket"),
    ]

    operations = [migrations.RunPython(hide_indexed_drafts, migrations.RunPython.noop)]
