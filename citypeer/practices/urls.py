"""Mounted at /practices/."""

from django.urls import path

from citypeer.practices import views

app_name = "practices"
urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("<int:pk>/", views.detail, name="detail"),
    path("reviews/<int:review>/new/", views.add, name="add"),
    path("reviews/<int:review>/suggestions/", views.suggestions, name="suggestions"),
]
