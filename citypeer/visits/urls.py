"""Mounted at /reviews/<int:review>/visit/: every view receives `review`."""

from django.urls import path

from citypeer.visits import views

app_name = "visits"
urlpatterns = [
    path("", views.timetable, name="timetable"),
    path("create/", views.create, name="create"),
    path("solve/", views.solve, name="solve"),
    path("interviews/<int:number>/move/", views.move, name="move"),
    path("interviews/<int:number>/swap/", views.swap, name="swap"),
    path("interviews/<int:number>/lock/", views.lock, name="lock"),
    path("interviews/<int:number>/unlock/", views.unlock, name="unlock"),
    path("interviews/<int:number>/cancel/", views.cancel, name="cancel"),
    path("interviews/<int:number>/brief/", views.brief, name="brief"),
    path("briefs/", views.briefs, name="briefs"),
    path("interviewees/", views.interviewees, name="interviewees"),
    path("interviewees/draw/", views.draw, name="draw"),
    path("interviewees/<int:pk>/", views.interviewee, name="interviewee"),
    path("export/print/", views.print_timetable, name="print"),
    path("export/timetable.pdf", views.pdf_timetable, name="pdf"),
    path("export/timetable.json", views.json_timetable, name="json"),
    path("export/team.ics", views.calendar, name="calendar"),
    path("export/peers/<str:initials>.ics", views.calendar, name="peer-calendar"),
]
