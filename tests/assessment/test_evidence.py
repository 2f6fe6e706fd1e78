"""Recording, editing, deleting and restoring pieces of evidence, and their reference form."""


import pytest
from django.core.exceptions import ValidationError

from citypeer.assessment.domain.evidence import (
    delete_evidence,
    edit_evidence,
    record_evidence,
    references_of,
    restore_evidence,
)
from citypeer.assessment.domain.findings import (
    save_finding,
)
from citypeer.assessment.domain.refusals import EvidenceInUse, NotRestorable
from citypeer.assessment.models import EvidenceItem
from citypeer.common.editing import EditConflict
from tests.assessment.conftest import compared, interview_fact, record


def test_an_interview_item_has_the_seeds_reference_form(world):
    s = world
    item = record(s, **interview_fact(s, s.interviews.i17, ["AC/I/3", "AC/A/1"]))

    assert references_of(item) == ("AC/A/1 – Interview 17 – JB & FC",
                                   "AC/I/3 – Interview 17 – JB & FC")
    assert (item.interviewers, item.interviewee) == ("JB & FC", s.interviewees.chair)


def test_document_and_workshop_references(world):
    s = world
    document = record(s, indicators=["WP/A/1"], source="document", document="Annual plan",
                      page="12", kind="fact", direction="meets", text="Hiring targets.",
                      interviewers="JB & FC")
    workshop = record(s, indicators=["WP/A/1"], source="workshop", workshop=s.workshop.pk,
                      kind="opinion", text="Associations feel unheard.", interviewers="FC")

    assert references_of(document) == ("WP/A/1 – Document “Annual plan”, p. 12 – JB & FC",)
    assert references_of(workshop) == ("WP/A/1 – Workshop A – FC",)


def test_bad_input_names_every_field_and_writes_nothing(world):
    s = world
    with pytest.raises(ValidationError) as caught:
        record_evidence(review=s.review, by=s.people.jb, indicators=["XX/Y/9"],
                        source="interview", kind="rumour", direction="up", text=" ",
                        page="3")

    assert sorted(caught.value.message_dict) == ["direction", "indicators", "interview",
                                                 "kind", "page", "text"]
    assert EvidenceItem.objects.count() == 0
    assert EvidenceItem.history.count() == 0


def test_an_interview_of_another_review_is_refused(world, db):
    from tests.assessment.conftest import make_world

    other = make_world(slug="other-2009", host="malmo")
    with pytest.raises(ValidationError) as caught:
        record(world, **interview_fact(world, other.interviews.i17, ["AC/A/1"]))

    assert caught.value.message_dict == {
        "interview": ["This interview is not part of this review's visit."]}


def test_a_draft_sent_twice_with_its_client_key_is_stored_once(world):
    s = world
    fields = {**interview_fact(s, s.interviews.i17, ["AC/A/1"]), "client_key": "k-123456789"}
    first, first_new = record_evidence(review=s.review, by=s.people.jb, **fields)
    again, again_new = record_evidence(review=s.review, by=s.people.jb, **fields)

    assert (first_new, again_new, again.pk) == (True, False, first.pk)
    assert EvidenceItem.objects.count() == 1


def test_an_edit_from_an_old_edit_count_is_refused_with_both_versions(world):
    s = world
    item = record(s, **interview_fact(s, s.interviews.i17, ["AC/A/1"], text="First."))
    edit_evidence(item=item, by=s.people.fc, edit_count=1,
                  **interview_fact(s, s.interviews.i17, ["AC/A/1"], text="Fay's text."))

    with pytest.raises(EditConflict) as caught:
        edit_evidence(item=item, by=s.people.jb, edit_count=1,
                      **interview_fact(s, s.interviews.i17, ["AC/A/1"], text="Jan's text."))

    assert compared(caught.value)["text"] == ("Fay's text.", "Jan's text.")
    assert (caught.value.edits[0].started_from, caught.value.edits[0].edit_count) == (1, 2)
    assert EvidenceItem.objects.get().text == "Fay's text."


def test_history_records_one_creation_and_one_change_with_the_user(world):
    s = world
    item = record(s, **interview_fact(s, s.interviews.i17, ["AC/A/1"]))
    edit_evidence(item=item, by=s.people.fc, edit_count=1,
                  **interview_fact(s, s.interviews.i17, ["AC/A/1", "AC/I/3"]))

    records = list(item.history.order_by("history_id"))
    assert [(r.history_type, r.history_user, r.edit_count) for r in records] == [
        ("+", s.people.jb, 1), ("~", s.people.fc, 2)]
    assert sorted(r.indicator.code for r in records[1].indicators.all()) == ["AC/A/1",
                                                                             "AC/I/3"]


def test_delete_then_the_coordinator_restores_it_as_it_was(world):
    s = world
    item = record(s, **interview_fact(s, s.interviews.i17, ["AC/A/1", "AC/I/3"]))
    pk = item.pk
    delete_evidence(item=item, by=s.people.jb, edit_count=1)
    assert EvidenceItem.objects.count() == 0

    restored = restore_evidence(review=s.review, item_id=pk, by=s.people.coordinator)

    again = EvidenceItem.objects.get()
    assert (again.pk, [i.code for i in again.indicators.order_by("position")], again.edit_count,
            again.recorded_by) == (pk, ["AC/A/1", "AC/I/3"], 2, s.people.jb)
    assert restored.pk == pk
    with pytest.raises(NotRestorable):
        restore_evidence(review=s.review, item_id=pk, by=s.people.coordinator)


def test_evidence_a_finding_rests_on_cannot_be_deleted(world):
    s = world
    item = record(s, **interview_fact(s, s.interviews.i17, ["AC/A/1"]))
    save_finding(review=s.review, by=s.people.jb, kind="strength", text="Committee works.",
                 indicators=["AC/A/1"], evidence=[item.pk])

    with pytest.raises(EvidenceInUse):
        delete_evidence(item=item, by=s.people.jb, edit_count=1)
    assert EvidenceItem.objects.count() == 1
