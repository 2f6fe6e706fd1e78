"""/api/v1/ routes of this app (included by citypeer/api/urls.py)."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
