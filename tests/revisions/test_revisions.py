"""Comments on indicators, a draft with a reworded, a removed and an added indicator, its
diff and mapping, publication as a new version, and reviews that keep the old version."""

import pytest
import yaml
from django.utils.html import escape

from citypeer.assessment.models import Assessment
from citypeer.benchmarks.models import Benchmark
from citypeer.comparisons.domain.over_time import change_since_previous_review
from citypeer.network.models import City
from citypeer.programmes.models import Programme, ProgrammePhase, Review
from citypeer.revisions.domain.revisions import (
    RevisionRefused,
    add_comment,
    draft_diff,
    start_draft,
)
from citypeer.revisions.method.diff import ADDED, REMOVED, RENUMBERED, REWORDED
from citypeer.revisions.models import IndicatorComment, RevisionDraft
from tests.revisions.conftest import ADDED_TEXT, edited


def test_people_of_the_programme_comment_on_indicators(client, people, world):
    client.force_login(people["nobody"])
    assert client.get("/revisions/programmes/inti-2008/comments/").status_code == 403
    client.force_login(people["peer"])

    client.post("/revisions/programmes/inti-2008/comments/", {
        "indicator": "GG/I/3", "kind": "information_not_available",
        "text": "No minutes of the committee are kept."})
    api = client.post("/api/v1/programmes/inti-2008/indicator-comments/",
                      {"indicator": "GG/E/6", "kind": "too_prescriptive"})

    assert [(c.indicator.code, c.kind) for c in IndicatorComment.objects.all()] == [
        ("GG/I/3", "information_not_available"), ("GG/E/6", "too_prescriptive")]
    assert api.status_code == 201
    page = client.get("/revisions/programmes/inti-2008/comments/").content.decode()
    assert "No minutes of the committee are kept." in page


def test_a_comment_on_an_unknown_indicator_names_the_field(world, people):
    with pytest.raises(RevisionRefused) as err:
        add_comment(programme=world.programme, indicator_code="XX/A/1", kind="wrong", text="",
                    author=people["peer"])

    assert [p.location for p in err.value.located] == ["indicator", "kind"]


def test_only_the_coordinator_drafts(client, people, world):
    client.force_login(people["peer"])

    assert client.post("/revisions/programmes/inti-2008/drafts/new/").status_code == 403


def test_revision_diff_mapping_publication_and_old_reviews(coordinator_client, people,
                                                             world, inti):
    coordinator_client.post("/revisions/programmes/inti-2008/drafts/new/")
    draft = RevisionDraft.objects.get()
    assert yaml.safe_load(draft.document)["version"] == 2

    saved = coordinator_client.post(f"/revisions/drafts/{draft.pk}/", {
        "document": edited(draft.document), "overrides": "", "edit_count": 0})
    diff_page = coordinator_client.get(f"/revisions/drafts/{draft.pk}/diff/").content.decode()
    api = coordinator_client.get(f"/api/v1/revision-drafts/{draft.pk}/diff/").json()

    assert saved.status_code == 302
    result = draft_diff(RevisionDraft.objects.get())
    kinds = {k: [(c.old_code, c.new_code) for c in result.revision.of_kind(k)]
             for k in (ADDED, REMOVED, REWORDED, RENUMBERED)}
    assert kinds == {
        ADDED: [(None, "GG/A/6")], REMOVED: [("GG/A/3", None)],
        REWORDED: [("GG/A/6", "GG/A/5")],
        RENUMBERED: [("GG/A/4", "GG/A/3"), ("GG/A/5", "GG/A/4"), ("GG/A/6", "GG/A/5")],
    }
    assert 'data-testid="change-GG/A/3"' in diff_page
    assert "<ins>" in diff_page
    assert api["mapping"]["GG/A/6"] == "GG/A/5"
    assert "GG/A/3" not in api["mapping"]

    published = coordinator_client.post(f"/revisions/drafts/{draft.pk}/publish/",
                                        {"edit_count": 1})

    new = Benchmark.objects.get(slug="inti-cities-2009", version=2)
    assert published.status_code == 302
    assert new.indicators.count() == 73
    assert new.indicators.get(code="GG/A/6").text == ADDED_TEXT
    draft.refresh_from_db()
    assert (draft.state, draft.published, draft.mapping["GG/A/4"]) == ("published", new,
                                                                       "GG/A/3")
    # The programme and its review keep version 1, and its pages still open on it.
    world.programme.refresh_from_db()
    assert world.programme.benchmark == inti
    review = world.programme.reviews.get()
    coordinator_client.force_login(people["peer"])
    coordinator_client.post(f"/reviews/{review.pk}/desk-review/start/")
    desk = coordinator_client.get(f"/reviews/{review.pk}/desk-review/indicators/3/")
    assert desk.status_code == 200
    assert escape(inti.indicators.get(code="GG/A/3").text) in desk.content.decode()
    coordinator_client.force_login(people["coordinator"])
    comparison = coordinator_client.get("/comparisons/programmes/inti-2008/")
    assert comparison.status_code == 200


def test_a_bad_draft_is_refused_with_the_place_and_nothing_saved(coordinator_client, world):
    coordinator_client.post("/revisions/programmes/inti-2008/drafts/new/")
    draft = RevisionDraft.objects.get()
    before = draft.document

    response = coordinator_client.post(f"/revisions/drafts/{draft.pk}/", {
        "document": before.replace("version: 2", "version: 1"), "overrides": "GG/A/1 = ZZ",
        "edit_count": 0})

    html = response.content.decode()
    assert response.status_code == 200
    assert "document, version: must be greater than 1" in html
    assert RevisionDraft.objects.get().document == before


def test_a_city_reviewed_again_on_the_new_version_shows_its_change(coordinator_client, people,
                                                                    world, inti):
    draft = start_draft(base=inti, programme=world.programme, user=people["coordinator"])
    draft.document = edited(draft.document)
    draft.save()
    from citypeer.revisions.domain.revisions import publish_draft

    v2 = publish_draft(draft=draft, user=people["coordinator"], edit_count=draft.edit_count)
    lyon = City.objects.get(slug="lyon")
    later = Programme.objects.create(slug="round-2012", name="Round 2012", benchmark=v2)
    ProgrammePhase.objects.create(programme=later, kind="kick_off", starts_on="2012-01-01")
    old_review = world.programme.reviews.get()
    new_review = Review.objects.create(programme=later, city=lyon)
    for review, benchmark, code, colour in [
        (old_review, inti, "GG/A/6", "falls_short"), (old_review, inti, "GG/A/3", "meets"),
        (new_review, v2, "GG/A/5", "meets"), (new_review, v2, "GG/A/6", "falls_short"),
    ]:
        Assessment.objects.create(review=review, indicator=benchmark.indicators.get(code=code),
                                  colour=colour)

    change = change_since_previous_review(new_review)

    assert change.mapped_by == "revision"
    by_code = {c.earlier_code: c for c in change.change.indicators}
    assert (by_code["GG/A/6"].later_code, by_code["GG/A/6"].change) == ("GG/A/5", 100.0)
    assert "GG/A/3" in change.change.not_mapped_earlier
    assert "GG/A/6" in change.change.not_mapped_later
    gg = next(p for p in change.change.pillars if p.pillar == "GG")
    assert (gg.earlier, gg.later) == (0.0, 100.0)
    page = coordinator_client.get("/comparisons/programmes/round-2012/cities/lyon/")
    assert 'data-testid="over-time"' in page.content.decode()
