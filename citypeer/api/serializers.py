from rest_framework import serializers

from citypeer.benchmarks.models import Benchmark


class BenchmarkSummarySerializer(serializers.ModelSerializer):
    indicator_count = serializers.IntegerField(read_only=True)
    key_factor_count = serializers.IntegerField(read_only=True)
    context_factor_count = serializers.IntegerField(read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = Benchmark
        fields = ["slug", "version", "title", "kind", "language", "indicator_count",
                  "key_factor_count", "context_factor_count", "imported_at", "url"]

    def get_url(self, obj) -> str:
        request = self.context.get("request")
        path = f"/api/v1/benchmarks/{obj.slug}/{obj.version}/"
        return request.build_absolute_uri(path) if request else path


class IndicatorSerializer(serializers.Serializer):
    code = serializers.CharField()
    text = serializers.CharField()


class CellSerializer(serializers.Serializer):
    value = serializers.CharField(help_text="code of the transversal value")
    indicators = IndicatorSerializer(many=True)


class PillarSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    standard = serializers.CharField(required=False)
    values = CellSerializer(many=True)


class ValueSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class CityExampleSerializer(serializers.Serializer):
    city = serializers.CharField()
    year = serializers.IntegerField(required=False)
    text = serializers.CharField()


class KeyFactorSerializer(serializers.Serializer):
    code = serializers.CharField()
    title = serializers.CharField()
    standard = serializers.CharField()
    explanation = serializers.CharField(required=False)
    guide_questions = serializers.ListField(child=serializers.CharField())
    examples = CityExampleSerializer(many=True, required=False)


class ContextFactorSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    examples = serializers.CharField()


class BenchmarkDocumentSerializer(serializers.Serializer):
    """The benchmark document: the same shape `citypeer benchmark export` writes."""

    slug = serializers.CharField()
    version = serializers.IntegerField()
    title = serializers.CharField()
    kind = serializers.ChoiceField(choices=Benchmark.Kind.choices)
    language = serializers.CharField()
    source = serializers.CharField(required=False)
    description = serializers.CharField(required=False)
    standard = serializers.CharField(required=False)
    values = ValueSerializer(many=True, required=False)
    pillars = PillarSerializer(many=True, required=False)
    key_factors = KeyFactorSerializer(many=True, required=False)
    context_factors = ContextFactorSerializer(many=True, required=False)

