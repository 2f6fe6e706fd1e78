"""The initial report's pages as the host city, the coordinator and the peers use them."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from citypeer.initialreports.domain.documents import add_document
from citypeer.initialreports.domain.reports import (
    save_background,
    save_self_assessment,
)
from citypeer.initialreports.method.report import EntryValues, PersonIn
from citypeer.initialreports.models import SelfAssessment
from tests.initialreports.conftest import PDF, fill_completely, make_benchmark, make_world, upload


def conflict_rows(html):
    """(field, saved, yours) of each row the edit-conflict partial shows."""
    return re.findall(r'<th scope="row">(\w+)[^<]*(?:<span class="tag">[^<]*</span>)?</th>\s*'
                      r'<td data-testid="saved">([^<]*)</td>\s*<td data-testid="yours">([^<]*)',
                      html)


def url(world, name, **kwargs):
    return reverse(f"initialreports:{name}", kwargs={"review": world.review.pk, **kwargs})


def background_post(form, **changes):
    """What the browser sends back for a background form, with some fields changed."""
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name)
        value = "" if value is None else str(value)
        data[name] = value
        if field.show_hidden_initial:
            data[f"initial-{name}"] = value
    data.update(changes)
    return data


def test_overview_shows_state_meter_and_what_is_missing(client, world):
    client.force_login(world.people.host)

    response = client.get(url(world, "overview"))

    html = response.content.decode()
    assert '<strong data-testid="report-state">draft</strong>' in html
    assert 'value="0" data-testid="completeness"' in html
    missing = re.findall(r"<li>(?:<a [^>]+>)?([^<]+)(?:</a>)?: ([^<]+)</li>",
                         html.split('data-testid="missing"')[1].split("</ul>")[0])
    assert missing[0] == ("Background section 1 (Main characteristics of the municipality)",
                          "the section is empty")
    assert missing[-1] == (
        "IE/L/1", "no status; no evidence; no politically or operationally responsible person"
    )
    assert len(missing) == 8 + 2 + 3
    assert "19 things are missing before submission" in html
    assert "Submit the report" in html
    assert "Return for clarification" not in html


def test_the_host_submits_and_the_coordinator_sees_the_return_form(client, world):
    fill_completely(world)
    client.force_login(world.people.host)

    response = client.post(url(world, "submit"), follow=True)

    assert response.context["report"].state == "submitted"
    assert "The report is submitted." in response.content.decode()
    client.force_login(world.people.coordinator)
    html = client.get(url(world, "overview")).content.decode()
    assert "Return for clarification" in html
    assert "Submit the report" not in html


def test_submitting_an_incomplete_report_says_how_much_is_missing(client, world):
    client.force_login(world.people.host)

    response = client.post(url(world, "submit"), follow=True)

    assert response.context["report"].state == "draft"
    assert [str(m) for m in response.context["messages"]] == [
        "The report cannot be sent yet: 19 things are missing (listed below)."
    ]


def test_resubmit_after_a_return(client, world):
    fill_completely(world)
    client.force_login(world.people.host)
    client.post(url(world, "submit"))
    client.force_login(world.people.coordinator)
    client.post(url(world, "return"), {"question": "Is the EU budget yearly?"})
    client.force_login(world.people.host)
    html = client.get(url(world, "overview")).content.decode()

    response = client.post(url(world, "resubmit"), {"message": "Yes, yearly."}, follow=True)

    assert "Is the EU budget yearly?" in html
    assert response.context["report"].state == "resubmitted"
    assert world.report.transitions.last().message == "Yes, yearly."


def test_background_form_saves_only_what_changed(client, world):
    client.force_login(world.people.host)
    form = client.get(url(world, "background")).context["form"]

    response = client.post(url(world, "background"), background_post(
        form, section_2="Twelve departments.", political_involvement="informed",
        budget_eu="1000.50"))

    assert response.status_code == 302
    world.report.refresh_from_db()
    assert list(world.report.background_sections.values_list("edit_count", flat=True)) == [
        0, 1, 0, 0, 0, 0, 0
    ]
    assert (world.report.political_involvement, str(world.report.budget_eu),
            world.report.edit_count) == ("informed", "1000.50", 1)


def test_two_people_on_the_background_form(client, world):
    """Both open the form; the first saves section 1; the second, who changed section 1 too,
    gets the conflict page with both versions and nothing of theirs is saved; their change to
    section 2 does not collide but waits with the rest."""
    client.force_login(world.people.host)
    form = client.get(url(world, "background")).context["form"]
    save_background(report=world.report, by=world.people.host,
                    sections={1: ("First version.", 0)})

    response = client.post(url(world, "background"), background_post(
        form, section_1="Second version.", section_2="Departments."))

    assert response.status_code == 409
    (stale,) = response.context["conflict"].edits
    assert (stale.what, [(f.label, f.yours, f.saved) for f in stale.fields]) == (
        "Main characteristics of the municipality",
        [("text", "Second version.", "First version.")],
    )
    html = response.content.decode()
    assert '<td data-testid="yours">Second version.</td>' in html
    assert '<td data-testid="saved">First version.</td>' in html
    assert list(world.report.background_sections.values_list("text", flat=True))[:2] == [
        "First version.", ""
    ]

    again = response.context["form"]
    data = {name: again.data[name] for name in again.data}
    kept = client.post(url(world, "background"), data)

    assert kept.status_code == 302
    assert list(world.report.background_sections.values_list("text", flat=True))[:2] == [
        "Second version.", "Departments."
    ]


def test_self_assessment_editor_saves_an_entry_with_htmx(client, world):
    client.force_login(world.people.host)
    entry = SelfAssessment.objects.get(report=world.report, indicator__code="GG/A/2")
    prefix = f"e{entry.indicator_id}"

    response = client.post(url(world, "entry", indicator=entry.indicator_id), {
        f"{prefix}-status": "in_progress", f"{prefix}-evidence": "A plan for 2009.",
        f"{prefix}-political_name": "Anna Virtanen", f"{prefix}-political_role": "Mayor",
        f"{prefix}-edit_count": "0",
    }, HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    html = response.content.decode()
    assert html.startswith('<article class="entry" id="code-gga2"')
    assert "Saved." in html
    entry.refresh_from_db()
    assert (entry.status, entry.evidence, str(entry.politically_responsible), entry.edit_count) == (
        "in_progress", "A plan for 2009.", "Anna Virtanen, Mayor", 1
    )


def test_an_entry_conflict_shows_both_versions(client, world):
    client.force_login(world.people.host)
    entry = SelfAssessment.objects.get(report=world.report, indicator__code="GG/A/1")
    save_self_assessment(report=world.report, indicator_id=entry.indicator_id, edit_count=0,
                         by=world.people.coordinator,
                         values=EntryValues(status="achieved", evidence="Theirs."))
    prefix = f"e{entry.indicator_id}"

    response = client.post(url(world, "entry", indicator=entry.indicator_id), {
        f"{prefix}-status": "aspiration", f"{prefix}-evidence": "Mine.",
        f"{prefix}-edit_count": "0",
    })

    assert response.status_code == 409
    assert conflict_rows(response.content.decode()) == [
        ("status", "achieved", "aspiration only"), ("evidence", "Theirs.", "Mine."),
    ]
    assert response.context["conflict"].edits[0].saved_by == str(world.people.coordinator)
    assert response.context["item"]["form"]["edit_count"].value() == "1"
    entry.refresh_from_db()
    assert (entry.status, entry.evidence) == ("achieved", "Theirs.")


def test_editor_is_grouped_by_pillar_and_value(client, world):
    client.force_login(world.people.peer)

    response = client.get(url(world, "self_assessment"))

    groups = [(g["pillar"].code, [(v["value"].code, [i["entry"].indicator.code
                                                     for i in v["items"]])
                                  for v in g["values"]])
              for g in response.context["groups"]]
    assert groups == [("GG", [("A", ["GG/A/1", "GG/A/2"])]), ("IE", [("L", ["IE/L/1"])])]
    assert "<form" not in response.content.decode().split("<main>")[1].split("</main>")[0] \
        .replace('<form method="post" action="/accounts/logout/"', "")


def fill_people_and_documents(world):
    for entry in SelfAssessment.objects.filter(report=world.report):
        save_self_assessment(
            report=world.report, indicator_id=entry.indicator_id, edit_count=0,
            by=world.people.host,
            values=EntryValues(status="achieved", evidence="e",
                               politically_responsible=PersonIn(f"P {entry.pk}", "", "Council"),
                               operationally_responsible=PersonIn("Mika Laine", "Head", "IO")),
        )
        add_document(report=world.report, upload=upload("e.pdf", PDF), by=world.people.host,
                     self_assessment=entry)


def queries_for(client, address) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(address)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_editor_query_count_does_not_grow_with_the_benchmark(client, inti, media):
    one = make_world(make_benchmark(["GG/A/1"], slug="one"), slug="one")
    all73 = make_world(inti, slug="inti")
    assert all73.report.self_assessments.count() == 73
    for world in (one, all73):
        fill_people_and_documents(world)

    counts = {}
    for who in ("host", "peer"):
        for name, world in (("one", one), ("all73", all73)):
            client.force_login(getattr(world.people, who))
            queries_for(client, url(world, "self_assessment"))  # warm the session
            counts[(who, name)] = queries_for(client, url(world, "self_assessment"))

    assert counts[("host", "one")] == counts[("host", "all73")]
    assert counts[("peer", "one")] == counts[("peer", "all73")]


def test_overview_query_count_does_not_grow_with_the_benchmark(client, inti, media):
    one = make_world(make_benchmark(["GG/A/1"], slug="one"), slug="one")
    all73 = make_world(inti, slug="inti")
    for world in (one, all73):
        fill_people_and_documents(world)
    client.force_login(one.people.coordinator)
    queries_for(client, url(one, "overview"))

    assert queries_for(client, url(one, "overview")) == queries_for(client, url(all73,
                                                                                "overview"))


def test_an_entry_conflict_in_the_editor_swaps_in_both_versions(client, world):
    client.force_login(world.people.host)
    entry = SelfAssessment.objects.get(report=world.report, indicator__code="IE/L/1")
    save_self_assessment(report=world.report, indicator_id=entry.indicator_id, edit_count=0,
                         by=world.people.host, values=EntryValues(who="The alderman."))
    prefix = f"e{entry.indicator_id}"

    response = client.post(url(world, "entry", indicator=entry.indicator_id), {
        f"{prefix}-who": "The mayor.", f"{prefix}-edit_count": "0",
    }, HTTP_HX_REQUEST="true")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith('<article class="entry" id="code-iel1"')
    assert conflict_rows(html) == [("who", "The alderman.", "The mayor.")]
    assert f'name="{prefix}-edit_count" value="1"' in html


def test_return_form_page(client, world):
    fill_completely(world)
    client.force_login(world.people.host)
    client.post(url(world, "submit"))
    page_for_host = client.get(url(world, "return"))
    client.force_login(world.people.coordinator)

    page = client.get(url(world, "return"))
    empty = client.post(url(world, "return"), {"question": ""})

    assert (page_for_host.status_code, page.status_code, empty.status_code) == (403, 200, 400)
    assert "What should the host city clarify?" in page.content.decode()
    world.report.refresh_from_db()
    assert world.report.state == "submitted"
