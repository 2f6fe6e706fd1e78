"""/api/v1/ routes of this app (included by citypeer/api/urls.py): the visit, its
interviewees and interviews, planning and exports, with the same permissions as the pages.

    GET, POST, PATCH  reviews/<review>/visit/                       the visit (POST creates it)
    GET, POST         reviews/<review>/visit/interviewees/          (team and coordinator)
    POST              reviews/<review>/visit/interviewees/draw/
    GET, PATCH        reviews/<review>/visit/interviewees/<id>/
    GET               reviews/<review>/visit/interviews/
    GET, PATCH        reviews/<review>/visit/interviews/<number>/   PATCH moves it
    POST              reviews/<review>/visit/interviews/<number>/swap|lock|unlock|cancel/
    POST              reviews/<review>/visit/solve/
    GET               reviews/<review>/visit/timetable/             the method's result format
    GET               reviews/<review>/visit/timetable.pdf
    GET               reviews/<review>/visit/calendar/ and calendar/<initials>/   iCalendar

Every change names the `edit_count` it started from (the visit's; an interviewee's own for
them): missing, it is a 400; older than the stored one, a 409 with both versions. Those who
may not know interviewees' identities (the host city) see references (`P-12`) only.
"""

from django.urls import path

from citypeer.visits.api import interviewees, interviews, visit

prefix = "reviews/<int:review>/visit/"
urlpatterns = [
    path(prefix, visit.VisitDetail.as_view(), name="visit"),
    path(f"{prefix}interviewees/", interviewees.IntervieweeList.as_view(),
         name="visit-interviewees"),
    path(f"{prefix}interviewees/draw/", interviewees.IntervieweeDraw.as_view(),
         name="visit-draw"),
    path(f"{prefix}interviewees/<int:pk>/", interviewees.IntervieweeDetail.as_view(),
         name="visit-interviewee"),
    path(f"{prefix}interviews/", interviews.InterviewList.as_view(), name="visit-interviews"),
    path(f"{prefix}interviews/<int:number>/", interviews.InterviewDetail.as_view(),
         name="visit-interview"),
    path(f"{prefix}interviews/<int:number>/swap/", interviews.InterviewSwap.as_view(),
         name="visit-interview-swap"),
    path(f"{prefix}interviews/<int:number>/lock/", interviews.InterviewLock.as_view(),
         name="visit-interview-lock"),
    path(f"{prefix}interviews/<int:number>/unlock/", interviews.InterviewUnlock.as_view(),
         name="visit-interview-unlock"),
    path(f"{prefix}interviews/<int:number>/cancel/", interviews.InterviewCancel.as_view(),
         name="visit-interview-cancel"),
    path(f"{prefix}solve/", visit.Solve.as_view(), name="visit-solve"),
    path(f"{prefix}timetable/", visit.StoredTimetable.as_view(), name="visit-timetable"),
    path(f"{prefix}timetable.pdf", visit.TimetablePDF.as_view(), name="visit-timetable-pdf"),
    path(f"{prefix}calendar/", visit.Calendar.as_view(), name="visit-calendar"),
    path(f"{prefix}calendar/<str:initials>/", visit.PeerCalendar.as_view(),
         name="visit-peer-calendar"),
]
