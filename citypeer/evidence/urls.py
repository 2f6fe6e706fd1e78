"""Mounted at /reviews/<int:review>/evidence/: every view receives `review`."""

from django.urls import path

from citypeer.evidence import views

app_name = "evidence"
urlpatterns = [
    path("", views.bank, name="bank"),
    path("record/", views.record, name="record"),
    path("items/<int:pk>/", views.item, name="item"),
    path("items/<int:pk>/delete/", views.item_delete, name="item-delete"),
    path("export/<str:fmt>/", views.export, name="export"),
    path("assessment/", views.assessment, name="assessment"),
    path("assessment/<path:code>/", views.indicator, name="indicator"),
    path("findings/", views.findings, name="findings"),
    path("findings/<int:pk>/", views.findings, name="finding"),
    path("practices/", views.practices, name="practices"),
    path("practices/<int:pk>/", views.practices, name="practice"),
    path("audit/", views.audit, name="audit"),
    path("audit/restore/<str:kind>/<int:pk>/", views.restore, name="restore"),
]
