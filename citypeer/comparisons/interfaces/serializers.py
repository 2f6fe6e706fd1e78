"""The comparison document (`citypeer-comparison/1`, docs/open-data.md) as the API gives it:
the document `comparisons.domain.comparisons.comparison_data` builds for every interface,
here described field by field for the OpenAPI schema."""

from rest_framework import serializers

SCORE = {"min_value": 0, "max_value": 100, "allow_null": True}


def scores(help_text: str) -> serializers.DictField:
    return serializers.DictField(child=serializers.FloatField(**SCORE), help_text=help_text)


class ComparisonPartSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class ComparisonProgrammeSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class ComparisonBenchmarkSerializer(serializers.Serializer):
    slug = serializers.CharField()
    version = serializers.IntegerField()
    title = serializers.CharField()


class ComparedIndicatorSerializer(serializers.Serializer):
    code = serializers.CharField()
    pillar = serializers.CharField()
    value = serializers.CharField()
    text = serializers.CharField()


class ComparedCitySerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    country = serializers.CharField(help_text="ISO 3166-1 alpha-2")
    overall = serializers.FloatField(**SCORE)
    rank = serializers.IntegerField(allow_null=True, help_text="competition rank on overall")
    assessed = serializers.IntegerField()
    total = serializers.IntegerField()
    above_median_cells = serializers.IntegerField()
    below_median_cells = serializers.IntegerField()
    pillars = scores("pillar code -> score")
    values = scores("value code -> score")
    cells = scores("PILLAR/VALUE -> score")
    colours = serializers.DictField(
        child=serializers.CharField(),
        help_text="indicator code -> meets, inconclusive, falls_short or not_assessed")


class ComparisonMedianSerializer(serializers.Serializer):
    overall = serializers.FloatField(**SCORE)
    pillars = scores("pillar code -> median")
    values = scores("value code -> median")
    cells = scores("PILLAR/VALUE -> median")


class ComparisonDistributionSerializer(serializers.Serializer):
    indicator = serializers.CharField()
    meets = serializers.IntegerField()
    inconclusive = serializers.IntegerField()
    falls_short = serializers.IntegerField()
    not_assessed = serializers.IntegerField()
    mean = serializers.FloatField(**SCORE)


class PublishedPracticeSerializer(serializers.Serializer):
    city = serializers.CharField()
    title = serializers.CharField()
    year = serializers.IntegerField(allow_null=True)
    theme = serializers.CharField(allow_blank=True)
    description = serializers.CharField()
    indicators = serializers.ListField(child=serializers.CharField())


class ComparisonDocumentSerializer(serializers.Serializer):
    format = serializers.CharField(help_text="citypeer-comparison/1")
    programme = ComparisonProgrammeSerializer()
    benchmark = ComparisonBenchmarkSerializer()
    published_at = serializers.CharField(allow_null=True,
                                         help_text="ISO 8601; null: not published")
    method = serializers.CharField()
    pillars = ComparisonPartSerializer(many=True)
    values = ComparisonPartSerializer(many=True)
    cells = serializers.ListField(child=serializers.CharField())
    indicators = ComparedIndicatorSerializer(many=True)
    cities = ComparedCitySerializer(many=True)
    median = ComparisonMedianSerializer()
    distributions = ComparisonDistributionSerializer(many=True)
    practices = PublishedPracticeSerializer(many=True)
