"""/api/v1/programmes/ and /api/v1/reviews/: programmes, their phases, reviews and steps."""

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response

from citypeer.benchmarks.models import Benchmark
from citypeer.network.models import City
from citypeer.people.models import User
from citypeer.programmes.domain.programmes import (
    PhaseDates,
    ProgrammeError,
    create_programme,
    update_step,
)
from citypeer.programmes.domain.queries.programmes import programme_dashboard
from citypeer.programmes.models import Programme, ProgrammePhase, Review, ReviewStep


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


class ProgrammeList(generics.ListCreateAPIView):
    """Programmes; the coordinator creates one (its reviews and their steps come with it)."""

    serializer_class = ProgrammeSerializer
    queryset = Programme.objects.select_related("benchmark").prefetch_related("cities", "phases")

    @extend_schema(request=ProgrammeCreateSerializer, responses={201: ProgrammeSerializer})
    def post(self, request):
        if not request.user.has_perm("programmes.change_programme"):
            raise PermissionDenied
        data = ProgrammeCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        benchmark = Benchmark.objects.filter(slug=v["benchmark"],
                                             version=v["benchmark_version"]).first()
        if benchmark is None:
            raise ValidationError({"benchmark": ["no such benchmark version"]})
        try:
            programme = create_programme(
                name=v["name"], slug=v.get("slug"), benchmark=benchmark, cities=v["cities"],
                host_cities=v["host_cities"], peer_pool=v.get("peer_pool", []),
                team_size=v["team_size"], max_reviews_per_peer=v["max_reviews_per_peer"],
                phases=[PhaseDates(p["kind"], p.get("starts_on"), p.get("ends_on"))
                        for p in v.get("phases", [])],
            )
        except ProgrammeError as exc:
            raise ValidationError({exc.field: [str(exc)]}) from exc
        return Response(ProgrammeSerializer(programme).data, status=status.HTTP_201_CREATED)


class ProgrammeDetail(generics.RetrieveAPIView):
    serializer_class = ProgrammeSerializer

    def get_object(self):
        try:
            return programme_dashboard(self.kwargs["slug"])
        except Programme.DoesNotExist:
            raise Http404 from None


class ReviewList(generics.ListAPIView):
    """The reviews you may see: all for the coordinator; your team's; your own city's."""

    serializer_class = ReviewSerializer

    def get_queryset(self):
        reviews = (
            Review.objects.filter(programme__slug=self.kwargs["slug"])
            .select_related("city", "programme")
            .prefetch_related("steps__responsible")
        )
        return [r for r in reviews if self.request.user.has_perm("programmes.view_review", r)]


class ReviewDetail(generics.RetrieveAPIView):
    serializer_class = ReviewSerializer

    def get_object(self):
        review = (
            Review.objects.select_related("city", "programme")
            .prefetch_related("steps__responsible")
            .filter(pk=self.kwargs["pk"]).first()
        )
        if review is None or not self.request.user.has_perm("programmes.view_review", review):
            raise Http404
        return review


class StepDetail(generics.RetrieveUpdateAPIView):
    serializer_class = StepSerializer
    http_method_names = ["get", "patch", "head", "options"]

    def get_object(self):
        step = ReviewStep.objects.select_related("review").filter(
            pk=self.kwargs["pk"], review_id=self.kwargs["review"]).first()
        if step is None or not self.request.user.has_perm("programmes.view_review", step.review):
            raise Http404
        return step

    def perform_update(self, serializer):
        step = serializer.instance
        if not self.request.user.has_perm("programmes.change_review", step.review):
            raise PermissionDenied
        v = serializer.validated_data
        update_step(step=step, status=v.get("status", step.status),
                    due_on=v.get("due_on", step.due_on),
                    responsible=v.get("responsible", step.responsible))
