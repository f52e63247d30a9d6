"""How the API answers a browser: Django REST framework's browsable pages, in the site's name."""

from rest_framework import renderers


class BrowsableAPIRenderer(renderers.BrowsableAPIRenderer):
    template = "api/browsable_api.html"
