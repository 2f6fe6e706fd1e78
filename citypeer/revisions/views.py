"""Pages of the benchmark revision: comments on indicators during a programme; the
coordinator's drafts, their diff against the version revised, and publication."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citypeer.benchmarks.models import Indicator
from citypeer.programmes.models import Programme
from citypeer.revisions.domain.revisions import (
    DraftConflict,
    RevisionRefused,
    add_comment,
    comments_on,
    draft_diff,
    overrides_text,
    parse_overrides,
    publish_draft,
    save_draft,
    start_draft,
)
from citypeer.revisions.interfaces.forms import CommentForm, DraftForm
from citypeer.revisions.method.diff import MOVED, RENUMBERED, REWORDED, UNCHANGED
from citypeer.revisions.models import IndicatorComment, RevisionDraft


def _programme(slug, user, permission):
    programme = Programme.objects.select_related("benchmark").filter(slug=slug).first()
    if programme is None:
        raise Http404(_("No such programme."))
    if not user.has_perm(permission, programme):
        raise PermissionDenied
    return programme


def _draft(pk, user):
    if not user.has_perm("revisions.draft_revision"):
        raise PermissionDenied
    draft = RevisionDraft.objects.select_related("base", "programme", "published").filter(
        pk=pk).first()
    if draft is None:
        raise Http404(_("No such draft."))
    return draft


def _grouped(comments):
    groups: dict[str, dict] = {}
    for c in comments:
        group = groups.setdefault(c.indicator.code, {"indicator": c.indicator, "comments": []})
        group["comments"].append(c)
    return list(groups.values())


@login_required
def programme_comments(request, slug):
    programme = _programme(slug, request.user, "revisions.comment_on_indicators")
    indicators = list(Indicator.objects.filter(benchmark=programme.benchmark)
                      .order_by("position"))
    form = CommentForm(request.POST or None, indicators=indicators,
                       initial={"indicator": request.GET.get("indicator")})
    if request.method == "POST" and form.is_valid():
        try:
            add_comment(programme=programme, indicator_code=form.cleaned_data["indicator"],
                        kind=form.cleaned_data["kind"], text=form.cleaned_data["text"],
                        author=request.user)
        except RevisionRefused as exc:
            for p in exc.problems:
                form.add_error(None, str(p))
        else:
            messages.success(request, _("Thank you: the comment is recorded for the benchmark "
                                        "revision."))
            return redirect("revisions:comments", slug=programme.slug)
    comments = comments_on(programme.benchmark).filter(programme=programme)
    return render(request, "revisions/comments.html", {
        "programme": programme, "form": form, "groups": _grouped(comments),
        "can_draft": request.user.has_perm("revisions.draft_revision"),
        "drafts": RevisionDraft.objects.filter(base=programme.benchmark),
    })


@login_required
@require_POST
def new_draft(request, slug):
    programme = _programme(slug, request.user, "revisions.draft_revision")
    draft = start_draft(base=programme.benchmark, programme=programme, user=request.user)
    return redirect("revisions:draft", pk=draft.pk)


@login_required
def draft(request, pk):
    draft = _draft(pk, request.user)
    form = DraftForm(request.POST or None, initial={
        "document": draft.document, "overrides": overrides_text(draft.overrides),
        "revision": draft.revision})
    if request.method == "POST" and draft.state == RevisionDraft.State.DRAFT and form.is_valid():
        try:
            save_draft(draft=draft, document_text=form.cleaned_data["document"],
                       overrides=parse_overrides(form.cleaned_data["overrides"]),
                       revision=form.cleaned_data["revision"])
        except RevisionRefused as exc:
            for p in exc.problems:
                form.add_error(None, str(p))
        except DraftConflict:
            form.add_error(None, _("Someone saved this draft meanwhile; reload it and make "
                                   "your changes again."))
        else:
            messages.success(request, _("Draft saved."))
            return redirect("revisions:diff", pk=draft.pk)
    return render(request, "revisions/draft.html", {
        "draft": draft, "form": form,
        "groups": _grouped(comments_on(draft.base)),
        "kinds": IndicatorComment.Kind,
    })


@login_required
def diff(request, pk):
    draft = _draft(pk, request.user)
    try:
        result = draft_diff(draft)
    except RevisionRefused as exc:
        return render(request, "revisions/diff.html", {"draft": draft,
                                                       "problems": exc.problems})
    changes = [c for c in result.revision.changes if c.kinds != (UNCHANGED,)]
    return render(request, "revisions/diff.html", {
        "draft": draft, "old": result.old, "new": result.new, "changes": changes,
        "counts": result.revision.counts, "mapping": sorted(result.revision.mapping.items()),
        "labels": {REWORDED: _("reworded"), MOVED: _("moved"), RENUMBERED: _("renumbered"),
                   "added": _("added"), "removed": _("removed")},
    })


@login_required
@require_POST
def publish(request, pk):
    draft = _draft(pk, request.user)
    try:
        benchmark = publish_draft(draft=draft, user=request.user)
    except RevisionRefused as exc:
        for p in exc.problems:
            messages.error(request, str(p))
        return redirect("revisions:diff", pk=draft.pk)
    messages.success(request, _("Published as version %(version)s. Programmes on the old "
                                "version keep it.") % {"version": benchmark.version})
    return redirect("benchmarks:version", slug=benchmark.slug, version=benchmark.version)
