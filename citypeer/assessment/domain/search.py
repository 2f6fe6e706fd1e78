"""Full-text search over the evidence bank, with filters, behind one function.

SQLite (the embedded default) searches an FTS5 table kept in step with the bank by triggers
(`ensure_sqlite_index`); PostgreSQL searches `to_tsvector('simple', …)` with a GIN index.
Both read the words typed as prefixes that must all occur (`consult commit` finds "the
committee is consulted"), in the text or the document's title. The 'simple' configuration
(no stemming) because a bank holds notes in the six languages of the method at once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from django.db import connection
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext as _

from citypeer.assessment.domain.queries import evidence_in_full
from citypeer.assessment.models import EvidenceItem

FTS_TABLE = "assessment_evidenceitem_fts"
ITEM_TABLE = EvidenceItem._meta.db_table
TRIGGERS = ("evidence_fts_insert", "evidence_fts_delete", "evidence_fts_update")
FILTERS = ("indicator", "pillar", "value", "source", "interviewer", "kind", "direction",
           "interview")
WORD = re.compile(r"\w+", re.UNICODE)

SQLITE_OBJECTS = [
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(
        text, document, tokenize = 'unicode61 remove_diacritics 2')""",
    f"""CREATE TRIGGER IF NOT EXISTS evidence_fts_insert AFTER INSERT ON {ITEM_TABLE} BEGIN
        INSERT INTO {FTS_TABLE}(rowid, text, document) VALUES (new.id, new.text, new.document);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS evidence_fts_delete AFTER DELETE ON {ITEM_TABLE} BEGIN
        DELETE FROM {FTS_TABLE} WHERE rowid = old.id;
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS evidence_fts_update AFTER UPDATE ON {ITEM_TABLE} BEGIN
        DELETE FROM {FTS_TABLE} WHERE rowid = old.id;
        INSERT INTO {FTS_TABLE}(rowid, text, document) VALUES (new.id, new.text, new.document);
    END""",
]
POSTGRES_DOCUMENT = (f"to_tsvector('simple'::regconfig, \"{ITEM_TABLE}\".\"text\" || ' ' || "
                     f"\"{ITEM_TABLE}\".\"document\")")
POSTGRES_INDEX = (f"CREATE INDEX IF NOT EXISTS evidence_item_fulltext ON {ITEM_TABLE} "
                  f"USING GIN ((to_tsvector('simple'::regconfig, text || ' ' || document)))")


def ensure_sqlite_index(conn) -> bool:
    """Create the FTS5 table and its triggers where missing, and fill the table again when
    a trigger was missing. Run by the migration and after every migrate: SQLite rebuilds a
    table to alter it, which drops its triggers. Returns whether it rebuilt the index."""
    if conn.vendor != "sqlite":
        return False
    with conn.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name IN "
                       f"({', '.join('%s' for _ in TRIGGERS)})", TRIGGERS)
        present = {row[0] for row in cursor.fetchall()}
        for statement in SQLITE_OBJECTS:
            cursor.execute(statement)
        if present == set(TRIGGERS):
            return False
        cursor.execute(f"DELETE FROM {FTS_TABLE}")
        cursor.execute(f"INSERT INTO {FTS_TABLE}(rowid, text, document) "
                       f"SELECT id, text, document FROM {ITEM_TABLE}")
        return True


def words(text: str) -> list[str]:
    return WORD.findall(text or "")[:20]


def _matching(text: str) -> Q | RawSQL | None:
    found = words(text)
    if not found:
        return None
    if connection.vendor == "postgresql":
        query = " & ".join(f"{w.lower()}:*" for w in found)
        return RawSQL(f"{POSTGRES_DOCUMENT} @@ to_tsquery('simple'::regconfig, %s)", [query],
                      output_field=BooleanField())
    if connection.vendor == "sqlite":
        query = " ".join('"' + w.replace('"', "") + '"*' for w in found)
        return Q(pk__in=RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",
                               [query]))
    # Any other database: every word somewhere in the text or the document.
    condition = Q()
    for w in found:
        condition &= Q(text__icontains=w) | Q(document__icontains=w)
    return condition


class SearchError(ValueError):
    def __init__(self, errors: dict[str, list[str]]):
        self.errors = errors
        super().__init__("; ".join(f"{k}: {' '.join(v)}" for k, v in errors.items()))


def clean_filters(filters: Mapping[str, str] | None) -> dict[str, str]:
    filters = {k: (v or "").strip() for k, v in (filters or {}).items() if k in FILTERS}
    errors = {}
    choices = {"source": EvidenceItem.Source.values, "kind": EvidenceItem.Kind.values,
               "direction": EvidenceItem.Direction.values}
    for name, allowed in choices.items():
        if filters.get(name) and filters[name] not in allowed:
            errors[name] = [_("%(value)r is not one of: %(choices)s.")
                            % {"value": filters[name], "choices": ", ".join(allowed)}]
    if filters.get("interview") and not filters["interview"].isdigit():
        errors["interview"] = [_("Give the interview's number.")]
    if errors:
        raise SearchError(errors)
    return {k: v for k, v in filters.items() if v}


def search_evidence(*, review, text: str = "", filters: Mapping[str, str] | None = None):
    """The review's evidence matching `text` (words as prefixes, all of them) and the
    filters: indicator, pillar, value (codes), source, interviewer (initials), kind,
    direction, interview (number). Raises SearchError naming a bad filter."""
    filters = clean_filters(filters)
    items = evidence_in_full(review)
    matching = _matching(text)
    if matching is not None:
        items = items.filter(matching)
    if "indicator" in filters:
        items = items.filter(indicators__code=filters["indicator"])
    if "pillar" in filters:
        items = items.filter(indicators__pillar__code=filters["pillar"])
    if "value" in filters:
        items = items.filter(indicators__value__code=filters["value"])
    for name in ("source", "kind", "direction"):
        if name in filters:
            items = items.filter(**{name: filters[name]})
    if "interview" in filters:
        items = items.filter(interview__number=int(filters["interview"]))
    if "interviewer" in filters:
        initials = filters["interviewer"].upper()
        items = items.filter(Q(interviewers=initials)
                             | Q(interviewers__startswith=f"{initials} ")
                             | Q(interviewers__endswith=f" {initials}")
                             | Q(interviewers__contains=f" {initials},")
                             | Q(interviewers__startswith=f"{initials},"))
    if {"indicator", "pillar", "value"} & set(filters):
        items = items.distinct()
    return items
