"""What the survey's API views share: the tag, the documented 4xx answers, lookups."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiResponse

from citypeer.common.api import BAD_INPUT, EDIT_CONFLICT, REFUSED

TAG = ["Charter survey"]
NOT_FOUND = OpenApiResponse(description="no such survey, city, question or link")
FORBIDDEN = OpenApiResponse(description="your role does not allow this")
UNPUBLISHED = OpenApiResponse(description="not published (without an account: not found)")
PROBLEMS = OpenApiResponse(description="problems of the input, each named: `detail` and "
                                       "`problems` (question by question, or sheet, row and "
                                       "column)")
READ = {403: FORBIDDEN, 404: NOT_FOUND}
WRITE = {400: BAD_INPUT, 403: FORBIDDEN, 404: NOT_FOUND, 409: REFUSED}
EDIT = {400: BAD_INPUT, 403: FORBIDDEN, 404: NOT_FOUND, 409: EDIT_CONFLICT}
