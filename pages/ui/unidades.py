"""Unidades de Transparencia: the sentence and tier of the Ficha del ente (render_ente_block) and the tables of the
Unidades de Transparencia page (which UT is below the minimum staff of its tier, data/catalogos/perfil_ut.toml)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from common.formatting import md_escape, num, periodo_es, sentence
from indicators.semaforo import is_missing
from pages.ui.export import download_csv
from pages.ui.tables import show_table
from warehouse import read_unidades

POR_CONFIRMAR = ("Los niveles, el personal mínimo, el perfil de la persona titular y el equipo de cada nivel están por "
                 "confirmar: son una propuesta de trabajo que la Coordinación edita en su catálogo de perfiles.")


def _plural(n, singular: str, plural: str) -> str:
    return f"{num(n)} {singular if n == 1 else plural}"


def _window(row) -> str:
    mes = periodo_es("mes", pd.Timestamp(row.mes).strftime("%Y-%m"))
    months = int(row.meses_con_datos)
    if months < 12:
        return f"en los {months} meses con datos que terminan en {mes} (los datos no cubren 12 meses)"
    return f"en los 12 meses que terminan en {mes}"


def ut_sentence(row) -> str:
    """'Con N solicitudes … su UT debería tener al menos M personas; tiene K.' for one row of ut_profiles."""
    n = int(row.solicitudes_12_meses)
    start = f"Con {_plural(n, 'solicitud', 'solicitudes')} {_window(row)}"
    if is_missing(row.personal_minimo):
        return f"{start}, ningún nivel del catálogo de perfiles corresponde a su volumen."
    start += (f" ({row.nivel}), su Unidad de Transparencia debería tener al menos "
              f"{_plural(int(row.personal_minimo), 'persona', 'personas')}")
    if not row.con_plantilla:
        return f"{start}; su plantilla de personal no declara cuántas personas tiene la UT."
    k = int(row.personal_ut)
    text = f"{start}; tiene {num(k)}."
    if row.bajo_perfil:
        text += f" Está por debajo de su perfil: le {'falta' if row.personal_minimo - k == 1 else 'faltan'} " \
                f"{_plural(int(row.personal_minimo - k), 'persona', 'personas')}."
    return text


def render_ente_block(ente_id: str, tipo: str, periodo: str) -> None:
    """The Ficha's Unidad de Transparencia: its tier against its staff, and what the tier asks for."""
    st.subheader("Unidad de Transparencia", anchor=False)
    profiles = read_unidades.ut_profiles(tipo, periodo, ente=ente_id)
    if profiles.empty:
        st.info(md_escape(sentence(f"Este ente no tiene solicitudes registradas hasta {periodo_es(tipo, periodo)}.")))
        return
    row = profiles.iloc[0]
    st.markdown(md_escape(ut_sentence(row)))
    if not is_missing(row.personal_minimo):
        st.caption(md_escape(f"Perfil de la persona titular: {row.perfil_titular}. Equipo: {row.equipo}."
                             + ("" if row.confirmado else " " + POR_CONFIRMAR)))


def profile_table(profiles: pd.DataFrame) -> pd.DataFrame:
    """One row per ente: its 12-month requests, tier, minimum staff, UT staff and what is missing."""
    personal = profiles["personal_ut"].astype("Float64")
    minimo = profiles["personal_minimo"].astype("Float64")
    situacion = ["Sin plantilla de la UT" if not r.con_plantilla else "Por debajo de su perfil" if r.bajo_perfil
                 else "Cumple el mínimo" for r in profiles.itertuples()]
    return pd.DataFrame({
        "Ente": profiles["nombre"], "Siglas": profiles["siglas"].fillna(""), "Grupo de pares": profiles["grupo_pares"],
        "Solicitudes en 12 meses": profiles["solicitudes_12_meses"], "Meses con datos": profiles["meses_con_datos"],
        "Nivel": profiles["nivel"], "Personal mínimo": profiles["personal_minimo"], "Personal de la UT": personal,
        "Faltan": (minimo - personal).clip(lower=0), "Situación": situacion,
    })


def profile_summary(table: pd.DataFrame, tipo: str, periodo: str) -> str:
    below = table[table["Situación"] == "Por debajo de su perfil"]
    without = (table["Situación"] == "Sin plantilla de la UT").sum()
    with_staff = len(table) - without
    text = (f"Al cierre de {periodo_es(tipo, periodo)}, {_plural(len(below), 'Unidad de Transparencia', 'Unidades de Transparencia')} "
            f"de {num(with_staff)} con plantilla {'está' if len(below) == 1 else 'están'} por debajo del personal mínimo de su nivel")
    if len(below):
        missing = int(below["Faltan"].sum())
        text += f" (en total {'falta' if missing == 1 else 'faltan'} {_plural(missing, 'persona', 'personas')})"
    if without:
        text += f"; {_plural(without, 'ente no declara', 'entes no declaran')} el personal de su UT en la plantilla"
    return text + "."


def render_tiers() -> None:
    """The tiers the build applied, with what each asks for."""
    tiers = read_unidades.tiers()
    shown = pd.DataFrame({
        "Nivel": tiers["nivel"],
        "Solicitudes en 12 meses": [f"{num(a)} o más" if is_missing(b) else f"{num(a)} a {num(b)}"
                                    for a, b in zip(tiers["solicitudes_desde"], tiers["solicitudes_hasta"])],
        "Personal mínimo": tiers["personal_minimo"], "Perfil de la persona titular": tiers["perfil_titular"],
        "Equipo": tiers["equipo"], "Confirmado": ["Sí" if c else "Por confirmar" for c in tiers["confirmado"]],
        "Fuente": tiers["fuente"],
    })
    show_table(shown, key="tabla_niveles_ut", numbers={"Personal mínimo": 0})
    download_csv(shown, "niveles_unidades_transparencia.csv", key="csv_niveles_ut")
