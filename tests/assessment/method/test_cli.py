"""`citypeer assess`, called through its main() without the server or a database."""

import json
from pathlib import Path

from citypeer.assessment.method.cli import main

ROOT = Path(__file__).resolve().parents[3]


def interview(id_, number, interviewee, *initials):
    return {"id": id_, "number": number, "interviewee": interviewee,
            "interviewers": list(initials)}


def said(id_, indicators, at, kind, direction):
    return {"id": id_, "indicators": indicators, "source": "interview", "interview": at,
            "kind": kind, "direction": direction, "text": "…"}


BUNDLE = {
    "bundle_version": 1,
    "benchmark": {"slug": "inti-cities-2009", "version": 1},
    "interviews": [
        interview("i3", 3, "P-01", "JB", "FC"), interview("i4", 4, "P-02", "AK", "MR"),
        interview("i17", 17, "P-12", "JB", "FC"), interview("i21", 21, "P-07", "AK", "MR"),
    ],
    "evidence": [
        said("e1", ["AC/I/1"], "i17", "fact", "falls_short"),
        said("e2", ["AC/I/1"], "i21", "fact", "falls_short"),
        said("e3", ["GG/A/1"], "i3", "fact", "meets"),
        said("e4", ["GG/A/1"], "i4", "fact", "meets"),
        said("e5", ["GG/A/1", "GG/A/2"], "i17", "fact", "falls_short"),
        said("e6", ["GG/A/2"], "i21", "fact", "meets"),
        {"id": "e7", "indicators": ["AC/I/1"], "source": "initial_report", "page": 14,
         "recorded_by": ["JB"], "kind": "fact", "direction": "meets", "text": "…"},
        said("e8", ["WP/E/4"], "i3", "opinion", "meets"),
    ],
}


def write(tmp_path: Path, data: dict) -> str:
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_the_text_lists_each_indicator_with_evidence_and_the_matrix(tmp_path, capsys):
    status = main([write(tmp_path, BUNDLE)])

    assert status == 0
    assert capsys.readouterr().out.splitlines() == [
        "inti-cities-2009 version 1: a finding is corroborated by fact evidence from 2 "
        "interviews with different interviewees",
        "",
        "indicator  colour        status            direction           interviews counted  "
        "        recommendation  cross-check",
        "GG/A/1     INCONCLUSIVE  contested         meets or surpasses  3, 4; against: 17   "
        "        no",
        "GG/A/2     INCONCLUSIVE  contested         –                   meets: 21; falls short:"
        " 17  no",
        "AC/I/1     FALLS_SHORT   corroborated      falls short         17, 21              "
        "        may carry one   contradicts",
        "WP/E/4     NOT_ASSESSED  no fact evidence  –                   –                   "
        "        no",
        "",
        "4 indicators with evidence; 69 without, NOT_ASSESSED (--all lists them)",
        "",
        "Pillars x values (one letter per indicator: M meets or surpasses, F falls short, "
        "I inconclusive, · not assessed)",
        "    A       L    R      I          E",
        "GG  II····  ···  ·····  ····       ······",
        "IE  ··      ·    ···    ······     ··",
        "AC  ·····   ·    ···    F·         ··",
        "WP  ··      ··   ·····  ·········  ····",
    ]


def test_all_lists_every_indicator(tmp_path, capsys):
    main([write(tmp_path, BUNDLE), "--all"])

    lines = capsys.readouterr().out.splitlines()

    assert [line.split()[0] for line in lines[3:76]][:4] == ["GG/A/1", "GG/A/2", "GG/A/3",
                                                             "GG/A/4"]
    assert lines[75].split()[0] == "WP/E/4"
    assert lines[77] == "4 indicators with evidence"


def test_json_gives_every_indicator_and_the_matrix(tmp_path, capsys):
    status = main([write(tmp_path, BUNDLE), "--json"])

    out = json.loads(capsys.readouterr().out)
    by_code = {i["indicator"]: i for i in out["indicators"]}
    assert status == 0
    assert len(out["indicators"]) == 73
    assert by_code["AC/I/1"] == {
        "indicator": "AC/I/1", "colour": "falls_short", "status": "corroborated",
        "direction": "falls_short", "corroborated": True, "contested": False,
        "may_recommend": True, "interviewees": 2, "required": 2,
        "interviews_counted": [{"id": "i17", "number": 17}, {"id": "i21", "number": 21}],
        "meets_interviews": [],
        "falls_short_interviews": [{"id": "i17", "number": 17}, {"id": "i21", "number": 21}],
        "cross_check": "contradicts", "evidence": ["e1", "e2", "e7"],
    }
    assert by_code["GG/A/1"]["status"] == "contested"
    assert by_code["GG/A/1"]["may_recommend"] is False
    assert by_code["WP/E/4"]["colour"] == "not_assessed"
    assert out["matrix"]["values"] == ["A", "L", "R", "I", "E"]
    assert out["matrix"]["pillars"][2]["cells"][3] == {"value": "I", "indicators": [
        {"indicator": "AC/I/1", "colour": "falls_short"},
        {"indicator": "AC/I/2", "colour": "not_assessed"},
    ]}


def test_the_minimum_comes_from_the_bundle(tmp_path, capsys):
    main([write(tmp_path, {**BUNDLE, "settings": {"min_corroborating_interviews": 3}}),
          "--json"])

    out = json.loads(capsys.readouterr().out)
    ac_i_1 = next(i for i in out["indicators"] if i["indicator"] == "AC/I/1")
    assert (out["min_corroborating_interviews"], ac_i_1["colour"], ac_i_1["status"]) == \
        (3, "inconclusive", "uncorroborated")


def test_an_invalid_bundle_prints_every_problem_and_exits_2(tmp_path, capsys):
    bad = {**BUNDLE, "evidence": [said("e1", ["AC/I/9"], "i99", "fact", "meets")]}
    path = write(tmp_path, bad)

    status = main([path])

    captured = capsys.readouterr()
    assert status == 2
    assert captured.out == ""
    assert captured.err.splitlines() == [
        f"{path}: evidence[0].indicators[0]: 'AC/I/9' is not an indicator of "
        "inti-cities-2009 version 1",
        f"{path}: evidence[0].interview: 'i99' is not one of the bundle's interviews",
    ]


def test_a_benchmark_file_can_be_given(tmp_path, capsys):
    benchmark = tmp_path / "mini.yaml"
    benchmark.write_text(
        "slug: mini\nversion: 2\ntitle: A small benchmark\nkind: matrix\nlanguage: en\n"
        "values: [{code: A, name: Ambition}]\n"
        "pillars: [{code: GG, name: General Governance, values: [{value: A, indicators: "
        "[{code: GG/A/1, text: A strategy.}]}]}]\n", encoding="utf-8")
    bundle = {**BUNDLE, "benchmark": {"slug": "mini", "version": 2},
              "evidence": [said("e3", ["GG/A/1"], "i3", "fact", "meets"),
                           said("e4", ["GG/A/1"], "i4", "fact", "meets")]}

    status = main([write(tmp_path, bundle), "--benchmark", str(benchmark)])

    assert status == 0
    assert capsys.readouterr().out.splitlines()[3] == (
        "GG/A/1     MEETS   corroborated  meets or surpasses  3, 4                may carry one")


def test_an_invalid_benchmark_file_exits_2(tmp_path, capsys):
    benchmark = tmp_path / "bad.yaml"
    text = (ROOT / "citypeer/benchmarks/data/shipped/inti-cities-2009.yaml").read_text(
        encoding="utf-8")
    benchmark.write_text(text.replace("slug: inti-cities-2009", "slug: Bad Slug"),
                         encoding="utf-8")

    status = main([write(tmp_path, BUNDLE), "--benchmark", str(benchmark)])

    assert status == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{benchmark}: slug: 'Bad Slug' must be lower-case letters, digits and single hyphens "
        "(for example inti-cities-2009)"]
