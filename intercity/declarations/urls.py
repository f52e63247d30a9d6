"""Routes of the declarations pages."""

app_name = "declarations"
urlpatterns: list = []
