# PartnerHub — `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_WORKERS ?= 2
UV ?= $(shell command -v uv 2>/dev/null || echo .bootstrap/bin/uv)
PYTHON := .venv/bin/python
MANAGE := $(PYTHON) manage.py
export UV_LINK_MODE := copy

.PHONY: help install vendor demo serve test lint check messages bench faults prod-local prod-local-stop clean

# Front-end libraries served from our own static files (no CDN), fetched from npm.
LEAFLET_VERSION ?= 1.9.4
LEAFLET_DIR := static/vendor/leaflet
# Clusters the directory's map (20,000 partner towns), docs/directory.md.
MARKERCLUSTER_VERSION ?= 1.5.3
MARKERCLUSTER_DIR := static/vendor/leaflet.markercluster

help: ## Show this help
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-10s\033[0m %s\n", $$1, $$2}'

.bootstrap/bin/uv:
	@echo "uv not found: installing it into .bootstrap/ with pip"
	python3 -m venv .bootstrap && .bootstrap/bin/pip install --quiet uv

install: $(if $(shell command -v uv 2>/dev/null),,.bootstrap/bin/uv) ## Create .venv and install the locked dependencies
	$(UV) sync --frozen
	@mkdir -p var
	@$(MAKE) --no-print-directory vendor
	$(MANAGE) compile_catalogues

vendor: $(LEAFLET_DIR)/leaflet.js.map $(MARKERCLUSTER_DIR)/leaflet.markercluster.js.map ## Fetch Leaflet and Leaflet.markercluster from npm into static/vendor/ (the maps' only front-end libraries)

$(LEAFLET_DIR)/leaflet.js.map:
	@# The targets are the source maps: the scripts name them, collectstatic (manifest storage) fails
	@# without them, and a checkout fetched before they were extracted fetches again.
	@command -v npm >/dev/null || { echo "npm is needed once to fetch Leaflet $(LEAFLET_VERSION) into $(LEAFLET_DIR) (Debian: apt-get install -y npm)"; exit 1; }
	@mkdir -p var/npm $(LEAFLET_DIR)
	cd var/npm && npm pack --silent leaflet@$(LEAFLET_VERSION) >/dev/null
	tar -xzf var/npm/leaflet-$(LEAFLET_VERSION).tgz -C $(LEAFLET_DIR) --strip-components=2 package/dist/leaflet.js package/dist/leaflet.js.map package/dist/leaflet.css package/dist/images
	tar -xzf var/npm/leaflet-$(LEAFLET_VERSION).tgz -C $(LEAFLET_DIR) --strip-components=1 package/LICENSE

$(MARKERCLUSTER_DIR)/leaflet.markercluster.js.map:
	@command -v npm >/dev/null || { echo "npm is needed once to fetch Leaflet.markercluster $(MARKERCLUSTER_VERSION) into $(MARKERCLUSTER_DIR) (Debian: apt-get install -y npm)"; exit 1; }
	@mkdir -p var/npm $(MARKERCLUSTER_DIR)
	cd var/npm && npm pack --silent leaflet.markercluster@$(MARKERCLUSTER_VERSION) >/dev/null
	tar -xzf var/npm/leaflet.markercluster-$(MARKERCLUSTER_VERSION).tgz -C $(MARKERCLUSTER_DIR) --strip-components=2 package/dist/leaflet.markercluster.js package/dist/leaflet.markercluster.js.map package/dist/MarkerCluster.css package/dist/MarkerCluster.Default.css
	tar -xzf var/npm/leaflet.markercluster-$(MARKERCLUSTER_VERSION).tgz -C $(MARKERCLUSTER_DIR) --strip-components=1 package/MIT-LICENCE.txt

demo: install ## Install, migrate, load the demo network and serve it on http://$(HOST):$(PORT)
	$(MANAGE) migrate --no-input -v 0
	$(MANAGE) load_demo
	@echo ""
	@echo "  Site:   http://$(HOST):$(PORT)/"
	@echo "  Admin:  http://$(HOST):$(PORT)/admin/"
	@echo ""
	$(MANAGE) runserver $(HOST):$(PORT)

serve: install ## Serve the site without reloading the demo
	$(MANAGE) migrate --no-input -v 0
	$(MANAGE) runserver $(HOST):$(PORT)

lint: install ## ruff (Django, bugbear, security, simplification rules), hadolint (the Dockerfile) and bandit (security smells, medium and high)
	.venv/bin/ruff check .
	.venv/bin/hadolint Dockerfile
	.venv/bin/bandit -c pyproject.toml -r . -ll -q

check: install ## Django system checks and the migrations check
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run

# Tests against real Redis, gunicorn and Varnish: transactional, run last in the final session.
REAL_SERVER_TESTS = tests/production tests/caching/test_varnish.py

test: install check lint ## Install, then check, lint and run the whole test suite on PostgreSQL (2 workers)
	.venv/bin/python -m pytest -n $(PYTEST_WORKERS) --ignore=tests/demo/test_demo.py --ignore=tests/browser $(REAL_SERVER_TESTS:%=--ignore=%) $(PYTEST_ARGS)
	@# Each in its own session: the demo test commits for real and wipes the database
	@# afterwards; the browser tests (live server) flush it after every test and restore
	@# the migrated rows; the real-server tests after them flush without restoring (a
	@# flush re-creates content types under new ids, which a later restore would clash with).
	.venv/bin/python -m pytest tests/demo/test_demo.py $(PYTEST_ARGS)
	.venv/bin/python -m pytest tests/browser $(REAL_SERVER_TESTS) $(PYTEST_ARGS)

messages: install ## Update the .po catalogues from the templates and code, then list what needs translating
	$(MANAGE) makemessages -l pl -l en -l de -l fr -l lt -l cs -l uk -l it -l lv -l nl --ignore=.venv --ignore=.bootstrap --ignore=var --ignore=node_modules
	$(MANAGE) compile_catalogues
	.venv/bin/python -m pytest tests/l10n/test_catalogues.py -q -p no:cacheprovider || echo "Translate the entries listed above in locale/<lang>/LC_MESSAGES/django.po"

bench: install ## Benchmark: generate the large network on a throwaway PostgreSQL, serve it with gunicorn, load it with wrk, write docs/benchmarks.md
	$(PYTHON) bench/run.py

# The fault tests (docs/operations.md, "Faults"): the quick ones also run in `make test`'s last
# session; test_load.py (marked `faults`) only here, FAULTS_LOAD_SECONDS long at FAULTS_LOAD_RATE/s.
FAULT_TESTS = tests/production/test_fault_worker.py tests/production/test_fault_postgres.py \
	tests/production/test_publish_across_servers.py tests/production/test_load.py
FAULTS_LOAD_SECONDS ?= 600
FAULTS_LOAD_RATE ?= 100

faults: install ## Fault tests on real servers: worker killed mid-newsletter, PostgreSQL restarted under load, publish across servers and Varnish, then 100 req/s for 10 minutes while an editor publishes
	FAULTS_LOAD_SECONDS=$(FAULTS_LOAD_SECONDS) FAULTS_LOAD_RATE=$(FAULTS_LOAD_RATE) \
		.venv/bin/python -m pytest $(FAULT_TESTS) -m "" -s -p no:cacheprovider $(PYTEST_ARGS)

prod-local: install ## The production stack on 127.0.0.1 without Docker: PostgreSQL, Redis, S3 (moto), 2 gunicorn, the worker, Varnish on :6081 (deploy/prod-local.sh)
	deploy/prod-local.sh start

prod-local-stop: ## Stop what `make prod-local` started (its pid files in var/prod-local/run)
	deploy/prod-local.sh stop

clean: ## Remove the virtualenv, the demo database and uploaded media
	rm -rf .venv .bootstrap var
