"""The method's rules are plain Python: `citypeer/core/` and every app's `method/` package
import no Django, no DRF, no `rules`, and nothing of citypeer but `core` and other `method`
packages, so they run and are tested without a database."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "citypeer"
FORBIDDEN = ("django", "rest_framework", "rules", "drf_spectacular", "simple_history")


def plain_python_packages() -> list[Path]:
    return [PACKAGE / "core", *sorted(PACKAGE.glob("*/method"))]


def allowed(module: str) -> bool:
    parts = module.split(".")
    if parts[0] in FORBIDDEN:
        return False
    if parts[0] != "citypeer":
        return True
    return parts[1:2] == ["core"] or parts[2:3] == ["method"]


def imports_of(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def test_every_step_keeps_its_rules_in_a_method_package():
    apps = sorted(p.parent.name for p in PACKAGE.glob("*/method"))

    assert apps == ["assessment", "comparisons", "deskreviews", "feedback", "initialreports",
                    "revisions", "surveys", "teams", "visits"]


def test_core_and_method_packages_import_no_django():
    offenders = [f"{path.relative_to(PACKAGE)}: {name}"
                 for package in plain_python_packages()
                 for path in sorted(package.rglob("*.py"))
                 for name in imports_of(path) if not allowed(name)]

    assert offenders == []


def test_the_check_itself_refuses_django_and_app_modules():
    assert [allowed(m) for m in ("django.db", "citypeer.visits.models", "rules",
                                 "citypeer.core.benchmark", "citypeer.visits.method.model",
                                 "ortools.sat.python")] == [False, False, False, True, True, True]
