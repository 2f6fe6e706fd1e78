# citypeer: `make run` serves the platform with demo data; `make test` runs the tests.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PORT   ?= 8000

.PHONY: run test test-fast check-sources lint bench setup install install-test system-packages test-packages apt-packages clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "citypeer needs Python 3.11 or later"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

setup: install system-packages
	$(BIN)/citypeer migrate --noinput
	$(BIN)/citypeer setup --demo

run: setup
	@echo "Serving http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	CITYPEER_DEBUG=1 $(BIN)/citypeer runserver 127.0.0.1:$(PORT)

# Debian's Chromium for the browser tests (Playwright never downloads a browser here), and
# the Pango, HarfBuzz and fonts WeasyPrint draws PDFs with.
RUN_PACKAGES = libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
TEST_PACKAGES = $(RUN_PACKAGES) chromium
system-packages:
	@$(MAKE) --no-print-directory apt-packages PACKAGES="$(RUN_PACKAGES)"
test-packages:
	@$(MAKE) --no-print-directory apt-packages PACKAGES="$(TEST_PACKAGES)"
apt-packages:
	@if ! command -v dpkg >/dev/null 2>&1; then \
	  echo "Not a Debian system: make sure these (or your system's equivalents) are installed: $(PACKAGES)"; \
	  exit 0; \
	fi; \
	missing=$$(for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages: $$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

test: install-test test-packages
	$(BIN)/python -m pytest

test-fast: install-test
	$(BIN)/python -m pytest -m "not browser"

# The shipped benchmarks, practices and demo checked word for word against the source
# documents, which live beside the repository (../shared/seeds/), not in it.
SEEDS ?= $(abspath ../shared/seeds)
check-sources: install-test
	@if [ ! -d "$(SEEDS)" ]; then \
	  echo "check-sources: the source documents are not at $(SEEDS) (set SEEDS=...): nothing checked"; \
	else \
	  CITYPEER_SEEDS="$(SEEDS)" $(BIN)/python -m pytest -p no:cacheprovider checks; \
	fi

lint: install-test
	$(BIN)/ruff check .

bench: install-test
	$(BIN)/python bench/run.py
	$(BIN)/python bench/timetable.py
	$(BIN)/python bench/report.py
	$(BIN)/python bench/comparison.py

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
