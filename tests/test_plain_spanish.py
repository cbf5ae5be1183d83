"""Every page, as a visitor reads it, in plain Spanish: no raw ids (`informacion_publica`, `pct_en_plazo`,
`LGTAIP2025`), no file paths, no "None"/"nan", no English. Walks every page of PAGES with AppTest on the sample
warehouse (local mode: every page open) and reads every text element, metric, expander label, widget label and
option, and every visible table cell."""
from __future__ import annotations

import json
import re

import pytest

from conftest import plain, run_page
from pages.ui.guia import PARTES
from pages.ui.layout import LAZY_PREFIX, PAGES

# What a visitor must never read. Ids are snake_case words (two parts or more) or a law version key.
RAW_ID = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b(?![\w*]*\.(?:csv|xlsx|xls|json|toml)\b)")
LAW_KEY = re.compile(r"\b(?:LGTAIP|LTAIPQROO)\d{4}\b")
PATH = re.compile(r"(?:^|\s)/[a-z][\w.-]*/[\w./-]+|\b[a-z][\w-]*/[a-z][\w-]*/[\w./*-]+"
                  r"|\b[a-z][\w-]*/[\w*.-]+\.(?:toml|csv|py|sql|json|xlsx)\b")
MISSING = re.compile(r"(?<![\w-])(?:None|nan|NaN|NaT|null|<NA>)(?![\w-])")
ENGLISH = re.compile(r"\b(?:the|and|of the|with|without|Download|Select|Choose|Search|No data|True|False|Total "
                     r"rows|rows|Loading|Error|Warning)\b")
ICON = re.compile(r":material/[a-z_]+:")  # an icon's name is drawn as the icon, not read
# Pages whose business is to name ids and files: the open-data dictionary names the export's columns, Metodología
# the indicators' ids and the catalog files each rule is configured in, and Estado de los datos (for the
# coordination's technical staff) the input files, their layouts and the canonical fields of a rejected value.
IDS_ALLOWED = {"pages/5_Datos_abiertos.py", "pages/8_Metodologia.py", "pages/9_Estado_de_los_datos.py"}


def texts(at) -> list[str]:
    out = []
    for kind in ("title", "header", "subheader", "caption", "markdown", "info", "warning", "success", "error",
                 "text"):
        out += [ICON.sub("", plain(str(e.value))) for e in getattr(at, kind)]
    out += [plain(m.label) + " " + str(m.value) + " " + str(m.proto.delta or "") for m in at.metric]
    out += [plain(e.label) for e in at.expander]
    for kind in ("selectbox", "multiselect", "radio"):
        for w in getattr(at, kind):
            out.append(plain(w.label))
            out += [plain(str(o)) for o in w.options]
    out += [plain(b.label) for b in at.get("download_button")]
    out += [plain(link.proto.label) for link in at.get("page_link")]
    for d in at.dataframe:
        config = json.loads(d.proto.columns or "{}")
        frame = d.value.drop(columns=[c for c, conf in config.items() if conf.get("hidden")], errors="ignore")
        out += [str(c) for c in frame.columns]
        for col in frame.columns:
            out += [str(v) for v in frame[col].head(200).tolist() if isinstance(v, str)]
    return out


@pytest.fixture
def migrated_store():
    """The participación store as `make tablero` leaves it (migrated), so its pages show their real state."""
    import os

    from participacion import engine, migrate

    eng = engine.create(os.environ["TABLERO_PARTICIPACION_URL"])
    migrate.migrate(eng)
    eng.dispose()


# Tabs drawn only while open (their URL parameter names the open one): every one is read.
TABS = {"pages/6_Verificacion.py": ("vista", ["Mapa", "Lista de lo que falla"]),
        "pages/12_Guia_para_solicitar.py": ("parte", list(PARTES.values()))}


def every_view(at) -> list[str]:
    """The texts of the page as first drawn, then with every lazy expander open (layout.lazy_expander), then with
    each of its URL-bound tabs open."""
    out = texts(at)
    lazy = [k for k in at.session_state.keys() if str(k).startswith(LAZY_PREFIX)]
    if lazy:
        for key in lazy:
            at.session_state[key] = True
        at.run()
        assert not at.exception, at.exception
        out += texts(at)
    return out


@pytest.mark.parametrize("page", sorted(PAGES))
def test_every_page_reads_in_plain_spanish(app_db, migrated_store, page):
    at = run_page(page, timeout=60)
    assert not at.exception, at.exception
    seen = every_view(at)
    param, tabs = TABS.get(page, (None, []))
    for tab in tabs:
        at = run_page(page, {param: tab}, timeout=60)
        assert not at.exception, at.exception
        seen += every_view(at)
    found = []
    for text in seen:
        for name, pattern in (("vacío", MISSING), ("inglés", ENGLISH), ("ley", LAW_KEY)) + (
                () if page in IDS_ALLOWED else (("id", RAW_ID), ("ruta", PATH))):
            for hit in pattern.findall(text):
                found.append(f"{name}: {hit!r} en «{text[:120]}»")
    assert found == [], "\n".join(found)
