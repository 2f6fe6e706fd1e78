"""Mounted at /comparisons/. Everything under public/ is readable without an account and
reads only published comparisons."""

from django.urls import include, path

from citypeer.comparisons.views import programme, public

app_name = "comparisons"

public_pages = [
    path("", public.public, name="public"),
    path("cities/<slug:city>/", public.public_city, name="public-city"),
    path("comparison.pdf", public.public_pdf, name="public-pdf"),
    path("data.<str:fmt>", public.public_download, name="public-download"),
]

programme_pages = [
    path("", programme.programme, name="programme"),
    path("cities/<slug:city>/", programme.city, name="city"),
    path("comparison.pdf", programme.pdf, name="pdf"),
    path("data.<str:fmt>", programme.download, name="download"),
    path("publish/", programme.publish, name="publish"),
    path("unpublish/", programme.unpublish, name="unpublish"),
]

urlpatterns = [
    path("public/", public.public_index, name="public-index"),
    path("public/<slug:slug>/", include(public_pages)),
    path("programmes/<slug:slug>/", include(programme_pages)),
]
