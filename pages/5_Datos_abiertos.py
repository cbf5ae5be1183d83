"""Datos abiertos: every indicator for a range of months as CSV and Parquet (the very files of
`python -m indicators export`), the citizens beside the verifiers per fracción (`--conjunto ciudadanos`), the data
dictionary, the license and the date of the data."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from indicators.export import data_dictionary
from common.formatting import fecha_es, md_escape, periodo_label
from pages.ui import layout
from pages.ui.export import download_csv
from pages.ui.tables import show_table
from warehouse import read

corte = layout.start_page(
    "Datos abiertos",
    "Todos los indicadores del tablero, por ente, grupo de pares y gobierno, por mes, trimestre y año, para "
    "descargar y reutilizar, con su diccionario de datos.",
)
months = read.periods("mes")["periodo"].tolist()   # newest first
if not months:
    layout.no_data("Aún no hay indicadores calculados en el almacén.")

layout.subheader("Descargar los indicadores")
c1, c2 = st.columns(2)
label = lambda p: periodo_label("mes", p)
with c1:
    desde = layout.url_selectbox("Desde el mes", months[::-1], "desde", months[-1], format_func=label)
states = layout.period_states()
with c2:
    # By default up to the last closed month; later months can be chosen, and the file marks them (preliminar).
    hasta = layout.url_selectbox("Hasta el mes", months, "hasta", states.default("mes", months),
                                 format_func=lambda p: label(p) + (" (preliminar)" if states.is_preliminary("mes", p)
                                                                   else ""))
if desde > hasta:
    layout.no_data("El mes inicial es posterior al mes final: elija un rango en orden.")
layout.preliminary_months_note([m for m in months if desde <= m <= hasta])
st.caption(md_escape(
    f"Incluye los meses de {label(desde)} a {label(hasta)} y los trimestres y años que caen completos dentro de ese "
    "rango (un trimestre o un año que queda en parte fuera no se incluye ni se recorta). Es el mismo archivo que "
    f"escribe python -m indicators export --desde {desde} --hasta {hasta}."))
name = f"indicadores_{desde}_{hasta}"
d1, d2, _ = st.columns([1, 1, 2])
d1.download_button("Descargar CSV", data=lambda: read.open_data_file("csv", desde, hasta), file_name=f"{name}.csv",
                   mime="text/csv", key="datos_csv", icon=":material/download:", on_click="ignore",
                   help="UTF-8 con BOM, separado por comas; se abre directo en una hoja de cálculo.")
d2.download_button("Descargar Parquet", data=lambda: read.open_data_file("parquet", desde, hasta),
                   file_name=f"{name}.parquet", mime="application/vnd.apache.parquet", key="datos_parquet",
                   icon=":material/download:", on_click="ignore",
                   help="Formato columnar con tipos, para análisis con pandas, R, DuckDB o Spark.")

# ---- the second file: citizens beside the verifiers, fracción by fracción -------------------------------------
layout.subheader("Descargar la evaluación ciudadana junto a la verificación")
st.caption(md_escape(
    "Por ente, fracción y mes de referencia (cada mes junta los 12 meses que terminan en él): lo que encontraron las "
    "personas que evaluaron la obligación y el puntaje de los verificadores de la SABGOB, con su diferencia. Meses "
    f"de {label(desde)} a {label(hasta)}; es el archivo de python -m indicators export --conjunto ciudadanos "
    f"--desde {desde} --hasta {hasta}."))
name = f"ciudadanos_verificadores_{desde}_{hasta}"
e1, e2, _ = st.columns([1, 1, 2])
e1.download_button("Descargar CSV", data=lambda: read.open_data_file("csv", desde, hasta, "ciudadanos"),
                   file_name=f"{name}.csv", mime="text/csv", key="ciudadanos_csv", icon=":material/download:",
                   on_click="ignore")
e2.download_button("Descargar Parquet", data=lambda: read.open_data_file("parquet", desde, hasta, "ciudadanos"),
                   file_name=f"{name}.parquet", mime="application/vnd.apache.parquet", key="ciudadanos_parquet",
                   icon=":material/download:", on_click="ignore")

licencia, descriptions = data_dictionary()
built = read.metadata().get("construido_en")
st.markdown(md_escape(licencia))
st.markdown(md_escape(f"Fecha de los datos: datos al {fecha_es(corte)} (la fecha más reciente de recepción o "
                      "respuesta en los datos cargados)"
                      + (f"; archivos generados el {str(built)[:16].replace('T', ' ')}." if built else ".")))

# ---- data dictionary ----------------------------------------------------------------------------------------
layout.subheader("Diccionario de datos: columnas")
columns = read.open_data_columns()
dictionary = pd.DataFrame({"Columna": columns,
                           "Descripción": [descriptions.get(c, "(sin descripción)") for c in columns]})
show_table(dictionary, key="tabla_columnas")
download_csv(dictionary, "diccionario_columnas.csv", key="csv_diccionario_columnas")

layout.subheader("Diccionario de datos: evaluación ciudadana junto a la verificación")
_licencia, citizens_descriptions = data_dictionary("ciudadanos")
citizens_columns = read.open_data_columns("ciudadanos")
citizens_dictionary = pd.DataFrame({
    "Columna": citizens_columns,
    "Descripción": [citizens_descriptions.get(c, "(sin descripción)") for c in citizens_columns]})
show_table(citizens_dictionary, key="tabla_columnas_ciudadanos")
download_csv(citizens_dictionary, "diccionario_columnas_ciudadanos.csv", key="csv_diccionario_columnas_ciudadanos")

layout.subheader("Diccionario de datos: indicadores")
ind = read.methodology("indicadores")
indicators = pd.DataFrame({
    "Indicador": ind["indicador"], "Nombre": ind["nombre"], "Descripción": ind["descripcion"],
    "Fórmula": ind["formula"], "Numerador": ind["numerador"].fillna("—"), "Denominador": ind["denominador"].fillna("—"),
    "Unidad": ind["unidad"], "Fuente": ind["fuente"], "Versión": ind["version"],
})
layout.summary(f"{len(indicators)} indicadores; la Metodología explica metas, umbrales y pesos del índice")
show_table(indicators, key="tabla_indicadores_diccionario")
download_csv(indicators, "diccionario_indicadores.csv", key="csv_diccionario_indicadores")
