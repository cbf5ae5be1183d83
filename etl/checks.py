"""Invariants checked before the swap: a build that breaks them is not served."""
from __future__ import annotations

from common.errors import BuildError

# Tables with one row per ente and period, kept by this check instead of a PRIMARY KEY: building the key's index
# cost more than the check (README, Rendimiento). Table → what a row is.
ONE_PER_ENTE_AND_PERIOD = {"indice_desempeno": "un índice", "indice_explicacion": "una explicación «¿Por qué cambió?»"}
NAMED = 3  # repeated keys named in the message


def check(con) -> None:
    """Invariants checked before the swap: a build that breaks them is not served."""
    lost = con.execute("""SELECT archivo, filas_leidas, filas_cargadas, filas_rechazadas, filas_duplicadas FROM carga
                          WHERE filas_leidas <> filas_cargadas + filas_rechazadas + filas_duplicadas""").fetchall()
    if lost:
        raise BuildError("Comprobación fallida: filas sin destino en " +
                         "; ".join(f"{a} (leídas {r}, cargadas {c}, rechazadas {x}, duplicadas {d})"
                                   for a, r, c, x, d in lost))
    repeated = con.execute("SELECT count(*) - count(DISTINCT folio) FROM solicitud").fetchall()[0][0]
    if repeated:
        raise BuildError(f"Comprobación fallida: {repeated} folios repetidos en solicitud.")
    # Days, counts and percentages cannot be negative; only a change in points (a variation) can.
    negative = con.execute("""SELECT (SELECT count(*) FROM solicitud WHERE dias_habiles_respuesta < 0)
                                     + (SELECT count(*) FROM indicador_valor v JOIN indicador i USING (indicador)
                                        WHERE v.denominador < 0
                                           OR (i.unidad <> 'puntos' AND (v.valor < 0 OR v.numerador < 0)))
                              """).fetchall()[0][0]
    if negative:
        raise BuildError(f"Comprobación fallida: {negative} días hábiles o valores de indicadores negativos donde su "
                         "unidad no lo admite.")
    twice = con.execute("""SELECT count(*) FROM (SELECT 1 FROM indice_fraccion
                            GROUP BY verificacion_id, ente_id, ley_version, articulo, fraccion HAVING count(*) > 1)
                         """).fetchall()[0][0]
    if twice:
        raise BuildError(f"Comprobación fallida: {twice} fracciones con dos puntajes en una misma verificación del mismo "
                         "ente (indice_fraccion).")
    check_one_per_ente_and_period(con)
    orphans = con.execute("SELECT count(*) FROM solicitud s ANTI JOIN ente e USING (ente_id)").fetchall()[0][0]
    if orphans:
        raise BuildError(f"Comprobación fallida: {orphans} solicitudes con un ente fuera del catálogo.")
    if con.execute("SELECT count(*) FROM solicitud").fetchall()[0][0] and \
            not con.execute("SELECT count(*) FROM indicador_valor").fetchall()[0][0]:
        raise BuildError("Comprobación fallida: hay solicitudes pero no se calcularon indicadores.")


def check_one_per_ente_and_period(con) -> None:
    """One row per ente and period in the index's tables (ONE_PER_ENTE_AND_PERIOD), else the build fails naming
    the first of those that came twice."""
    for table, what in ONE_PER_ENTE_AND_PERIOD.items():
        twice = con.execute(f"""SELECT ente_id, tipo_periodo, periodo, count(*) FROM {table}
                                GROUP BY ALL HAVING count(*) > 1 ORDER BY ALL""").fetchall()
        if twice:
            shown = "; ".join(f"{e} {t} {p} ({n} filas)" for e, t, p, n in twice[:NAMED])
            raise BuildError(f"Comprobación fallida: {table} tiene más de {what} para estos entes y periodos: "
                             + shown + (f" y {len(twice) - NAMED} más" if len(twice) > NAMED else "") + ".")
