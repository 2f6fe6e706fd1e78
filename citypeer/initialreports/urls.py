"""Mounted at /reviews/<int:review>/initial-report/: every view receives `review`."""

from django.urls import path

from citypeer.initialreports import views

app_name = "initialreports"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("background/", views.background, name="background"),
    path("self-assessment/", views.self_assessment, name="self_assessment"),
    path("self-assessment/<int:indicator>/", views.entry, name="entry"),
    path("documents/", views.documents, name="documents"),
    path("documents/<int:document>/", views.document_download, name="document"),
    path("documents/<int:document>/delete/", views.document_delete, name="document_delete"),
    path("submit/", views.submit, name="submit"),
    path("resubmit/", views.resubmit, name="resubmit"),
    path("return/", views.return_for_clarification, name="return"),
    path("template.xlsx", views.template, name="template"),
    path("import/", views.import_workbook, name="import"),
]
