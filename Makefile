# Two commands for a newcomer: `make play` and `make test`. Both build .venv from nothing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_DEV := $(VENV)/.installed-dev

.PHONY: play test test-slow test-all lint fmt validate clean bench screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP_DEV): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(STAMP_RUN)

play: $(STAMP_RUN)
	$(BIN)/two-augusts play $(ARGS)

# The default suite, with the share of game/ it runs (modules fully covered are not listed).
test: $(STAMP_DEV)
	$(BIN)/python -m pytest -q -n auto --cov --cov-report=term

test-slow: $(STAMP_DEV)
	$(BIN)/python -m pytest -q -m slow

test-all: $(STAMP_DEV)
	$(BIN)/python -m pytest -q -m ''

lint: $(STAMP_DEV)
	$(BIN)/ruff check game tests bench
	$(BIN)/ruff format --check game tests bench
	$(BIN)/lint-imports
	$(BIN)/mypy game

fmt: $(STAMP_DEV)
	$(BIN)/ruff format game tests bench
	$(BIN)/ruff check --fix game tests bench

# Every figure of speed and scale against its target (docs/performance.md); ARGS=--json for JSON.
bench: $(STAMP_DEV)
	@$(BIN)/python bench/run.py $(ARGS)

validate: $(STAMP_RUN)
	$(BIN)/two-augusts validate scenarios/*.toml scenarios/examples/*.toml

# The README's pictures, drawn off screen by the game itself.
screenshots: $(STAMP_RUN)
	$(BIN)/two-augusts screenshot khalkhin_gol_1939 docs/screenshots/khalkhin_gol_1939.png --size 1280x800 --side soviet --turn 2
	$(BIN)/two-augusts screenshot manchuria_1945 docs/screenshots/manchuria_1945.png --size 1280x800 --side soviet
	$(BIN)/two-augusts screenshot manchuria_1945 docs/screenshots/title.png --size 1280x800 --screen title
	$(BIN)/two-augusts screenshot khalkhin_gol_1939 docs/screenshots/report.png --size 1280x800 --screen report --side soviet --turn 30

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache *.egg-info
