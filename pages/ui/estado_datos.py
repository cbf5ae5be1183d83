"""Estado de los datos: the loads, the superseded copies of repeated folios, computed and stated deadlines, the
rejected rows, which ente reported which month, the access log and the delivery log; and which sources have no data
yet (Inicio says so too)."""
from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import streamlit as st

from common.formatting import MESES_CORTOS, format_value, md_escape, num
from pages.ui import gate, layout
from pages.ui.export import download_csv
from pages.ui.tables import show_table
from participacion import access_log, config, delivery_log
from participacion.access_log import AccessLogError
from participacion.delivery_log import DeliveryLogError


LOAD_COUNT_COLUMNS = ["Filas leídas", "Filas cargadas", "Filas rechazadas", "Filas duplicadas"]
SOURCES = {"solicitud": "solicitudes", "recurso_revision": "recursos de revisión", "asistencia": "capacitación",
           "verificacion_resultado": "verificaciones", "solicitud_estadistica": "estadística trimestral publicada"}


def empty_sources(counts: dict[str, int]) -> list[str]:
    return [label for table, label in SOURCES.items() if counts.get(table, 0) == 0]


def loads_table(loads: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "Fuente": loads["fuente"], "Archivo": loads["archivo"], "Formato": loads["layout"],
        "Filas leídas": loads["filas_leidas"].astype("int64"),
        "Filas cargadas": loads["filas_cargadas"].astype("int64"),
        "Filas rechazadas": loads["filas_rechazadas"].astype("int64"),
        "Filas duplicadas": loads["filas_duplicadas"].astype("int64"),
        "SHA-256 (inicio)": loads["sha256_corto"],
        "Cargado el": pd.to_datetime(loads["inicio"]).dt.strftime("%Y-%m-%d %H:%M"),
    })


def loads_summary(table: pd.DataFrame) -> str:
    read_, loaded, rejected, dup = (int(table[c].sum()) for c in LOAD_COUNT_COLUMNS)
    return (f"Se leyeron {num(read_)} filas de {len(table)} archivos: {num(loaded)} cargadas, {num(rejected)} "
            f"rechazadas y {num(dup)} duplicadas (el mismo folio visto de nuevo; cuenta su copia más avanzada).")


SUPERSEDED_RULES = {
    "estado_terminal": "La copia conservada está terminada y la descartada seguía abierta",
    "fecha_posterior": "La copia conservada tiene una fecha de respuesta o de término posterior",
    "archivo_reciente": "Mismo estado y fecha: se conserva la del archivo más reciente",
    "misma_exportacion": "Fila repetida en el mismo archivo: se conserva la posterior",
}


def superseded_table(copies: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "Regla": copies["regla"].map(SUPERSEDED_RULES).fillna(copies["regla"]),
        "Archivo de la copia descartada": copies["archivo_descartado"],
        "Archivo de la copia conservada": copies["archivo_ganador"],
        "Folios": copies["folios"].astype("int64"), "Copias descartadas": copies["filas"].astype("int64"),
    })


def deadlines_table(deadlines: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "Formato": deadlines["layout"], "Solicitudes": deadlines["solicitudes"].astype("int64"),
        "Con ambas fechas límite": deadlines["comparadas"].astype("int64"),
        "Distintas": deadlines["distintas"].astype("int64"),
        "Calculada antes que la de la fuente": deadlines["calculada_antes"].astype("int64"),
        "Calculada después": deadlines["calculada_despues"].astype("int64"),
        "Mayor diferencia (días hábiles)": deadlines["max_dias_habiles"].astype("float64"),
        "Plazo desde el desahogo": deadlines["desde_desahogo"].astype("int64"),
        "Fecha límite de la fuente (prevención sin fechas)": deadlines["de_la_fuente"].astype("int64"),
        "Plazo no determinable": deadlines["no_determinable"].astype("int64"),
    })


def deadlines_summary(deadlines: pd.DataFrame) -> str:
    compared, different = int(deadlines["comparadas"].sum()), int(deadlines["distintas"].sum())
    undetermined = int(deadlines["no_determinable"].sum())
    first = (f"De {num(compared)} solicitudes con fecha límite calculada y fecha límite de la fuente, "
             f"{num(different)} no coinciden ({format_value(100 * different / compared, '%')})" if compared else
             "Ninguna fuente trae una fecha límite con la cual comparar la calculada")
    return (f"{first}; {num(int(deadlines['de_la_fuente'].sum()))} solicitudes con prevención sin fechas usan la "
            f"fecha límite de la plataforma y {num(undetermined)} tienen plazo no determinable (se cuentan aparte).")


SUPERSEDED_REASONS = {
    "estado_terminal": "la conservada está terminada y la descartada seguía abierta",
    "fecha_posterior": "la conservada tiene una fecha de respuesta o de término posterior",
    "archivo_reciente": "la conservada viene del archivo más reciente",
    "misma_exportacion": "la conservada es una fila posterior del mismo archivo",
}


def superseded_summary(copies: pd.DataFrame, folios: int) -> str:
    by_rule = copies.groupby("regla")["filas"].sum()
    parts = [f"{num(by_rule[r])} porque {reason}" for r, reason in SUPERSEDED_REASONS.items() if r in by_rule]
    return (f"{num(folios)} folios aparecen en más de un archivo o fila; de cada uno se conserva la copia más avanzada "
            f"y se descartaron {num(int(copies['filas'].sum()))} copias: " + "; ".join(parts) + ".")


def rejects_table(rejects: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "Archivo": rejects["archivo"], "Fila": rejects["fila"].astype("Int64"), "Columna": rejects["columna"],
        "Valor": rejects["valor"], "Motivo": rejects["motivo"],
    })


def rejects_summary(rejects: pd.DataFrame, total: int, limit: int) -> str:
    if rejects.empty:
        return "No hay filas rechazadas con este filtro."
    top = rejects["Columna"].fillna("(sin columna)").value_counts()
    text = f"Hay {num(total)} filas rechazadas; la columna con más rechazos es «{top.index[0]}» ({num(top.iloc[0])})"
    if total > limit:
        text += f". Se muestran las primeras {num(limit)}; elija un archivo para acotar"
    return text + "."


def reporting_matrix(monthly: pd.DataFrame, entes: pd.DataFrame, anio: int, corte: date | None) -> pd.DataFrame:
    """Ente × month of `anio`: '✓' when it received requests, '' when none, 'n/a' after the cut-off date; the entes
    with fewest months with data first (what this page is for; a long table shows its first rows). Built column by
    column (thousands of entes at national scale: a loop over entes and months took seconds)."""
    has = monthly.loc[monthly["recibidas"] > 0, ["ente_id", "mes"]].drop_duplicates()
    # entes in force during the year, plus any with data that year
    vig = entes[(entes["vigente_hasta"].isna()) |
                (pd.to_datetime(entes["vigente_hasta"]).dt.year >= anio)]
    ids = pd.Index(list(dict.fromkeys([*vig["ente_id"], *sorted(has["ente_id"].unique())])), dtype=object)
    info = entes.drop_duplicates("ente_id").set_index("ente_id").reindex(ids)
    known = ids.isin(entes["ente_id"])
    grid = np.zeros((len(ids), 12), dtype=bool)
    grid[ids.get_indexer(has["ente_id"]), has["mes"].to_numpy(dtype="int64") - 1] = True
    out = pd.DataFrame({"Siglas": np.where(known, info["siglas"].to_numpy(dtype=object), ""),
                        "Ente": np.where(known, info["nombre_oficial"].to_numpy(dtype=object), ids.to_numpy())})
    for m in range(1, 13):
        future = corte is not None and date(anio, m, 1) > corte
        out[MESES_CORTOS[m - 1].capitalize()] = "n/a" if future else np.where(grid[:, m - 1], "✓", "")
    out["Meses con datos"] = grid.sum(axis=1).astype("int64")
    out["Grupo de pares"] = np.where(known, info["grupo_pares"].to_numpy(dtype=object), "")
    out["Siglas"] = out["Siglas"].fillna("")
    return out.sort_values(["Meses con datos", "Ente"], kind="stable").reset_index(drop=True)


def reporting_summary(matrix: pd.DataFrame, anio: int) -> str:
    month_cols = matrix.columns[2:14]
    possible = (matrix[month_cols] != "n/a").sum(axis=1)
    complete = int((matrix["Meses con datos"] >= possible).sum())
    none = int((matrix["Meses con datos"] == 0).sum())
    return (f"En {anio}, {complete} de {len(matrix)} entes tienen solicitudes en todos los meses transcurridos; "
            f"{none} no tienen ninguna solicitud registrada en el año.")


# ---- the access log on Estado de los datos ------------------------------------------------------------------

EVENTO_TEXTO = {"login": "Inicio de sesión", "logout": "Cierre de sesión", "vista": "Página interna abierta"}
LOG_LIMIT = 1000


def access_table(log: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "Fecha y hora (UTC)": log["registrado_en"].astype(str).str[:19],
        "Evento": log["evento"].map(EVENTO_TEXTO),
        "Quién": log["quien"], "Rol": log["rol"], "Ente": log["ente_id"],
        "Página": [layout.page_of(p).label if isinstance(p, str) and p else "" for p in log["pagina"]],
        "Sesión": log["sesion"].str[:8],
    })


def access_summary(log: pd.DataFrame) -> str:
    return (f"Los {len(log)} registros más recientes (de {LOG_LIMIT} como máximo): inicios y cierres de sesión y "
            "cada página interna abierta; el registro completo sale con python -m participacion bitacora")


def render_access_log() -> None:
    """The latest events of the access log, with their CSV (internal page: SABGOB and SEFIPLAN)."""
    _render_log("Bitácora de acceso", access_log.read, "La bitácora de acceso aún no tiene registros.",
                access_summary, access_table, "bitacora", "bitacora_acceso.csv")


def _render_log(title: str, read_log, empty: str, summary, table, key: str, filename: str) -> None:
    """One log of the participación store: its latest LOG_LIMIT rows as a table with its CSV, or why not."""
    layout.subheader(title)
    try:
        log = read_log(gate.store(), limite=LOG_LIMIT)
    except (AccessLogError, DeliveryLogError, config.StoreConfigError) as exc:
        st.info(md_escape(str(exc)), icon=":material/info:")
        return
    if log.empty:
        st.info(empty, icon=":material/info:")
        return
    layout.summary(summary(log))
    shown = table(log)
    show_table(shown, key=f"tabla_{key}")
    download_csv(shown, filename, key=f"csv_{key}")


# ---- the delivery log on Estado de los datos ----------------------------------------------------------------

TIPO_ENVIO = {"ficha": "Ficha mensual al titular", "recordatorio": "Recordatorio de plazos a la UT"}
ESTADO_ENVIO = {"enviado": "Enviado", "fallido": "Falló (se reintenta en la próxima corrida)"}


def delivery_table(log: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "Fecha y hora (UTC)": log["registrado_en"].astype(str).str[:19],
        "Envío": log["tipo"].map(TIPO_ENVIO), "Periodo o día": log["periodo"], "Ente": log["ente_id"],
        "Destinatario": log["destinatario"], "Estado": log["estado"].map(ESTADO_ENVIO),
        "Reenvío": log["reenvio"].map({True: "sí", False: ""}).fillna(""),
        "Contenido": log["resumen"].fillna(""), "Respuesta del servidor": log["error"].fillna(""),
    })


def delivery_summary(log: pd.DataFrame) -> str:
    """How many attempts, and how many messages still failing (no attempt of their key was delivered)."""
    keys = ["tipo", "periodo", "ente_id", "destinatario"]
    delivered = log.groupby(keys)["estado"].agg(lambda s: (s == "enviado").any())
    pending = int((~delivered).sum())
    return (f"Los {num(len(log))} intentos de envío más recientes (de {num(LOG_LIMIT)} como máximo): "
            f"{num(int((log['estado'] == 'enviado').sum()))} enviados y {num(int((log['estado'] == 'fallido').sum()))}"
            f" fallidos; {num(pending)} mensajes siguen sin entregarse y se reintentan en la próxima corrida")


def render_delivery_log() -> None:
    """The latest attempts of the delivery log (python -m indicators enviar / recordatorios), with their CSV."""
    _render_log("Bitácora de envíos", delivery_log.read,
                "Todavía no se ha enviado ningún correo: las fichas mensuales a titulares salen con python -m "
                "indicators enviar y los recordatorios de plazos con python -m indicators recordatorios.",
                delivery_summary, delivery_table, "envios", "bitacora_envios.csv")
