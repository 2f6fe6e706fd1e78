"""/api/v1/ routes of this app (included by citypeer/api/urls.py): the initial report of a
review, with the same permissions as its pages, one module per page group. Saves name the
edit count they started from and get 409 with both versions when someone else saved first
(`common.api`)."""

from django.urls import path

from citypeer.initialreports.api import background, documents, report, self_assessment

PREFIX = "reviews/<int:review>/initial-report/"
urlpatterns = [
    path(PREFIX, report.ReportDetail.as_view(), name="initialreport-detail"),
    path(f"{PREFIX}background/", background.BackgroundList.as_view(),
         name="initialreport-background"),
    path(f"{PREFIX}background/<int:kind>/", background.BackgroundDetail.as_view(),
         name="initialreport-background-section"),
    path(f"{PREFIX}self-assessments/", self_assessment.SelfAssessmentList.as_view(),
         name="initialreport-self-assessments"),
    path(f"{PREFIX}self-assessments/<int:indicator>/",
         self_assessment.SelfAssessmentDetail.as_view(), name="initialreport-self-assessment"),
    path(f"{PREFIX}people/", self_assessment.ResponsiblePeopleList.as_view(),
         name="initialreport-people"),
    path(f"{PREFIX}documents/", documents.DocumentList.as_view(),
         name="initialreport-documents"),
    path(f"{PREFIX}documents/<int:document>/file/", documents.DocumentFile.as_view(),
         name="initialreport-document-file"),
    path(f"{PREFIX}transitions/", report.TransitionList.as_view(),
         name="initialreport-transitions"),
]
