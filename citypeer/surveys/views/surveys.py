"""The survey pages: the index every signed-in person sees, and the coordinator's pages to
make a year's survey, open and close it, send it, follow who has answered and publish."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citypeer.common.lookup import require
from citypeer.common.uploads import XLSX, UploadRefused, check_upload
from citypeer.surveys.domain.definitions import definition_of, questions_in_full
from citypeer.surveys.domain.invitations import send_invitations
from citypeer.surveys.domain.lookup import get_survey
from citypeer.surveys.domain.queries import (
    addable_benchmarks,
    benchmark_by_id,
    cities_by_slug,
    is_signatory,
    next_free_year,
    progress,
    published_surveys,
    responses_of_city,
    surveys_with_counts,
)
from citypeer.surveys.domain.questions import survey_problems
from citypeer.surveys.domain.refusals import ProblemsRefused, SurveyRefused
from citypeer.surveys.domain.surveys import (
    add_benchmark_questions,
    close_survey,
    create_survey,
    open_survey,
    previous_survey,
    publish_results,
    reopen_survey,
    update_survey,
)
from citypeer.surveys.domain.xlsform import (
    CONTENT_TYPE,
    MAX_BYTES,
    export_xlsform,
    import_xlsform,
    xlsform_name,
)
from citypeer.surveys.interfaces.forms import SurveyEditForm, SurveyForm, XLSFormUpload
from citypeer.surveys.models import CharterSurvey

MANAGE = "surveys.manage_survey"


@login_required
def index(request):
    user = request.user
    manages = user.has_perm(MANAGE)
    own = []
    if user.is_host_officer and user.city_id:
        responses = {r.survey_id: r for r in responses_of_city(user.city_id)}
        signatory = is_signatory(user.city_id)
        own = [{"survey": s, "response": responses.get(s.pk)}
               for s in surveys_with_counts(drafts=False)
               if s.pk in responses or (signatory and s.state == CharterSurvey.State.OPEN)]
    return render(request, "surveys/index.html", {
        "manages": manages, "surveys": surveys_with_counts() if manages else [],
        "own": own, "published": published_surveys(), "city": user.city})


@login_required
def new(request):
    require(request.user, MANAGE, reason=_("Only the network coordinator makes surveys."))
    year = next_free_year(timezone.localdate().year)
    previous = previous_survey(year)
    form = SurveyForm(request.POST or None, previous=previous, initial={"year": year})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        copy_from = previous_survey(data["year"]) if data.get("start_from_previous") else None
        try:
            survey = create_survey(
                year=data["year"], title=data["title"], deadline=data["deadline"],
                language=data["language"], introduction=data["introduction"],
                benchmarks=data["benchmarks"], copy_from=copy_from)
        except SurveyRefused as refused:
            form.add_error("year", refused.message)
        else:
            messages.success(request, _("The survey of %(year)s is a draft with %(count)s "
                                        "questions.") % {"year": survey.year,
                                                         "count": survey.questions.count()})
            return redirect("surveys:detail", year=survey.year)
    return render(request, "surveys/new.html", {"form": form, "previous": previous})


@login_required
def detail(request, year):
    survey = get_survey(year, user=request.user, permission=MANAGE)
    questions = list(questions_in_full(survey))
    definition = definition_of(survey, questions)
    rows = progress(survey)
    return render(request, "surveys/detail.html", {
        "survey": survey, "questions": list(zip(questions, definition.questions, strict=True)),
        "problems": survey_problems(survey) if survey.state == CharterSurvey.State.DRAFT else [],
        "progress": rows, "benchmarks": survey.benchmarks.all(),
        "edit_form": SurveyEditForm(initial={
            "title": survey.title, "deadline": survey.deadline, "language": survey.language,
            "introduction": survey.introduction, "edit_count": survey.edit_count}),
        "upload": XLSFormUpload(), "publications": CharterSurvey.Publication.choices,
        "submitted": sum(1 for row in rows if row["response"] and row["response"].submitted_at),
        "invited": sum(1 for row in rows if row["response"] and row["response"].invited_at),
        "addable": addable_benchmarks(survey),
    })


@login_required
@require_POST
def edit(request, year):
    survey = get_survey(year, user=request.user, permission=MANAGE)
    form = SurveyEditForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("surveys:detail", year=survey.year)
    data = dict(form.cleaned_data)
    started_from = data.pop("edit_count")
    update_survey(survey=survey, edit_count=started_from, **data)
    messages.success(request, _("Saved."))
    return redirect("surveys:detail", year=survey.year)


@login_required
@require_POST
def state(request, year):
    survey = get_survey(year, user=request.user, permission=MANAGE)
    action = request.POST.get("action")
    try:
        if action == "open":
            open_survey(survey=survey, today=timezone.localdate())
            messages.success(request, _("The survey is open: send it to the signatories."))
        elif action == "close":
            close_survey(survey=survey)
            messages.success(request, _("The survey is closed: no city can change its "
                                        "answers any more."))
        elif action == "reopen":
            reopen_survey(survey=survey)
            messages.success(request, _("The survey is open again."))
    except ProblemsRefused as refused:
        messages.error(request, "\n".join([refused.message, *refused.problems]))
    return redirect("surveys:detail", year=survey.year)


@login_required
@require_POST
def publication(request, year):
    survey = get_survey(year, user=request.user, permission=MANAGE)
    chosen = request.POST.get("publication", "")
    if chosen not in CharterSurvey.Publication.values:
        messages.error(request, _("Choose how to publish the results."))
        return redirect("surveys:detail", year=survey.year)
    survey = publish_results(survey=survey, publication=chosen)
    messages.success(request, _("Results: %(publication)s.") % {
        "publication": survey.get_publication_display()})
    return redirect("surveys:detail", year=survey.year)


@login_required
@require_POST
def invitations(request, year):
    survey = get_survey(year, user=request.user, permission=MANAGE)
    cities = request.POST.getlist("city")
    chosen = cities_by_slug(cities) if cities else None
    outcome = send_invitations(survey=survey, cities=chosen, again=bool(cities))
    messages.success(request, _("Invitations sent: %(count)s.") % {"count": len(outcome.sent)}
                     + (" " + _("Not sent: %(list)s.") % {"list": "; ".join(
                         f"{city} ({why})" for city, why in outcome.skipped)}
                        if outcome.skipped and not cities else ""))
    return redirect("surveys:detail", year=survey.year)


@login_required
def xlsform(request, year):
    survey = get_survey(year, user=request.user, permission=MANAGE)
    response = HttpResponse(export_xlsform(survey), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{xlsform_name(survey)}"'
    return response


@login_required
@require_POST
def xlsform_import(request, year):
    survey = get_survey(year, user=request.user, permission=MANAGE)
    form = XLSFormUpload(request.POST, request.FILES)
    problems, message = [], ""
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            check_upload(name=upload.name, size=upload.size, stream=upload, max_bytes=MAX_BYTES,
                         accepted=(XLSX,))
            survey = import_xlsform(survey=survey, stream=upload)
        except UploadRefused as refused:
            message = refused.render(_)
        except ProblemsRefused as refused:
            message, problems = refused.message, refused.problems
        else:
            messages.success(request, _("Imported: the survey now has %(count)s questions.")
                             % {"count": survey.questions.count()})
            return redirect("surveys:detail", year=survey.year)
    else:
        message = _("Choose an XLSForm workbook to import.")
    return render(request, "surveys/import_refused.html", {
        "survey": survey, "message": message, "problems": problems}, status=400)


@login_required
@require_POST
def benchmark(request, year):
    survey = get_survey(year, user=request.user, permission=MANAGE)
    chosen = benchmark_by_id(request.POST.get("benchmark"))
    if chosen is not None:
        added = add_benchmark_questions(survey=survey, benchmark=chosen)
        messages.success(request, _("%(count)s questions added from %(benchmark)s.") % {
            "count": added, "benchmark": chosen})
    return redirect("surveys:detail", year=survey.year)

