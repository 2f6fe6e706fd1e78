"""/api/v1/ routes of step 7 (included by citypeer/api/urls.py), with the same permissions
as the pages: the team writes, the coordinator overrides, the host city reads the report
and answers it only once it is released. A change names the edit count it started from
(`edit_count`): missing, a 400; stale, a 409 with both versions.

    GET, POST  reviews/<review>/headlines/                    headline findings (POST adds)
    POST       reviews/<review>/headlines/<id>/votes/          agree or object
    GET, POST  reviews/<review>/recommendations/               (POST adds; 400 with problems)
    PUT        reviews/<review>/recommendations/<id>/          change
    GET, POST  reviews/<review>/report/                        the report (POST composes it)
    PUT        reviews/<review>/report/sections/<id>/          save a section
    GET        reviews/<review>/report/sections/<id>/versions/ every saved version
    POST       reviews/<review>/report/approve/ | release/
    POST       reviews/<review>/report/renderings/             make a PDF/DOCX/HTML (202)
    GET        reviews/<review>/report/renderings/<id>/        its state; …/file/ the file
    PUT        reviews/<review>/recommendations/<id>/commitment/  the city's response
    GET        programmes/<slug>/follow-up/                    commitments across a programme
"""

from django.urls import path

from citypeer.feedback.api.commitments import CommitmentDetail, FollowUp
from citypeer.feedback.api.headlines import Headlines, HeadlineVotes
from citypeer.feedback.api.recommendations import RecommendationDetail, Recommendations
from citypeer.feedback.api.renderings import RenderingDetail, RenderingFile, Renderings
from citypeer.feedback.api.report import (
    Approve,
    Release,
    ReportView,
    SectionDetail,
    SectionVersions,
)

urlpatterns = [
    path("reviews/<int:review>/headlines/", Headlines.as_view(), name="feedback-headlines"),
    path("reviews/<int:review>/headlines/<int:pk>/votes/", HeadlineVotes.as_view(),
         name="feedback-headline-votes"),
    path("reviews/<int:review>/recommendations/", Recommendations.as_view(),
         name="feedback-recommendations"),
    path("reviews/<int:review>/recommendations/<int:pk>/", RecommendationDetail.as_view(),
         name="feedback-recommendation"),
    path("reviews/<int:review>/recommendations/<int:pk>/commitment/",
         CommitmentDetail.as_view(), name="feedback-commitment"),
    path("reviews/<int:review>/report/", ReportView.as_view(), name="feedback-report"),
    path("reviews/<int:review>/report/sections/<int:pk>/", SectionDetail.as_view(),
         name="feedback-section"),
    path("reviews/<int:review>/report/sections/<int:pk>/versions/", SectionVersions.as_view(),
         name="feedback-section-versions"),
    path("reviews/<int:review>/report/approve/", Approve.as_view(), name="feedback-approve"),
    path("reviews/<int:review>/report/release/", Release.as_view(), name="feedback-release"),
    path("reviews/<int:review>/report/renderings/", Renderings.as_view(),
         name="feedback-renderings"),
    path("reviews/<int:review>/report/renderings/<int:pk>/", RenderingDetail.as_view(),
         name="feedback-rendering"),
    path("reviews/<int:review>/report/renderings/<int:pk>/file/", RenderingFile.as_view(),
         name="feedback-rendering-file"),
    path("programmes/<slug:slug>/follow-up/", FollowUp.as_view(), name="feedback-follow-up"),
]
