"""Pages of the benchmark revision: comments on indicators during a programme; the
coordinator's drafts, their diff against the version revised, and publication."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citypeer.common.editing import EditConflict
from citypeer.common.lookup import get_programme, get_row, require
from citypeer.revisions.domain.queries import (
    comments_on,
    drafts_in_full,
    drafts_of,
    indicators_in_order,
)
from citypeer.revisions.domain.revisions import (
    RevisionRefused,
    add_comment,
    draft_diff,
    overrides_text,
    parse_overrides,
    publish_draft,
    save_draft,
    start_draft,
)
from citypeer.revisions.interfaces import pages
from citypeer.revisions.interfaces.forms import CommentForm, DraftForm
from citypeer.revisions.models import IndicatorComment, RevisionDraft


def _draft(pk, user):
    require(user, "revisions.draft_revision")
    return get_row(drafts_in_full(), pk, message=_("No such draft."))


@login_required
def programme_comments(request, slug):
    programme = get_programme(slug, user=request.user,
                              permission="revisions.comment_on_indicators")
    form = CommentForm(request.POST or None, indicators=indicators_in_order(programme.benchmark),
                       initial={"indicator": request.GET.get("indicator")})
    if request.method == "POST" and form.is_valid():
        try:
            add_comment(programme=programme, indicator_code=form.cleaned_data["indicator"],
                        kind=form.cleaned_data["kind"], text=form.cleaned_data["text"],
                        author=request.user)
        except RevisionRefused as exc:
            for problem in exc.problems:
                form.add_error(None, problem)
        else:
            messages.success(request, _("Thank you: the comment is recorded for the benchmark "
                                        "revision."))
            return redirect("revisions:comments", slug=programme.slug)
    comments = comments_on(programme.benchmark).filter(programme=programme)
    return render(request, "revisions/comments.html", {
        "programme": programme, "form": form, "groups": pages.grouped_comments(comments),
        "can_draft": request.user.has_perm("revisions.draft_revision"),
        "drafts": drafts_of(programme.benchmark),
    })


@login_required
@require_POST
def new_draft(request, slug):
    programme = get_programme(slug, user=request.user, permission="revisions.draft_revision")
    draft = start_draft(base=programme.benchmark, programme=programme, user=request.user)
    return redirect("revisions:draft", pk=draft.pk)


@login_required
def draft(request, pk):
    draft = _draft(pk, request.user)
    form = DraftForm(request.POST or None, initial={
        "document": draft.document, "overrides": overrides_text(draft.overrides),
        "edit_count": draft.edit_count})
    conflict = None
    if request.method == "POST" and draft.state == RevisionDraft.State.DRAFT and form.is_valid():
        try:
            save_draft(draft=draft, document_text=form.cleaned_data["document"],
                       overrides=parse_overrides(form.cleaned_data["overrides"]),
                       edit_count=form.cleaned_data["edit_count"])
        except RevisionRefused as exc:
            for problem in exc.problems:
                form.add_error(None, problem)
        except EditConflict as exc:
            # Yours stays in the form, now on top of the saved edit: sending it again
            # replaces the saved version knowingly.
            conflict = exc
            form = DraftForm({**request.POST.dict(), "edit_count": exc.edits[0].edit_count})
        else:
            messages.success(request, _("Draft saved."))
            return redirect("revisions:diff", pk=draft.pk)
    return render(request, "revisions/draft.html", {
        "draft": draft, "form": form, "conflict": conflict,
        "groups": pages.grouped_comments(comments_on(draft.base)),
        "kinds": IndicatorComment.Kind,
    }, status=409 if conflict else 200)


@login_required
def diff(request, pk):
    draft = _draft(pk, request.user)
    try:
        result = draft_diff(draft)
    except RevisionRefused as exc:
        return render(request, "revisions/diff.html", {"draft": draft,
                                                       "problems": exc.problems})
    return render(request, "revisions/diff.html", {"draft": draft,
                                                   **pages.diff_context(result)})


@login_required
@require_POST
def publish(request, pk):
    draft = _draft(pk, request.user)
    try:
        edit_count = int(request.POST.get("edit_count", ""))
    except ValueError:
        messages.error(request, _("Open the changes again and publish from there."))
        return redirect("revisions:diff", pk=draft.pk)
    try:
        benchmark = publish_draft(draft=draft, user=request.user, edit_count=edit_count)
    except RevisionRefused as exc:
        for problem in exc.problems:
            messages.error(request, problem)
        return redirect("revisions:diff", pk=draft.pk)
    messages.success(request, _("Published as version %(version)s. Programmes on the old "
                                "version keep it.") % {"version": benchmark.version})
    return redirect("benchmarks:version", slug=benchmark.slug, version=benchmark.version)
