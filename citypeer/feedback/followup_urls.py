"""Mounted at /follow-up/: the coordinator's view of the commitments across the reviews of a
programme."""

from django.urls import path

from citypeer.feedback import views

app_name = "feedback_followup"
urlpatterns = [
    path("<slug:slug>/", views.follow_up, name="programme"),
]
