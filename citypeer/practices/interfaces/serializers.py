"""What the catalogue's API gives: a good practice, and the practices suggested for an
indicator a reviewed city falls short of."""

from rest_framework import serializers

from citypeer.practices.models import GoodPractice


class PracticeSerializer(serializers.ModelSerializer):
    city = serializers.SerializerMethodField()
    indicators = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    key_factors = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = GoodPractice
        fields = ["id", "origin", "city", "year", "title", "theme", "description",
                  "indicators", "key_factors", "transferable", "source"]

    def get_city(self, practice) -> str:
        return practice.city.name if practice.city else practice.city_name


class SuggestionSerializer(serializers.Serializer):
    indicator = serializers.CharField(source="indicator.code")
    from_cities = PracticeSerializer(many=True)
    from_publications = PracticeSerializer(many=True)
