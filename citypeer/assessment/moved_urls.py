"""Mounted at /reviews/<int:review>/evidence/, where the pages of step 6 were until they
moved under /reviews/<int:review>/assessment/: each old page address is sent on permanently
to its new one, with its query string (a bookmark of a search still finds it)."""

from django.urls import path
from django.views.generic import RedirectView


def moved(name: str):
    return RedirectView.as_view(pattern_name=f"assessment:{name}", permanent=True,
                                query_string=True)


urlpatterns = [
    path("", moved("bank")),
    path("record/", moved("record")),
    path("items/<int:pk>/", moved("item")),
    path("export/<str:fmt>/", moved("export")),
    path("assessment/", moved("assessment")),
    path("assessment/<path:code>/", moved("indicator")),
    path("findings/", moved("findings")),
    path("findings/<int:pk>/", moved("finding")),
    path("practices/", moved("practices")),
    path("practices/<int:pk>/", moved("practice")),
    path("audit/", moved("audit")),
]
