from django.urls import path

from citypeer.teams.views import conflicts, programmes, teams, training

app_name = "teams"
urlpatterns = [
    path("", programmes.index, name="index"),
    path("programmes/<slug:slug>/", programmes.programme_teams, name="programme"),
    path("programmes/<slug:slug>/suggest/", programmes.programme_suggest, name="suggest"),
    path("programmes/<slug:slug>/accept/", programmes.programme_accept, name="accept"),
    path("programmes/<slug:slug>/training/", training.training_list, name="training"),
    path("reviews/<int:review>/", teams.team_detail, name="team"),
    path("reviews/<int:review>/members/", teams.team_add, name="team_add"),
    path("reviews/<int:review>/members/<int:person>/remove/", teams.team_remove,
         name="team_remove"),
    path("reviews/<int:review>/leader/", teams.team_leader, name="team_leader"),
    path("conflicts/", conflicts.conflict_list, name="conflicts"),
    path("conflicts/<int:pk>/pin/", conflicts.conflict_pin, name="conflict_pin"),
    path("conflicts/<int:pk>/unpin/", conflicts.conflict_unpin, name="conflict_unpin"),
    path("conflicts/<int:pk>/remove/", conflicts.conflict_remove, name="conflict_remove"),
    path("training/<int:pk>/", training.training_event, name="training_event"),
    path("training/<int:pk>/attendance/", training.training_attendance,
         name="training_attendance"),
    path("training/<int:pk>/materials/", training.training_material_add, name="material_add"),
    path("training/<int:pk>/leaders/", training.training_appoint, name="training_appoint"),
    path("materials/<int:pk>/", training.material_download, name="material"),
    path("materials/<int:pk>/remove/", training.material_remove, name="material_remove"),
]
