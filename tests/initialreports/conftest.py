"""The initial report's world, built from the shared factories: a review of Helsinki with
its team and people, and a way to fill its initial report completely."""

import io
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from citypeer.initialreports.domain.documents import add_document
from citypeer.initialreports.domain.reports import (
    get_or_create_report,
    save_background,
    save_self_assessment,
)
from citypeer.initialreports.method.report import EntryValues, PersonIn
from citypeer.initialreports.models import SelfAssessment, SupportingDocument
from citypeer.programmes.models import Review
from tests.factories import make_benchmark, make_city, make_person, make_review, make_team

# Smallest valid PNG: a 1×1 transparent pixel.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d605bb0000000049454e44ae426082"
)
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

__all__ = ["PDF", "PNG", "as_file", "fill_completely", "make_benchmark", "make_world", "upload"]


def make_world(benchmark, *, slug="inti-2008"):
    """A review of Helsinki: its host officer, Rotterdam's host officer (another host city),
    a team of a peer (its leader) and an expert, a peer outside the team, a coordinator, and
    someone with no role."""
    review = make_review(benchmark, host="helsinki", slug=slug,
                         cities=("rotterdam", "genoa", "lyon", "malmo"))
    other_review = Review.objects.create(programme=review.programme, city=make_city("rotterdam"))

    def person(role, username, city=None):
        made = make_person(f"{username}_{slug}", roles=[role] if role else [], city=city)
        made.email = f"{made.username}@example.org"
        made.save()
        return made

    people = SimpleNamespace(
        host=person("host_officer", "host", review.city),
        other_host=person("host_officer", "other_host", other_review.city),
        peer=person("peer", "peer", make_city("genoa")),
        expert=person("expert", "expert"),
        outside_peer=person("peer", "outside", make_city("malmo")),
        coordinator=person("coordinator", "coordinator"),
        nobody=person(None, "nobody"),
    )
    make_team(review, peers=[people.peer], experts=[people.expert], leader=people.peer)
    report = get_or_create_report(review=review)
    return SimpleNamespace(review=review, other_review=other_review, people=people,
                           report=report, benchmark=benchmark)


@pytest.fixture(autouse=True)
def quick_passwords(settings):
    # Seven people per test: Argon2's deliberate slowness is not what these tests measure.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def world(db, media):
    """Three indicators in two pillars."""
    return make_world(make_benchmark(["GG/A/1", "GG/A/2", "IE/L/1"]))


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def fill_completely(world) -> None:
    """Everything completeness asks for, saved through the domain as the host would."""
    report, host = world.report, world.people.host
    report.refresh_from_db()
    save_background(
        report=report, by=host,
        sections={k: (f"Section {k}: what the peers need to know.", 0) for k in range(1, 8)},
        provenance={"drafted_by": "The integration office, with two NGOs.",
                    "political_involvement": "consulted", "budget_local": "1250000.50"},
        provenance_edit_count=report.edit_count,
    )
    add_document(report=report, upload=upload("structure.png", PNG), by=host,
                 title="Structure of the municipality",
                 kind=SupportingDocument.Kind.STRUCTURE_DIAGRAM)
    for entry in SelfAssessment.objects.filter(report=report).select_related("indicator"):
        save_self_assessment(
            report=report, indicator_id=entry.indicator_id, edit_count=entry.edit_count, by=host,
            values=EntryValues(
                status="achieved", evidence=f"Evidence for {entry.indicator.code}.",
                politically_responsible=PersonIn("Anna Virtanen", "Deputy Mayor", "City Council"),
                operationally_responsible=PersonIn("Mika Laine", "Head of Office",
                                                   "Immigration Division"),
            ),
        )
    report.refresh_from_db()


def as_file(content: bytes, name: str):
    stream = io.BytesIO(content)
    stream.name = name
    stream.size = len(content)
    return stream
