"""Routes of the knowledge pages."""

app_name = "knowledge"
urlpatterns: list = []
