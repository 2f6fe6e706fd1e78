"""Mounted at /surveys/. The personal link, a city's response opened with it and the
published results need no account; everything else does."""

from django.urls import path

from citypeer.surveys.views import questions, register, responses, results, surveys

app_name = "surveys"
urlpatterns = [
    path("", surveys.index, name="index"),
    path("new/", surveys.new, name="new"),
    path("signatories/", register.register, name="register"),
    path("signatories/<slug:city>/", register.signatory, name="signatory"),
    path("link/<str:token>/", responses.link, name="link"),
    path("results/", results.public_index, name="public-index"),
    path("trends/", results.trends, name="trends"),
    path("trends/<str:dataset>.<str:fmt>", results.trends_download, name="trends-download"),
    path("trends/<str:code>/", results.trend, name="trend"),
    path("<int:year>/", surveys.detail, name="detail"),
    path("<int:year>/edit/", surveys.edit, name="edit"),
    path("<int:year>/state/", surveys.state, name="state"),
    path("<int:year>/publication/", surveys.publication, name="publication"),
    path("<int:year>/invitations/", surveys.invitations, name="invitations"),
    path("<int:year>/benchmarks/", surveys.benchmark, name="benchmark"),
    path("<int:year>/xlsform/", surveys.xlsform, name="xlsform"),
    path("<int:year>/xlsform/import/", surveys.xlsform_import, name="xlsform-import"),
    path("<int:year>/questions/new/", questions.new, name="question-new"),
    path("<int:year>/questions/<str:code>/", questions.edit, name="question"),
    path("<int:year>/questions/<str:code>/delete/", questions.delete, name="question-delete"),
    path("<int:year>/questions/<str:code>/move/", questions.move, name="question-move"),
    path("<int:year>/responses/<slug:city>/", responses.response, name="response"),
    path("<int:year>/responses/<slug:city>/reopen/", responses.reopen, name="reopen"),
    path("<int:year>/results/", results.results, name="results"),
    path("<int:year>/results/cities/<slug:city>/", results.city, name="city"),
    path("<int:year>/results/<str:dataset>.<str:fmt>", results.download, name="download"),
]
