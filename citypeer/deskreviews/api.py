"""/api/v1/ routes of this app (included by citypeer/api/urls.py): the peers' desk reviews
with the same permissions as the pages, and the compiled desk review the visit planner
reads.

    GET        reviews/<review>/desk-reviews/                     the desk reviews one may see
    GET, POST  reviews/<review>/desk-reviews/mine/                one's own (POST starts it)
    GET, PUT, PATCH reviews/<review>/desk-reviews/mine/judgements/<indicator code>/
    POST       reviews/<review>/desk-reviews/mine/submit/
    GET        reviews/<review>/desk-reviews/<peer id>/           one peer's desk review
    GET        reviews/<review>/desk-reviews/compiled/            the compiled desk review
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.urls import path
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from citypeer.benchmarks.models import Indicator
from citypeer.deskreviews.domain.compiled import compiled_desk_review, compiled_to_dict
from citypeer.deskreviews.domain.desk_reviews import (
    DeskReviewSubmitted,
    JudgementConflict,
    judgement_data,
    save_judgement,
    start_desk_review,
    submit_desk_review,
)
from citypeer.deskreviews.domain.queries import (
    desk_review_of,
    desk_reviews_with_progress,
    indicators_of,
    judgements_in_full,
    review_for_desk_review,
)
from citypeer.deskreviews.models import DeskJudgement, DeskReview

PERFORMANCE_CHOICES = [("", "not judged yet"), *DeskJudgement.Performance.choices]


# --- serializers (they also describe the OpenAPI schema) ---------------------------------

class PersonSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    initials = serializers.CharField(allow_blank=True)


class NewPersonSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    role = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    organisation = serializers.CharField(max_length=200, required=False, allow_blank=True,
                                         default="")


def _texts(help_text):
    return serializers.ListField(
        child=serializers.CharField(allow_blank=True, trim_whitespace=False),
        required=False, default=list, help_text=help_text,
    )


class JudgementSerializer(serializers.Serializer):
    """A peer's judgement of one indicator. `revision` is the one the change starts from (0
    for a first save); a stale revision is answered with 409 and both versions."""

    indicator = serializers.CharField(read_only=True, help_text="indicator code, e.g. AC/A/3")
    performance = serializers.ChoiceField(choices=PERFORMANCE_CHOICES, required=False,
                                          allow_blank=True, default="")
    known = _texts("we know")
    unknown = _texts("we don't know")
    suspected = _texts("we suspect")
    questions = _texts("we would like to ask")
    to_meet = serializers.ListField(
        child=serializers.IntegerField(), required=False, default=list,
        help_text="ids of people the initial report names (responsible people)",
    )
    to_meet_new = NewPersonSerializer(many=True, required=False, default=list,
                                      help_text="people to meet who are not in the report")
    revision = serializers.IntegerField(min_value=0)
    updated_at = serializers.DateTimeField(read_only=True, allow_null=True)


class DeskReviewSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    review = serializers.IntegerField()
    peer = PersonSerializer()
    submitted_at = serializers.DateTimeField(allow_null=True)
    judged = serializers.IntegerField(help_text="indicators with a performance")
    total = serializers.IntegerField(help_text="indicators in the benchmark")


class DeskReviewSerializer(DeskReviewSummarySerializer):
    judgements = JudgementSerializer(many=True)


class ConflictSerializer(serializers.Serializer):
    detail = serializers.CharField()
    current = JudgementSerializer()
    yours = JudgementSerializer()


class DetailSerializer(serializers.Serializer):
    detail = serializers.CharField()


class AgreementSerializer(serializers.Serializer):
    alpha = serializers.FloatField(allow_null=True,
                                   help_text="Krippendorff's alpha, ordinal; null if undefined")
    pairable = serializers.IntegerField(help_text="judgements alpha rests on")
    undefined_because = serializers.ChoiceField(
        choices=["too_few_judgements", "no_variation"], allow_null=True,
    )


class CompiledPillarSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    indicators = serializers.ListField(child=serializers.CharField())
    agreement = AgreementSerializer()
    max_spread = serializers.IntegerField(allow_null=True)


class CompiledJudgementSerializer(serializers.Serializer):
    peer = serializers.IntegerField()
    performance = serializers.ChoiceField(choices=DeskJudgement.Performance.choices,
                                          allow_null=True)
    known = serializers.ListField(child=serializers.CharField())
    unknown = serializers.ListField(child=serializers.CharField())
    suspected = serializers.ListField(child=serializers.CharField())
    questions = serializers.ListField(child=serializers.CharField())
    to_meet = serializers.ListField(child=serializers.CharField(), help_text="person keys")


class MergedQuestionSerializer(serializers.Serializer):
    text = serializers.CharField()
    asked_by = serializers.ListField(child=serializers.IntegerField(), help_text="peer ids")


class PersonToMeetSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="person:<responsible person id>, or new:<name>|<org>")
    name = serializers.CharField()
    role = serializers.CharField(allow_blank=True)
    organisation = serializers.CharField(allow_blank=True)
    responsible_person_id = serializers.IntegerField(allow_null=True)
    count = serializers.IntegerField(help_text="how many peers asked to meet this person")
    asked_by = serializers.ListField(child=serializers.IntegerField(), help_text="peer ids")


class CompiledIndicatorSerializer(serializers.Serializer):
    code = serializers.CharField()
    pillar = serializers.CharField()
    text = serializers.CharField()
    status = serializers.ChoiceField(choices=["agrees", "split", "needs_information"])
    judged = serializers.IntegerField()
    spread = serializers.IntegerField(allow_null=True)
    judgements = CompiledJudgementSerializer(many=True)
    questions = MergedQuestionSerializer(many=True)
    to_meet = PersonToMeetSerializer(many=True)


class BenchmarkRefSerializer(serializers.Serializer):
    slug = serializers.CharField()
    version = serializers.IntegerField()


class CompiledDeskReviewSerializer(serializers.Serializer):
    """Submitted desk reviews side by side. Status: needs_information when a peer needs
    more information or nobody judged; else agrees when all who judged gave the same
    performance; else split."""

    review = serializers.IntegerField()
    city = serializers.CharField()
    programme = serializers.CharField()
    benchmark = BenchmarkRefSerializer()
    peers = PersonSerializer(many=True, help_text="whose submitted desk reviews are compiled")
    pending = PersonSerializer(many=True, help_text="team peers who have not submitted")
    agreement = AgreementSerializer()
    pillars = CompiledPillarSerializer(many=True)
    indicators = CompiledIndicatorSerializer(many=True)


# --- helpers -----------------------------------------------------------------------------

def _review(review_id):
    review = review_for_desk_review(review_id)
    if review is None:
        raise Http404
    return review


def _require(user, permission, obj):
    if not user.has_perm(permission, obj):
        raise PermissionDenied


def _person(user) -> dict:
    return {"id": user.pk, "name": str(user), "initials": user.initials}


def _summary(desk_review, total) -> dict:
    return {"id": desk_review.pk, "review": desk_review.review_id,
            "peer": _person(desk_review.peer), "submitted_at": desk_review.submitted_at,
            "judged": desk_review.judged, "total": total}


def _full(desk_review, review) -> dict:
    indicators = list(indicators_of(review))
    judgements = list(judgements_in_full().filter(desk_review=desk_review))
    desk_review.judged = sum(1 for j in judgements if j.performance)
    return {**_summary(desk_review, len(indicators)),
            "judgements": [judgement_data(j) for j in judgements]}


def _own(request, review):
    _require(request.user, "deskreviews.write_desk_review", review)
    desk_review = desk_review_of(review=review, peer=request.user)
    if desk_review is None:
        raise Http404
    desk_review.review = review
    return desk_review


# --- views -------------------------------------------------------------------------------

class DeskReviewList(APIView):
    """The review's desk reviews that you may see, with each one's progress."""

    @extend_schema(responses=DeskReviewSummarySerializer(many=True),
                   operation_id="desk_reviews_list")
    def get(self, request, review):
        review = _review(review)
        _require(request.user, "deskreviews.view_desk_reviews", review)
        total = indicators_of(review).count()
        out = []
        for desk_review in desk_reviews_with_progress(review):
            desk_review.review = review
            if request.user.has_perm("deskreviews.view_desk_review", desk_review):
                out.append(_summary(desk_review, total))
        return Response(out)


class MyDeskReview(APIView):
    """Your own desk review of a review, with every judgement you have saved."""

    @extend_schema(responses={200: DeskReviewSerializer}, operation_id="desk_review_mine")
    def get(self, request, review):
        review = _review(review)
        return Response(_full(_own(request, review), review))

    @extend_schema(request=None, responses={200: DeskReviewSerializer, 201: DeskReviewSerializer},
                   operation_id="desk_review_start")
    def post(self, request, review):
        """Start your desk review (or get it, if it is started)."""
        review = _review(review)
        _require(request.user, "deskreviews.write_desk_review", review)
        existed = desk_review_of(review=review, peer=request.user) is not None
        desk_review = start_desk_review(review=review, peer=request.user)
        desk_review.review = review
        return Response(_full(desk_review, review),
                        status=status.HTTP_200_OK if existed else status.HTTP_201_CREATED)


class MyDeskReviewSubmit(APIView):
    """Submit your desk review: it is locked and you see the other peers' desk reviews."""

    @extend_schema(request=None, responses={200: DeskReviewSerializer, 409: DetailSerializer},
                   operation_id="desk_review_submit")
    def post(self, request, review):
        review = _review(review)
        desk_review = _own(request, review)
        _require(request.user, "deskreviews.change_desk_review", desk_review)
        try:
            submit_desk_review(desk_review=desk_review, by=request.user)
        except DeskReviewSubmitted as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        return Response(_full(desk_review, review))


class MyJudgement(APIView):
    """Your judgement of one indicator (by its code, e.g. AC/A/3)."""

    def _target(self, request, review_id, code):
        review = _review(review_id)
        desk_review = _own(request, review)
        indicator = (Indicator.objects.filter(benchmark_id=review.programme.benchmark_id,
                                              code=code).first())
        if indicator is None:
            raise Http404
        judgement = judgements_in_full().filter(desk_review=desk_review,
                                                indicator=indicator).first()
        return review, desk_review, indicator, judgement

    @extend_schema(responses=JudgementSerializer, operation_id="desk_judgement_get")
    def get(self, request, review, indicator):
        _, _, indicator, judgement = self._target(request, review, indicator)
        return Response(judgement_data(judgement, indicator=indicator))

    @extend_schema(request=JudgementSerializer,
                   responses={200: JudgementSerializer, 400: OpenApiResponse(
                       description="the fields that are wrong, each with its messages"),
                       409: ConflictSerializer},
                   operation_id="desk_judgement_put")
    def put(self, request, review, indicator):
        """Replace the judgement; fields left out are empty."""
        return self._save(request, review, indicator, partial=False)

    @extend_schema(request=JudgementSerializer,
                   responses={200: JudgementSerializer, 400: OpenApiResponse(
                       description="the fields that are wrong, each with its messages"),
                       409: ConflictSerializer},
                   operation_id="desk_judgement_patch")
    def patch(self, request, review, indicator):
        """Change some fields of the judgement; `revision` is required."""
        return self._save(request, review, indicator, partial=True)

    def _save(self, request, review_id, code, *, partial):
        review, desk_review, indicator, judgement = self._target(request, review_id, code)
        _require(request.user, "deskreviews.change_desk_review", desk_review)
        serializer = JudgementSerializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        if partial:
            current = judgement_data(judgement, indicator=indicator)
            data = {name: data.get(name, current[name]) for name in (
                "performance", "known", "unknown", "suspected", "questions", "to_meet",
                "to_meet_new", "revision")}
        data["to_meet_new"] = [dict(p) for p in data.get("to_meet_new", [])]
        try:
            saved = save_judgement(desk_review=desk_review, indicator=indicator,
                                   by=request.user, **data)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.message_dict) from exc
        except JudgementConflict as exc:
            return Response({"detail": str(exc), "current": exc.current, "yours": exc.attempted},
                            status=status.HTTP_409_CONFLICT)
        except DeskReviewSubmitted as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        return Response(judgement_data(saved))


class PeerDeskReview(APIView):
    """One peer's desk review: the coordinator sees drafts; a peer sees the others'
    submitted desk reviews once their own is submitted."""

    @extend_schema(responses=DeskReviewSerializer, operation_id="desk_review_of_peer")
    def get(self, request, review, peer):
        review = _review(review)
        desk_review = (DeskReview.objects.select_related("peer")
                       .filter(review=review, peer_id=peer).first())
        if desk_review is None:
            _require(request.user, "deskreviews.view_desk_reviews", review)
            raise Http404
        desk_review.review = review
        _require(request.user, "deskreviews.view_desk_review", desk_review)
        return Response(_full(desk_review, review))


class CompiledDeskReview(APIView):
    """The compiled desk review: per indicator every peer's judgement side by side, the
    team status, the merged questions and people to meet with counts; per pillar
    Krippendorff's alpha and the largest spread. This is what the visit planner reads."""

    @extend_schema(responses=CompiledDeskReviewSerializer, operation_id="desk_review_compiled")
    def get(self, request, review):
        review = _review(review)
        _require(request.user, "deskreviews.view_compiled_desk_review", review)
        return Response(compiled_to_dict(compiled_desk_review(review=review)))


urlpatterns = [
    path("reviews/<int:review>/desk-reviews/", DeskReviewList.as_view(),
         name="desk-review-list"),
    path("reviews/<int:review>/desk-reviews/mine/", MyDeskReview.as_view(),
         name="desk-review-mine"),
    path("reviews/<int:review>/desk-reviews/mine/submit/", MyDeskReviewSubmit.as_view(),
         name="desk-review-submit"),
    path("reviews/<int:review>/desk-reviews/mine/judgements/<path:indicator>/",
         MyJudgement.as_view(), name="desk-judgement"),
    path("reviews/<int:review>/desk-reviews/compiled/", CompiledDeskReview.as_view(),
         name="desk-review-compiled"),
    path("reviews/<int:review>/desk-reviews/<int:peer>/", PeerDeskReview.as_view(),
         name="desk-review-peer"),
]
