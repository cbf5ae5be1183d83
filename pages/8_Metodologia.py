"""Metodología: every number of the dashboard, documented: indicators, index weights, laws and deadlines, changes."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from common.formatting import TIPOS_SOLICITUD, fecha_corta, law_label, md_escape
from indicators.index_rules import TIPOS_INDICE, load_index_rules
from pages.ui import layout
from pages.ui.export import download_csv
from pages.ui.metodologia import indicators_text, rules_text
from pages.ui.tables import show_table
from warehouse import read

DIRECCION = {"mayor_es_mejor": "Mayor es mejor", "menor_es_mejor": "Menor es mejor", "neutral": "Sin dirección"}
TIPO = {"conteo": "Conteo", "razon": "Razón", "percentil": "Percentil", "compuesto": "Compuesto"}

layout.start_page(
    "Metodología",
    "Cómo se calcula cada cifra del tablero: fórmula, numerador, denominador, unidad, dirección, meta, umbrales "
    "del semáforo, fuente y versión de cada indicador; los pesos del índice; las leyes y plazos vigentes.",
)

# ---- the rules behind every number ----------------------------------------------------------------------
layout.subheader("Reglas de cálculo")
reglas = read.methodology("reglas")
st.caption(md_escape(f"Cada regla detrás de un número, tal como se aplica; se comprueban a mano en las pruebas del "
                     f"tablero. Las {len(reglas)} reglas: " + " · ".join(reglas["titulo"]) + "."))
with st.expander(f"Leer las {len(reglas)} reglas", expanded=False):
    st.text(rules_text(reglas))  # plain text: never Markdown or HTML
download_csv(reglas.rename(columns={"titulo": "Regla", "texto": "Qué dice"}), "metodologia_reglas.csv",
             key="csv_metodologia_reglas")

# ---- indicators ----------------------------------------------------------------------------------------
layout.subheader("Indicadores")
ind = read.methodology("indicadores")
if ind.empty:
    layout.no_data("El almacén aún no tiene el catálogo de indicadores.")
table = pd.DataFrame({
    "Dimensión": ind["dimension"], "Indicador": ind["nombre"], "Id": ind["indicador"],
    "Descripción": ind["descripcion"], "Fórmula": ind["formula"], "Tipo": ind["tipo"].map(TIPO),
    "Numerador": ind["numerador"].fillna("—"), "Denominador": ind["denominador"].fillna("—"),
    "Unidad": ind["unidad"], "Dirección": ind["direccion"].map(DIRECCION),
    "Meta": ind["meta"], "Sin meta porque": ind["sin_meta"].fillna(""),
    "Umbral verde": ind["umbral_verde"], "Umbral amarillo": ind["umbral_amarillo"],
    "Denominador mínimo": ind["denominador_minimo"], "Fuente": ind["fuente"], "Versión": ind["version"],
})
layout.summary(f"El catálogo tiene {len(table)} indicadores en {table['Dimensión'].nunique()} dimensiones; "
               "los de razón guardan numerador y denominador, y trimestres, años y grupos se recalculan sumando "
               "conteos, nunca promediando porcentajes")
st.caption("Con dirección «mayor es mejor», un valor igual o mayor que el umbral verde es verde, igual o mayor que "
           "el amarillo es amarillo y menor es rojo; con «menor es mejor», al revés. Con un denominador menor que "
           "el mínimo el valor se muestra como «datos insuficientes» y no se ordena en el ranking.")
for dimension, part in table.groupby("Dimensión", sort=False):
    with st.expander(md_escape(f"{dimension.replace('_', ' ').capitalize()} ({len(part)} indicadores)"), expanded=False):
        st.text(indicators_text(part))
download_csv(table, "metodologia_indicadores.csv", key="csv_metodologia_indicadores",
             label="Descargar el catálogo de indicadores (CSV)")

# ---- index -----------------------------------------------------------------------------------------------
layout.subheader("Índice de Desempeño en Transparencia")
rules = read.methodology("indice")
if rules.empty:
    st.info("El almacén aún no tiene las reglas del índice.")
else:
    dims = rules.groupby("dimension_nombre", sort=False)["peso_dimension"].first()
    layout.summary("Pesos de las dimensiones: " + ", ".join(f"{d} {w:g}" for d, w in dims.items())
                   + "; una dimensión sin datos se reparte entre las demás y se señala, nunca cuenta como cero"
                   + ("; una dimensión de peso 0 (" + ", ".join(d for d, w in dims.items() if w == 0) + ") se muestra "
                      "junto a las demás pero no entra en el índice" if (dims == 0).any() else ""))
    st.caption("Cada indicador se califica de 0 a 100 en línea recta entre el valor que da 0 y el que da 100 (sin "
               "salirse de ese rango); la dimensión es el promedio ponderado de sus indicadores con datos "
               "suficientes y el índice, el de sus dimensiones. Con una sola dimensión el índice es «datos "
               "insuficientes»: no se ordena ni se muestra como número. El de un grupo o del gobierno es el promedio "
               "simple del índice de sus entes vigentes con datos suficientes.")
    shown = pd.DataFrame({"Dimensión": rules["dimension_nombre"], "Peso de la dimensión": rules["peso_dimension"],
                          "Indicador": rules["indicador"], "Peso en la dimensión": rules["peso"],
                          "Valor que da 0": rules["cero"], "Valor que da 100": rules["cien"],
                          "Versión": rules["version"]})
    elegido = load_index_rules().tipo_solicitud
    st.caption(f"Solicitudes que lee el índice (tipo_solicitud = «{elegido}» en indicators/indice.toml): "
               f"{TIPOS_INDICE[elegido]}. Cada indicador de solicitudes también se calcula solo para información "
               "pública y solo para ARCOP (Ficha del ente y exportación), pero un ente recibe pocas solicitudes ARCOP "
               "al mes y un índice por tipo dejaría a la mayoría con datos insuficientes.")
    show_table(shown, key="tabla_indice")
    download_csv(shown, "metodologia_indice.csv", key="csv_metodologia_indice")

# ---- laws and deadlines ------------------------------------------------------------------------------
layout.subheader("Leyes y plazos")
plazos = read.methodology("plazos")
AMBITO = {"estatal": "Estatal", "federal": "Federal"}
shown = pd.DataFrame({
    "Ámbito": plazos["ambito"].map(AMBITO).fillna(plazos["ambito"]), "Ley": plazos["ley_nombre"],
    "Versión": plazos["ley_version"].map(law_label),
    "Tipo de solicitud": plazos["tipo_solicitud"].map(TIPOS_SOLICITUD).fillna(plazos["tipo_solicitud"]),
    "Días hábiles de respuesta": plazos["dias_respuesta"], "Días de ampliación": plazos["dias_ampliacion"],
    "Vigente desde": plazos["vigente_desde"].map(fecha_corta), "Vigente hasta": plazos["vigente_hasta"].map(fecha_corta),
    "Confirmado": plazos["confirmado"].map({True: "Sí", False: "Por confirmar"}), "Fuente": plazos["fuente"],
    "Días para declarar notoria incompetencia": plazos["dias_incompetencia"].astype("Int64").astype(str)
    .replace("<NA>", "Sin configurar"),
    "Días para prevenir": plazos["dias_prevencion"].astype("Int64").astype(str).replace("<NA>", "Sin configurar"),
    "Fuente de esos plazos": plazos["fuente_subplazos"].fillna("Por confirmar"),
})
layout.summary("El plazo de cada solicitud es el de la ley vigente para el ámbito del ente (estatal o federal) en su "
               "fecha de recepción, con la ampliación si la hubo; los días hábiles se cuentan desde el día siguiente "
               "a la recepción")
st.caption("Los entes del Poder Ejecutivo son estatales: la Ley General de 2025 (en vigor el 21-03-2025) dio a los "
           "estados 90 días para armonizar, y la ley estatal de 2016 (art. 154: 10 días hábiles más 10 de "
           "ampliación) siguió en vigor para ellos hasta el 25-11-2025; la nueva ley estatal (Decreto 154) rige desde "
           "el 26-11-2025 con plazos por confirmar, que se configuran en data/catalogos/plazo_legal.csv. Otro estado "
           "o un ente federal se configuran con su ámbito en ese archivo y en data/catalogos/entes.csv.")
show_table(shown, key="tabla_plazos")
download_csv(shown, "metodologia_plazos.csv", key="csv_metodologia_plazos")

applied = read.methodology("plazos_aplicados")
if not applied.empty:
    st.markdown("**Qué versión juzgó qué meses**")
    shown = pd.DataFrame({
        "Ámbito": applied["ambito"].map(AMBITO).fillna(applied["ambito"]),
        "Versión": applied["ley_version"].map(law_label),
        "Tipo de solicitud": applied["tipo_solicitud"].map(TIPOS_SOLICITUD).fillna(applied["tipo_solicitud"]),
        "Plazo (días hábiles + ampliación)": [f"{d} + {a}" for d, a in zip(applied["dias_respuesta"],
                                                                          applied["dias_ampliacion"])],
        "Recibidas desde": applied["primera_recepcion"].map(fecha_corta),
        "Recibidas hasta": applied["ultima_recepcion"].map(fecha_corta),
        "Meses": applied["meses"].astype("int64"), "Solicitudes": applied["solicitudes"].astype("int64"),
        "Confirmado": applied["confirmado"].map({True: "Sí", False: "Por confirmar"}).fillna(""),
    })
    layout.summary("Cada solicitud cargada se juzgó con una sola versión: " + "; ".join(
        f"{r['Versión']} ({r['Plazo (días hábiles + ampliación)']} días, {r['Tipo de solicitud']}) las recibidas "
        f"del {r['Recibidas desde']} al {r['Recibidas hasta']}" for r in shown.to_dict("records")))
    show_table(shown, key="tabla_plazos_aplicados", numbers={"Meses": 0, "Solicitudes": 0})
    download_csv(shown, "metodologia_plazos_aplicados.csv", key="csv_metodologia_plazos_aplicados")
inhabiles = read.methodology("inhabiles")
shown = inhabiles.rename(columns={"anio": "Año", "dias_inhabiles": "Días inhábiles (entre semana y fin de semana)",
                                  "confirmados": "Confirmados (ley)", "por_confirmar": "Periodos típicos por confirmar"})
st.caption("Días inhábiles de data/catalogos/calendario_inhabil.csv: los de la Ley Federal del Trabajo art. 74 están "
           "confirmados; Semana Santa, 2 de noviembre y vacaciones de invierno son fechas típicas por confirmar con "
           "el acuerdo anual del órgano garante.")
show_table(shown, key="tabla_inhabiles")
download_csv(shown, "metodologia_dias_inhabiles.csv", key="csv_metodologia_inhabiles")

suspensiones = read.methodology("suspensiones")
ALCANCE = {"solicitudes": "Solicitudes", "recursos": "Recursos de revisión", "todos": "Solicitudes y recursos"}
st.markdown("**Suspensiones de plazos**")
st.caption("Periodos en que una autoridad declaró que los plazos no corren (data/catalogos/suspension_plazos.csv). "
           "Los que alcanzan a las solicitudes salen del calendario de días hábiles: ningún plazo corre en ellos. "
           "Una suspensión solo de recursos de revisión no mueve el plazo de una solicitud.")
shown = pd.DataFrame({
    "Desde": suspensiones["desde"].astype(str), "Hasta": suspensiones["hasta"].astype(str).replace("NaT", "vigente"),
    "Alcance": suspensiones["alcance"].map(ALCANCE).fillna(suspensiones["alcance"]), "Motivo": suspensiones["motivo"],
    "Días hábiles sin plazo (solicitudes)": suspensiones["dias_sin_plazo_solicitudes"].astype("int64"),
    "Confirmado": suspensiones["confirmado"].map({True: "Sí", False: "Por confirmar"}), "Fuente": suspensiones["fuente"],
})
show_table(shown, key="tabla_suspensiones", numbers={"Días hábiles sin plazo (solicitudes)": 0})
download_csv(shown, "metodologia_suspensiones.csv", key="csv_metodologia_suspensiones")

# ---- status and answer values ----------------------------------------------------------------------------
layout.subheader("Estatus y respuestas: en qué cuenta cada valor")
valores = read.methodology("valores")
CATALOGO = {"estatus": "Estatus", "respuesta": "Respuesta"}
st.caption("Cada valor de Estatus y de Respuesta que traen la PNT, Infomex y la plantilla, con el estado o la "
           "categoría que se le asigna (data/catalogos/estatus.csv y respuesta.csv), los conteos en que entra "
           "(estado_solicitud.csv y categoria_respuesta.csv) y los indicadores que los usan. Toda solicitud cuenta "
           "como recibida; una solicitud entra por su estatus y, si está respondida, también por su respuesta. La "
           "tabla se genera de los mismos catálogos con que se calcula.")
shown = pd.DataFrame({
    "Campo": valores["catalogo"].map(CATALOGO).fillna(valores["catalogo"]), "Valor": valores["valor"],
    "Se cuenta como": valores["clase_nombre"], "Entra en los conteos": valores["entra_en"],
    "Indicadores": valores["indicadores"], "Fundamento": valores["fundamento"].fillna("Por confirmar"),
    "Fuente": valores["fuente"].fillna(""),
})
show_table(shown, key="tabla_valores")
download_csv(shown, "metodologia_estatus_respuestas.csv", key="csv_metodologia_valores")

# ---- changelog ---------------------------------------------------------------------------------------
layout.subheader("Cambios de metodología")
cambios = read.methodology("cambios")
shown = pd.DataFrame({"Versión": cambios["version"], "Fecha": cambios["fecha"].astype(str), "Cambio": cambios["cambio"]})
show_table(shown, key="tabla_cambios")
download_csv(shown, "metodologia_cambios.csv", key="csv_metodologia_cambios")
