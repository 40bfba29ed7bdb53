# PartnerHub — `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

HOST ?= 127.0.0.1
PORT ?= 8000
UV ?= $(shell command -v uv 2>/dev/null || echo .bootstrap/bin/uv)
PYTHON := .venv/bin/python
MANAGE := $(PYTHON) manage.py
export UV_LINK_MODE := copy

.PHONY: help install demo serve test lint check messages bench clean

help: ## Show this help
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-10s\033[0m %s\n", $$1, $$2}'

.bootstrap/bin/uv:
	@echo "uv not found: installing it into .bootstrap/ with pip"
	python3 -m venv .bootstrap && .bootstrap/bin/pip install --quiet uv

install: $(if $(shell command -v uv 2>/dev/null),,.bootstrap/bin/uv) ## Create .venv and install the locked dependencies
	$(UV) sync --frozen
	@mkdir -p var
	$(MANAGE) compilemessages --ignore=.venv --ignore=.bootstrap -v 0 2>/dev/null || true

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

lint: install ## ruff (Django, bugbear, security, simplification rules)
	.venv/bin/ruff check .

check: install ## Django system checks and the migrations check
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run

test: install check lint ## Install, then check, lint and run the whole test suite on PostgreSQL
	.venv/bin/python -m pytest $(PYTEST_ARGS)

messages: install ## Update the .po catalogues from the templates and code
	$(MANAGE) makemessages -l pl -l en -l de --ignore=.venv --ignore=.bootstrap --ignore=var

bench: install ## Benchmark: generate the large network on a throwaway PostgreSQL, serve it with gunicorn, load it with wrk, write docs/benchmarks.md
	$(PYTHON) bench/run.py

clean: ## Remove the virtualenv, the demo database and uploaded media
	rm -rf .venv .bootstrap var
