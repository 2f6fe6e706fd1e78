"""/api/v1/ routes of this app (included by citypeer/api/urls.py), with the pages'
permissions.

    GET practices/?q=&indicator=&pillar=&key_factor=&city=   search the catalogue
    GET practices/<id>/                                       one practice
    GET reviews/<review>/practice-suggestions/                where the city falls short
"""

from django.urls import path
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics

from citypeer.common.api import FORBIDDEN, NOT_FOUND
from citypeer.common.lookup import get_review
from citypeer.practices.domain.queries import search_practices, visible_practices
from citypeer.practices.domain.suggestions import suggestions_for_review
from citypeer.practices.interfaces.serializers import PracticeSerializer, SuggestionSerializer

SEARCH = [OpenApiParameter(name, str, description=text) for name, text in [
    ("q", "words in title, theme, description or city"), ("indicator", "code, e.g. GG/A/6"),
    ("pillar", "GG, IE, AC or WP"), ("key_factor", "KF code or words of its title"),
    ("city", "city name")]]


class PracticeList(generics.ListAPIView):
    serializer_class = PracticeSerializer

    @extend_schema(parameters=SEARCH)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        p = self.request.query_params
        return search_practices(visible_practices(self.request.user), text=p.get("q", ""),
                                indicator=p.get("indicator", ""), pillar=p.get("pillar", ""),
                                key_factor=p.get("key_factor", ""), city=p.get("city", ""))


@extend_schema_view(get=extend_schema(responses={200: PracticeSerializer, 404: NOT_FOUND}))
class PracticeDetail(generics.RetrieveAPIView):
    serializer_class = PracticeSerializer

    def get_queryset(self):
        return visible_practices(self.request.user)


@extend_schema_view(get=extend_schema(responses={200: SuggestionSerializer(many=True),
                                                 403: FORBIDDEN, 404: NOT_FOUND}))
class Suggestions(generics.ListAPIView):
    """Where the review's city falls short, practices of cities that meet the indicator."""

    serializer_class = SuggestionSerializer
    pagination_class = None

    def get_queryset(self):
        review = get_review(self.kwargs["review"], user=self.request.user,
                            permission="practices.view_suggestions")
        return suggestions_for_review(review=review, user=self.request.user)


urlpatterns = [
    path("practices/", PracticeList.as_view(), name="practice-list"),
    path("practices/<int:pk>/", PracticeDetail.as_view(), name="practice-detail"),
    path("reviews/<int:review>/practice-suggestions/", Suggestions.as_view(),
         name="practice-suggestions"),
]
