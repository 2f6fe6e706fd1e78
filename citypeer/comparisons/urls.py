"""Mounted at /comparisons/. Everything under public/ is readable without an account and
reads only published comparisons."""

from django.urls import path

from citypeer.comparisons import views

app_name = "comparisons"
urlpatterns = [
    path("public/", views.public_index, name="public-index"),
    path("public/<slug:slug>/", views.public, name="public"),
    path("public/<slug:slug>/cities/<slug:city>/", views.public_city, name="public-city"),
    path("public/<slug:slug>/comparison.pdf", views.public_pdf, name="public-pdf"),
    path("public/<slug:slug>/data.<str:fmt>", views.public_download, name="public-download"),
    path("programmes/<slug:slug>/", views.programme, name="programme"),
    path("programmes/<slug:slug>/cities/<slug:city>/", views.city, name="city"),
    path("programmes/<slug:slug>/comparison.pdf", views.pdf, name="pdf"),
    path("programmes/<slug:slug>/data.<str:fmt>", views.download, name="download"),
    path("programmes/<slug:slug>/publish/", views.publish, name="publish"),
    path("programmes/<slug:slug>/unpublish/", views.unpublish, name="unpublish"),
]
