"""The template a Unidad de Transparencia fills for the requests it receives outside the PNT (in writing, at its
office): `solicitudes/plantilla_ut_sefiplan.csv`. It is the sample's source of what the PNT export does not carry:
the hour of filing (some after the office's closing time: received the next working day), the dates of a prevención
and of its desahogo (the term starts again the day after it), a prevención without dates (plazo no determinable) and
prevenciones never answered (desechadas)."""
from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from pathlib import Path

from samples.calendar import Calendar
from samples.csvfile import write_csv
from samples.pnt_values import IP

FIELDS = ["folio", "fecha_presentacion", "fecha_recepcion", "ente", "tipo_solicitud", "derecho_arcop",
          "medio_entrada", "estatus", "respuesta", "fecha_respuesta", "hubo_ampliacion", "hubo_prevencion",
          "fecha_prevencion", "fecha_desahogo"]
ENTE = "SEFIPLAN"
PER_YEAR = 60
ENTREGA = "Notificación de envío de la información (Terminada)"  # a written request is answered in writing
LATE_SHARE = 0.12


def write_template(path: Path, cal: Calendar, plazo, closing: tuple[int, int], seed: int, years: tuple[int, ...],
                   cutoff: date) -> int:
    """plazo(tipo, receipt) -> (días, ampliación); closing: the office's closing (hour, minute) of the catalog."""
    rng = random.Random(seed * 7 + 22)  # its own stream: the other sample files do not move
    rows = []
    for year in years:
        days = sorted(date(year, 1, 1) + timedelta(days=rng.randrange(365)) for _ in range(PER_YEAR))
        for seq, filed in enumerate(days, start=1):
            filed_at = datetime(filed.year, filed.month, filed.day, rng.randint(8, 20), rng.randint(0, 59))
            after_hours = (filed_at.hour, filed_at.minute) > closing
            receipt = cal.receipt(filed + timedelta(days=1) if after_hours else filed)
            if receipt > cutoff - timedelta(days=45):
                continue  # the template's requests are all settled by the cut-off date
            limit, _ = plazo(IP, receipt)
            kind = rng.random()
            prevencion = desahogo = None
            start = receipt
            if kind < 0.40:  # a prevención the requester answered: day 0 is the desahogo
                prevencion = cal.add(receipt, rng.randint(1, 5))
                desahogo = cal.add(prevencion, rng.randint(1, 8))
                start = desahogo
            elif kind < 0.48:  # never answered: desechada
                prevencion = cal.add(receipt, rng.randint(1, 5))
            k = limit + rng.randint(1, 6) if rng.random() < LATE_SHARE else rng.randint(2, limit)
            answered = cal.add(start, k)
            if kind >= 0.40 and kind < 0.48:
                estatus, respuesta, fecha_respuesta = "Desechada por falta de respuesta del ciudadano", "Prevención", ""
            else:
                estatus, respuesta, fecha_respuesta = "Terminada", ENTREGA, answered.isoformat()
            # A few registers say Sí without the dates: their deadline cannot be determined.
            undated = prevencion is None and rng.random() < 0.06
            rows.append([f"UT{year}{seq:05d}", filed_at.strftime("%Y-%m-%d %H:%M"), "", ENTE, "Información pública",
                         "", "Manual", estatus, respuesta, fecha_respuesta, "No",
                         "Sí" if prevencion or undated else "No",
                         prevencion.isoformat() if prevencion else "", desahogo.isoformat() if desahogo else ""])
    return write_csv(path, FIELDS, rows, encoding="utf-8-sig")
