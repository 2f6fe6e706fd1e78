from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from rules.contrib.views import permission_required

from citypeer.benchmarks.domain.library import BenchmarkExists, BenchmarkInUse, import_benchmark
from citypeer.benchmarks.domain.queries.benchmarks import (
    benchmark_in_full,
    benchmark_version,
    benchmarks_with_counts,
    other_versions,
)
from citypeer.benchmarks.interfaces import pages
from citypeer.benchmarks.interfaces.forms import BenchmarkImportForm
from citypeer.core.benchmark import BenchmarkDocumentError
from citypeer.core.benchmark.validation import document_from_text


@login_required
def benchmark_index(request):
    versions: dict[str, list] = {}
    for b in benchmarks_with_counts():
        versions.setdefault(b.slug, []).append(b)
    # newest version first within each slug, thanks to the queryset's ordering
    return render(request, "benchmarks/index.html", {"benchmark_versions": list(versions.values())})


@login_required
def benchmark_detail(request, slug, version=None):
    found = benchmark_version(slug=slug, version=version)
    if found is None:
        raise Http404(_("No such benchmark."))
    benchmark = benchmark_in_full(found.pk)
    return render(request, "benchmarks/detail.html", {
        "benchmark": benchmark,
        **pages.matrix_context(benchmark),
        "key_factors": list(benchmark.key_factors.all()),
        "context_factors": list(benchmark.context_factors.all()),
        "other_versions": other_versions(benchmark),
    })


@permission_required("benchmarks.import_benchmark", raise_exception=True)
def benchmark_import(request):
    form = BenchmarkImportForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        upload = request.FILES["file"]
        try:
            document = document_from_text(form.cleaned_data["file"], source_name=upload.name)
            benchmark = import_benchmark(
                document=document, replace=form.cleaned_data["replace"], imported_by=request.user
            )
        except BenchmarkDocumentError as exc:
            problems = exc.problems
        except (BenchmarkExists, BenchmarkInUse) as exc:
            form.add_error("file", str(exc))
        else:
            messages.success(
                request,
                _("Imported %(slug)s version %(version)s.")
                % {"slug": benchmark.slug, "version": benchmark.version},
            )
            return redirect("benchmarks:version", slug=benchmark.slug, version=benchmark.version)
    return render(request, "benchmarks/import.html", {"form": form, "problems": problems})
