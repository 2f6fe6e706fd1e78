"""`citypeer schedule`, run through its main(): the grid, status, coverage and warnings;
JSON; every problem of a bad file; --check and --greedy."""

import json

from citypeer.visits.method.cli import main
from tests.visits.method.instances import example


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
