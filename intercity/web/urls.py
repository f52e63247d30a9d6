"""Routes of the site shell: home, news and search."""

from django.urls import path

from intercity.web import views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("news/", views.news, name="news"),
    path("news/feed.atom", views.NewsFeed(), name="news-feed"),
    path("news/new/", views.news_new, name="news-create"),
    path("news/<slug:slug>/edit/", views.news_edit, name="news-edit"),
    path("news/<slug:slug>/delete/", views.news_remove, name="news-delete"),
    path("search/", views.search, name="search"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("my-work/", views.my_work_page, name="my-work"),
]
