"""Routes of the business pages."""

app_name = "business"
urlpatterns: list = []
