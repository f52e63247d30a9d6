"""Routes of the knowledge pages."""

from django.urls import path

from intercity.knowledge import views

app_name = "knowledge"
urlpatterns = [
    path("", views.knowledge_index, name="list"),
    path("new/", views.knowledge_new, name="create"),
    path("feed.atom", views.KnowledgeFeed(), name="feed"),
    path("which-city/", views.which_city_page, name="which-city"),
    path("index-status/", views.index_status, name="index-status"),
    path("index-status/start/", views.index_start, name="index-start"),
    path("<slug:slug>/", views.knowledge_detail, name="detail"),
    path("<slug:slug>/edit/", views.knowledge_edit, name="edit"),
    path("<slug:slug>/translations/new/", views.translation_new, name="translation-create"),
    path("<slug:slug>/attachments/new/", views.attachment_new, name="attachment-create"),
    path("<slug:slug>/moderate/", views.knowledge_moderate, name="moderate"),
]
