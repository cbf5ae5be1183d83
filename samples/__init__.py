"""Deterministic, realistic sample INPUT files for the dashboard (``python -m samples``, also ``python -m etl sample``).

The files look like what officials receive, flaws included, and go through the real loaders:

- ``solicitudes/solicitudesYYYY.JSON``: the PNT (SISAI 2.0) yearly open-data export. A JSON array with one
  record per line, Windows-1252, fixed field order (``FechaOficialRecepcion`` only from 2025 on). Real flaws:
  about 7 % of the records hold citizens' unescaped double quotes (not valid JSON; the loader repairs them),
  typographic quotes (cp1252 bytes 0x93/0x94), and each file N also carries the first week of January of
  N+1 as the export saw it a few days later (mostly still "En proceso"; file N+1 has the newer state).
  ``Dependencia`` is spelled in several ways, all of which resolve through data/catalogos.
  ``FechaLimite`` is the deadline of data/catalogos/plazo_legal.csv counted in días hábiles from the official
  receipt, plus the ampliación once a prórroga was declared. ``Queja`` is "Si" when a sample recurso names the folio.
- ``solicitudes/infomex_2022.csv``: a few hundred 2022 requests in the INAI/Infomex open-data layout
  (20 upper-case columns, latin-1, comma, ``YYYY-MM-DD HH:MM:SS``, 8-digit folios).
- ``solicitudes/plantilla_ut_sefiplan.csv``: the dashboard's template as SEFIPLAN's Unidad de Transparencia keeps
  it for requests received in writing (samples/plantilla.py): filing times (some after the office's closing time),
  prevenciones with their desahogo dates, a few never answered (desechadas) and a few "Sí" without dates (plazo no
  determinable).
- ``recursos/recursos_revision.csv``: our recursos template (UTF-8 with BOM), linked to sample folios.
- ``verificaciones/`` (samples/verificacion.py), ``capacitacion/`` (samples/capacitacion.py) and the two quarters the
  garante published (``estadistica_trimestral/``, copied from data/referencia/).

The default sample has no bad rows: it builds with zero rejects, also under ``--strict``.
``with_errors=True`` adds ``solicitudes/solicitudes_con_errores.csv`` (PNT CSV layout, UTF-8 with BOM) for the
demo of the rejects page: two good rows and one row for each of these errors:
  1. unknown ente "SECRETARÍA DE MAGIA";
  2. impossible date "31/02/2024" in FechaSolicitud;
  3. FechaRespuesta before FechaSolicitud.

Everything is drawn from ``random.Random(seed)`` in a fixed order, so the same arguments give the same bytes.
All texts are fictitious; requester fields hold only municipios and postal codes of Quintana Roo.
"""
