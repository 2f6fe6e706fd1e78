"""`citypeer compare`: a programme's comparison as a file."""

import json

import pytest
from django.core.management import CommandError, call_command


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_compare_command_writes_the_file(world, tmp_path, fmt):
    out = tmp_path / f"c.{fmt}"

    call_command("compare", world.programme.slug, "--format", fmt, "-o", str(out))

    assert out.stat().st_size > 100
    if fmt == "json":
        assert json.loads(out.read_text())["programme"]["slug"] == world.programme.slug


def test_compare_command_names_what_is_wrong(world):
    with pytest.raises(CommandError, match="'nowhere': no such programme"):
        call_command("compare", "nowhere", "--format", "csv")
    with pytest.raises(CommandError, match="no published comparison"):
        call_command("compare", world.programme.slug, "--published", "--format", "csv")
