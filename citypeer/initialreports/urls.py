"""Mounted at /reviews/<int:review>/initial-report/: every view receives `review`."""

from django.urls import path

from citypeer.initialreports.views import (
    background,
    documents,
    report,
    self_assessment,
    states,
    workbook,
)

app_name = "initialreports"
urlpatterns = [
    path("", report.overview, name="overview"),
    path("background/", background.background, name="background"),
    path("self-assessment/", self_assessment.self_assessment, name="self_assessment"),
    path("self-assessment/<int:indicator>/", self_assessment.entry, name="entry"),
    path("documents/", documents.documents, name="documents"),
    path("documents/<int:document>/", documents.document_download, name="document"),
    path("documents/<int:document>/delete/", documents.document_delete,
         name="document_delete"),
    path("submit/", states.submit, name="submit"),
    path("resubmit/", states.resubmit, name="resubmit"),
    path("return/", states.return_for_clarification, name="return"),
    path("template.xlsx", workbook.template, name="template"),
    path("import/", workbook.import_workbook, name="import"),
]
