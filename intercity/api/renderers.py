"""How the API answers a browser: Django REST framework's browsable pages, in the site's name."""

from django.utils.translation import gettext_lazy as _
from rest_framework import renderers

from intercity.api.browsable_words import translate_page

# The framework labels the two fields of its raw-data form in English only.
RAW_FORM_LABELS = {"_content_type": _("Media type"), "_content": _("Content")}


class BrowsableAPIRenderer(renderers.BrowsableAPIRenderer):
    template = "api/browsable_api.html"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        page = super().render(data, accepted_media_type, renderer_context)
        return translate_page(page)

    def get_raw_data_form(self, data, view, method, request):
        form = super().get_raw_data_form(data, view, method, request)
        for name, label in RAW_FORM_LABELS.items():
            if form is not None and name in form.fields:
                form.fields[name].label = label
        return form
