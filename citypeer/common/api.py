"""What every app's API shares: one exception handler, so that an edit conflict is a 409
with both versions, a refusal a 4xx with its reason, and bad input a 400 naming the fields,
wherever they are raised; the serializers that document these answers in the OpenAPI
schema; and reading the edit count a write started from."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from citypeer.common.editing import EditConflict
from citypeer.common.refusals import Refused

EDIT_COUNT = "edit_count"


class ComparedFieldSerializer(serializers.Serializer):
    name = serializers.CharField()
    label = serializers.CharField()
    saved = serializers.JSONField(allow_null=True)
    yours = serializers.JSONField(allow_null=True)


class StaleEditSerializer(serializers.Serializer):
    what = serializers.CharField()
    started_from = serializers.IntegerField(allow_null=True)
    edit_count = serializers.IntegerField(help_text="the edit count stored now")
    saved_by = serializers.CharField(allow_blank=True)
    saved_at = serializers.DateTimeField(allow_null=True)
    deleted = serializers.BooleanField()
    fields = ComparedFieldSerializer(many=True)


class EditConflictSerializer(serializers.Serializer):
    detail = serializers.CharField()
    edits = StaleEditSerializer(many=True)


class RefusalSerializer(serializers.Serializer):
    detail = serializers.CharField()
    problems = serializers.ListField(child=serializers.CharField(), required=False)


EDIT_CONFLICT = OpenApiResponse(
    EditConflictSerializer,
    description="someone saved after the edit count you started from: nothing was written; "
                "both versions are given")
REFUSED = OpenApiResponse(RefusalSerializer, description="a rule of the method says no")
BAD_INPUT = OpenApiResponse(description="the fields that are wrong, each with its messages")
FORBIDDEN = OpenApiResponse(description="your role does not allow this")
NOT_FOUND = OpenApiResponse(description="no such object, or none you may see")


def edit_count_from(request, *, required: bool = True) -> int | None:
    """The edit count a write started from, from the body or the query string: a 400
    naming the field when it is missing or not a whole number."""
    value = request.data.get(EDIT_COUNT) if hasattr(request.data, "get") else None
    if value is None:
        value = request.query_params.get(EDIT_COUNT)
    if value is None and not required:
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise serializers.ValidationError({EDIT_COUNT: [
            _("Give the edit count of the version you started from (a whole number).")]}
        ) from None
    if number < 0:
        raise serializers.ValidationError({EDIT_COUNT: [_("The edit count is never negative.")]})
    return number


def exception_handler(exc, context):
    if isinstance(exc, EditConflict):
        return Response(exc.as_dict(), status=status.HTTP_409_CONFLICT)
    if isinstance(exc, Refused):
        body = {"detail": exc.message}
        if exc.problems:
            body["problems"] = exc.problems
        return Response(body, status=exc.status_code)
    if isinstance(exc, DjangoValidationError):
        if hasattr(exc, "error_dict"):
            return Response(exc.message_dict, status=status.HTTP_400_BAD_REQUEST)
        return Response({"detail": exc.messages}, status=status.HTTP_400_BAD_REQUEST)
    return drf_exception_handler(exc, context)
