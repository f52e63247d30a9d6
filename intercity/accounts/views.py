"""Login, logout, profile and API token; users, roles and invitations by one-time link."""

import copy
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from intercity.accounts.forms import (
    AcceptInvitationForm,
    InvitationForm,
    UserDetailsForm,
    UserRoleForm,
)
from intercity.accounts.middleware import LANGUAGE_PARAMETER
from intercity.accounts.models import Invitation, User
from intercity.accounts.permissions import (
    can_edit_own_details,
    can_edit_user,
    can_invite_user,
    can_manage_users,
    can_unlock_sign_in,
)
from intercity.accounts.selectors import lockouts_current, sign_in_events_recent
from intercity.accounts.services import (
    api_token_rotate,
    invitation_accept,
    invitation_for_token,
    invitation_send,
    sign_in_unlock,
    user_details_update,
    user_language_set,
    user_update,
)
from intercity.core.form_saving import save_form
from intercity.core.list_filters import one_of, read_filters
from intercity.core.pagination import paginate
from intercity.core.selectors import text_filter
from intercity.core.views import record_form_response


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    pass


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "web/record_form.html"
    extra_context = {"heading": _("Change your password")}

    def get_success_url(self):
        messages.success(self.request, _("Your password was changed."))
        return "/accounts/profile/"


@login_required
@require_GET
def profile(request):
    token = getattr(request.user, "auth_token", None)
    return render(request, "accounts/profile.html", {"token": token})


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    if not can_edit_own_details(request.user, request.user):
        raise Http404
    user = User.objects.get(pk=request.user.pk)
    # The form fills in its instance while validating; the service compares with the record
    # as read, so the form is given a copy.
    form = UserDetailsForm(request.POST or None, instance=copy.copy(user))

    def save(data):
        user_details_update(actor=request.user, user=user, data=data)
        return user

    return record_form_response(
        request,
        form,
        save=save,
        heading=_("Your details"),
        success_message=_("Your details were saved."),
        cancel_url=reverse("accounts:profile"),
        redirect_to=lambda _user: reverse("accounts:profile"),
    )


@login_required
@require_POST
def token_rotate(request):
    api_token_rotate(actor=request.user)
    messages.success(request, _("A new API token was issued; the old one no longer works."))
    return redirect("accounts:profile")


# Users, roles and invitations ----------------------------------------------------------------


@login_required
@require_GET
def user_index(request):
    if not can_manage_users(request.user):
        raise Http404
    users = User.objects.select_related("city", "organisation").order_by(
        "role", "city__name", "username"
    )
    read = read_filters(request.GET, {"role": one_of(gettext_lazy("Role"), User.Role.values)})
    role = read["role"]
    if role:
        users = users.filter(role=role)
    search = request.GET.get("q") or None
    users = text_filter(
        users,
        search,
        ["username", "first_name", "last_name", "email", "city__name", "organisation__name"],
    )
    context = paginate(request, users, per_page=50)
    context.update(
        {
            "roles": User.Role.choices,
            "role": role,
            "filter_notices": read.notices,
            "pending": Invitation.objects.filter(
                accepted_at__isnull=True, expires_at__gt=timezone.now()
            ).select_related("city", "organisation")[:50],
            "can_invite": can_invite_user(request.user),
            "can_unlock": can_unlock_sign_in(request.user),
        }
    )
    return render(request, "accounts/user_list.html", context)


def locked_out(request, credentials=None, *args, **kwargs):
    """What a locked-out sign-in sees: a page, or for the API a JSON error; both say when."""
    minutes = max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))
    message = ngettext(
        "Too many failed sign-ins for this account or from this address. "
        "Try again in %(minutes)d minute, or ask the secretariat to unlock it.",
        "Too many failed sign-ins for this account or from this address. "
        "Try again in %(minutes)d minutes, or ask the secretariat to unlock it.",
        minutes,
    ) % {"minutes": minutes}
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=429)
    return render(request, "accounts/locked_out.html", {"message": message}, status=429)


@login_required
@require_http_methods(["GET", "POST"])
def user_edit(request, pk):
    target = get_object_or_404(User, pk=pk)
    if not can_edit_user(request.user, target):
        raise Http404
    form = UserRoleForm(request.POST or None, instance=target)

    def save(data):
        user_update(actor=request.user, user=target, data=data)
        return target

    return record_form_response(
        request,
        form,
        save=save,
        heading=_("Role of %(name)s") % {"name": target.get_full_name() or target.username},
        success_message=_("The account was saved."),
        cancel_url=reverse("accounts:users"),
        redirect_to=lambda _user: reverse("accounts:users"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def invitation_new(request):
    if not can_invite_user(request.user):
        raise Http404
    form = InvitationForm(request.POST or None)

    def save(data):
        return invitation_send(
            actor=request.user,
            data=data,
            accept_url=lambda token: request.build_absolute_uri(
                reverse("accounts:invitation-accept", args=[token])
            ),
        )

    return record_form_response(
        request,
        form,
        save=save,
        heading=_("Invite a person"),
        success_message=_("The invitation was sent; its link works once, for a few days."),
        cancel_url=reverse("accounts:users"),
        redirect_to=lambda _invitation: reverse("accounts:users"),
    )


def _password_backend() -> str:
    """The configured backend that checks passwords, to sign the new account in with."""
    backends = settings.AUTHENTICATION_BACKENDS
    return next((path for path in backends if path.endswith("ModelBackend")), backends[0])


@never_cache
@require_http_methods(["GET", "POST"])
def invitation_accept_page(request, token):
    invitation = invitation_for_token(token)
    if invitation is None:
        raise Http404
    if not invitation.is_usable:
        return render(request, "accounts/invitation_spent.html", status=410)
    form = AcceptInvitationForm(request.POST or None)

    def save(data):
        return invitation_accept(
            token=token, username=data.get("username", ""), password=data.get("password1", "")
        )

    if request.method == "POST":
        saved, user = save_form(form, save)
        if saved:
            login(request, user, backend=_password_backend())
            messages.success(request, _("Welcome. Your account is ready."))
            return redirect("web:my-work")
    context = {"form": form, "invitation": invitation}
    return render(
        request, "accounts/invitation_accept.html", context, status=400 if form.errors else 200
    )


def sign_in_security(request):
    """The secretariat's view of lockouts and recent sign-ins, with an unlock button."""
    if not can_unlock_sign_in(request.user):
        raise Http404
    if request.method == "POST":
        username = request.POST.get("username", "").strip()
        ip_address = request.POST.get("ip_address", "").strip()
        sign_in_unlock(actor=request.user, username=username, ip_address=ip_address)
        messages.success(request, _("The lockout was lifted."))
        return redirect("accounts:sign-in-security")
    context = {"lockouts": lockouts_current(), **sign_in_events_recent()}
    return render(request, "accounts/sign_in_security.html", context)


@require_POST
def set_language(request):
    """The language switcher: remembered in a cookie, and on the profile of a signed-in person."""
    from django.views.i18n import set_language as django_set_language

    if request.user.is_authenticated:
        user_language_set(request.user, request.POST.get("language", ""))
    next_url = request.POST.get("next", "")
    if next_url and LANGUAGE_PARAMETER in next_url:
        # The page was opened from a shared link in another language: its ?hl= must not undo
        # the choice just made.
        parts = urlsplit(next_url)
        query = [(k, v) for k, v in parse_qsl(parts.query, True) if k != LANGUAGE_PARAMETER]
        request.POST = request.POST.copy()
        request.POST["next"] = urlunsplit(parts._replace(query=urlencode(query)))
    return django_set_language(request)
