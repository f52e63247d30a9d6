# Intercity: `make run` starts the platform with the ANMC21 data; `make test` runs lint and every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# Test processes: one per core (pytest-xdist); 1 runs the suite in one process.
TEST_WORKERS ?= auto
VENDOR := intercity/web/static/vendor
FONTS := noto-sans noto-sans-thai noto-sans-myanmar noto-sans-devanagari noto-sans-jp noto-sans-kr noto-sans-tc

.PHONY: run test install install-test assets catalogues lint format migrate load clean benchmarks

run: install assets catalogues
	$(BIN)/intercity migrate --noinput
	$(BIN)/intercity load_anmc21 --demo
	$(BIN)/intercity serve $(HOST):$(PORT)

test: install-test assets catalogues
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/intercity makemigrations --check --dry-run
	$(BIN)/pytest -n $(TEST_WORKERS)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"

# Translation catalogues are compiled in Python (polib): GNU gettext is not needed.
catalogues:
	$(BIN)/intercity compilecatalogues

# Front-end libraries come from the npm registry, pinned by package-lock.json, and are
# copied into the static folder; nothing is fetched from a CDN at run time.
assets: $(VENDOR)/.installed

$(VENDOR)/.installed: package.json package-lock.json Makefile
	npm ci --no-audit --no-fund --loglevel=error
	rm -rf $(VENDOR) && mkdir -p $(VENDOR)/htmx $(VENDOR)/leaflet $(VENDOR)/topojson-client $(VENDOR)/world-atlas $(VENDOR)/chartjs
	cp node_modules/htmx.org/dist/htmx.min.js $(VENDOR)/htmx/
	cp -r node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.js.map node_modules/leaflet/dist/leaflet.css node_modules/leaflet/dist/images $(VENDOR)/leaflet/
	cp node_modules/topojson-client/dist/topojson-client.min.js $(VENDOR)/topojson-client/
	cp node_modules/world-atlas/countries-110m.json node_modules/world-atlas/LICENSE $(VENDOR)/world-atlas/
	cp node_modules/chart.js/dist/chart.umd.min.js node_modules/chart.js/dist/chart.umd.min.js.map node_modules/chart.js/LICENSE.md $(VENDOR)/chartjs/
	# Noto fonts for every script the network writes in (Latin, Vietnamese, Cyrillic, Thai,
	# Myanmar, Devanagari, Japanese, Korean, Traditional Chinese): regular and bold, WOFF2 only.
	for font in $(FONTS); do \
	  mkdir -p $(VENDOR)/fonts/$$font/files; \
	  cp node_modules/@fontsource/$$font/LICENSE $(VENDOR)/fonts/$$font/; \
	  cp node_modules/@fontsource/$$font/files/*-400-normal.woff2 node_modules/@fontsource/$$font/files/*-700-normal.woff2 $(VENDOR)/fonts/$$font/files/; \
	  for weight in 400 700; do \
	    sed -E "s/, url\([^)]*\.woff\) format\('woff'\)//" node_modules/@fontsource/$$font/$$weight.css > $(VENDOR)/fonts/$$font/$$weight.css; \
	  done; \
	done
	touch $@

format:
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

benchmarks: install-test
	$(BIN)/python benchmarks/pages.py

clean:
	rm -rf $(VENV) node_modules $(VENDOR) var
