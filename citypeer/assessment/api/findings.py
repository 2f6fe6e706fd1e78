"""Strengths, weaknesses and good practices of a review through the API: both are rows of the
review that the team lists, adds, changes and deletes the same way."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from citypeer.assessment.domain.findings import (
    delete_finding,
    delete_good_practice,
    restore_good_practice,
    save_finding,
    save_good_practice,
)
from citypeer.assessment.domain.queries import findings_in_full, good_practices_of
from citypeer.assessment.interfaces.serializers import (
    EDIT_COUNT_PARAMETER,
    FindingSerializer,
    GoodPracticeSerializer,
)
from citypeer.common.api import BAD_INPUT, EDIT_CONFLICT, REFUSED, edit_count_from
from citypeer.common.lookup import get_review, get_row

SEES, WRITES = "assessment.view_assessment", "assessment.change_assessment"


class ReviewRows(APIView):
    """What the views of findings and of good practices share: `rows` (the review's, in
    full), the serializer, and the domain's `save` and `delete_row`."""

    serializer_class = None  # and in each subclass: rows(review), save(row=None, **fields),
    # delete_row(row, **kwargs)

    def answer(self, review, pk, *, status_code=status.HTTP_200_OK) -> Response:
        return Response(self.serializer_class(get_row(self.rows(review), pk)).data,
                        status=status_code)

    def fields(self, request) -> dict:
        """The validated fields without the edit count, which `edit_count_from` reads."""
        serializer = self.serializer_class(data=request.data)
        serializer.is_valid(raise_exception=True)
        return {k: v for k, v in serializer.validated_data.items()
                if k != "edit_count"}


class RowList(ReviewRows):
    def get(self, request, review):
        review = get_review(review, user=request.user, permission=SEES)
        return Response(self.serializer_class(self.rows(review), many=True).data)

    def post(self, request, review):
        review = get_review(review, user=request.user, permission=WRITES)
        row = self.save(review=review, by=request.user, **self.fields(request))
        return self.answer(review, row.pk, status_code=status.HTTP_201_CREATED)


class RowDetail(ReviewRows):
    def get(self, request, review, pk):
        review = get_review(review, user=request.user, permission=SEES)
        return self.answer(review, pk)

    def put(self, request, review, pk):
        review = get_review(review, user=request.user, permission=WRITES)
        found = get_row(self.rows(review), pk)
        edit_count = edit_count_from(request)
        self.save(found, review=review, by=request.user, edit_count=edit_count,
                  **self.fields(request))
        return self.answer(review, pk)

    def delete(self, request, review, pk):
        review = get_review(review, user=request.user, permission=WRITES)
        self.delete_row(get_row(self.rows(review), pk), by=request.user,
                        edit_count=edit_count_from(request))
        return Response(status=status.HTTP_204_NO_CONTENT)


class Findings:
    serializer_class = FindingSerializer
    rows = staticmethod(findings_in_full)

    @staticmethod
    def save(finding=None, **kwargs):
        return save_finding(finding=finding, **kwargs)

    @staticmethod
    def delete_row(finding, **kwargs):
        return delete_finding(finding=finding, **kwargs)


class GoodPractices:
    serializer_class = GoodPracticeSerializer
    rows = staticmethod(good_practices_of)

    @staticmethod
    def save(practice=None, **kwargs):
        return save_good_practice(practice=practice, **kwargs)

    @staticmethod
    def delete_row(practice, **kwargs):
        return delete_good_practice(practice=practice, **kwargs)


def _list_schemas(serializer, *, listed: str, created: str) -> dict:
    return {"get": extend_schema(responses=serializer(many=True), operation_id=listed),
            "post": extend_schema(request=serializer,
                                  responses={201: serializer, 400: BAD_INPUT},
                                  operation_id=created)}


def _detail_schemas(serializer, *, shown: str, changed: str, deleted: str) -> dict:
    return {
        "get": extend_schema(responses=serializer, operation_id=shown),
        "put": extend_schema(request=serializer,
                             responses={200: serializer, 400: BAD_INPUT, 409: EDIT_CONFLICT},
                             operation_id=changed),
        "delete": extend_schema(parameters=[EDIT_COUNT_PARAMETER],
                                responses={204: None, 400: BAD_INPUT, 409: EDIT_CONFLICT},
                                operation_id=deleted),
    }


@extend_schema_view(**_list_schemas(FindingSerializer, listed="findings_list",
                                    created="finding_create"))
class FindingList(Findings, RowList):
    pass


@extend_schema_view(**_detail_schemas(FindingSerializer, shown="finding_get",
                                      changed="finding_put", deleted="finding_delete"))
class FindingDetail(Findings, RowDetail):
    pass


@extend_schema_view(**_list_schemas(GoodPracticeSerializer, listed="review_good_practices_list",
                                    created="review_good_practice_create"))
class GoodPracticeList(GoodPractices, RowList):
    pass


@extend_schema_view(**_detail_schemas(GoodPracticeSerializer, shown="review_good_practice_get",
                                      changed="review_good_practice_put",
                                      deleted="review_good_practice_delete"))
class GoodPracticeDetail(GoodPractices, RowDetail):
    pass


class GoodPracticeRestore(APIView):
    @extend_schema(request=None, responses={201: GoodPracticeSerializer, 409: REFUSED},
                   operation_id="review_good_practice_restore")
    def post(self, request, review, pk):
        """Bring a deleted good practice back as it last was (coordinator)."""
        review = get_review(review, user=request.user, permission="assessment.restore_deleted")
        practice = restore_good_practice(review=review, practice_id=pk, by=request.user)
        return Response(GoodPracticeSerializer(practice).data, status=status.HTTP_201_CREATED)
