"""/api/v1/programmes/ and /api/v1/reviews/: programmes, their phases, reviews and steps.

DRF generics, with the serializers of `citypeer.api.serializers`, the lookups of
`citypeer.common.lookup` and the permissions of `programmes/rules.py`. A review one may not
see is answered 404, as if it did not exist; an action one's role does not allow, 403."""

from django.http import Http404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from citypeer.api.serializers import (
    ProgrammeCreateSerializer,
    ProgrammeSerializer,
    ReviewSerializer,
    StepSerializer,
)
from citypeer.common.api import BAD_INPUT, FORBIDDEN, NOT_FOUND
from citypeer.common.lookup import get_programme, get_review, get_row, require
from citypeer.programmes.domain.programmes import ProgrammeError, create_programme, update_step
from citypeer.programmes.domain.queries.programmes import (
    programmes_for_dashboard,
    programmes_with_phases,
    reviews_visible_to,
    reviews_with_steps,
)
from citypeer.programmes.models import ReviewStep


class ProgrammeList(generics.ListCreateAPIView):
    """Programmes; the coordinator creates one (its reviews and their steps come with it)."""

    serializer_class = ProgrammeSerializer
    queryset = programmes_with_phases()

    @extend_schema(request=ProgrammeCreateSerializer,
                   responses={201: ProgrammeSerializer, 400: BAD_INPUT, 403: FORBIDDEN})
    def post(self, request):
        require(request.user, "programmes.change_programme")
        data = ProgrammeCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            programme = create_programme(**data.validated_data)
        except ProgrammeError as exc:
            raise ValidationError({exc.field: [exc.message]}) from exc
        return Response(ProgrammeSerializer(programme).data, status=status.HTTP_201_CREATED)


@extend_schema_view(get=extend_schema(responses={200: ProgrammeSerializer, 404: NOT_FOUND}))
class ProgrammeDetail(generics.RetrieveAPIView):
    serializer_class = ProgrammeSerializer

    def get_object(self):
        return get_programme(self.kwargs["slug"], queryset=programmes_for_dashboard())


class ReviewList(generics.ListAPIView):
    """The reviews you may see: all for the coordinator; your team's; your own city's."""

    serializer_class = ReviewSerializer

    def get_queryset(self):
        return reviews_visible_to(
            self.request.user, reviews_with_steps().filter(programme__slug=self.kwargs["slug"]))


def visible_review(user, review_id):
    """The review, or 404 when there is none or `user` may not see it."""
    review = get_review(review_id, queryset=reviews_with_steps())
    if not user.has_perm("programmes.view_review", review):
        raise Http404
    return review


@extend_schema_view(get=extend_schema(responses={200: ReviewSerializer, 404: NOT_FOUND}))
class ReviewDetail(generics.RetrieveAPIView):
    serializer_class = ReviewSerializer

    def get_object(self):
        return visible_review(self.request.user, self.kwargs["pk"])


@extend_schema_view(
    get=extend_schema(responses={200: StepSerializer, 404: NOT_FOUND}),
    patch=extend_schema(responses={200: StepSerializer, 400: BAD_INPUT, 403: FORBIDDEN,
                                   404: NOT_FOUND}),
)
class StepDetail(generics.RetrieveUpdateAPIView):
    """One step of a review (by the step's id, as the dashboard's links give it); the
    coordinator changes its status, due date and responsible person."""

    serializer_class = StepSerializer
    http_method_names = ["get", "patch", "head", "options"]

    def get_object(self):
        review = visible_review(self.request.user, self.kwargs["review"])
        step = get_row(ReviewStep.objects.filter(review=review), self.kwargs["pk"])
        step.review = review
        return step

    def perform_update(self, serializer):
        step = serializer.instance
        require(self.request.user, "programmes.change_review", step.review)
        v = serializer.validated_data
        update_step(step=step, status=v.get("status", step.status),
                    due_on=v.get("due_on", step.due_on),
                    responsible=v.get("responsible", step.responsible))
