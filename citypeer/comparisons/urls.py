"""Mounted at /comparisons/. Everything under public/ is readable without an account and
reads only published comparisons."""

from django.urls import path

from citypeer.comparisons.views import programme, public

app_name = "comparisons"
urlpatterns = [
    path("public/", public.public_index, name="public-index"),
    path("public/<slug:slug>/", public.public, name="public"),
    path("public/<slug:slug>/cities/<slug:city>/", public.public_city, name="public-city"),
    path("public/<slug:slug>/comparison.pdf", public.public_pdf, name="public-pdf"),
    path("public/<slug:slug>/data.<str:fmt>", public.public_download, name="public-download"),
    path("programmes/<slug:slug>/", programme.programme, name="programme"),
    path("programmes/<slug:slug>/cities/<slug:city>/", programme.city, name="city"),
    path("programmes/<slug:slug>/comparison.pdf", programme.pdf, name="pdf"),
    path("programmes/<slug:slug>/data.<str:fmt>", programme.download, name="download"),
    path("programmes/<slug:slug>/publish/", programme.publish, name="publish"),
    path("programmes/<slug:slug>/unpublish/", programme.unpublish, name="unpublish"),
]
