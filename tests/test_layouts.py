"""etl/layouts.toml is checked when loaded: a misspelt key or field would otherwise be ignored silently."""
import pytest

from common.errors import DefinitionError
from etl.layouts import load_layouts

LAYOUT = """
[layout.plantilla]
fuente = "solicitudes"
columns = { folio = ["folio"], fecha_solicitud = ["fecha"] }
"""


def layouts_file(tmp_path, canonical: str):
    path = tmp_path / "layouts.toml"
    path.write_text(canonical + LAYOUT, encoding="utf-8")
    return path


def test_repeated_fields_are_part_of_the_layouts(tmp_path):
    path = layouts_file(tmp_path, """[canonical.solicitudes]
required = ["folio"]
fields = ["folio", "fecha_solicitud"]
repeated = ["fecha_solicitud"]
""")
    assert load_layouts(path).canonical("solicitudes").repeated == ("fecha_solicitud",)


def test_unknown_keys_and_fields_are_all_reported(tmp_path):
    path = layouts_file(tmp_path, """[canonical.solicitudes]
required = ["folio", "ente"]
fields = ["folio", "fecha_solicitud"]
repetidos = ["fecha_solicitud"]
repeated = ["fecha"]
""")
    with pytest.raises(DefinitionError) as err:
        load_layouts(path)
    message = str(err.value)
    assert "layouts.toml, [canonical.solicitudes]: clave desconocida «repetidos»" in message
    assert "«ente» de required no está en fields" in message and "«fecha» de repeated no está en fields" in message


def test_the_shipped_layouts_load():
    layouts = load_layouts()
    assert "folio" not in layouts.canonical("solicitudes").repeated  # one value per row: trimmed row by row
