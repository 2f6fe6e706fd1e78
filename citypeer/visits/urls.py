"""Mounted at /reviews/<int:review>/visit/: every view receives `review`."""

from django.urls import path

from citypeer.visits.views import exports, interviewees, timetable

app_name = "visits"
urlpatterns = [
    path("", timetable.timetable, name="timetable"),
    path("create/", timetable.create, name="create"),
    path("solve/", timetable.solve, name="solve"),
    path("interviews/<int:number>/move/", timetable.move, name="move"),
    path("interviews/<int:number>/swap/", timetable.swap, name="swap"),
    path("interviews/<int:number>/lock/", timetable.lock, name="lock"),
    path("interviews/<int:number>/unlock/", timetable.unlock, name="unlock"),
    path("interviews/<int:number>/cancel/", timetable.cancel, name="cancel"),
    path("interviews/<int:number>/brief/", exports.brief, name="brief"),
    path("briefs/", exports.briefs, name="briefs"),
    path("interviewees/", interviewees.interviewees, name="interviewees"),
    path("interviewees/draw/", interviewees.draw, name="draw"),
    path("interviewees/<int:pk>/", interviewees.interviewee, name="interviewee"),
    path("export/print/", exports.print_timetable, name="print"),
    path("export/timetable.pdf", exports.pdf_timetable, name="pdf"),
    path("export/timetable.json", exports.json_timetable, name="json"),
    path("export/team.ics", exports.calendar, name="calendar"),
    path("export/peers/<str:initials>.ics", exports.calendar, name="peer-calendar"),
]
