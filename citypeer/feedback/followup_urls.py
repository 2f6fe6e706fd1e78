"""Mounted at /follow-up/: the coordinator's view of the commitments across the reviews of a
programme."""

from django.urls import path

from citypeer.feedback.views.commitments import follow_up

app_name = "feedback_followup"
urlpatterns = [
    path("<slug:slug>/", follow_up, name="programme"),
]
