# The two commands of the README: `make run` and `make test`. `make bench` measures.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PORT ?= 8000

.PHONY: run test bench install lint translations messages demo clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

translations: $(STAMP)
	$(PY) -m tadamun.core.i18n

run: $(STAMP) translations
	mkdir -p var
	$(PY) manage.py migrate --no-input
	$(PY) manage.py demo --if-empty
	PORT=$(PORT) $(PY) manage.py runplatform

test: $(STAMP) translations
	$(PY) -m ruff check tadamun tests bench
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) manage.py check
	$(PY) -m pytest $(PYTEST_ARGS)

bench: $(STAMP) translations
	$(PY) bench/run.py

# Regenerate the catalogues from the source (needs GNU gettext's xgettext).
messages: $(STAMP)
	$(PY) manage.py makemessages --no-obsolete --no-location -l ar -l ckb -l kmr -l it -l en -i ".venv/*" -i "var/*" -i "bench/*" -i "tests/*"

demo: $(STAMP) translations
	$(PY) manage.py migrate --no-input
	$(PY) manage.py demo

clean:
	rm -rf $(VENV) var test-output
