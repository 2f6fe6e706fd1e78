"""/api/v1/benchmarks/: the benchmark library, read-only. A benchmark version is given as a
document, in the form `citypeer benchmark export` writes (`docs/benchmark-format.md`)."""

from django.http import Http404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics

from citypeer.api.serializers import BenchmarkDocumentSerializer, BenchmarkSummarySerializer
from citypeer.benchmarks.domain.library import benchmark_document
from citypeer.benchmarks.domain.queries.benchmarks import benchmark_version, benchmarks_with_counts
from citypeer.common.api import NOT_FOUND
from citypeer.common.lookup import require
from citypeer.core.benchmark import document_to_dict


class BenchmarkList(generics.ListAPIView):
    """Every benchmark version in the library, newest version first within each slug."""

    serializer_class = BenchmarkSummarySerializer
    queryset = benchmarks_with_counts()


@extend_schema_view(get=extend_schema(
    responses={200: BenchmarkDocumentSerializer, 404: NOT_FOUND},
    operation_id="benchmark_version"))
class BenchmarkDetail(generics.RetrieveAPIView):
    """One benchmark version as a document, in the form `citypeer benchmark export` writes."""

    serializer_class = BenchmarkDocumentSerializer

    def get_object(self):
        benchmark = benchmark_version(slug=self.kwargs["slug"],
                                      version=self.kwargs.get("version"))
        if benchmark is None:
            raise Http404
        require(self.request.user, "benchmarks.view_benchmark", benchmark)
        return document_to_dict(benchmark_document(benchmark))


@extend_schema_view(get=extend_schema(
    responses={200: BenchmarkDocumentSerializer, 404: NOT_FOUND},
    operation_id="benchmark_newest"))
class BenchmarkNewest(BenchmarkDetail):
    """The newest version of a benchmark as a document."""
