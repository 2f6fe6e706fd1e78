"""/api/v1/ routes of this app (included by citypeer/api/urls.py): the peers' desk reviews
with the same permissions as the pages, and the compiled desk review the visit planner
reads; one module per page group.

    GET        reviews/<review>/desk-reviews/                     the desk reviews one may see
    GET, POST  reviews/<review>/desk-reviews/mine/                one's own (POST starts it)
    GET, PUT, PATCH reviews/<review>/desk-reviews/mine/judgements/<indicator code>/
    POST       reviews/<review>/desk-reviews/mine/submit/
    GET        reviews/<review>/desk-reviews/<peer id>/           one peer's desk review
    GET        reviews/<review>/desk-reviews/compiled/            the compiled desk review
"""

from django.urls import path

from citypeer.deskreviews.api import mine, team

urlpatterns = [
    path("reviews/<int:review>/desk-reviews/", team.DeskReviewList.as_view(),
         name="desk-review-list"),
    path("reviews/<int:review>/desk-reviews/mine/", mine.MyDeskReview.as_view(),
         name="desk-review-mine"),
    path("reviews/<int:review>/desk-reviews/mine/submit/", mine.MyDeskReviewSubmit.as_view(),
         name="desk-review-submit"),
    path("reviews/<int:review>/desk-reviews/mine/judgements/<path:indicator>/",
         mine.MyJudgement.as_view(), name="desk-judgement"),
    path("reviews/<int:review>/desk-reviews/compiled/", team.CompiledDeskReviewDetail.as_view(),
         name="desk-review-compiled"),
    path("reviews/<int:review>/desk-reviews/<int:peer>/", team.PeerDeskReview.as_view(),
         name="desk-review-peer"),
]
