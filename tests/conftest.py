import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; Django then refuses ORM
# calls from that thread unless told that it is safe (it is: the loop is Playwright's).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

REPO = Path(__file__).resolve().parent.parent
SHIPPED = REPO / "citypeer" / "benchmarks" / "data" / "shipped"
INTI_FILE = SHIPPED / "inti-cities-2009.yaml"
TOOLKIT_FILE = SHIPPED / "integrating-cities-participation-2014.yaml"


def pytest_collection_modifyitems(items):
    # `make test-fast` leaves out whatever drives the browser.
    for item in items:
        if "page" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def shipped_benchmarks(db):
    from citypeer.benchmarks.domain.library import load_shipped_benchmarks

    load_shipped_benchmarks()
    from citypeer.benchmarks.models import Benchmark

    return {b.slug: b for b in Benchmark.objects.all()}


@pytest.fixture
def inti(shipped_benchmarks):
    return shipped_benchmarks["inti-cities-2009"]


@pytest.fixture
def toolkit(shipped_benchmarks):
    return shipped_benchmarks["integrating-cities-participation-2014"]


ROLES = ("coordinator", "host_officer", "peer", "expert")


def make_person(username, *, roles=(), city=None, password="a-long-test-password"):
    from citypeer.people.models import User

    user = User.objects.create_user(
        username=username, password=password, name=username.replace("_", " ").title(),
        city=city, **{f"is_{r}": True for r in roles},
    )
    return user


@pytest.fixture
def people(db):
    """One person per role, and one with no role."""
    out = {role: make_person(role, roles=[role]) for role in ROLES}
    out["nobody"] = make_person("nobody")
    return out


@pytest.fixture
def coordinator_client(client, people):
    client.force_login(people["coordinator"])
    return client


@pytest.fixture
def peer_client(client, people):
    client.force_login(people["peer"])
    return client


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert shutil.which("chromium") or os.path.exists(CHROMIUM), (
        "Debian's chromium is missing: `make test` installs it (apt-get install chromium)"
    )
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
