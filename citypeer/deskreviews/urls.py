"""Mounted at /reviews/<int:review>/desk-review/: every view receives `review`."""

from django.urls import path

from citypeer.deskreviews.views import desk_reviews, judgement, team

app_name = "deskreviews"
urlpatterns = [
    path("", desk_reviews.overview, name="overview"),
    path("start/", desk_reviews.start, name="start"),
    path("indicators/<int:number>/", judgement.judgement, name="judgement"),
    path("submit/", desk_reviews.submit, name="submit"),
    path("peers/<int:peer>/", team.peer_desk_review, name="peer"),
    path("compiled/", team.compiled, name="compiled"),
]
