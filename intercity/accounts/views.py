"""Login, logout, password change and the profile page with the user's API token."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from intercity.accounts.services import api_token_rotate


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
@require_POST
def token_rotate(request):
    api_token_rotate(actor=request.user)
    messages.success(request, _("A new API token was issued; the old one no longer works."))
    return redirect("accounts:profile")
