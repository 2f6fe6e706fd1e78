"""/api/v1/revision-drafts/: the diff gives the draft's edit count, and publishing names the
edit it saw: without one the answer is a 400 naming `edit_count`, after someone saved the
draft again a 409 with both versions, and nothing is published."""

from citypeer.benchmarks.models import Benchmark
from citypeer.revisions.domain.revisions import save_draft
from citypeer.revisions.models import RevisionDraft
from tests.revisions.conftest import edited


def test_the_diff_gives_the_edit_count_to_publish_with(coordinator_client, draft):
    save_draft(draft=draft, document_text=edited(draft.document), overrides={}, edit_count=0)

    data = coordinator_client.get(f"/api/v1/revision-drafts/{draft.pk}/diff/").json()

    assert (data["edit_count"], data["old_version"], data["new_version"]) == (1, 1, 2)
    assert {"old": "GG/A/3", "new": None, "kinds": ["removed"], "similarity": 0.0} in \
        data["changes"]


def test_publishing_without_an_edit_count_is_a_400_naming_it(coordinator_client, draft):
    response = coordinator_client.post(f"/api/v1/revision-drafts/{draft.pk}/publish/", {},
                                       content_type="application/json")

    assert response.status_code == 400
    assert list(response.json()) == ["edit_count"]
    assert Benchmark.objects.filter(version=2).count() == 0


def test_publishing_a_draft_saved_since_is_a_409_and_nothing_is_published(
        coordinator_client, draft):
    save_draft(draft=draft, document_text=edited(draft.document), overrides={}, edit_count=0)

    response = coordinator_client.post(f"/api/v1/revision-drafts/{draft.pk}/publish/",
                                       {"edit_count": 0}, content_type="application/json")

    assert response.status_code == 409
    edit = response.json()["edits"][0]
    assert (edit["started_from"], edit["edit_count"]) == (0, 1)
    assert RevisionDraft.objects.get().state == "draft"
    assert Benchmark.objects.filter(version=2).count() == 0


def test_publishing_the_edit_one_saw(coordinator_client, draft):
    response = coordinator_client.post(f"/api/v1/revision-drafts/{draft.pk}/publish/",
                                       {"edit_count": 0}, content_type="application/json")

    assert response.status_code == 201
    assert response.json() == {"slug": "inti-cities-2009", "version": 2}


def test_a_comment_on_an_unknown_indicator_is_a_400_naming_it(coordinator_client, inti):
    from citypeer.programmes.models import Programme

    Programme.objects.create(slug="p", name="P", benchmark=inti)

    response = coordinator_client.post("/api/v1/programmes/p/indicator-comments/",
                                       {"indicator": "XX/A/1", "kind": "unclear"})

    assert response.status_code == 400
    assert list(response.json()) == ["indicator"]


def test_only_the_coordinator_reads_a_draft(peer_client, draft):
    assert peer_client.get(f"/api/v1/revision-drafts/{draft.pk}/diff/").status_code == 403
