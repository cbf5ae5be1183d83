"""The definitions of the indicators (indicadores.toml, "el catálogo de indicadores" in the product's Spanish) and of
the base tables they add up, loaded into typed objects and validated all at once."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from common.errors import DefinitionError
from common.typed_toml import build, entries, is_number, raise_problems, read_checked, repeated_ids

DEFINITIONS_PATH = Path(__file__).resolve().parent / "indicadores.toml"


@dataclass(frozen=True)
class BaseTable:
    """A table of counts per ente × month (warehouse schema) that indicators add up."""
    columns: frozenset[str]
    sql: str                       # file under indicators/sql/ that fills it (and its histogram)
    histogram: str | None = None   # table (ente_id, mes, dias, n) for percentile indicators
    periodos: tuple[str, ...] = ("mes", "trimestre", "anio")  # the periods its data can speak for
    fuente: str = "registros"      # marks each value's source in indicador_valor and the export
    respaldo_de: str | None = None  # fills periods that base has no data for, for indicators it can compute
    # Stocks (staff counts, year-to-date totals) are not added over months: each ente contributes its value at
    # the last month of the period, and those are added over entes. All other columns are flows (summed).
    stocks: frozenset[str] = frozenset()
    solo_gobierno: bool = False     # no ente_id column: counts of the whole program, computed at nivel gobierno


# Each domain registers its base table here; an indicator names the one it adds up (default: requests).
BASE_TABLES: dict[str, BaseTable] = {
    "base_solicitud_mes": BaseTable(frozenset({
        "recibidas", "con_plazo_determinado", "en_plazo", "respondidas", "suma_dias", "con_ampliacion",
        "con_prevencion", "con_respuesta_final", "resp_entrega", "resp_inexistencia", "resp_incompetencia",
        "resp_clasificada", "vencidas_sin_respuesta", "pendientes", "recursos", "recursos_resueltos",
        "recursos_modifican_revocan", "resp_competente", "abiertas_en_plazo", "plazo_no_determinable",
        "recursos_fondo", "recursos_desechados", "recursos_sobreseidos", "suma_plazo", "incompetencias_con_fecha",
        "incompetencias_en_plazo", "prevenciones_con_fecha", "prevenciones_en_plazo", "recursos_con_causa",
        "recursos_falta_respuesta", "resoluciones_cumplimiento_determinado", "resoluciones_cumplidas"}),
        "bases/base_solicitud_mes.sql",
        histogram="hist_dias"),
    # The garante's published quarterly tables (2017 on): they continue request series back before row-level data.
    "base_estadistica_trimestre": BaseTable(frozenset({
        "recibidas", "suma_dias", "respondidas", "resp_competente", "con_respuesta_final", "suma_promedios",
        "entes_con_promedio"}), "bases/base_estadistica_trimestre.sql", periodos=("trimestre",),
        fuente="estadistica_publicada", respaldo_de="base_solicitud_mes"),
    # Verification of transparency obligations per ente × month: the reviews held (flows) and the standing result,
    # carried over months without a review (stocks; indicators/sql/bases/base_verificacion_mes.sql states the rules).
    "base_verificacion_mes": BaseTable(frozenset({
        "revisiones", "fracciones_evaluadas", "peso_evaluado", "suma_puntaje", "fracciones_incumplidas",
        "revisiones_con_anterior", "suma_variacion", "observaciones_seguimiento", "observaciones_solventadas"}),
        "bases/base_verificacion_mes.sql",
        stocks=frozenset({"peso_evaluado", "suma_puntaje", "fracciones_incumplidas"})),
    # Training per ente × month (indicators/sql/bases/base_capacitacion_mes.sql states the unique-person rule).
    "base_capacitacion_mes": BaseTable(frozenset({
        "inscripciones", "asistentes", "evaluados", "aprobados", "horas_persona", "personas_capacitadas",
        "personas_ut_capacitadas", "personas_acum", "personas_ut_acum", "total_personal", "personal_ut",
        "ente_100", "entes_con_plantilla", "personas_comite_acum", "integrantes_comite", "comite_100",
        "entes_con_comite", "titular_ut_certificado", "entes_informan_certificacion"}), "bases/base_capacitacion_mes.sql",
        stocks=frozenset({"personas_acum", "personas_ut_acum", "total_personal", "personal_ut", "ente_100",
                          "entes_con_plantilla", "personas_comite_acum", "integrantes_comite", "comite_100",
                          "entes_con_comite", "titular_ut_certificado", "entes_informan_certificacion"})),
    # Courses and public events belong to the whole program (SABGOB organizes them), not to one ente.
    "base_capacitacion_gobierno_mes": BaseTable(frozenset({
        "cursos", "cursos_en_linea", "cursos_presencial", "cursos_taller", "cursos_conferencia", "eventos",
        "asistentes_sociedad"}), "bases/base_capacitacion_gobierno_mes.sql", solo_gobierno=True),
    # Unidades de Transparencia: requests against the UT's staff and its tier (indicators/sql/bases/base_ut_mes.sql).
    "base_ut_mes": BaseTable(frozenset({
        "recibidas", "recibidas_datos_personales", "recibidas_con_ut", "dias_persona_ut", "personal_ut",
        "solicitudes_12_meses", "personal_ut_minimo", "entes_ut_bajo_perfil", "entes_con_ut"}), "bases/base_ut_mes.sql",
        stocks=frozenset({"personal_ut", "solicitudes_12_meses", "personal_ut_minimo", "entes_ut_bajo_perfil",
                          "entes_con_ut"})),
    # Citizens' evaluations per ente × month sent (the same file fills evaluacion_ciudadana_fraccion_mes).
    "base_evaluacion_ciudadana_mes": BaseTable(frozenset({
        "evaluaciones", "puntos_encontrada", "actualizada_si", "actualizada_opinion", "suma_comprension"}),
        "bases/base_evaluacion_ciudadana_mes.sql"),
}
TIPOS = {"conteo", "razon", "percentil", "compuesto"}  # compuesto: computed by indicators/index.py
DIRECCIONES = {"mayor_es_mejor", "menor_es_mejor", "neutral"}


@dataclass(frozen=True)
class Indicador:
    id: str
    nombre: str
    descripcion: str
    formula: str
    tipo: str
    unidad: str
    direccion: str
    denominador_minimo: float
    dimension: str
    fuente: str
    version: str
    base: str = "base_solicitud_mes"
    numerador: str | None = None
    denominador: str | None = None
    escala: float = 1.0
    percentil: float | None = None
    meta: float | None = None
    sin_meta: str | None = None    # why an indicator has no target (required when meta is absent)
    umbral_verde: float | None = None
    umbral_amarillo: float | None = None


@dataclass(frozen=True)
class _CatalogFile:
    indicador: list[Indicador] = field(default_factory=list)


def _problems_of(entry: dict, where: str) -> list[str]:
    """What the types alone do not say (keys and types: common/typed_toml.py). A value of the wrong type is
    reported there and left out of the comparisons here."""
    tipo = str(entry.get("tipo"))
    problems = []
    if tipo not in TIPOS:
        problems.append(f"{where}: tipo '{tipo}' no válido; use uno de {sorted(TIPOS)}")
    if str(entry.get("direccion")) not in DIRECCIONES:
        problems.append(f"{where}: direccion '{entry.get('direccion')}' no válida; use uno de {sorted(DIRECCIONES)}")
    needs = {"conteo": ["numerador"], "razon": ["numerador", "denominador"], "percentil": ["denominador", "percentil"]}
    for key in needs.get(tipo, []):
        if entry.get(key) is None:
            problems.append(f"{where}: un indicador de tipo '{tipo}' necesita '{key}'")
    base = BASE_TABLES.get(entry.get("base", "base_solicitud_mes")) if isinstance(entry.get("base", ""), str) else None
    if base is None:
        problems.append(f"{where}: base '{entry.get('base')}' desconocida; use una de {sorted(BASE_TABLES)}")
    for key in ("numerador", "denominador"):
        if base and isinstance(entry.get(key), str) and entry[key] not in base.columns:
            problems.append(f"{where}: {key} '{entry[key]}' no es una columna de {entry.get('base', 'base_solicitud_mes')}")
    if tipo == "percentil" and not (is_number(entry.get("percentil")) and 0 < entry["percentil"] < 1):
        problems.append(f"{where}: percentil debe estar entre 0 y 1")
    if tipo == "percentil" and base and not base.histogram:
        problems.append(f"{where}: la base de un percentil necesita un histograma")
    if entry.get("meta") is None and not entry.get("sin_meta"):
        problems.append(f"{where}: declare 'meta' o explique en 'sin_meta' por qué no tiene")
    if entry.get("direccion") in ("mayor_es_mejor", "menor_es_mejor") and entry.get("umbral_verde") is None \
            and not entry.get("sin_meta"):
        problems.append(f"{where}: un indicador con dirección necesita umbrales del semáforo o 'sin_meta'")
    verde, amarillo = entry.get("umbral_verde"), entry.get("umbral_amarillo")
    if (verde is None) != (amarillo is None):
        problems.append(f"{where}: declare ambos umbrales (verde y amarillo) o ninguno")
    elif is_number(verde) and is_number(amarillo):
        if entry.get("direccion") == "mayor_es_mejor" and verde < amarillo:
            problems.append(f"{where}: con 'mayor_es_mejor' el umbral verde debe ser ≥ el amarillo")
        if entry.get("direccion") == "menor_es_mejor" and verde > amarillo:
            problems.append(f"{where}: con 'menor_es_mejor' el umbral verde debe ser ≤ el amarillo")
    return problems


# Columns of the tables a base's counts are rolled up with (niveles, ente, tipos_periodo): a base column with one of
# these names would be summed twice by the roll-up of a base with stocks (indicators/sql/values/).
ROLL_UP_COLUMNS = frozenset({"ente_id", "mes", "nivel", "clave", "nombre", "grupo_pares", "vigente_desde",
                             "vigente_hasta", "tipo_periodo", "periodo", "periodo_inicio", "nombre_oficial", "siglas",
                             "categoria", "ambito", "sucesor_id", "verificado", "fuente"})


def _base_table_problems() -> list[str]:
    problems = []
    for name, base in BASE_TABLES.items():
        problems += [f"base {name}: la columna '{c}' tiene el nombre de una columna de niveles o de ente"
                     for c in sorted(base.columns & ROLL_UP_COLUMNS)]
        if not base.stocks <= base.columns:
            problems.append(f"base {name}: stocks que no son columnas: {sorted(base.stocks - base.columns)}")
        if base.solo_gobierno and base.stocks:
            problems.append(f"base {name}: una base solo de gobierno no tiene stocks")
    return problems


def load_indicators(path: Path = DEFINITIONS_PATH) -> list[Indicador]:
    """All indicators in the order of the file. Raises DefinitionError listing every problem found."""
    data, problems = read_checked(path, _CatalogFile)
    problems = _base_table_problems() + problems
    for where, entry in entries(data, "indicador", Indicador, path.name):
        problems += _problems_of(entry, where)
    problems += repeated_ids(data, "indicador", Indicador, path.name)
    raise_problems(path, problems, DefinitionError)
    return build(data, _CatalogFile).indicador
