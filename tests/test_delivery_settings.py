"""Delivery settings: environment first, then .streamlit/secrets.toml; the example file and the README agree with
the code; a malformed setting says which and how to fix it."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from delivery.settings import ENVIO_FIELDS, SMTP_FIELDS, SettingsError, SmtpSettings, load_settings

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = tomllib.loads((ROOT / ".streamlit" / "secrets.toml.example").read_text(encoding="utf-8"))
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_example_secrets_give_a_complete_configuration():
    settings = load_settings(env={}, secrets=EXAMPLE)
    assert settings.smtp == SmtpSettings("smtp.qroo.gob.mx", 587, "tablero@sabgob.qroo.gob.mx", "tablero",
                                         "clave-del-buzon", True)
    assert settings.url_tablero == "https://tablero.qroo.gob.mx" and settings.antiguedad_maxima_horas == 36


def test_environment_wins_and_an_empty_variable_does_not_count():
    env = {"TABLERO_SMTP_HOST": "127.0.0.1", "TABLERO_SMTP_PORT": "2525", "TABLERO_SMTP_STARTTLS": "no",
           "TABLERO_SMTP_USUARIO": "", "TABLERO_URL": "https://otro.ejemplo.gob.mx/",
           "TABLERO_ENVIO_ANTIGUEDAD_HORAS": "12"}
    settings = load_settings(env=env, secrets=EXAMPLE)
    assert settings.smtp == SmtpSettings("127.0.0.1", 2525, "tablero@sabgob.qroo.gob.mx", "tablero",
                                         "clave-del-buzon", False)
    assert settings.url_tablero == "https://otro.ejemplo.gob.mx" and settings.antiguedad_maxima_horas == 12


def test_nothing_configured_means_no_server():
    settings = load_settings(env={}, secrets={})
    assert settings.smtp is None and settings.url_tablero is None and settings.antiguedad_maxima_horas == 36


@pytest.mark.parametrize("env, message", [
    ({"TABLERO_SMTP_HOST": "h", "TABLERO_SMTP_REMITENTE": "x@y.mx", "TABLERO_SMTP_PORT": "veinticinco"},
     "El puerto SMTP «veinticinco» no es un número"),
    ({"TABLERO_SMTP_HOST": "h"}, "Falta el remitente"),
    ({"TABLERO_SMTP_HOST": "h", "TABLERO_SMTP_REMITENTE": "x@y.mx", "TABLERO_SMTP_STARTTLS": "quizá"},
     "starttls «quizá» debe ser true o false"),
    ({"TABLERO_ENVIO_ANTIGUEDAD_HORAS": "0"}, "mayor que cero"),
])
def test_a_malformed_setting_is_named(env, message):
    with pytest.raises(SettingsError, match=message):
        load_settings(env=env, secrets={})


def test_every_setting_is_documented_in_the_readme_and_the_example():
    section = README.split("## Envíos por correo", 1)[1].split("\n## ", 1)[0]
    for fields, table in ((SMTP_FIELDS, "smtp"), (ENVIO_FIELDS, "envio")):
        for key, variable in fields.items():
            assert f"| `{variable}` | `[{table}] {key}` |" in section, variable
            assert key in EXAMPLE[table], key
