"""The draft page when someone else saved the draft first: both versions side by side, the
saver's text kept in the form on top of the saved edit, and nothing written."""

from citypeer.revisions.domain.revisions import save_draft
from citypeer.revisions.models import RevisionDraft
from tests.revisions.conftest import edited


def test_a_save_over_a_newer_edit_shows_both_versions(coordinator_client, draft):
    theirs = edited(draft.document)
    save_draft(draft=draft, document_text=theirs, overrides={}, edit_count=0)
    mine = draft.document.replace("version: 2", "version: 3")

    response = coordinator_client.post(f"/revisions/drafts/{draft.pk}/", {
        "document": mine, "overrides": "GG/A/3 = -", "edit_count": 0})

    html = response.content.decode()
    assert response.status_code == 409
    assert 'data-testid="edit-conflict"' in html
    assert 'name="edit_count" value="1"' in html
    assert "GG/A/3 = -" in html
    assert RevisionDraft.objects.get().document == theirs


def test_publishing_an_edit_saved_since_shows_the_conflict_page(coordinator_client, draft):
    save_draft(draft=draft, document_text=edited(draft.document), overrides={}, edit_count=0)

    response = coordinator_client.post(f"/revisions/drafts/{draft.pk}/publish/",
                                       {"edit_count": 0})

    assert response.status_code == 409
    assert 'data-testid="edit-conflict"' in response.content.decode()
    assert RevisionDraft.objects.get().state == "draft"
