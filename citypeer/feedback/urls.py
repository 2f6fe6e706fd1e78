"""Mounted at /reviews/<int:review>/feedback/: every view receives `review`."""

from django.urls import path

from citypeer.feedback import views

app_name = "feedback"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("headlines/", views.headlines, name="headlines"),
    path("headlines/summary/", views.headline_summary, name="headline-summary"),
    path("recommendations/", views.recommendations, name="recommendations"),
    path("recommendations/<int:pk>/", views.recommendation, name="recommendation"),
    path("report/", views.report, name="report"),
    path("report/compose/", views.compose, name="compose"),
    path("report/sections/<int:pk>/", views.section, name="section"),
    path("report/sections/<int:pk>/versions/", views.versions, name="versions"),
    path("report/approve/", views.approve, name="approve"),
    path("report/release/", views.release, name="release"),
    path("report/read/", views.read, name="read"),
    path("report/render/<str:fmt>/", views.start_render, name="render"),
    path("report/renderings/<int:pk>/", views.rendering, name="rendering"),
    path("report/renderings/<int:pk>/file/", views.rendering_file, name="rendering-file"),
    path("commitments/", views.commitments, name="commitments"),
]
