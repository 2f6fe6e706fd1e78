"""Steps 1 to 4 of the method, walked in Debian's Chromium by the people who do them:
the coordinator sets up a programme and accepts the suggested team, the host city's officer
writes and submits the initial report, two peers desk-review it, and the compiled desk
review shows where they split and whom they want to meet."""

import dataclasses
import struct
import zlib

import pytest

from citypeer.benchmarks.domain.library import import_benchmark
from citypeer.core.benchmark import load_document
from citypeer.network.models import City
from citypeer.programmes.models import Programme
from citypeer.teams.models import TeamMember
from tests.conftest import INTI_FILE, make_person

PASSWORD = "a-long-test-password"
CODES = ["GG/A/1", "GG/A/2", "GG/A/3"]

def png_bytes() -> bytes:
    """A real 1×1 PNG: the structure diagram the host city uploads."""

    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    raw = b"\x00\xff\xff\xff"
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))

@pytest.fixture
def cycle(live_server, transactional_db):
    inti = load_document(INTI_FILE)
    first_cell = inti.pillars[0].cells[0]
    small = dataclasses.replace(
        inti, slug="walk-benchmark", title="Walk benchmark",
        pillars=(dataclasses.replace(inti.pillars[0],
                                     cells=((first_cell[0], first_cell[1][:3]),)),),
    )
    benchmark = import_benchmark(document=small)
    city = {
        slug: City.objects.create(slug=slug, name=slug.title(), country=country,
                                  languages=languages)
        for slug, country, languages in [
            ("lyon", "FR", ["fr", "en"]), ("milan", "IT", ["it", "en"]),
            ("belfast", "GB", ["en"]), ("tampere", "FI", ["fi", "en"]),
        ]
    }
    coordinator = make_person("coord", roles=["coordinator"], password=PASSWORD)
    coordinator.is_staff = True
    coordinator.save()
    officer = make_person("claire", roles=["host_officer"], city=city["lyon"], password=PASSWORD)
    peers = [
        make_person(name, roles=["peer"], city=city[home], password=PASSWORD)
        for name, home in [("marco", "milan"), ("fiona", "belfast"), ("sanna", "tampere")]
    ]
    for person, languages in zip(peers, [["it", "en"], ["en"], ["fi", "en"]], strict=True):
        person.languages = languages
        person.save()
    return {"site": live_server.url, "benchmark": benchmark, "city": city,
            "officer": officer, "peers": peers}

def log_in(page, site, username):  # noqa: F811
    page.goto(f"{site}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{site}/")

def log_out(page):  # noqa: F811
    page.get_by_role("button", name="Log out").click()

def test_programme_team_initial_report_and_desk_review(page, cycle):  # noqa: F811
    site, city = cycle["site"], cycle["city"]

    # The coordinator creates the programme and accepts the suggested team.
    log_in(page, site, "coord")
    page.get_by_role("link", name="Programmes", exact=True).click()
    page.get_by_role("link", name="New programme").click()
    page.locator("input[name=name]").fill("Walk 2026")
    page.locator("select[name=benchmark]").select_option(label="Walk benchmark (v1)")
    for c in city.values():
        page.locator(f"input[name=cities][value='{c.pk}']").check()
    page.locator(f"input[name=host_cities][value='{city['lyon'].pk}']").check()
    for peer in cycle["peers"]:
        page.locator(f"input[name=peer_pool][value='{peer.pk}']").check()
    page.locator("input[name=team_size]").fill("2")
    page.locator("input[name=max_reviews_per_peer]").fill("1")
    page.get_by_role("button", name="Create programme").click()
    page.wait_for_url(f"{site}/programmes/walk-2026/")
    page.get_by_role("link", name="Teams", exact=True).nth(1).click()
    page.get_by_role("button", name="Suggest teams").click()
    page.get_by_role("button", name="Accept").click()
    page.get_by_role("button", name="Suggest teams").wait_for()
    review = Programme.objects.get(slug="walk-2026").reviews.get()
    team = sorted(TeamMember.objects.filter(team__review=review)
                  .values_list("person__username", flat=True))
    assert len(team) == 2
    assert "claire" not in team
    log_out(page)

    # The host officer writes the initial report and submits it.
    log_in(page, site, "claire")
    report = f"{site}/reviews/{review.pk}/initial-report/"
    page.goto(f"{report}background/")
    for kind in range(1, 8):
        page.locator(f"textarea[name=section_{kind}]").fill(f"Background section {kind}.")
    page.locator("textarea[name=drafted_by]").fill("The Equality Mission, with partners.")
    page.locator("select[name=political_involvement]").select_option("consulted")
    page.get_by_role("button", name="Save the background").click()
    page.goto(f"{report}documents/")
    page.locator("input[name=file]").set_input_files(
        {"name": "structure.png", "mimeType": "image/png", "buffer": png_bytes()}
    )
    page.locator("input[name=title]").fill("Structure of the municipality")
    page.locator("select[name=kind]").select_option("structure_diagram")
    page.get_by_role("button", name="Upload").click()
    page.get_by_role("link", name="Structure of the municipality").wait_for()
    page.goto(f"{report}self-assessment/")
    for code in CODES:
        entry = page.locator(f"article[data-code='{code}']")
        entry.locator("select[name$=-status]").select_option("in_progress")
        entry.locator("textarea[name$=-evidence]").fill(f"What the city does on {code}.")
        entry.locator("input[name$=-political_name]").fill("Committee Chair")
        entry.locator("input[name$=-political_role]").fill("chair")
        entry.locator("input[name$=-political_organisation]").fill("Consultative Committee")
        entry.get_by_role("button", name=f"Save {code}").click()
        page.locator(f"article[data-code='{code}']").get_by_text("Saved.").wait_for()
    page.goto(report)
    assert page.get_by_test_id("completeness").get_attribute("value") == "100"
    page.get_by_role("button", name="Submit the report").click()
    page.get_by_text("The report is locked").wait_for()
    log_out(page)

    # Two peers desk-review the three indicators with different judgements.
    chair = "Committee Chair, chair, Consultative Committee"
    for username, keys in zip(team, (["2", "1", "4"], ["2", "3", "2"]), strict=True):
        log_in(page, site, username)
        page.goto(f"{site}/reviews/{review.pk}/desk-review/")
        page.get_by_role("button", name="Start your desk review").click()
        for number, key in enumerate(keys, start=1):
            page.wait_for_url(f"**/desk-review/indicators/{number}/")
            page.keyboard.press(key)
            page.get_by_label(chair).check()
            page.get_by_text("Draft saved at").wait_for()
            page.keyboard.press("Escape")
            page.keyboard.press("j")
        page.goto(f"{site}/reviews/{review.pk}/desk-review/")
        page.get_by_role("button", name="Submit your desk review").click()
        page.get_by_text("Your desk review is submitted.").wait_for()
        log_out(page)

    # The compiled desk review: agreement, a split, and the merged people to meet.
    log_in(page, site, team[0])
    page.goto(f"{site}/reviews/{review.pk}/desk-review/")
    page.get_by_role("link", name="The compiled desk review").click()

    def row(code):
        return page.get_by_test_id(f"row-{code}")

    assert row("GG/A/1").get_by_test_id("status").inner_text().startswith("agrees")
    assert row("GG/A/2").get_by_test_id("status").inner_text().startswith("split")
    assert row("GG/A/3").get_by_test_id("status").inner_text().startswith("needs information")
    assert row("GG/A/2").get_by_test_id("perf").all_inner_texts() == ["falls short", "surpasses"]
    assert row("GG/A/1").get_by_test_id("to-meet").locator("li").all_inner_texts() == [
        f"{chair} ×2"
    ]

