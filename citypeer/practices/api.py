"""/api/v1/ routes of this app (included by citypeer/api/urls.py), with the pages'
permissions.

    GET practices/?q=&indicator=&pillar=&key_factor=&city=   search the catalogue
    GET practices/<id>/                                       one practice
    GET reviews/<review>/practice-suggestions/                where the city falls short
"""

from django.http import Http404
from django.urls import path
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from citypeer.practices.domain.queries import search_practices, visible_practices
from citypeer.practices.domain.suggestions import suggestions_for_review
from citypeer.practices.models import GoodPractice
from citypeer.programmes.models import Review


class PracticeSerializer(serializers.ModelSerializer):
    city = serializers.SerializerMethodField()
    indicators = serializers.SerializerMethodField()
    key_factors = serializers.SerializerMethodField()

    class Meta:
        model = GoodPractice
        fields = ["id", "origin", "city", "year", "title", "theme", "description",
                  "indicators", "key_factors", "transferable", "source"]

    def get_city(self, practice) -> str:
        return practice.city.name if practice.city else practice.city_name

    def get_indicators(self, practice) -> list[str]:
        return [i.code for i in practice.indicators.all()]

    def get_key_factors(self, practice) -> list[str]:
        return [k.code for k in practice.key_factors.all()]


class SuggestionSerializer(serializers.Serializer):
    indicator = serializers.CharField(source="indicator.code")
    from_cities = PracticeSerializer(many=True)
    from_publications = PracticeSerializer(many=True)


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


class PracticeDetail(generics.RetrieveAPIView):
    serializer_class = PracticeSerializer

    def get_queryset(self):
        return visible_practices(self.request.user)


class Suggestions(APIView):
    @extend_schema(responses=SuggestionSerializer(many=True))
    def get(self, request, review):
        review = (Review.objects.select_related("programme__benchmark", "city")
                  .filter(pk=review).first())
        if review is None:
            raise Http404
        if not request.user.has_perm("practices.view_suggestions", review):
            raise PermissionDenied
        suggestions = suggestions_for_review(review=review, user=request.user)
        return Response(SuggestionSerializer(suggestions, many=True).data)


urlpatterns = [
    path("practices/", PracticeList.as_view(), name="practice-list"),
    path("practices/<int:pk>/", PracticeDetail.as_view(), name="practice-detail"),
    path("reviews/<int:review>/practice-suggestions/", Suggestions.as_view(),
         name="practice-suggestions"),
]
