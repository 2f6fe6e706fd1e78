from django.urls import path

from citypeer.teams import views

app_name = "teams"
urlpatterns = [
    path("", views.index, name="index"),
    path("programmes/<slug:slug>/", views.programme_teams, name="programme"),
    path("programmes/<slug:slug>/suggest/", views.programme_suggest, name="suggest"),
    path("programmes/<slug:slug>/accept/", views.programme_accept, name="accept"),
    path("programmes/<slug:slug>/training/", views.training_list, name="training"),
    path("reviews/<int:review>/", views.team_detail, name="team"),
    path("reviews/<int:review>/members/", views.team_add, name="team_add"),
    path("reviews/<int:review>/members/<int:person>/remove/", views.team_remove,
         name="team_remove"),
    path("reviews/<int:review>/leader/", views.team_leader, name="team_leader"),
    path("conflicts/", views.conflict_list, name="conflicts"),
    path("conflicts/<int:pk>/pin/", views.conflict_pin, name="conflict_pin"),
    path("conflicts/<int:pk>/unpin/", views.conflict_unpin, name="conflict_unpin"),
    path("conflicts/<int:pk>/remove/", views.conflict_remove, name="conflict_remove"),
    path("training/<int:pk>/", views.training_event, name="training_event"),
    path("training/<int:pk>/attendance/", views.training_attendance,
         name="training_attendance"),
    path("training/<int:pk>/materials/", views.training_material_add, name="material_add"),
    path("training/<int:pk>/leaders/", views.training_appoint, name="training_appoint"),
    path("materials/<int:pk>/", views.material_download, name="material"),
    path("materials/<int:pk>/remove/", views.material_remove, name="material_remove"),
]
