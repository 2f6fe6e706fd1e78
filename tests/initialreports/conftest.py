"""A review with its team and people, made with the ORM, and a way to fill its initial report
completely."""

import io
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from citypeer.benchmarks.domain.library import import_benchmark
from citypeer.core.benchmark import document_from_dict, validate_document
from citypeer.initialreports.domain.documents import add_document
from citypeer.initialreports.domain.reports import (
    EntryValues,
    get_or_create_report,
    save_background,
    save_self_assessment,
)
from citypeer.initialreports.method.workbook import PersonIn
from citypeer.initialreports.models import SelfAssessment, SupportingDocument
from citypeer.network.models import City
from citypeer.programmes.models import Programme, Review
from citypeer.teams.models import Team, TeamMember
from tests.conftest import make_person

# Smallest valid PNG: a 1×1 transparent pixel.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d605bb0000000049454e44ae426082"
)
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def matrix(codes: list[str], slug: str = "small") -> dict:
    """A matrix benchmark document with the given indicator codes (PILLAR/VALUE/N)."""
    pillars: dict[str, dict[str, list]] = {}
    for code in codes:
        pillar, value, _n = code.split("/")
        pillars.setdefault(pillar, {}).setdefault(value, []).append(
            {"code": code, "text": f"Indicator {code}: the city does what it says."}
        )
    names = {"A": "Ambition", "L": "Leadership", "R": "Resources", "I": "Implementation",
             "E": "Evaluation"}
    return {
        "slug": slug, "version": 1, "title": f"Benchmark {slug}", "kind": "matrix",
        "language": "en",
        "values": [{"code": v, "name": names[v]} for v in names],
        "pillars": [
            {"code": p, "name": f"Pillar {p}",
             "values": [{"value": v, "indicators": inds} for v, inds in cells.items()]}
            for p, cells in pillars.items()
        ],
    }


def make_benchmark(codes, slug="small"):
    data = matrix(codes, slug)
    assert validate_document(data) == []
    return import_benchmark(document=document_from_dict(data))


def make_world(benchmark, *, slug="inti-2008"):
    """A review of Helsinki: its host officer, Rotterdam's host officer (another host city),
    a team of two peers and an expert, a peer outside the team, a coordinator, and someone with
    no role."""
    cities = {
        s: City.objects.get_or_create(slug=s, defaults={"name": s.title(), "country": "EU"})[0]
        for s in ("helsinki", "rotterdam", "genoa", "lyon", "malmo")
    }
    programme = Programme.objects.create(slug=slug, name=slug.upper(), benchmark=benchmark)
    programme.cities.set(cities.values())
    review = Review.objects.create(programme=programme, city=cities["helsinki"])
    other_review = Review.objects.create(programme=programme, city=cities["rotterdam"])
    people = SimpleNamespace(
        host=make_person(f"host_{slug}", roles=["host_officer"], city=cities["helsinki"]),
        other_host=make_person(f"other_host_{slug}", roles=["host_officer"],
                               city=cities["rotterdam"]),
        peer=make_person(f"peer_{slug}", roles=["peer"], city=cities["genoa"]),
        expert=make_person(f"expert_{slug}", roles=["expert"]),
        outside_peer=make_person(f"outside_{slug}", roles=["peer"], city=cities["malmo"]),
        coordinator=make_person(f"coordinator_{slug}", roles=["coordinator"]),
        nobody=make_person(f"nobody_{slug}"),
    )
    for person in vars(people).values():
        person.email = f"{person.username}@example.org"
        person.save()
    team = Team.objects.create(review=review, leader=people.peer)
    TeamMember.objects.create(team=team, person=people.peer, role=TeamMember.Role.PEER)
    TeamMember.objects.create(team=team, person=people.expert, role=TeamMember.Role.EXPERT)
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
def small(db, media):
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
        provenance_revision=report.revision,
    )
    add_document(report=report, upload=upload("structure.png", PNG), by=host,
                 title="Structure of the municipality",
                 kind=SupportingDocument.Kind.STRUCTURE_DIAGRAM)
    for entry in SelfAssessment.objects.filter(report=report).select_related("indicator"):
        save_self_assessment(
            report=report, indicator_id=entry.indicator_id, revision=entry.revision, by=host,
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
