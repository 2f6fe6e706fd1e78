"""Renderings: a PDF, DOCX or HTML file of the report made apart from the request that asked
for it, whose state (`Rendering`) the page polls.

`make_rendering` does the work and records the outcome; it is all a job needs to call.
How it is started is apart: today `start_in_thread` runs it in a background thread of the
web process that asked. The render does not block other users' requests, but it is not a
job queue: a rendering whose process stops midway stays "being made" until someone asks
again (a new request starts a new rendering)."""

from __future__ import annotations

import threading
from pathlib import Path

from django.conf import settings
from django.db import close_old_connections
from django.utils import timezone, translation

from citypeer.feedback.domain.rendering import FORMATS, render
from citypeer.feedback.models import Rendering

THREAD_PREFIX = "citypeer-render-"


def renderings_dir() -> Path:
    path = Path(settings.MEDIA_ROOT) / "feedback" / "renderings"
    path.mkdir(parents=True, exist_ok=True)
    return path


def make_rendering(rendering_id: int, *, language: str | None = None) -> Rendering:
    """Makes the file of one rendering, in `language`, and records the outcome."""
    rendering = Rendering.objects.select_related("report__review__city",
                                                 "report__review__programme__benchmark"
                                                 ).get(pk=rendering_id)
    try:
        with translation.override(language):
            data = render(rendering.report.review, fmt=rendering.format)
        path = renderings_dir() / f"report-{rendering.report_id}-{rendering.pk}.{rendering.format}"
        path.write_bytes(data)
        rendering.path, rendering.state = str(path), Rendering.State.DONE
    except Exception as exc:  # noqa: BLE001 - the page shows why the file could not be made
        rendering.state, rendering.error = Rendering.State.FAILED, str(exc)
    rendering.finished_at = timezone.now()
    rendering.save(update_fields=["path", "state", "error", "finished_at"])
    return rendering


def _in_thread(rendering_id: int, language: str | None) -> None:
    try:
        make_rendering(rendering_id, language=language)
    finally:
        close_old_connections()


def start_in_thread(rendering_id: int, *, language: str | None) -> threading.Thread:
    """Runs `make_rendering` in a background thread of this process, named after the
    rendering."""
    thread = threading.Thread(target=_in_thread, name=f"{THREAD_PREFIX}{rendering_id}",
                              args=(rendering_id, language), daemon=True)
    thread.start()
    return thread


def start_rendering(*, report, fmt: str, by) -> Rendering:
    """Asks for a rendering of the report in the asker's language and starts making it."""
    if fmt not in FORMATS:
        raise ValueError(fmt)
    rendering = Rendering.objects.create(report=report, format=fmt, requested_by=by)
    start_in_thread(rendering.pk, language=translation.get_language())
    return rendering
