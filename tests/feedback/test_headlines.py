"""Headline findings on a real database: drafted from the assessment, agreed by every
member, redrafted from the edit count they started from."""

import pytest
from django.core.exceptions import ValidationError

from citypeer.common.editing import EditConflict
from citypeer.feedback.domain import headlines
from citypeer.feedback.models import HeadlineVote


def test_headlines_drafted_from_the_assessment_are_final_when_all_agree(world):
    made = headlines.draft_from_assessment(review=world.review, by=world.people.jb)

    assert [h.text for h in made] == ["Administrative Co-operation: the city falls short on "
                                      "AC/I/3."]
    headline = made[0]
    for person in (world.people.jb, world.people.fc):
        headlines.vote(headline=headline, person=person, agrees=True)
    members = world.review.team_members_ids()
    assert headlines.state_of(headline, members=members).state == "open"
    headlines.vote(headline=headline, person=world.people.ex, agrees=True)
    assert headlines.state_of(headline, members=members).state == "agreed"


def test_an_objection_needs_a_comment_and_a_redraft_clears_the_votes(world):
    headline = headlines.save_headline(review=world.review, by=world.people.jb, text="Draft.",
                                       indicators=["AC/I/3"])
    with pytest.raises(ValidationError) as refused:
        headlines.vote(headline=headline, person=world.people.fc, agrees=False)
    assert list(refused.value.message_dict) == ["comment"]
    headlines.vote(headline=headline, person=world.people.fc, agrees=False, comment="Too vague.")

    headlines.save_headline(review=world.review, by=world.people.jb, text="Sharper.",
                            headline=headline, edit_count=1)

    assert HeadlineVote.objects.filter(headline=headline).count() == 0


def test_a_headline_redraft_over_a_newer_one_is_refused_with_both(world):
    headline = headlines.save_headline(review=world.review, by=world.people.jb, text="Draft.",
                                       indicators=["AC/I/3"])
    headlines.save_headline(review=world.review, by=world.people.jb, text="Jan's.",
                            indicators=["AC/I/3"], headline=headline, edit_count=1)

    with pytest.raises(EditConflict) as conflict:
        headlines.save_headline(review=world.review, by=world.people.fc, text="Fay's.",
                                indicators=["AC/A/1"], headline=headline, edit_count=1)

    [stale] = conflict.value.edits
    assert [(f.name, f.saved, f.yours) for f in stale.fields] == [
        ("text", "Jan's.", "Fay's."), ("indicators", ["AC/I/3"], ["AC/A/1"])]
    headline.refresh_from_db()
    assert (headline.text, headline.edit_count) == ("Jan's.", 2)
