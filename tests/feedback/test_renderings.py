"""Making a rendering apart from how it is started: what a background thread (or a job)
calls, and what it records."""

from pathlib import Path

from citypeer.feedback.domain import reports
from citypeer.feedback.domain.renderings import make_rendering
from citypeer.feedback.models import Rendering
from tests.feedback.conftest import recommend


def test_making_a_rendering_writes_the_file_and_records_it(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    recommend(world)
    report = reports.compose_report(review=world.review, by=world.people.jb)
    asked = Rendering.objects.create(report=report, format="html", requested_by=world.people.fc)

    made = make_rendering(asked.pk, language="en")

    made.refresh_from_db()
    assert (made.state, made.error, Path(made.path).parent) == (
        Rendering.State.DONE, "", tmp_path / "feedback" / "renderings")
    assert "Consult the committee every quarter." in Path(made.path).read_text()
    assert made.finished_at is not None


def test_a_rendering_that_cannot_be_made_records_why(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    report = reports.compose_report(review=world.review, by=world.people.jb)
    asked = Rendering.objects.create(report=report, format="odt")

    made = make_rendering(asked.pk)

    made.refresh_from_db()
    assert (made.state, made.path, made.error) == (
        Rendering.State.FAILED, "", "The format must be one of html, pdf, docx.")
