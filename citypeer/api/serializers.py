"""The serializers of /api/v1/'s own routes: the benchmark library (a benchmark version as a
document, the same shape `citypeer benchmark export` writes) and programmes with their phases,
reviews and steps. Every other app keeps its serializers in its `interfaces/serializers.py`."""

from rest_framework import serializers

from citypeer.benchmarks.models import Benchmark
from citypeer.network.models import City
from citypeer.people.models import User
from citypeer.programmes.domain.programmes import PhaseDates
from citypeer.programmes.models import Programme, ProgrammePhase, Review, ReviewStep


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


# --- programmes ----------------------------------------------------------------------------

class PhaseSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProgrammePhase
        fields = ["kind", "starts_on", "ends_on"]


class StepSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="get_step_display", read_only=True)
    responsible = serializers.SlugRelatedField(
        slug_field="username", queryset=User.objects.all(), allow_null=True, required=False
    )

    class Meta:
        model = ReviewStep
        fields = ["id", "step", "name", "status", "due_on", "responsible"]
        read_only_fields = ["id", "step", "name"]


class ReviewSerializer(serializers.ModelSerializer):
    city = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    programme = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    steps = StepSerializer(many=True, read_only=True)

    class Meta:
        model = Review
        fields = ["id", "programme", "city", "steps"]


class ProgrammeSerializer(serializers.ModelSerializer):
    benchmark = serializers.SerializerMethodField()
    cities = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    phases = PhaseSerializer(many=True, read_only=True)

    class Meta:
        model = Programme
        fields = ["slug", "name", "description", "benchmark", "cities", "team_size",
                  "max_reviews_per_peer", "min_corroborating_interviews", "phases"]

    def get_benchmark(self, obj) -> dict:
        return {"slug": obj.benchmark.slug, "version": obj.benchmark.version}


class ProgrammeCreateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    slug = serializers.SlugField(max_length=80, required=False)
    benchmark = serializers.CharField(help_text="slug of the benchmark")
    benchmark_version = serializers.IntegerField(min_value=1)
    cities = serializers.SlugRelatedField(slug_field="slug", many=True,
                                          queryset=City.objects.all())
    host_cities = serializers.SlugRelatedField(slug_field="slug", many=True,
                                               queryset=City.objects.all())
    peer_pool = serializers.SlugRelatedField(slug_field="username", many=True, required=False,
                                             queryset=User.objects.all())
    team_size = serializers.IntegerField(min_value=1, max_value=12, default=4)
    max_reviews_per_peer = serializers.IntegerField(min_value=1, max_value=10, default=2)
    phases = PhaseSerializer(many=True, required=False)

    def validate(self, attrs):
        """The benchmark version named by slug and number, and the phases as dates: what
        `programmes.domain.programmes.create_programme` takes."""
        benchmark = Benchmark.objects.filter(slug=attrs["benchmark"],
                                             version=attrs.pop("benchmark_version")).first()
        if benchmark is None:
            raise serializers.ValidationError({"benchmark": ["no such benchmark version"]})
        return {**attrs, "benchmark": benchmark,
                "phases": [PhaseDates(p["kind"], p.get("starts_on"), p.get("ends_on"))
                           for p in attrs.get("phases", [])]}
