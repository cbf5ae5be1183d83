"""Training (capacitación): tables, one-sentence summaries and rule texts for the Capacitación page, and the
block the Ficha del ente shows (render_ente_block)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from common.formatting import md_escape, num, periodo_es, sentence
from indicators.semaforo import is_missing
from pages.ui.export import download_csv
from pages.ui.tables import show_table
from warehouse import read_capacitacion

TEMAS = {"acceso_informacion": "Acceso a la información", "obligaciones_transparencia": "Obligaciones de transparencia",
         "datos_personales": "Datos personales", "clasificacion_versiones_publicas": "Clasificación y versiones públicas",
         "archivos": "Archivos", "gobierno_abierto": "Gobierno abierto", "pnt_sipot": "PNT/SIPOT",
         "etica_publica": "Ética pública"}
MODALIDADES = {"en_linea": "En línea", "presencial": "Presencial", "taller": "Taller", "conferencia": "Conferencia"}
SECTORES = {"sociedad_civil": "Sociedad civil", "academico": "Académico", "estudiantes": "Estudiantes",
            "sector_privado": "Sector privado", "medios": "Medios de comunicación",
            "publico_general": "Público en general"}
UNIQUE_RULE = ("Una persona capacitada asistió a un curso y no lo reprobó (se identifica por su CURP; si no la hay, "
               "por su correo sin mayúsculas ni espacios; si tampoco, por su nombre y su ente). Personas capacitadas "
               "por mes: cada persona cuenta una sola vez por ente y año, en el mes de su primer curso del año, así "
               "que los meses suman el año. Cobertura (% del personal y de la UT): las personas distintas capacitadas "
               "en los 12 meses que terminan con el periodo (no se reinicia cada enero), también las capacitadas en "
               "un ente antecesor, contra la plantilla más reciente con fecha de corte anterior o igual al cierre "
               "del periodo; un ente que terminó no suma personal ni cobertura después de su fin.")


def rule_100_text(rules: dict[str, float]) -> str:
    """The 'Institución 100 % capacitada' rule with the thresholds the build applied."""
    personal, ut = rules.get("pct_personal_minimo", 100), rules.get("pct_ut_minimo", 100)
    return (f"Institución 100 % capacitada (reconocimiento anual): en lo que va del año, las personas capacitadas del ente alcanzan al "
            f"menos el {num(personal)} % de su plantilla y el {num(ut)} % del personal de su Unidad de "
            f"Transparencia (si la plantilla lo declara). Los umbrales se configuran en el catálogo de capacitación "
            f"(capacitacion.toml); la calificación mínima aprobatoria es "
            f"{num(rules.get('calificacion_minima', 8), 1)} de 10.")


def coverage_table(cov: pd.DataFrame) -> pd.DataFrame:
    """One row per ente: people trained so far in the year, staff, coverage, UT coverage and the 100 % flag."""
    # column-wise (thousands of entes at national scale: a Python call per row and column cost 60 ms per view)
    def numbers(column: str) -> np.ndarray:
        return pd.to_numeric(cov[column]).astype("float64").fillna(0).to_numpy()

    con_plantilla, ente_100 = numbers("con_plantilla"), numbers("ente_100")
    flag = np.where(con_plantilla == 0, "Sin plantilla", np.where(ente_100 > 0, "Sí", "No"))
    # «2 de 3»; «3 de 3 (100 %)»; without integrantes_comite in the plantilla: sin datos
    integrantes, hechos = numbers("integrantes_comite").astype("int64"), numbers("personas_comite_acum").astype("int64")
    comite = [f"{d} de {i}" + (" (100 %)" if d >= i else "") if i else "Sin datos" for d, i in zip(hechos, integrantes)]
    informa, certificado = numbers("informa_certificacion"), numbers("titular_certificado")
    titular = np.where(informa == 0, "Sin datos", np.where(certificado > 0, "Sí", "No"))
    return pd.DataFrame({
        "Ente": cov["nombre"], "Siglas": cov["siglas"].fillna(""), "Grupo de pares": cov["grupo_pares"],
        "Personas capacitadas en 12 meses": cov["personas_acum"], "Plantilla": cov["total_personal"],
        "Personal capacitado (%)": cov["pct_personal"].round(1),
        "Personal de la UT capacitado": cov["personas_ut_acum"], "Personal de la UT": cov["personal_ut"],
        "Personal de la UT capacitado (%)": cov["pct_ut"].round(1),
        "Institución 100 % capacitada": flag, "Comité de Transparencia capacitado": comite,
        "Titular de la UT certificado": titular,
    }).sort_values(["Personal capacitado (%)", "Ente"], ascending=[False, True], na_position="last") \
      .reset_index(drop=True)


def coverage_summary(table: pd.DataFrame, tipo: str, periodo: str, meta: float) -> str:
    with_staff = table[table["Plantilla"].fillna(0) > 0]
    if with_staff.empty:
        return f"En {periodo_es(tipo, periodo)} ningún ente de esta selección tiene plantilla registrada."
    trained, staff = with_staff["Personas capacitadas en 12 meses"].sum(), with_staff["Plantilla"].sum()
    at_meta = int((with_staff["Personal capacitado (%)"] >= meta).sum())
    full = int((with_staff["Institución 100 % capacitada"] == "Sí").sum())
    text = (f"Al cierre de {periodo_es(tipo, periodo)} se había capacitado en los últimos 12 meses a {num(trained)} de "
            f"{num(staff)} personas de la plantilla ({num(100 * trained / staff, 1)} %); {at_meta} de "
            f"{len(with_staff)} entes alcanzan la meta del {num(meta)} % y {full} cumplen la regla de "
            f"institución 100 % capacitada.")
    comite = table["Comité de Transparencia capacitado"]
    if (comite != "Sin datos").any():
        text += (f" {int(comite.str.endswith('(100 %)').sum())} de {int((comite != 'Sin datos').sum())} entes que "
                 "informan su Comité de Transparencia lo tienen 100 % capacitado.")
    cert = table["Titular de la UT certificado"]
    if (cert != "Sin datos").any():
        text += (f" {int((cert == 'Sí').sum())} de {int((cert != 'Sin datos').sum())} entes que lo informan tienen a "
                 "la persona titular de su UT certificada.")
    return text


def courses_table(courses: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "Tema": courses["tema"].map(TEMAS).fillna(courses["tema"]),
        "Modalidad": courses["modalidad"].map(MODALIDADES).fillna(courses["modalidad"]),
        "Cursos": courses["cursos"].astype("int64"), "Asistencias": courses["asistencias"].astype("int64"),
        "Horas-persona": courses["horas_persona"].astype(float).round(1),
    })


def courses_summary(table: pd.DataFrame, tipo: str, periodo: str) -> str:
    by_mod = table.groupby("Modalidad")["Cursos"].sum().sort_values(ascending=False)
    top_theme = table.groupby("Tema")["Asistencias"].sum().sort_values(ascending=False)
    parts = ", ".join(f"{num(n)} {m.lower()}" for m, n in by_mod.items())
    return (f"En {periodo_es(tipo, periodo)} se impartieron {num(table['Cursos'].sum())} cursos ({parts}); "
            f"el tema con más asistencias fue «{top_theme.index[0]}» ({num(top_theme.iloc[0])}).")


def events_table(events: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({"Sector": events["sector"].map(SECTORES).fillna(events["sector"]),
                         "Eventos": events["eventos"].astype("int64"),
                         "Asistentes": events["asistentes"].astype("int64")})


def events_summary(table: pd.DataFrame, tipo: str, periodo: str) -> str:
    top = table.sort_values("Asistentes", ascending=False).iloc[0]
    return (f"En {periodo_es(tipo, periodo)} asistieron {num(table['Asistentes'].sum())} personas de la sociedad a "
            f"eventos públicos de difusión; el sector con más asistentes fue {top['Sector'].lower()} "
            f"({num(top['Asistentes'])}).")


# ---- Ficha del ente -------------------------------------------------------------------------------------

def render_ente_block(ente_id: str, tipo: str, periodo: str) -> None:
    """Capacitación of one ente in a period: coverage metrics, the 100 % rule, a one-row table and its CSV."""
    st.subheader("Capacitación", anchor=False)
    cov = read_capacitacion.coverage(tipo, periodo, ente=ente_id)
    if cov.empty:
        st.info(md_escape(sentence(f"Este ente no tiene datos de capacitación en {periodo_es(tipo, periodo)}.")))
        return
    rules = read_capacitacion.rules()
    table = coverage_table(cov)
    row = table.iloc[0]
    c1, c2, c3, c4 = st.columns(4)
    c1.metric("Personas capacitadas en 12 meses", num(row["Personas capacitadas en 12 meses"]), border=True)
    c2.metric("Personal capacitado", _pct(row["Personal capacitado (%)"]), border=True)
    c3.metric("Personal de la UT capacitado", _pct(row["Personal de la UT capacitado (%)"]), border=True)
    c4.metric("Institución 100 % capacitada", row["Institución 100 % capacitada"], border=True)
    st.markdown(md_escape(sentence(ente_block_summary(row, tipo, periodo))))
    st.caption(md_escape(rule_100_text(rules)))
    show_table(table.drop(columns=["Grupo de pares"]), key="tabla_ficha_capacitacion",
               numbers={"Personas capacitadas en 12 meses": 0, "Plantilla": 0, "Personal capacitado (%)": "%",
                        "Personal de la UT capacitado": 0, "Personal de la UT": 0,
                        "Personal de la UT capacitado (%)": "%"})
    download_csv(table, f"capacitacion_{ente_id}_{periodo}.csv", key="csv_ficha_capacitacion", periodo=periodo)


def _pct(x) -> str:
    return f"{num(x, 1)} %" if not is_missing(x) else "—"


def ente_block_summary(row: pd.Series, tipo: str, periodo: str) -> str:
    if is_missing(row["Plantilla"]) or row["Plantilla"] == 0:
        return (f"al cierre de {periodo_es(tipo, periodo)} este ente había capacitado a "
                f"{num(row['Personas capacitadas en 12 meses'])} personas en los últimos 12 meses, pero no tiene plantilla "
                "registrada para calcular su cobertura.")
    text = (f"al cierre de {periodo_es(tipo, periodo)} este ente había capacitado en los últimos 12 meses a "
            f"{num(row['Personas capacitadas en 12 meses'])} de {num(row['Plantilla'])} personas de su plantilla "
            f"({_pct(row['Personal capacitado (%)'])})")
    if not is_missing(row["Personal de la UT"]) and row["Personal de la UT"] > 0:
        text += (f" y a {num(row['Personal de la UT capacitado'])} de {num(row['Personal de la UT'])} personas de "
                 "su Unidad de Transparencia")
    text += "."
    if row["Comité de Transparencia capacitado"] != "Sin datos":
        text += f" Integrantes de su Comité de Transparencia capacitados: {row['Comité de Transparencia capacitado']}."
    if row["Titular de la UT certificado"] != "Sin datos":
        text += (" La persona titular de su UT " + ("tiene" if row["Titular de la UT certificado"] == "Sí" else
                                                     "no tiene") + " la certificación requerida.")
    return text
