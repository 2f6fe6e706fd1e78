"""/api/v1/ routes of this app (included by citypeer/api/urls.py): the evidence bank, the
assessment, strengths and weaknesses, good practices and exports of a review, with the same
permissions as the pages. A change or a deletion names the edit count it started from
(`edit_count`): missing, a 400; stale, a 409 with both versions (`common.api`).

    GET, POST         reviews/<review>/evidence/                (GET searches: q and filters)
    GET, PUT, DELETE  reviews/<review>/evidence/<id>/
    POST              reviews/<review>/evidence/<id>/restore/   (coordinator)
    GET               reviews/<review>/evidence/export/<xlsx|csv|qdpx|qdc>/
    GET               reviews/<review>/assessments/
    GET, PUT          reviews/<review>/assessments/<indicator code>/
    GET, POST         reviews/<review>/findings/
    GET, PUT, DELETE  reviews/<review>/findings/<id>/
    GET, POST         reviews/<review>/good-practices/
    GET, PUT, DELETE  reviews/<review>/good-practices/<id>/
    POST              reviews/<review>/good-practices/<id>/restore/   (coordinator)
"""

from django.urls import path

from citypeer.assessment.api.assessments import AssessmentDetail, AssessmentList
from citypeer.assessment.api.evidence import (
    EvidenceDetail,
    EvidenceExport,
    EvidenceList,
    EvidenceRestore,
)
from citypeer.assessment.api.findings import (
    FindingDetail,
    FindingList,
    GoodPracticeDetail,
    GoodPracticeList,
    GoodPracticeRestore,
)

urlpatterns = [
    path("reviews/<int:review>/evidence/", EvidenceList.as_view(), name="evidence-list"),
    path("reviews/<int:review>/evidence/export/<str:fmt>/", EvidenceExport.as_view(),
         name="evidence-export"),
    path("reviews/<int:review>/evidence/<int:pk>/", EvidenceDetail.as_view(),
         name="evidence-detail"),
    path("reviews/<int:review>/evidence/<int:pk>/restore/", EvidenceRestore.as_view(),
         name="evidence-restore"),
    path("reviews/<int:review>/assessments/", AssessmentList.as_view(),
         name="assessment-list"),
    path("reviews/<int:review>/assessments/<path:indicator>/", AssessmentDetail.as_view(),
         name="assessment-detail"),
    path("reviews/<int:review>/findings/", FindingList.as_view(), name="finding-list"),
    path("reviews/<int:review>/findings/<int:pk>/", FindingDetail.as_view(),
         name="finding-detail"),
    path("reviews/<int:review>/good-practices/", GoodPracticeList.as_view(),
         name="review-good-practice-list"),
    path("reviews/<int:review>/good-practices/<int:pk>/", GoodPracticeDetail.as_view(),
         name="review-good-practice-detail"),
    path("reviews/<int:review>/good-practices/<int:pk>/restore/",
         GoodPracticeRestore.as_view(), name="review-good-practice-restore"),
]
