"""Admin for knowledge items with their translations and attachments."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from intercity.knowledge.models import Attachment, KnowledgeItem, KnowledgeTranslation


class TranslationInline(admin.StackedInline):
    model = KnowledgeTranslation
    extra = 0


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0


@admin.register(KnowledgeItem)
class KnowledgeItemAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "city", "language", "visibility", "published_at"]
    list_filter = ["kind", "visibility", "language"]
    search_fields = ["title", "summary"]
    raw_id_fields = ["city", "organisation", "author"]
    filter_horizontal = ["themes", "programmes", "meetings", "agreements", "commitments"]
    inlines = [TranslationInline, AttachmentInline]
