from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.response import Response
from rest_framework.views import APIView

from citypeer.api.serializers import BenchmarkDocumentSerializer, BenchmarkSummarySerializer
from citypeer.benchmarks.domain.library import benchmark_document
from citypeer.benchmarks.domain.queries.benchmarks import benchmark_version, benchmarks_with_counts
from citypeer.core.benchmark import document_to_dict


class BenchmarkList(generics.ListAPIView):
    """Every benchmark version in the library, newest version first within each slug."""

    serializer_class = BenchmarkSummarySerializer
    queryset = benchmarks_with_counts()


class BenchmarkDetail(APIView):
    """One benchmark version as a document, in the form `citypeer benchmark export` writes."""

    @extend_schema(responses=BenchmarkDocumentSerializer, operation_id="benchmark_version")
    def get(self, request, slug, version=None):
        benchmark = benchmark_version(slug=slug, version=version)
        if benchmark is None or not request.user.has_perm("benchmarks.view_benchmark", benchmark):
            raise Http404
        return Response(document_to_dict(benchmark_document(benchmark)))


class BenchmarkNewest(BenchmarkDetail):
    """The newest version of a benchmark as a document."""

    @extend_schema(responses=BenchmarkDocumentSerializer, operation_id="benchmark_newest")
    def get(self, request, slug):
        return super().get(request, slug)
