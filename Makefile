# Sarhad — the two commands: `make demo` and `make test`.
VENV    := .venv
PY      := $(VENV)/bin/python
SARHAD  := $(VENV)/bin/sarhad
STAMP   := $(VENV)/.installed-stamp
HOST    ?= 127.0.0.1
PORT    ?= 8000

.PHONY: install demo serve test bench bench-mrz bench-names bench-screening bench-rules bench-desk clean

$(STAMP): pyproject.toml
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	@touch $(STAMP)

install: $(STAMP)

# Set up, migrate the embedded SQLite database in var/, load the demo country, serve.
demo: install
	SARHAD_HTTPS=0 $(SARHAD) demo
	SARHAD_HTTPS=0 $(SARHAD) serve --host $(HOST) --port $(PORT)

serve: install
	SARHAD_HTTPS=0 $(SARHAD) serve --host $(HOST) --port $(PORT)

# The whole suite: SQLite, a throwaway PostgreSQL server, and a real browser.
test: install
	$(PY) tools/testsuite.py

bench: bench-mrz bench-names bench-screening bench-rules bench-desk

bench-mrz bench-names bench-screening bench-rules bench-desk: install
	$(PY) bench/$(subst bench-,,$@).py

clean:
	rm -rf $(VENV) var/ .venv-peers/ build/ src/*.egg-info
