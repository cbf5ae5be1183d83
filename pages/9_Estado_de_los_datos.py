"""Estado de los datos: what was loaded and when, rejected rows and why, which ente reported which month, who entered
and what was e-mailed."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from common.formatting import md_escape, num
from pages.ui import estado_datos, layout
from pages.ui.export import download_csv
from pages.ui.layout import TODOS
from pages.ui.on_screen import table_rows
from pages.ui.tables import show_table
from warehouse import read

REJECT_LIMIT = 5000

corte = layout.start_page("Estado de los datos")
counts = read.table_counts()

# ---- loads ---------------------------------------------------------------------------------------------
layout.subheader("Archivos cargados")
loads = read.loads()
if loads.empty:
    st.info("La última construcción no cargó ningún archivo.")
else:
    table = estado_datos.loads_table(loads)
    layout.summary(estado_datos.loads_summary(table))
    show_table(table, key="tabla_cargas", numbers={c: 0 for c in estado_datos.LOAD_COUNT_COLUMNS})
    download_csv(table, "cargas.csv", key="csv_cargas")
for fuente in sorted(estado_datos.empty_sources(counts)):
    st.info(md_escape(f"Aún no hay datos de la fuente «{fuente}»: no se cargó ningún archivo."),
            icon=":material/info:")

# ---- repeated folios -------------------------------------------------------------------------------------
copies = read.superseded_copies()
if not copies.empty:
    layout.subheader("Folios repetidos en exportaciones que se traslapan")
    st.caption("Regla: de cada folio gana la copia más avanzada. Una copia terminada (o desechada) gana a una que "
               "sigue abierta; entre dos terminadas o dos abiertas gana la de fecha de respuesta o de término "
               "posterior; después, la del archivo más reciente (el que tiene la fecha más reciente de cualquier "
               "tipo) y, dentro de un archivo, la fila posterior. La fecha de corte y todos los indicadores salen "
               "solo de las copias conservadas.")
    folios = int(read.metadata().get("folios_repetidos") or copies["folios"].sum())
    layout.summary(estado_datos.superseded_summary(copies, folios))
    shown = estado_datos.superseded_table(copies)
    show_table(shown, key="tabla_reemplazos", numbers={"Folios": 0, "Copias descartadas": 0})
    download_csv(shown, "folios_repetidos.csv", key="csv_reemplazos")

# ---- deadlines: computed and stated by the source --------------------------------------------------------
deadlines = read.source_deadlines()
if not deadlines.empty:
    layout.subheader("Fechas límite: calculadas y de la fuente")
    st.caption("El tablero calcula la fecha límite de cada solicitud con la ley vigente y el calendario (desde el "
               "día siguiente al desahogo si hubo prevención con fechas). Cuando la fuente también la trae (la "
               "FechaLimite de la PNT, la de Infomex) se comparan; una solicitud con prevención sin fechas usa la "
               "de la fuente, y sin ninguna de las dos su plazo no es determinable: no cuenta ni en plazo ni fuera "
               "de plazo.")
    layout.summary(estado_datos.deadlines_summary(deadlines))
    shown = estado_datos.deadlines_table(deadlines)
    show_table(shown, key="tabla_plazos_fuente", numbers={c: 0 for c in shown.columns if c != "Formato"})
    download_csv(shown, "fechas_limite_fuente.csv", key="csv_plazos_fuente")

# ---- rejects -------------------------------------------------------------------------------------------
layout.subheader("Filas rechazadas")
files = read.reject_files()
if files.empty:
    st.success("No se rechazó ninguna fila en la última construcción.", icon=":material/check_circle:")
else:
    archivo = layout.url_selectbox(
        "Archivo", [TODOS, *files["archivo"].tolist()], "archivo", TODOS,
        format_func=lambda a: "Todos los archivos" if a == TODOS else
        f"{a} ({num(files.set_index('archivo').at[a, 'rechazos'])} rechazos)")
    rejects = estado_datos.rejects_table(read.rejects(None if archivo == TODOS else archivo, REJECT_LIMIT))
    total = int(files["rechazos"].sum() if archivo == TODOS else files.set_index("archivo").at[archivo, "rechazos"])
    layout.summary(estado_datos.rejects_summary(rejects, total, REJECT_LIMIT))
    show_table(rejects, key="tabla_rechazos", numbers={"Fila": 0})
    download_csv(rejects, "rechazos.csv", key="csv_rechazos")

# ---- reconciliation of the published quarterly tables --------------------------------------------------
missing = read.rejected_published_rows()
if counts.get("solicitud_estadistica", 0) or not missing.empty:
    layout.subheader("Conciliación de la estadística trimestral publicada")
    mismatches = read.reconciliation()
    if mismatches.empty:
        st.success("Todas las identidades de las tablas publicadas cuadran: perfiles, competencia, modalidades y "
                   "filas TOTAL.", icon=":material/check_circle:")
    else:
        shown = pd.DataFrame({"Archivo": mismatches["archivo"], "Trimestre": mismatches["trimestre"],
                              "Fila": mismatches["fila"], "Regla": mismatches["regla"],
                              "Esperado (suma)": mismatches["esperado"], "Publicado": mismatches["publicado"],
                              "Diferencia": mismatches["publicado"] - mismatches["esperado"],
                              "Qué no cuadra": mismatches["mensaje"]})
        layout.summary(f"{len(shown)} diferencias en las tablas publicadas; se cargaron tal como se publicaron")
        show_table(shown, key="tabla_conciliacion", numbers={"Fila": 0})
        download_csv(shown, "conciliacion.csv", key="csv_conciliacion")

    if not missing.empty:
        lost = missing["total"].fillna(0).sum()
        st.warning(md_escape(
            f"{num(len(missing))} filas de las tablas publicadas se rechazaron (vea «Filas rechazadas»): sus "
            f"{num(lost)} solicitudes cuentan en la fila TOTAL publicada de su bloque, pero en ninguna suma del "
            "tablero, que queda por debajo del total publicado en esa cantidad. Si el ente no se reconoció, "
            "resuélvalo con «python -m etl alias» y vuelva a construir el almacén."), icon=":material/warning:")
        shown = pd.DataFrame({"Archivo": missing["archivo"], "Trimestre": missing["trimestre"], "Fila": missing["fila"],
                              "Bloque publicado": missing["categoria"], "Nombre publicado": missing["nombre_publicado"],
                              "Solicitudes que faltan en el tablero": missing["total"], "Motivo": missing["motivo"]})
        show_table(shown, key="tabla_estadistica_rechazada",
                   numbers={"Fila": 0, "Solicitudes que faltan en el tablero": 0})
        download_csv(shown, "estadistica_filas_rechazadas.csv", key="csv_estadistica_rechazada")

# ---- reporting matrix ----------------------------------------------------------------------------------
layout.subheader("Meses reportados por ente")
years = read.reporting_years()
if not years:
    st.info("Aún no hay solicitudes cargadas en el almacén.")
else:
    anio = int(layout.url_selectbox("Año", [str(y) for y in years], "anio", str(years[0])))
    matrix = estado_datos.reporting_matrix(read.monthly_reporting(anio), read.entes(), anio, corte)
    layout.summary(estado_datos.reporting_summary(matrix, anio))
    st.caption("✓ = el ente tiene solicitudes recibidas ese mes; vacío = ninguna solicitud registrada. "
               "Los meses posteriores a la fecha de corte aparecen como «n/a».")
    show_table(table_rows(matrix, key="tabla_reporte", noun="entes", which="los de menos meses con datos",
                          search=["Ente", "Siglas"]), key="tabla_reporte")
    download_csv(matrix, f"meses_reportados_{anio}.csv", key="csv_reporte")

estado_datos.render_access_log()
estado_datos.render_delivery_log()
