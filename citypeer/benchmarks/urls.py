from django.urls import path

from citypeer.benchmarks import views

app_name = "benchmarks"
urlpatterns = [
    path("", views.benchmark_index, name="index"),
    path("import/", views.benchmark_import, name="import"),
    path("<slug:slug>/", views.benchmark_detail, name="detail"),
    path("<slug:slug>/v<int:version>/", views.benchmark_detail, name="version"),
]
