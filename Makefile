# Två kommandon räcker: `make serve` och `make test`. Båda skapar .venv vid första körningen.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-requirements
SITE_URL ?= http://127.0.0.1:8000/

# Material for MkDocs prints an end-of-life banner on every build (Material reaches
# end of life in May 2027; Zensical is its successor). It is not actionable per
# build; the content, data and macros are kept plain so a later move is cheap.
export NO_MKDOCS_2_WARNING := 1
export SITE_URL

.PHONY: serve build build-offline test stress bench schemas clean distclean

# A second run installs nothing: the stamp is newer than requirements.txt.
$(STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed, found " + sys.version.split()[0]'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(STAMP)
	$(BIN)/mkdocs build --strict

# The same site/ works from file://; this zips it for a USB stick or a file share.
build-offline: build
	cd site && $(BIN)/python -m zipfile -c ../klokare-vard-offline.zip .
	@echo "Wrote klokare-vard-offline.zip: unzip it and open index.html"

# pytest.ini runs the tests on every core (pytest-xdist) against one shared build.
test: $(STAMP)
	$(BIN)/pytest

# The browser tests STRESS_RUNS times in a row with a second build running beside them:
# a flaky test shows up here. Prints how many runs were green.
STRESS_RUNS ?= 5
stress: $(STAMP)
	$(BIN)/python -m tests.stress $(STRESS_RUNS)

bench: $(STAMP)
	$(BIN)/python -m tests.bench

# Regenerate the JSON Schema files in schemas/ after changing macros/models.py.
schemas: $(STAMP)
	$(BIN)/python -m macros.schemas

clean:
	rm -rf site klokare-vard-offline.zip .pytest_cache .cache
	find docs/exempel -mindepth 1 -maxdepth 1 -type d -exec rm -rf {} +
	find . -name __pycache__ -type d -not -path './.venv/*' -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
