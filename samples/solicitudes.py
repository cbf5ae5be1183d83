"""Deterministic requests and appeals for the sample: each request's ente, type, outcome, business days and texts
drawn from one Random in a fixed order, and the workflow state an export taken on a given day shows."""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from common.csvfiles import read_rows
from samples.calendar import Calendar, day_weights
from samples.catalogs import Ente, ente_spellings
from samples.pnt_values import (ARCOP_DERECHOS, CATEGORY_WEIGHT, CITIZEN_TERM, COSAS, DESCRIPTIONS, DESCRIPTIONS_DP, DP,
                                DP_OUTCOMES, ENTE_LATE_SHARE, ENTE_WEIGHT, INFOMEX_OUTCOMES, IP, IP_OUTCOMES,
                                LATE_PROFILES, MANUAL_RESPUESTA, MEDIOS_ENTREGA, MUNICIPIOS_QROO_TABLE,
                                NEVER_ANSWERED_SHARE, OPEN_RESPUESTA, OPEN_RESPUESTA_ALT, OTROS_DATOS, OTROS_ESTADOS,
                                Outcome, PRORROGA_RESPUESTA, PRORROGA_SHARE, PUESTOS, QUOTED_NAMES, RAW_QUOTE_SHARE,
                                RECURSO_RATE, RESPONSE_TEXTS, SECTORES, SENTIDOS, SERVICIOS, TYPO_QUOTE_SHARE,
                                ZERO_FOLIO_CATEGORY)


def check_catalog_values(catalog_dir: Path) -> None:
    """Fail loudly if a value used here is missing from the catalogs, since the sample must load with zero rejects."""
    estatus = {(r["valor"], r["fuente"].startswith("PNT")) for r in read_rows(catalog_dir / "estatus.csv")}
    respuesta = {(r["valor"], r["fuente"].startswith("PNT")) for r in read_rows(catalog_dir / "respuesta.csv")}
    wanted_e = {(o.estatus, True) for o in IP_OUTCOMES + DP_OUTCOMES}
    wanted_e |= {(o.interim, True) for o in IP_OUTCOMES + DP_OUTCOMES if o.interim}
    wanted_e |= {(v, True) for v in ("En proceso", "En proceso con prórroga", "Pendiente de entrega de respuesta",
                                     "En proceso, sin identidad acreditada",
                                     "En proceso con prórroga, sin identidad acreditada")}
    wanted_e |= {(e, False) for e, *_ in INFOMEX_OUTCOMES}
    wanted_r = {(o.respuesta, True) for o in IP_OUTCOMES + DP_OUTCOMES}
    wanted_r |= {(v, True) for v in [OPEN_RESPUESTA, OPEN_RESPUESTA_ALT, *MANUAL_RESPUESTA.values(),
                                     *PRORROGA_RESPUESTA.values()]}
    wanted_r |= {(r, False) for _, r, *_ in INFOMEX_OUTCOMES}
    missing = sorted(v for v, _ in (wanted_e - estatus) | (wanted_r - respuesta))
    if missing:
        raise ValueError("Valores de la muestra que no están en data/catalogos: " + "; ".join(missing))


@dataclass
class Request:
    folio: str
    filed: date
    receipt: date
    ente: Ente
    dependencia: str
    tipo: str
    derecho: str
    manual: bool
    outcome: Outcome
    limit: int                 # días hábiles to answer
    ampliacion: int            # extra días hábiles when there is a prórroga
    prorroga: bool
    k: int | None              # business days from receipt to the Respuesta; None = never answered
    open_alt: int              # picks among equivalent open-state spellings
    descripcion: str
    otros: str
    adjuntos: str
    medio_entrega: str
    texto: str
    pais: str
    estado: str
    municipio: str
    cp: str
    sector: str
    raw_quotes: bool           # written without escaping its ASCII quotes: invalid JSON, as in the real files
    recurso_date: date | None = None


class Generator:
    """Draws everything from one Random in a fixed order."""

    def __init__(self, rng: random.Random, cal: Calendar, entes: list[Ente], aliases: dict[str, list[str]],
                 plazos: list[tuple[str, date, date, int, int]]):
        self.rng, self.cal, self.entes, self.plazos = rng, cal, entes, plazos
        self.spellings = {e.ente_id: ente_spellings(e, aliases.get(e.ente_id, [])) for e in entes}
        self.late_share = {e.ente_id: ENTE_LATE_SHARE.get(e.ente_id, rng.choice(LATE_PROFILES)) for e in entes}
        self.weight = {e.ente_id: ENTE_WEIGHT.get(e.ente_id, CATEGORY_WEIGHT.get(e.categoria, 1.0)) for e in entes}
        self._active_cache: dict[tuple[str, ...], tuple[list[Ente], list[float]]] = {}
        self._tables: dict[int, tuple[list, list, list[float]]] = {}
        self.ip_cum = cumulative([o.weight for o in IP_OUTCOMES])
        self.dp_cum = cumulative([o.weight for o in DP_OUTCOMES])

    def pick(self, pairs: list[tuple]) -> object:
        """One value of a (value, ..., weight) list; cumulative weights are cached per list."""
        table = self._tables.get(id(pairs))
        if table is None:
            table = self._tables[id(pairs)] = (pairs, [p[0] for p in pairs], cumulative([p[-1] for p in pairs]))
        return self.rng.choices(table[1], cum_weights=table[2])[0]

    def active_entes(self, d: date) -> tuple[list[Ente], list[float]]:
        active = [e for e in self.entes if e.desde <= d <= e.hasta]
        key = tuple(e.ente_id for e in active)
        if key not in self._active_cache:
            self._active_cache[key] = (active, cumulative([self.weight[e.ente_id] for e in active]))
        return self._active_cache[key]

    def plazo(self, tipo: str, receipt: date) -> tuple[int, int]:
        for t, desde, hasta, dias, ampl in self.plazos:
            if t == tipo and desde <= receipt <= hasta:
                return dias, ampl
        raise ValueError(f"plazo_legal.csv no tiene plazo para {tipo} al {receipt.isoformat()}")

    def response_day(self, outcome: Outcome, ente: Ente, limit: int, ampliacion: int, prorroga: bool) -> int | None:
        rng = self.rng
        late = rng.random() < self.late_share[ente.ente_id]
        if outcome.timing == "prevention":
            return rng.randint(1, 5)
        if late and rng.random() < NEVER_ANSWERED_SHARE:
            return None
        allowed = limit + (ampliacion if prorroga else 0)
        if late:
            return allowed + rng.randint(1, 12)
        if outcome.timing == "fast":
            return rng.randint(1, 3) if rng.random() < 0.85 else rng.randint(4, limit)
        if prorroga:
            return rng.randint(limit, allowed)
        return max(1, min(limit, round(rng.triangular(1, limit, limit * 0.8))))

    def request(self, filed: date, ente: Ente) -> Request:
        rng = self.rng
        tipo = DP if rng.random() < 0.03 else IP
        receipt = self.cal.receipt(filed)
        limit, ampliacion = self.plazo(tipo, receipt)
        outcomes, cum = (IP_OUTCOMES, self.ip_cum) if tipo == IP else (DP_OUTCOMES, self.dp_cum)
        outcome = rng.choices(outcomes, cum_weights=cum)[0]
        prorroga = outcome.timing == "answer" and rng.random() < PRORROGA_SHARE
        k = self.response_day(outcome, ente, limit, ampliacion, prorroga)
        style = rng.random()
        quote = "raw" if style < RAW_QUOTE_SHARE else "typo" if style < RAW_QUOTE_SHARE + TYPO_QUOTE_SHARE else ""
        year = filed.year - rng.randint(0, 2)
        descripcion, texto = self.texts(tipo, outcome.text, year, quote)
        pais, estado, municipio, cp = self.location()
        return Request(
            folio="", filed=filed, receipt=receipt, ente=ente,
            dependencia=self.pick(self.spellings[ente.ente_id]), tipo=tipo,
            derecho=self.pick(ARCOP_DERECHOS) if tipo == DP else "No Aplica",
            manual=rng.random() < 0.06, outcome=outcome, limit=limit, ampliacion=ampliacion, prorroga=prorroga,
            k=k, open_alt=rng.randint(0, 99), descripcion=descripcion,
            otros=rng.choice(OTROS_DATOS).format(y=year) if rng.random() < 0.2 else "",
            adjuntos="anexo_solicitud.pdf" if rng.random() < 0.08 else "",
            medio_entrega=self.pick(MEDIOS_ENTREGA), texto=texto, pais=pais, estado=estado,
            municipio=municipio, cp=cp, sector=self.pick(SECTORES), raw_quotes=quote == "raw")

    def texts(self, tipo: str, text_kind: str, year: int, quote: str) -> tuple[str, str]:
        """Description and response text; with quote set, the description surely holds a quoted name."""
        rng = self.rng
        q = _quoted(rng.choice(QUOTED_NAMES), quote)
        pool = DESCRIPTIONS_DP if tipo == DP else DESCRIPTIONS
        desc = rng.choice(pool).format(q=q, y=year, servicio=rng.choice(SERVICIOS), cosa=rng.choice(COSAS),
                                       puesto=rng.choice(PUESTOS))
        texto = rng.choice(RESPONSE_TEXTS[text_kind]).format(q=q, y=year, n=rng.randint(1, 60))
        if quote and q not in desc:
            desc = desc[:-1] + f", relacionado con el programa {q}."
        return desc, texto

    def location(self) -> tuple[str, str, str, str]:
        rng = self.rng
        r = rng.random()
        if r < 0.08:
            return "", "", "", ""
        if r < 0.10:
            return "Estados Unidos", "", "", ""
        if r < 0.30:
            return "México", rng.choice(OTROS_ESTADOS), "", ""
        municipio, cp = self.pick(MUNICIPIOS_QROO_TABLE)
        return "México", "Quintana Roo", municipio, cp if rng.random() < 0.5 else ""


def cumulative(weights: list[float]) -> list[float]:
    out, total = [], 0.0
    for w in weights:
        total += w
        out.append(total)
    return out


def _quoted(name: str, style: str) -> str:
    if style == "raw":
        return f'"{name}"'
    if style == "typo":
        return f"\u201c{name}\u201d"
    return name


def pnt_state(req: Request, cal: Calendar, as_of: date) -> dict[str, str]:
    """The workflow fields of a request as an export taken on `as_of` shows them."""
    o = req.outcome
    answered_on = cal.add(req.receipt, req.k) if req.k is not None else None
    prorroga = req.prorroga and as_of >= cal.add(req.receipt, req.limit - 1)
    limite = cal.add(req.receipt, req.limit + (req.ampliacion if prorroga else 0))
    state = {"FechaLimite": dmy(limite), "Prorroga": _si(prorroga), "Prevencion": "No", "Disponibilidad": "No",
             "Queja": _si(req.recurso_date is not None and req.recurso_date <= as_of),
             "FechaRespuesta": "", "FechaSolicitudTermino": "", "TextoRespuesta": ""}
    if answered_on is None or answered_on > as_of:
        state["Estatus"], state["Respuesta"] = open_state(req, prorroga)
        return state
    state["Respuesta"] = o.respuesta
    state["TextoRespuesta"] = req.texto
    state["FechaRespuesta"] = dmy(answered_on)
    state["Prevencion"] = _si(o.prevencion)
    state["Disponibilidad"] = _si("isponibilidad" in o.respuesta)
    ends = cal.add(answered_on, CITIZEN_TERM) if o.ends_after_term else answered_on
    if o.interim and ends > as_of:
        state["Estatus"] = o.interim
    else:
        state["Estatus"] = o.estatus
        state["FechaSolicitudTermino"] = dmy(ends) if o.closed else ""
    return state


def open_state(req: Request, prorroga: bool) -> tuple[str, str]:
    """Estatus and Respuesta of a request nobody has answered yet."""
    identity = req.tipo == DP and req.open_alt < 30
    if prorroga:
        estatus = "En proceso con prórroga, sin identidad acreditada" if identity else "En proceso con prórroga"
        return estatus, PRORROGA_RESPUESTA[req.tipo]
    if identity:
        estatus = "En proceso, sin identidad acreditada"
    else:
        estatus = "Pendiente de entrega de respuesta" if req.open_alt < 3 else "En proceso"
    if req.manual:
        return estatus, MANUAL_RESPUESTA[req.tipo]
    return estatus, OPEN_RESPUESTA_ALT if req.open_alt == 99 else OPEN_RESPUESTA


def _si(flag: bool) -> str:
    return "Si" if flag else "No"


def dmy(d: date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"



def generate_requests(gen: Generator, years: tuple[int, ...], requests_per_year: int, cutoff: date) -> list[Request]:
    """All PNT requests of `years`, sorted by filing date, with unique 15-digit folios."""
    requests: list[Request] = []
    for year in sorted(set(years)):
        first, last = date(year, 1, 1), min(date(year, 12, 31), cutoff)
        if first > last:
            continue
        full_year = [first + timedelta(days=i) for i in range((date(year, 12, 31) - first).days + 1)]
        weights = day_weights(gen.cal, full_year)
        days = full_year[: (last - first).days + 1]
        n = round(requests_per_year * sum(weights[: len(days)]) / sum(weights))
        for filed in sorted(gen.rng.choices(days, weights=weights[: len(days)], k=n)):
            active, cum = gen.active_entes(filed)
            requests.append(gen.request(filed, gen.rng.choices(active, cum_weights=cum)[0]))
    assign_folios(gen, requests)
    return requests


def assign_folios(gen: Generator, requests: list[Request]) -> None:
    """SISAI 2.0 style: 7-digit sujeto obligado code + 2-digit year + 6-digit sequence per ente and year."""
    sequence: dict[tuple[str, int], int] = {}
    for req in requests:
        key = (req.ente.ente_id, req.filed.year)
        # Gaps: folios also go to requests later reassigned to other sujetos obligados.
        sequence[key] = sequence.get(key, 0) + (2 if gen.rng.random() < 0.04 else 1)
        req.folio = f"{ente_code(req.ente)}{req.filed.year % 100:02d}{sequence[key]:06d}"


def ente_code(ente: Ente) -> str:
    prefix = "00" if ente.categoria == ZERO_FOLIO_CATEGORY else "23"
    return f"{prefix}{(ente.position + 1) * 10:05d}"


@dataclass
class Recurso:
    expediente: str
    req: Request
    interpuesto: date
    resuelto: date | None
    sentido: str


def generate_recursos(gen: Generator, requests: list[Request], cutoff: date) -> list[Recurso]:
    """Appeals against answered requests, filed within 15 business days of the answer."""
    rng, cal = gen.rng, gen.cal
    drafts = []
    for req in requests:
        o = req.outcome
        if o.estatus != "Terminada" or req.k is None:
            continue
        answered_on = cal.add(req.receipt, req.k)
        rate = RECURSO_RATE.get(o.text, 0.04) * (2 if req.k > req.limit + (req.ampliacion if req.prorroga else 0)
                                                 else 1)
        if rng.random() >= rate:
            continue
        filed = cal.add(answered_on, rng.randint(1, 15))
        if filed > cutoff:
            continue
        sentido = gen.pick(SENTIDOS)
        resolved = cal.add(filed, rng.randint(3, 12) if sentido == "Desecha" else rng.randint(20, 50))
        if resolved > cutoff:
            resolved, sentido = None, "En trámite"
        req.recurso_date = filed
        drafts.append((filed, req.folio, req, resolved, sentido))
    drafts.sort(key=lambda d: (d[0], d[1]))
    recursos, numbers = [], {}
    for filed, _, req, resolved, sentido in drafts:
        # The garante numbers appeals against every sujeto obligado, so ours leave gaps.
        numbers[filed.year] = numbers.get(filed.year, 0) + rng.randint(1, 3)
        recursos.append(Recurso(f"RR/{numbers[filed.year]:04d}-{filed.year}", req, filed, resolved, sentido))
    return recursos
