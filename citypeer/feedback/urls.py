"""Mounted at /reviews/<int:review>/feedback/: every view receives `review`."""

from django.urls import path

from citypeer.feedback.views import (
    commitments,
    headlines,
    overview,
    recommendations,
    renderings,
    report,
)

app_name = "feedback"
urlpatterns = [
    path("", overview.overview, name="overview"),
    path("headlines/", headlines.headlines, name="headlines"),
    path("headlines/summary/", headlines.headline_summary, name="headline-summary"),
    path("recommendations/", recommendations.recommendations, name="recommendations"),
    path("recommendations/<int:pk>/", recommendations.recommendation, name="recommendation"),
    path("report/", report.report, name="report"),
    path("report/compose/", report.compose, name="compose"),
    path("report/sections/<int:pk>/", report.section, name="section"),
    path("report/sections/<int:pk>/versions/", report.versions, name="versions"),
    path("report/approve/", report.approve, name="approve"),
    path("report/release/", report.release, name="release"),
    path("report/read/", renderings.read, name="read"),
    path("report/render/<str:fmt>/", renderings.start_render, name="render"),
    path("report/renderings/<int:pk>/", renderings.rendering, name="rendering"),
    path("report/renderings/<int:pk>/file/", renderings.rendering_file, name="rendering-file"),
    path("commitments/", commitments.commitments, name="commitments"),
]
