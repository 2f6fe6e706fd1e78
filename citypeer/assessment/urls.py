"""Mounted at /reviews/<int:review>/assessment/ (step 6, making an assessment): every view
receives `review`. The evidence bank lives under evidence/, the team's colours per indicator
at the top."""

from django.urls import path

from citypeer.assessment import views

app_name = "assessment"
urlpatterns = [
    path("", views.assessment, name="assessment"),
    path("indicators/<path:code>/", views.indicator, name="indicator"),
    path("evidence/", views.bank, name="bank"),
    path("evidence/record/", views.record, name="record"),
    path("evidence/items/<int:pk>/", views.item, name="item"),
    path("evidence/items/<int:pk>/delete/", views.item_delete, name="item-delete"),
    path("evidence/export/<str:fmt>/", views.export, name="export"),
    path("findings/", views.findings, name="findings"),
    path("findings/<int:pk>/", views.findings, name="finding"),
    path("practices/", views.practices, name="practices"),
    path("practices/<int:pk>/", views.practices, name="practice"),
    path("audit/", views.audit, name="audit"),
    path("audit/restore/<str:kind>/<int:pk>/", views.restore, name="restore"),
]
