"""/api/v1/ routes of this app (included by citypeer/api/urls.py): teams and their members,
suggested teams (`teams`), conflicts of interest (`conflicts`), training sessions
(`training`). The same domain functions and permissions as the pages; a refusal is a 400
whose `detail` says which rule applies (the shared exception handler answers it). Objects a
person may not see are 404; actions they may not take on what they see, 403."""

from django.urls import path

from citypeer.teams.api import conflicts, teams, training

urlpatterns = [
    path("teams/", teams.TeamList.as_view(), name="team-list"),
    path("teams/<int:review>/", teams.TeamDetail.as_view(), name="team-detail"),
    path("teams/<int:review>/members/", teams.TeamMembers.as_view(), name="team-members"),
    path("teams/<int:review>/members/<str:username>/", teams.TeamMemberDetail.as_view(),
         name="team-member"),
    path("teams/<int:review>/leader/", teams.TeamLeader.as_view(), name="team-leader"),
    path("programmes/<slug:slug>/team-suggestion/", teams.SuggestTeams.as_view(),
         name="team-suggestion"),
    path("programmes/<slug:slug>/team-suggestion/accept/", teams.AcceptSuggestedTeams.as_view(),
         name="team-suggestion-accept"),
    path("programmes/<slug:slug>/training-events/", training.TrainingEventList.as_view(),
         name="training-event-list"),
    path("training-events/<int:pk>/", training.TrainingEventDetail.as_view(),
         name="training-event-detail"),
    path("training-events/<int:pk>/attendance/", training.RecordAttendance.as_view(),
         name="training-attendance"),
    path("training-events/<int:pk>/materials/", training.TrainingMaterials.as_view(),
         name="training-materials"),
    path("training-events/<int:pk>/leaders/", training.TrainingLeaders.as_view(),
         name="training-leaders"),
    path("conflicts/", conflicts.ConflictList.as_view(), name="conflict-list"),
    path("conflicts/<int:pk>/", conflicts.ConflictDetail.as_view(), name="conflict-detail"),
]
