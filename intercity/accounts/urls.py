"""Routes of the account pages."""

from django.urls import path

from intercity.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("password/", views.PasswordChangeView.as_view(), name="password-change"),
    path("profile/", views.profile, name="profile"),
    path("profile/edit/", views.profile_edit, name="profile-edit"),
    path("token/", views.token_rotate, name="token-rotate"),
    path("users/", views.user_index, name="users"),
    path("users/<int:pk>/edit/", views.user_edit, name="user-edit"),
    path("invitations/new/", views.invitation_new, name="invitation-create"),
    path("invitations/<str:token>/", views.invitation_accept_page, name="invitation-accept"),
    path("sign-in-security/", views.sign_in_security, name="sign-in-security"),
]
