# SPDX-License-Identifier: EUPL-1.2
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)

.PHONY: run test test-snel last schaal lint openapi docs bench clean oidc

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@

## make run: installeren, demowereld in de ingebouwde database laden, app serveren
run: $(STAMP)
	$(BIN)/integraal init
	$(BIN)/integraal demo laden
	$(BIN)/integraal serve

## make test: lint + typecheck + volledige testsuite tegen SQLite én PostgreSQL
test: $(STAMP) lint oidc
	scripts/met-postgres $(BIN)/python -m pytest -n auto --dist loadfile

# The OpenID Connect provider the single sign-on browser test starts (Node.js).
oidc:
	scripts/oidc-aanbieder

## make test-snel: alleen SQLite, zonder trage en browsertests
test-snel: $(STAMP)
	INTEGRAAL_TEST_BACKENDS=sqlite $(BIN)/python -m pytest -n auto --dist loadfile -m "not slow and not browser"

## make last: 50 clients 60 s tegen een echte server op SQLite en PostgreSQL, en kill -9 tijdens
## een levering (CI draait dit na make test; resultaat in bench/last-laatste.json)
last: $(STAMP)
	INTEGRAAL_PG_ALS_PRODUCTIE=1 scripts/met-postgres $(BIN)/python -m bench.last

## make schaal: een miljoen statements via het importpad, dan casuspagina en zoeken met 1 en 20
## ingelogde clients op SQLite en PostgreSQL (resultaat in bench/schaal-laatste.json)
schaal: $(STAMP)
	INTEGRAAL_PG_ALS_PRODUCTIE=1 scripts/met-postgres $(BIN)/python -m bench.schaal

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy src
	$(BIN)/python scripts/check_spdx.py

openapi: $(STAMP)
	$(BIN)/integraal openapi > docs/openapi.json

docs: openapi
	$(BIN)/integraal regels > docs/deelregels.md

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/python -m bench.kruis
	$(BIN)/python -m bench.integriteit
	INTEGRAAL_PG_ALS_PRODUCTIE=1 scripts/met-postgres $(BIN)/python -m bench

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
