"""Mounted at /reviews/<int:review>/assessment/ (step 6, making an assessment): every view
receives `review`. The evidence bank lives under evidence/, the team's colours per indicator
at the top."""

from django.urls import path

from citypeer.assessment.views import assessment, audit, bank, findings

app_name = "assessment"
urlpatterns = [
    path("", assessment.assessment, name="assessment"),
    path("indicators/<path:code>/", assessment.indicator, name="indicator"),
    path("evidence/", bank.bank, name="bank"),
    path("evidence/record/", bank.record, name="record"),
    path("evidence/items/<int:pk>/", bank.item, name="item"),
    path("evidence/items/<int:pk>/delete/", bank.item_delete, name="item-delete"),
    path("evidence/export/<str:fmt>/", bank.export, name="export"),
    path("findings/", findings.findings, name="findings"),
    path("findings/<int:pk>/", findings.findings, name="finding"),
    path("practices/", findings.practices, name="practices"),
    path("practices/<int:pk>/", findings.practices, name="practice"),
    path("audit/", audit.audit, name="audit"),
    path("audit/restore/<str:kind>/<int:pk>/", audit.restore, name="restore"),
]
