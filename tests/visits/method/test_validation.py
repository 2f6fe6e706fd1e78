"""Checking a visit instance: its shape and its consistency, every problem at its
location."""


import pytest

from citypeer.core.benchmark import Problem
from citypeer.visits.method import (
    VisitInstanceError,
    instance_to_dict,
    load_instance,
    validate_instance,
)
from citypeer.visits.method.generate import generate_instance
from tests.visits.method.instances import REPO, example


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
