"""The installed `citypeer` command, as people type it."""

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

CITYPEER = str(Path(sys.executable).parent / "citypeer")


def test_assess_runs_offline_without_settings_or_database(tmp_path):
    bundle = {
        "bundle_version": 1,
        "benchmark": {"slug": "inti-cities-2009", "version": 1},
        "interviews": [
            {"id": "i1", "number": 1, "interviewee": "P-1", "interviewers": ["JB", "FC"]},
            {"id": "i2", "number": 2, "interviewee": "P-2", "interviewers": ["AK", "MR"]},
        ],
        "evidence": [
            {"id": f"e{n}", "indicators": ["GG/I/3"], "source": "interview", "interview": f"i{n}",
             "kind": "fact", "direction": "falls_short", "text": "Consulted once this year."}
            for n in (1, 2)
        ],
    }
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE",)}
    env["CITYPEER_VAR"] = str(tmp_path / "no-var-needed")

    result = subprocess.run([CITYPEER, "assess", str(path), "--json"], env=env, cwd=REPO,
                            capture_output=True, text=True)

    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "no-var-needed").exists()
    out = json.loads(result.stdout)
    gg_i_3 = next(i for i in out["indicators"] if i["indicator"] == "GG/I/3")
    assert (gg_i_3["colour"], gg_i_3["may_recommend"], gg_i_3["interviews_counted"]) == (
        "falls_short", True, [{"id": "i1", "number": 1}, {"id": "i2", "number": 2}]
    )
