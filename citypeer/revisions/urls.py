"""Mounted at /revisions/."""

from django.urls import path

from citypeer.revisions import views

app_name = "revisions"
urlpatterns = [
    path("programmes/<slug:slug>/comments/", views.programme_comments, name="comments"),
    path("programmes/<slug:slug>/drafts/new/", views.new_draft, name="new-draft"),
    path("drafts/<int:pk>/", views.draft, name="draft"),
    path("drafts/<int:pk>/diff/", views.diff, name="diff"),
    path("drafts/<int:pk>/publish/", views.publish, name="publish"),
]
