"""Full-text search over the bank with its filters. The suite runs on SQLite (FTS5) and again
on PostgreSQL (to_tsvector): the same tests, the same answers."""

import pytest
from django.db import connection

from citypeer.assessment.domain.evidence import delete_evidence, edit_evidence, record_evidence
from citypeer.assessment.domain.search import (
    FTS_TABLE,
    SearchError,
    ensure_sqlite_index,
    search_evidence,
)
from tests.assessment.conftest import interview_fact


@pytest.fixture
def bank(world):
    s = world

    def add(**fields):
        return record_evidence(review=s.review, by=s.people.jb, **fields)[0]

    s.items = {
        "committee": add(**interview_fact(
            s, s.interviews.i17, ["AC/I/3"], "falls_short",
            text="The committee is consulted on just one occasion since January.")),
        "budget": add(**interview_fact(
            s, s.interviews.i18, ["AC/A/1", "AC/I/3"], "meets",
            text="A permanent committee with its own budget line.")),
        "hiring": add(indicators=["WP/A/1"], source="document", document="Personnel plan",
                      page="4", kind="fact", direction="meets", interviewers="FC",
                      text="Hiring targets for staff with a migrant background."),
        "opinion": add(**interview_fact(s, s.interviews.i20, ["WP/I/1"], "falls_short",
                                        kind="opinion",
                                        text="Training feels like a formality.")),
    }
    return s


def found(s, text="", **filters):
    names = {item.pk: name for name, item in s.items.items()}
    return sorted(names[item.pk] for item in search_evidence(review=s.review, text=text,
                                                             filters=filters))


def test_every_word_must_occur_as_a_prefix(bank):
    assert found(bank, "committee") == ["budget", "committee"]
    assert found(bank, "commit consult") == ["committee"]
    assert found(bank, "COMMITTEE Budget") == ["budget"]
    assert found(bank, "nothing-like-this") == []


def test_the_document_title_is_searched_too(bank):
    assert found(bank, "personnel") == ["hiring"]


def test_punctuation_and_query_syntax_are_just_words(bank):
    assert found(bank, 'committee" OWN* (budget') == ["budget"]
    assert found(bank, "  ") == ["budget", "committee", "hiring", "opinion"]


def test_filters(bank):
    assert found(bank, indicator="AC/I/3") == ["budget", "committee"]
    assert found(bank, pillar="WP") == ["hiring", "opinion"]
    assert found(bank, value="A") == ["budget", "hiring"]
    assert found(bank, source="document") == ["hiring"]
    assert found(bank, interviewer="FC") == ["budget", "committee", "hiring"]
    assert found(bank, interviewer="EX") == ["opinion"]
    assert found(bank, kind="opinion") == ["opinion"]
    assert found(bank, direction="meets") == ["budget", "hiring"]
    assert found(bank, interview="17") == ["committee"]
    assert found(bank, "committee", direction="meets", pillar="AC") == ["budget"]


def test_an_item_is_found_once_whatever_indicators_match(bank):
    items = list(search_evidence(review=bank.review, text="", filters={"pillar": "AC"}))
    assert [i.pk for i in items] == [bank.items["committee"].pk, bank.items["budget"].pk]


def test_edits_and_deletions_reach_the_index(bank):
    s = bank
    item = s.items["committee"]
    edit_evidence(item=item, by=s.people.jb, edit_count=1,
                  **interview_fact(s, s.interviews.i17, ["AC/I/3"], "falls_short",
                                   text="Consulted twice a year by the alderman."))
    assert found(s, "alderman") == ["committee"]
    assert found(s, "january") == []

    delete_evidence(item=item, by=s.people.jb, edit_count=2)
    del s.items["committee"]
    assert found(s, "alderman") == []


def test_a_bad_filter_is_named(bank):
    with pytest.raises(SearchError) as caught:
        search_evidence(review=bank.review, text="", filters={"kind": "rumour"})
    assert list(caught.value.errors) == ["kind"]


def test_another_reviews_evidence_is_never_found(bank, db):
    from tests.assessment.conftest import make_world

    other = make_world(slug="other-2009", host="malmo")
    record_evidence(review=other.review, by=other.people.jb,
                    **interview_fact(other, other.interviews.i17, ["AC/I/3"],
                                     text="Another committee entirely."))
    assert found(bank, "committee") == ["budget", "committee"]


def test_the_index_is_rebuilt_when_sqlite_dropped_its_triggers(bank):
    # SQLite drops triggers when a migration rebuilds the table; PostgreSQL keeps its
    # index with the table.
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER evidence_fts_insert")
            cursor.execute(f"DELETE FROM {FTS_TABLE}")
            assert ensure_sqlite_index(connection) is True
        else:
            cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = "
                           "'assessment_evidenceitem' AND indexname = 'evidence_item_fulltext'")
            assert cursor.fetchall() == [("evidence_item_fulltext",)]
    assert found(bank, "committee") == ["budget", "committee"]
