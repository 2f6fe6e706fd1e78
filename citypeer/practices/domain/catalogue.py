"""The catalogue's first entries: the good practices the method's publications give.

Two sources, both public texts: the boxed practices of the six cities INTI-CITIES reviewed
(seed 002 Section C, in ``data/inti-cities-2009-section-c.yaml``), and the city examples of
the toolkit benchmarks (seed 004), read from the stored benchmark so that their text lives in
one place only.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml
from django.db import transaction

from citypeer.benchmarks.models import Benchmark, CityExample, Indicator
from citypeer.network.models import City
from citypeer.practices.models import GoodPractice

TOOLKIT_SOURCE = "Integrating Cities toolkit (ImpleMentoring, 2014)"


@dataclass(frozen=True)
class ShippedPracticesOutcome:
    created: int
    unchanged: int
    skipped: list[str]  # why some entries could not be loaded (a benchmark missing)


def shipped_practice_files() -> list[Path]:
    folder = resources.files("citypeer.practices").joinpath("data")
    return sorted(Path(str(f)) for f in folder.iterdir() if f.name.endswith(".yaml"))


def read_practice_file(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for index, entry in enumerate(data["practices"]):
        for field in ("key", "title", "city", "description"):
            if not str(entry.get(field, "")).strip():
                raise ValueError(f"{path.name}: practices[{index}].{field}: missing")
    return data


def _city_by_name() -> dict[str, City]:
    return {c.name.casefold(): c for c in City.objects.all()}


def load_shipped_practices() -> ShippedPracticesOutcome:
    """Create the shipped practices that are not there yet; safe to run again and again.

    A shipped practice that exists already is left as it is, since the coordinator may have
    linked it to further indicators or cities since.
    """
    existing = set(GoodPractice.objects.exclude(shipped_key="")
                   .values_list("shipped_key", flat=True))
    cities = _city_by_name()
    created = unchanged = 0
    skipped: list[str] = []
    with transaction.atomic():
        for path in shipped_practice_files():
            data = read_practice_file(path)
            ref = data["benchmark"]
            benchmark = Benchmark.objects.filter(slug=ref["slug"],
                                                 version=ref["version"]).first()
            if benchmark is None:
                skipped.append(f"{path.name}: benchmark {ref['slug']} v{ref['version']} is not "
                               "loaded; run `citypeer setup` first")
                continue
            indicators = {i.code: i for i in Indicator.objects.filter(benchmark=benchmark)}
            for entry in data["practices"]:
                key = f"{ref['slug']}/{entry['key']}"
                if key in existing:
                    unchanged += 1
                    continue
                practice = GoodPractice.objects.create(
                    origin=GoodPractice.Origin.SHIPPED, shipped_key=key,
                    city=cities.get(entry["city"].casefold()), city_name=entry["city"],
                    year=entry.get("year"), title=entry["title"], theme=entry.get("theme", ""),
                    description=entry["description"].strip(), transferable=True,
                    source=data["source"],
                )
                practice.indicators.set([indicators[c] for c in entry.get("indicators", [])])
                created += 1
        examples = (CityExample.objects.filter(key_factor__benchmark__kind=Benchmark.Kind.TOOLKIT)
                    .select_related("key_factor__benchmark"))
        for example in examples:
            kf = example.key_factor
            key = f"{kf.benchmark.slug}/v{kf.benchmark.version}/{kf.code}/{example.position + 1}"
            if key in existing:
                unchanged += 1
                continue
            practice = GoodPractice.objects.create(
                origin=GoodPractice.Origin.SHIPPED, shipped_key=key,
                city=cities.get(example.city.casefold()), city_name=example.city,
                year=example.year, title=f"{kf.title}: {example.city}", theme=kf.title,
                description=example.text.strip(), transferable=True,
                source=f"{TOOLKIT_SOURCE}, {kf.code}",
            )
            practice.key_factors.set([kf])
            created += 1
    return ShippedPracticesOutcome(created=created, unchanged=unchanged, skipped=skipped)
