"""Imports go one way, and ARCHITECTURE.md tells the truth.

Every module of the product belongs to one layer of LAYERS (bottom first) and imports only modules of its own layer
or of layers below; there is no import cycle, and no module imports the product's own code inside a function (the
way a cycle hides). A new module must be placed in LAYERS: this test names any module it cannot place.
tests/ and bench/ may import anything and are not checked.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCT = ("common", "participacion", "access", "samples", "etl", "indicators", "delivery", "warehouse", "pages",
           "app")

# Layer name → module prefixes (a module belongs to the layer of its longest matching prefix), bottom first.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("shared helpers", ("common",)),
    ("written data, roles and sample data", ("participacion", "access", "samples")),
    ("readers", ("etl", "etl.sources", "etl.layouts", "etl.read", "etl.fetch")),
    ("staging", ("etl.raw", "etl.staging")),
    ("indicators", ("indicators",)),
    ("reports", ("indicators.export", "indicators.fichas")),
    ("delivery", ("delivery",)),
    ("page data", ("warehouse",)),
    ("pages", ("pages", "app")),
    ("orchestrator and command lines", ("etl.build", "etl.lock", "etl.load_log", "etl.checks", "etl.swap",
                                        "etl.alias", "etl.__main__", "indicators.__main__", "samples.__main__",
                                        "participacion.__main__", "access.__main__")),
]
# Imports the layers alone would allow but the design forbids: what reads the warehouse never runs the ETL.
FORBIDDEN = [("indicators", "etl"), ("warehouse", "etl"), ("pages", "etl"), ("app", "etl")]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def product_modules() -> dict[str, Path]:
    modules = {}
    for top in PRODUCT:
        paths = [ROOT / "app.py"] if top == "app" else sorted((ROOT / top).rglob("*.py"))
        modules.update({module_name(p): p for p in paths})
    return modules


def _is_product(name: str) -> bool:
    return name.split(".")[0] in PRODUCT


def _target(node: ast.ImportFrom | ast.Import, alias: ast.alias, modules: dict[str, Path], here: str) -> str | None:
    """The product module an import names: `from etl.read import xlsx_guard` names etl.read.xlsx_guard,
    `from etl import sql` names etl (sql is an attribute of the package)."""
    if isinstance(node, ast.Import):
        return alias.name if _is_product(alias.name) else None
    assert node.level == 0, f"{here}: relative import, line {node.lineno}: write the module's full name"
    base = node.module or ""
    if not _is_product(base):
        return None
    return f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base


def imports(modules: dict[str, Path]) -> list[tuple[str, str, int, bool]]:
    """(importer, imported, line, inside a function or class) for every import of a product module."""
    found = []
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        nested = {id(n) for scope in ast.walk(tree) if isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef,
                                                                             ast.ClassDef))
                  for n in ast.walk(scope) if n is not scope}
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                for alias in node.names:
                    target = _target(node, alias, modules, name)
                    if target and target != name:
                        found.append((name, target, node.lineno, id(node) in nested))
    return found


def layer_of(module: str) -> int | None:
    best = None
    for n, (_layer, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and (best is None or len(prefix) > best[1]):
                best = (n, len(prefix))
    return best[0] if best else None


def test_every_module_has_a_layer():
    assert [m for m in product_modules() if layer_of(m) is None] == []


def test_no_module_imports_a_layer_above_its_own():
    modules = product_modules()
    upward = [f"{a} ({LAYERS[layer_of(a)][0]}) imports {b} ({LAYERS[layer_of(b)][0]}), line {line}"
              for a, b, line, _nested in imports(modules) if layer_of(b) > layer_of(a)]
    assert upward == []


def test_what_reads_the_warehouse_never_imports_the_etl():
    found = [f"{a} imports {b}, line {line}" for a, b, line, _nested in imports(product_modules())
             for source, target in FORBIDDEN
             if (a == source or a.startswith(source + ".")) and (b == target or b.startswith(target + "."))]
    assert found == []


def test_no_import_of_the_product_inside_a_function():
    assert [f"{a} imports {b} inside a function, line {line}"
            for a, b, line, nested in imports(product_modules()) if nested] == []


def test_no_import_cycle():
    graph: dict[str, set[str]] = {}
    for a, b, _line, _nested in imports(product_modules()):
        graph.setdefault(a, set()).add(b)
    cycles = _cycles(graph)
    assert cycles == [], "import cycles: " + "; ".join(" → ".join(c) for c in cycles)


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), each sorted."""
    index, low, stack, on_stack, out, counter = {}, {}, [], set(), [], [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


# ---- ARCHITECTURE.md -------------------------------------------------------------------------------------------

MAP = ROOT / "ARCHITECTURE.md"


def _section(title: str) -> str:
    text = MAP.read_text(encoding="utf-8")
    start = text.index(f"## {title}")
    end = text.find("\n## ", start + 1)
    return text[start:end if end > 0 else len(text)]


def test_every_path_in_the_map_exists():
    paths = set(re.findall(r"`([\w./-]+\.(?:py|sql|toml|csv|md))`", MAP.read_text(encoding="utf-8")))
    paths |= set(re.findall(r"`([\w-]+(?:/[\w.-]+)+/)`", MAP.read_text(encoding="utf-8")))
    assert paths, "the map names no file"
    assert sorted(p for p in paths if not (ROOT / p).exists()) == []


def test_the_map_names_every_layer_in_order():
    diagram = _section("Layers")
    positions = [diagram.find(f"[{name}]") for name, _prefixes in LAYERS]
    assert -1 not in positions, [name for name, _ in LAYERS if f"[{name}]" not in diagram]
    assert positions == sorted(positions, reverse=True), "the diagram lists the layers top first"


def test_following_one_number_touches_at_most_ten_files():
    steps = re.findall(r"^\d+\. `([^`]+)`", _section("Follow one number"), flags=re.M)
    assert 6 <= len(steps) <= 10 and len(set(steps)) == len(steps), steps
    assert all((ROOT / s).is_file() for s in steps), steps
