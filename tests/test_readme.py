"""The README is the user's manual: it must agree with the code."""
import re
import tomllib
from pathlib import Path

from helpers import build
from indicators.export import export_indicators

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
LAYOUTS = tomllib.loads((ROOT / "etl" / "layouts.toml").read_text(encoding="utf-8"))


def test_readme_opens_with_the_two_commands():
    first_block = README.split("```")[1]
    assert "make tablero" in first_block and "make test" in first_block
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^tablero:", makefile, re.M) and re.search(r"^test:", makefile, re.M)


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def _documented_columns(title: str) -> list[str]:
    section = README.split(f"**{title}**", 1)[1]
    return [c.strip() for c in re.search(r":\s*`([^`]+)`", section, re.S).group(1).replace("\n", " ").split(",")]


def test_template_columns_match_the_layouts():
    for title, layout in (("Plantilla de solicitudes", "plantilla_solicitudes"),
                          ("Plantilla de recursos de revisión", "plantilla_recursos")):
        headers = [aliases[0] for aliases in LAYOUTS["layout"][layout]["columns"].values()]
        assert sorted(_documented_columns(title)) == sorted(headers), layout


def test_export_columns_match_the_real_export(tmp_path):
    documented = re.search(r"con las columnas\s*`([^`]+)`", README).group(1)
    documented = [c.strip() for c in documented.replace("\n", " ").split(",")]
    (tmp_path / "in").mkdir()
    db = build(tmp_path / "in", tmp_path)
    export_indicators(db, tmp_path / "x.csv")
    header = (tmp_path / "x.csv").read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    assert documented == header


def test_every_catalog_file_is_documented():
    for path in (ROOT / "data" / "catalogos").glob("*.csv"):
        assert path.name in README, path.name


def test_every_rule_behind_a_number_is_stated_in_the_readme():
    from indicators.rules import load_rules
    section = README.split("## Reglas de cálculo", 1)[1].split("\n## ", 1)[0]
    for regla in load_rules():
        assert f"**{regla.titulo}**" in section, regla.titulo


def test_how_to_use_shows_screenshots_the_browser_test_takes():
    """«Cómo se usa» comes before the reference sections and every screenshot it shows exists and is one the
    browser test writes (tests/test_browser_screens.py)."""
    section = README.split("## Cómo se usa", 1)[1].split("\n## ", 1)[0]
    images = re.findall(r"\]\((docs/capturas/[\w.]+\.png)\)", section)
    assert len(images) >= 4
    browser_test = (ROOT / "tests" / "test_browser_screens.py").read_text(encoding="utf-8")
    for image in images:
        assert (ROOT / image).is_file(), image
        stem = Path(image).stem.rsplit("_", 1)[0]
        assert f'"{stem}_' in browser_test or f"{stem}_{{ancho}}" in browser_test, image
    assert README.index("## Cómo se usa") < README.index("## Qué hace") < README.index("## Comandos")
