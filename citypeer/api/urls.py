from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from citypeer.api import programmes, views

app_name = "api"
urlpatterns = [
    path("benchmarks/", views.BenchmarkList.as_view(), name="benchmark-list"),
    path("benchmarks/<slug:slug>/", views.BenchmarkNewest.as_view(), name="benchmark-newest"),
    path(
        "benchmarks/<slug:slug>/<int:version>/",
        views.BenchmarkDetail.as_view(),
        name="benchmark-detail",
    ),
    path("programmes/", programmes.ProgrammeList.as_view(), name="programme-list"),
    path("programmes/<slug:slug>/", programmes.ProgrammeDetail.as_view(),
         name="programme-detail"),
    path("programmes/<slug:slug>/reviews/", programmes.ReviewList.as_view(), name="review-list"),
    path("reviews/<int:pk>/", programmes.ReviewDetail.as_view(), name="review-detail"),
    path("reviews/<int:review>/steps/<int:pk>/", programmes.StepDetail.as_view(),
         name="review-step"),
    path("", include("citypeer.teams.api")),
    path("", include("citypeer.initialreports.api")),
    path("", include("citypeer.deskreviews.api")),
    path("", include("citypeer.visits.api")),
    path("", include("citypeer.assessment.api")),
    path("", include("citypeer.practices.api")),
    path("", include("citypeer.comparisons.api")),
    path("", include("citypeer.revisions.api")),
    path("", include("citypeer.feedback.api")),
    path("", include("citypeer.surveys.api")),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
]
