# `make serve` förhandsgranskar, `make check` kontrollerar före en pull request (≈30 s),
# `make test` kör alla tester och `make granska` listar det som ska granskas.
# Alla skapar .venv vid första körningen.
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

.PHONY: serve build build-offline pdf check test stress lint format bench audit schemas granska clean distclean

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

# Before a pull request: data, strict build and internal links/anchors, no browser (macros/check.py).
check: $(STAMP)
	@$(BIN)/python -m macros.check

# The print edition of each language as a PDF (site/klokare-vard.pdf, site/en/wiser-care.pdf),
# made by Debian's Chromium through Playwright (CHROMIUM=/path to use another). Built with
# PRINT_PDF=1, so the print pages link to the PDFs; a plain `make build` needs no Chromium.
pdf: $(STAMP)
	PRINT_PDF=1 $(BIN)/mkdocs build --strict
	$(BIN)/python -m macros.pdf site

# pytest.ini runs the tests on every core (pytest-xdist) against one shared build.
test: lint
	$(BIN)/pytest

# The browser tests STRESS_RUNS times in a row with a second build running beside them:
# a flaky test shows up here. Prints how many runs were green.
STRESS_RUNS ?= 5
stress: $(STAMP)
	$(BIN)/python -m tests.stress $(STRESS_RUNS)

# What is due for review, oldest first: `make granska`, `make granska MANADER=6`;
# STRICT=1 gives exit code 1 when something is due (for a scheduled CI job).
MANADER ?= 12
granska: $(STAMP)
	@$(BIN)/python -m macros.due --manader $(MANADER) $(if $(filter-out 0 no nej false,$(STRICT)),--strict)

# Python lint and format check (ruff.toml); `make format` rewrites the files.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Build time (shipped and with 1,000 synthetic examples in a temporary copy), site size,
# first-view bytes per key page, search index per language, search and filter speed in
# Chromium. One table; nothing is asserted (tests/test_budget.py guards the page weight).
bench: $(STAMP)
	$(BIN)/python -m tests.bench

# Optional: Lighthouse (mobile) on the key pages, served uncompressed like an intranet,
# AUDIT_RUNS times each (median, low and high: one run moves by a few hundredths).
# Needs Node.js (npx fetches Lighthouse from the npm registry) and Debian's Chromium;
# `make test` does not need Node. Reports in .cache/lighthouse/ (HTML and JSON).
LIGHTHOUSE ?= lighthouse@12.8.2
# The port of the default SITE_URL, so that canonical and hreflang addresses match.
AUDIT_PORT ?= 8000
AUDIT_RUNS ?= 3
AUDIT_PAGES ?=
audit: build
	$(BIN)/python -m tests.audit --runs $(AUDIT_RUNS) --port $(AUDIT_PORT) --lighthouse $(LIGHTHOUSE) $(AUDIT_PAGES)

# Regenerate the JSON Schema files in schemas/ after changing macros/models.py.
schemas: $(STAMP)
	$(BIN)/python -m macros.schemas

clean:
	rm -rf site klokare-vard-offline.zip .pytest_cache .cache
	@# Only the example pages the build generated (they carry the marker of macros/generated.py).
	grep -l -s 'generated from docs/data/exempel' docs/exempel/*/index.md | xargs -r -n1 dirname | xargs -r rm -rf
	find . -name __pycache__ -type d -not -path './.venv/*' -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
