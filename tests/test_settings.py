"""Settings come from the environment; production settings pass Django's deploy check."""

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

CITYPEER = str(Path(sys.executable).parent / "citypeer")


def test_deploy_check_with_production_settings_has_no_warning(tmp_path):
    env = {**os.environ, "CITYPEER_VAR": str(tmp_path),
           "DJANGO_SETTINGS_MODULE": "citypeer.settings.production",
           "CITYPEER_ALLOWED_HOSTS": "citypeer.example.org"}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests only

    result = subprocess.run(
        [CITYPEER, "check", "--deploy", "--fail-level", "WARNING"],
        env=env, cwd=REPO, capture_output=True, text=True,
    )

    assert (result.returncode, result.stdout.strip()) == (
        0, "System check identified no issues (0 silenced)."
    ), result.stderr


def test_secret_key_is_generated_once_and_kept(tmp_path):
    env = {**os.environ, "CITYPEER_VAR": str(tmp_path)}
    env.pop("SECRET_KEY", None)
    code = "from django.conf import settings; print(settings.SECRET_KEY)"

    def key():
        return subprocess.run(
            [sys.executable, "-c", f"import django; django.setup(); {code}"],
            env={**env, "DJANGO_SETTINGS_MODULE": "citypeer.settings"},
            capture_output=True, text=True, check=True,
        ).stdout.strip()

    first, second = key(), key()

    assert first == second
    assert len(first) >= 50
    assert (tmp_path / "secret_key").read_text().strip() == first


def test_database_url_chooses_the_database(tmp_path):
    env = {**os.environ, "CITYPEER_VAR": str(tmp_path),
           "DATABASE_URL": "postgres://someone@db.example.org:5433/citypeer",
           "DJANGO_SETTINGS_MODULE": "citypeer.settings"}
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "d = settings.DATABASES['default']; "
        "print(d['ENGINE'], d['HOST'], d['PORT'], d['NAME'])"
    )

    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         check=True).stdout.split()

    assert out == ["django.db.backends.postgresql", "db.example.org", "5433", "citypeer"]


def test_debug_is_off_unless_asked_for():
    from django.conf import settings

    assert settings.DEBUG is False
