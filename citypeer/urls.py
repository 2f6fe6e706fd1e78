from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import include, path

from citypeer.benchmarks.domain.queries.benchmarks import latest_versions
from citypeer.programmes.models import Programme


@login_required
def home(request):
    return render(request, "home.html", {
        "benchmarks": latest_versions(),
        "programmes": Programme.objects.select_related("benchmark").order_by("name"),
    })


urlpatterns = [
    path("", home, name="home"),
    path("accounts/", include("citypeer.people.urls")),
    path("benchmarks/", include("citypeer.benchmarks.urls")),
    path("programmes/", include("citypeer.programmes.urls")),
    path("follow-up/", include("citypeer.feedback.followup_urls")),
    path("teams/", include("citypeer.teams.urls")),
    path("reviews/<int:review>/initial-report/", include("citypeer.initialreports.urls")),
    path("reviews/<int:review>/desk-review/", include("citypeer.deskreviews.urls")),
    path("reviews/<int:review>/visit/", include("citypeer.visits.urls")),
    path("reviews/<int:review>/assessment/", include("citypeer.assessment.urls")),
    path("reviews/<int:review>/evidence/", include("citypeer.assessment.moved_urls")),
    path("reviews/<int:review>/feedback/", include("citypeer.feedback.urls")),
    path("practices/", include("citypeer.practices.urls")),
    path("comparisons/", include("citypeer.comparisons.urls")),
    path("revisions/", include("citypeer.revisions.urls")),
    path("surveys/", include("citypeer.surveys.urls")),
    path("api/v1/", include("citypeer.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

handler403 = "citypeer.common.pages.permission_denied"
