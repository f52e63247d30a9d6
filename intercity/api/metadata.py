"""What the API answers to OPTIONS: the page's name and description, and the fields of the
forms its writes take, as the browsable API shows them."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from rest_framework import exceptions
from rest_framework.metadata import SimpleMetadata
from rest_framework.request import override_method


class FormMetadata(SimpleMetadata):
    """Django REST framework's OPTIONS answer, with each write's fields taken from the
    serializer that write uses.

    The framework asks a viewset for its serializer while the viewset's action is still
    "metadata", so a viewset that reads and writes through different serializers described
    its reading one; here the action is the write's, as in the browsable API's forms.
    """

    def determine_actions(self, request, view):
        actions = {}
        for method in sorted({"PUT", "POST"} & set(view.allowed_methods)):
            with override_method(view, request, method) as write:
                try:
                    view.check_permissions(write)
                    if method == "PUT" and hasattr(view, "get_object"):
                        view.get_object()
                except (exceptions.APIException, PermissionDenied, Http404):
                    continue
                actions[method] = self.get_serializer_info(view.get_serializer())
        return actions
