"""Mounted at /reviews/<int:review>/desk-review/: every view receives `review`."""

from django.urls import path

from citypeer.deskreviews import views

app_name = "deskreviews"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("start/", views.start, name="start"),
    path("indicators/<int:number>/", views.judgement, name="judgement"),
    path("submit/", views.submit, name="submit"),
    path("peers/<int:peer>/", views.peer_desk_review, name="peer"),
    path("compiled/", views.compiled, name="compiled"),
]
