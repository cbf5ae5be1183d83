# Two commands for a fresh machine:  make tablero  (dashboard on the sample data)  ·  make test
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= data/warehouse/tablero.duckdb
PORT ?= 8501
# On a user's own machine every page opens without login; a server configures [auth] in .streamlit/secrets.toml,
# which always wins over this (README, "Acceso").
TABLERO_MODO ?= local

.PHONY: tablero test setup setup-dev sample build migrate clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

setup: $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt

setup-dev: $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt

data/inputs/solicitudes:
	$(BIN)/python -m etl sample --out data/inputs

# The sample's citizens' evaluations go into the local participación store (only when it has none) before the
# first build, so the dashboard shows them (README, "Evaluación ciudadana"). Inputs written before the sample had
# evaluations (or real inputs) have no seed file: then there are simply no sample evaluations.
SEED := data/inputs/participacion/evaluaciones_ejemplo.csv
$(DB): | data/inputs/solicitudes
	$(BIN)/python -m participacion migrate
	if [ -f $(SEED) ]; then $(BIN)/python -m participacion ejemplo --archivo $(SEED); fi
	$(BIN)/python -m etl build --inputs data/inputs --db $(DB)

sample: setup data/inputs/solicitudes

build: setup
	$(BIN)/python -m etl build --inputs data/inputs --db $(DB)

migrate: setup
	$(BIN)/python -m participacion migrate

tablero: setup $(DB) migrate
	TABLERO_MODO=$(TABLERO_MODO) $(BIN)/streamlit run app.py --server.port $(PORT)

test: setup-dev
	$(BIN)/python -m pytest -q

clean:
	rm -rf data/warehouse
