"""A period whose requests are still being processed says so: its percentages can still change."""
from conftest import run_page
from helpers import PLANTILLA_HEADER, build, write

ENTREGA = "Entrega de información vía Plataforma Nacional de Transparencia (Terminada)"
# Cut-off 2024-10-31 (the latest date). Of the three October requests one is answered, one is in process
# within its 10-day deadline (received 28 Oct) and one waits for the requester: 2 of 3 still in process.
ROWS = f"""
240000000000001,2024-10-02,,SEFIPLAN,Información pública,,,Terminada,{ENTREGA},2024-10-31,No,No
240000000000002,2024-10-28,,SEFIPLAN,Información pública,,,En proceso,Registro de la Solicitud,,No,No
240000000000003,2024-10-29,,SEGOB,Información pública,,,En espera de pago,,,No,No
240000000000004,2024-09-02,,SEFIPLAN,Información pública,,,Terminada,{ENTREGA},2024-09-03,No,No
"""


def test_open_period_note(tmp_path, monkeypatch):
    write(tmp_path / "in" / "solicitudes" / "r.csv", PLANTILLA_HEADER + ROWS)
    monkeypatch.setenv("TABLERO_DB", str(build(tmp_path / "in", tmp_path)))
    october = run_page("app.py", {"tipo": "mes", "periodo": "2024-10"})
    assert any("Periodo abierto: 2 de 3 solicitudes" in c.value for c in october.caption)
    september = run_page("app.py", {"tipo": "mes", "periodo": "2024-09"})
    assert not any("Periodo abierto" in c.value for c in september.caption)
    ficha = run_page("pages/2_Ficha_del_ente.py", {"ente": "SEGOB", "tipo": "mes", "periodo": "2024-10"})
    assert any("Periodo abierto: 1 de 1 solicitudes" in c.value for c in ficha.caption)
