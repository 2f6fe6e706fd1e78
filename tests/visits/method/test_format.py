"""The visit instance format: its validation with locations, JSON round trips of instances
and results, and the `citypeer schedule` command run through its main()."""

import copy
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citypeer.core.benchmark import Problem
from citypeer.visits.method import (
    Timetable,
    VisitInstanceError,
    instance_from_dict,
    instance_from_text,
    instance_to_dict,
    load_instance,
    result_from_dict,
    result_to_dict,
    seed_days,
    solve_timetable,
    validate_instance,
)
from citypeer.visits.method.cli import main
from citypeer.visits.method.generate import generate_instance

REPO = Path(__file__).resolve().parents[3]
EXAMPLE = {
    "peers": [
        {"initials": "JB", "languages": ["en", "fr"]},
        {"initials": "FC", "languages": ["en"]},
        {"initials": "AB", "languages": ["en"]},
        {"initials": "CD", "languages": ["en"]},
    ],
    "interviewees": [
        {"id": "chair", "name": "Committee chair", "category": "politician",
         "organisation": "Consultative committee", "indicators": ["AC/I/3"],
         "availability": [{"day": 2, "start": "09:00", "end": "11:00"}], "required": True},
        {"id": "officer", "name": "Integration officer", "category": "municipality_staff",
         "indicators": ["AC/I/3", "GG/L/1"]},
        {"id": "imam", "name": "Imam", "category": "migrant_group", "language": "ar",
         "interpreter": True, "indicators": ["WP/A/2"],
         "availability": [{"day": 2, "start": "16:00", "end": "18:00"},
                          {"day": 3, "start": "14:00", "end": "18:00"}]},
        {"id": "teacher", "name": "Teacher", "category": "partner_organisation",
         "availability": [{"day": 3, "start": "09:00", "end": "12:00"}]},
    ],
    "workshops": [
        {"id": "A", "title": "Workshop A", "day": 2, "start": "16:00", "peers": ["JB", "FC"],
         "participants": ["imam"]},
    ],
    "desk_review": [
        {"indicator": "AC/I/3", "status": "needs_information",
         "questions": ["How were committee members appointed?"]},
        {"indicator": "GG/L/1", "status": "agrees", "questions": ["Who leads?"]},
    ],
}


def example(**changes) -> dict:
    data = copy.deepcopy(EXAMPLE)
    data.update(changes)
    return data


# --- validation -----------------------------------------------------------------------------

def test_the_example_and_generated_instances_are_valid():
    assert validate_instance(example()) == []
    assert validate_instance(instance_to_dict(generate_instance(seed=1))) == []


def test_the_schema_in_docs_is_the_one_the_package_reads():
    docs = (REPO / "docs" / "visit-instance.schema.json").read_bytes()
    package = (REPO / "citypeer" / "visits" / "method" / "visit-instance.schema.json")

    assert docs == package.read_bytes()


def test_a_bad_time_names_its_location():
    data = example()
    data["interviewees"][3]["availability"][0]["start"] = "9:00"

    assert validate_instance(data) == [Problem(
        "interviewees[3].availability[0].start",
        "'9:00' must be a time HH:MM (for example 09:00)")]


def test_shape_problems_name_their_locations():
    data = example()
    del data["interviewees"][1]["category"]
    data["interviewees"][2]["category"] = "imam"
    data["peers"][0]["colour"] = "blue"
    data["workshops"][0]["participants"] = "imam"

    assert validate_instance(data) == [
        Problem("interviewees[1].category", "is required but missing"),
        Problem("interviewees[2].category", "'imam' is not one of 'municipality_staff', "
                "'politician', 'partner_organisation', 'service_user', 'migrant_group'"),
        Problem("peers[0]", "unknown field(s): 'colour'"),
        Problem("workshops[0].participants", "must be of type array, not str 'imam'"),
    ]


def test_consistency_problems_name_their_locations():
    data = example()
    data["peers"][3]["initials"] = "JB"
    data["interviewees"][0]["availability"][0]["end"] = "08:00"
    data["interviewees"][3]["availability"][0]["day"] = 7
    data["workshops"][0]["peers"] = ["JB", "XY"]
    data["workshops"][0]["participants"] = ["imam", "nobody"]
    data["workshops"].append({"id": "B", "day": 3})
    data["desk_review"].append({"indicator": "AC/I/3"})
    data["timetable"] = {"interviews": [
        {"interviewee": "officer", "day": 2, "start": "09:30", "peers": ["JB", "FC"]},
        {"interviewee": "ghost", "day": 2, "start": "10:00", "peers": ["JB", "JB"]},
    ]}

    assert validate_instance(data) == [
        Problem("desk_review[2].indicator", "'AC/I/3' is used twice (first at desk_review[0])"),
        Problem("interviewees[0].availability[0].end", "'08:00' must be after its start "
                "'09:00'"),
        Problem("interviewees[3].availability[0].day", "day 7 does not exist: the visit has "
                "4 days"),
        Problem("peers[3].initials", "'JB' is used twice (first at peers[0])"),
        Problem("timetable.interviews[0].start", "'09:30' is not on day 2's grid of "
                "60-minute slots from 09:00"),
        Problem("timetable.interviews[1].interviewee", "'ghost' is not one of the "
                "interviewees"),
        Problem("timetable.interviews[1].peers", "an interview is held by two different "
                "peers"),
        Problem("workshops[0].participants[1]", "'nobody' is not one of the interviewees"),
        Problem("workshops[0].peers[1]", "'XY' is not one of the peers"),
        Problem("workshops[1].start", "is required when day is given (a fixed workshop has "
                "both; a workshop the optimiser places has neither)"),
    ]


def test_a_file_that_is_not_json_names_the_line(tmp_path):
    path = tmp_path / "visit.json"
    path.write_text('{"peers": [\n  {"initials": "JB",}\n]}', encoding="utf-8")

    with pytest.raises(VisitInstanceError) as error:
        load_instance(path)

    assert error.value.problems == [Problem("line 2, column 21",
                                            "not valid JSON: Expecting property name enclosed "
                                            "in double quotes")]


# --- round trips ----------------------------------------------------------------------------

def test_an_instance_without_defaults_reads_as_the_seed_visit():
    instance = instance_from_dict(example())

    assert instance.visit.days == seed_days()
    assert instance.workshops[0].duration == 120
    assert instance_from_dict(instance_to_dict(instance)) == instance


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(2, 12), st.integers(0, 40), st.integers(0, 3), st.integers(0, 10_000))
def test_any_generated_instance_round_trips_through_json(team, people, workshops, seed):
    instance = generate_instance(peers=team, interviewees=people, indicators=25,
                                 workshops=workshops, seed=seed)

    data = json.loads(json.dumps(instance_to_dict(instance)))

    assert validate_instance(data) == []
    assert instance_from_dict(data) == instance


def test_a_result_round_trips_through_json_and_its_timetable_feeds_a_new_instance():
    instance = instance_from_dict(example())
    result = solve_timetable(instance, time_limit=5)

    data = json.loads(json.dumps(result_to_dict(result)))
    again = instance_from_text(json.dumps(example(timetable=data["timetable"])),
                               source_name="replan.json")

    assert result_from_dict(data) == result
    assert again.timetable == result.timetable
    assert data["gap"] == 0.0


def test_a_timetable_without_ends_takes_them_from_the_interviewees_and_workshops():
    data = example(timetable={
        "interviews": [{"interviewee": "imam", "day": 3, "start": "14:00",
                        "peers": ["AB", "CD"], "locked": True}],
        "workshops": [{"workshop": "A", "day": 2, "start": "16:00"}]})

    timetable = instance_from_dict(data).timetable

    assert [(i.start, i.end, i.locked) for i in timetable.interviews] == [
        (14 * 60, 16 * 60, True)]
    assert [(s.start, s.end) for s in timetable.workshops] == [(16 * 60, 18 * 60)]
    assert timetable != Timetable()


# --- the command ----------------------------------------------------------------------------

def write(tmp_path, data) -> str:
    path = tmp_path / "visit.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_schedule_prints_the_grid_status_coverage_and_warnings(tmp_path, capsys):
    code = main([write(tmp_path, example()), "--time-limit", "5"])
    out = capsys.readouterr().out

    rows = {line.split("|")[1].strip(): [c.strip() for c in line.split("|")[2:-1]]
            for line in out.splitlines() if line.startswith("|")}

    assert code == 0
    assert rows["Time"] == ["Day 1", "Day 2", "", "Day 3", "", "Day 4"]
    assert rows["16:00-17:00"][0] == "Presentation from host ci…"
    assert "Workshop A JB & FC" in rows["16:00-17:00"][1:3]
    assert "… Workshop A" in rows["17:00-18:00"][1:3]
    assert rows["13:00-14:00"] == ["Lunch", "Lunch", "", "Lunch", "", "Lunch"]
    assert "Status: proven optimal (cp-sat" in out
    assert ("Coverage: 1 of 1 'needs information'/'split' indicators heard in 2 interviews; "
            "1 of 1 other indicators with open questions heard") in out


def test_schedule_json_is_the_result_as_data(tmp_path, capsys):
    code = main([write(tmp_path, example()), "--json", "--time-limit", "5"])
    data = json.loads(capsys.readouterr().out)

    assert code == 0
    assert data["status"] == "optimal"
    assert sorted(i["interviewee"] for i in data["timetable"]["interviews"]) == [
        "chair", "imam", "officer", "teacher"]
    assert [(c["indicator"], c["met"]) for c in data["coverage"]] == [
        ("AC/I/3", True), ("GG/L/1", True)]


def test_schedule_reports_every_problem_of_a_bad_file_with_its_location(tmp_path, capsys):
    data = example()
    data["interviewees"][3]["availability"][0]["start"] = "9:00"
    data["workshops"][0]["peers"] = ["JB", "XY"]
    path = write(tmp_path, data)

    code = main([path])

    assert code == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{path}: interviewees[3].availability[0].start: '9:00' must be a time HH:MM (for "
        "example 09:00)"]


def test_schedule_explains_an_impossible_visit(tmp_path, capsys):
    data = example()
    data["interviewees"][0]["availability"] = [{"day": 2, "start": "13:00", "end": "14:00"}]

    code = main([write(tmp_path, data), "--time-limit", "5"])
    lines = capsys.readouterr().out.splitlines()

    assert code == 1
    assert lines[0].startswith("Status: impossible (cp-sat, ")
    assert lines[1:] == [
        "  - Interviewee 'Committee chair' (available Day 2 13:00-14:00) cannot be fitted: at "
        "Day 2 13:00 it is 'Lunch'. Any one of these changes would make a timetable possible: "
        "holding interviews during 'Lunch' (Day 2 13:00-14:00); 'Committee chair' being "
        "available at other times; not meeting 'Committee chair'."]


def test_schedule_check_validates_the_instances_own_timetable(tmp_path, capsys):
    data = example(timetable={"interviews": [
        {"interviewee": "officer", "day": 2, "start": "16:00", "peers": ["JB", "AB"]}],
        "workshops": [{"workshop": "A", "day": 2, "start": "16:00"}]})

    code = main([write(tmp_path, data), "--check", "--json"])
    warnings = json.loads(capsys.readouterr().out)["warnings"]

    assert code == 1
    assert [(w["code"], w["severity"], w["peer"], w["interviewee"], w["day"], w["start"])
            for w in warnings] == [
        ("required_missing", "error", None, "chair", None, None),
        ("peer_overlap", "error", "JB", "officer", 2, "16:00"),
        ("uncovered", "warning", None, None, None, None),
    ]


def test_schedule_greedy_runs_the_baseline(tmp_path, capsys):
    code = main([write(tmp_path, example()), "--greedy", "--json"])
    data = json.loads(capsys.readouterr().out)

    assert code == 0
    assert (data["method"], data["status"], data["bound"]) == ("greedy", "feasible", None)
