"""Guía para solicitar información: the guide's texts (Markdown files of data/guia/, editable without code) and the
table of deadlines by law and date that the indicators use."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from common.paths import ROOT

GUIA_DIR = ROOT / "data" / "guia"
# The guide's parts: file of data/guia/ → tab label. Each is plain Markdown (no HTML: st.markdown escapes it).
PARTES = {"solicitar.md": "Cómo pedir información",
          "responder.md": "Cómo responder (UT)"}
TIPOS = {"informacion_publica": "Información pública", "datos_personales": "Datos personales (ARCOP)"}


def guide_text(name: str, folder: Path = GUIA_DIR) -> str:
    """The Markdown of one part of the guide; a missing file says which one and where it goes."""
    path = folder / name
    if not path.is_file():
        return f"*Falta el archivo de la guía `data/guia/{name}`: restáurelo desde el repositorio del tablero.*"
    return path.read_text(encoding="utf-8")


def deadlines_table(plazos: pd.DataFrame, ambito: str = "estatal") -> pd.DataFrame:
    """The laws of one ámbito with their deadlines and validity, newest first, as a citizen reads them."""
    rows = plazos[plazos["ambito"] == ambito].sort_values(["vigente_desde", "tipo_solicitud"], ascending=[False, False])
    return pd.DataFrame({
        "Ley": rows["ley_nombre"],
        "Para solicitudes recibidas": [
            f"desde el {pd.Timestamp(d):%d/%m/%Y}" + ("" if pd.isna(h) else f" hasta el {pd.Timestamp(h):%d/%m/%Y}")
            for d, h in zip(rows["vigente_desde"], rows["vigente_hasta"])],
        "Tipo de solicitud": rows["tipo_solicitud"].map(TIPOS).fillna(rows["tipo_solicitud"]),
        "Días hábiles para responder": rows["dias_respuesta"],
        "Días hábiles de ampliación": rows["dias_ampliacion"],
        "Confirmado": rows["confirmado"].map({True: "Sí", False: "Por confirmar"}),
    }).reset_index(drop=True)
