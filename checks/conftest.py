"""`make check-sources`: the shipped data checked word for word against the source documents
in ../shared/seeds/ (or $CITYPEER_SEEDS). They are not in this repository, so `make test`
never reads them; `make check-sources` says so and checks nothing when they are absent."""

import os
import re
from pathlib import Path

import pytest

from tests.conftest import INTI_FILE, REPO, TOOLKIT_FILE, inti, shipped_benchmarks, toolkit

__all__ = ["INTI_FILE", "REPO", "TOOLKIT_FILE", "inti", "shipped_benchmarks", "toolkit"]

SEEDS = Path(os.environ.get("CITYPEER_SEEDS", REPO.parent / "shared" / "seeds"))


def seed_text(prefix: str) -> str:
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.exit(f"seed {prefix} not found in {SEEDS}", returncode=2)
    return matches[0].read_text(encoding="utf-8")


def squash(text: str) -> str:
    # "**" is bold markup of the text extraction, not the publication's words.
    return re.sub(r"\s+", " ", text.replace("**", "")).strip()
