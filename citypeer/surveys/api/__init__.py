"""/api/v1/ routes of the Charter survey (included by citypeer/api/urls.py).

    GET, POST        surveys/                                 list; make a year's survey
    GET, PATCH       surveys/<year>/                          one survey with its questions
    POST             surveys/<year>/questions/                add a question (draft)
    PUT, DELETE      surveys/<year>/questions/<code>/         change or remove it (draft)
    POST             surveys/<year>/state/                    open, close, open again
    POST             surveys/<year>/publication/              publish or withdraw results
    POST             surveys/<year>/invitations/              send the personal links
    GET              surveys/<year>/progress/                 who has answered
    GET, POST        surveys/<year>/xlsform/                  export; import (multipart)
    GET, PUT         surveys/<year>/responses/<city>/         a city's answers; save a draft
    POST             surveys/<year>/responses/<city>/submission/   submit
    GET, PUT         survey-links/<token>/                    the same with the personal link
    POST             survey-links/<token>/submission/
    GET              surveys/<year>/results/                  results (published, or coordinator)
    GET              surveys/<year>/results/<csv|xlsx|json>/  as open data
    GET              surveys/trends/                          trends over the years
    GET, POST        signatories/                             the register (coordinator)
    GET, PATCH       signatories/<city>/
"""

from django.urls import path

from citypeer.surveys.api import responses, results, signatories, surveys

urlpatterns = [
    path("surveys/", surveys.SurveyList.as_view(), name="survey-list"),
    path("surveys/trends/", results.TrendsDetail.as_view(), name="survey-trends"),
    path("surveys/<int:year>/", surveys.SurveyDetail.as_view(), name="survey-detail"),
    path("surveys/<int:year>/questions/", surveys.QuestionList.as_view(),
         name="survey-questions"),
    path("surveys/<int:year>/questions/<str:code>/", surveys.QuestionDetail.as_view(),
         name="survey-question"),
    path("surveys/<int:year>/state/", surveys.SurveyState.as_view(), name="survey-state"),
    path("surveys/<int:year>/publication/", surveys.SurveyPublication.as_view(),
         name="survey-publication"),
    path("surveys/<int:year>/invitations/", surveys.SurveyInvitations.as_view(),
         name="survey-invitations"),
    path("surveys/<int:year>/progress/", surveys.SurveyProgress.as_view(), name="survey-progress"),
    path("surveys/<int:year>/xlsform/", surveys.SurveyXLSForm.as_view(), name="survey-xlsform"),
    path("surveys/<int:year>/responses/<slug:city>/", responses.ResponseDetail.as_view(),
         name="survey-response"),
    path("surveys/<int:year>/responses/<slug:city>/submission/",
         responses.ResponseSubmission.as_view(), name="survey-submission"),
    path("survey-links/<str:token>/", responses.LinkResponse.as_view(), name="survey-link"),
    path("survey-links/<str:token>/submission/", responses.LinkSubmission.as_view(),
         name="survey-link-submission"),
    path("surveys/<int:year>/results/", results.ResultsDetail.as_view(), name="survey-results"),
    path("surveys/<int:year>/results/<str:fmt>/", results.ResultsFile.as_view(),
         name="survey-results-file"),
    path("signatories/", signatories.SignatoryList.as_view(), name="signatory-list"),
    path("signatories/<slug:city>/", signatories.SignatoryDetail.as_view(),
         name="signatory-detail"),
]
