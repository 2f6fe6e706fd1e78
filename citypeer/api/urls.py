from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from citypeer.api import views

app_name = "api"
urlpatterns = [
    path("benchmarks/", views.BenchmarkList.as_view(), name="benchmark-list"),
    path("benchmarks/<slug:slug>/", views.BenchmarkNewest.as_view(), name="benchmark-newest"),
    path(
        "benchmarks/<slug:slug>/<int:version>/",
        views.BenchmarkDetail.as_view(),
        name="benchmark-detail",
    ),
    path("", include("citypeer.teams.api")),
    path("", include("citypeer.initialreports.api")),
    path("", include("citypeer.deskreviews.api")),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
]
