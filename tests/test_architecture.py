"""The house rules of ARCHITECTURE.md, held by parsing every module's imports: each layer
imports only the layers below it, no module passes 400 lines, and the installed package
provides `thaikpi` and nothing else at the top level."""
import ast
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = {"schemas": "thaikpi.schemas", "extractors": "thaikpi.extractors", "pipeline": "thaikpi.pipeline",
           "thaikpi": "thaikpi"}

# layer -> the layers it may import (prefixes of module names; "x*": the modules named x...)
ALLOWED = {
    "thaikpi.schemas": ("thaikpi.schemas",),
    "thaikpi.pipeline.text": ("thaikpi.pipeline.text", "thaikpi.schemas"),
    "thaikpi.pipeline.readers": ("thaikpi.pipeline.readers", "thaikpi.pipeline.text", "thaikpi.pipeline.settings",
                                 "thaikpi.pipeline.errors", "thaikpi.extractors.labels*", "thaikpi.schemas"),
    "thaikpi.extractors": ("thaikpi.extractors", "thaikpi.pipeline.text", "thaikpi.schemas"),
    "thaikpi.pipeline.checks": ("thaikpi.pipeline.checks", "thaikpi.pipeline.text", "thaikpi.pipeline.settings",
                                "thaikpi.extractors.labels*", "thaikpi.schemas"),
    # checks.cross*: the cross-document checks run on the tables' rows of all documents, as
    # the tables are written (ingest's outputs and every export format)
    "thaikpi.pipeline.outputs": ("thaikpi.pipeline.outputs", "thaikpi.pipeline.text", "thaikpi.pipeline.run.ledger",
                                 "thaikpi.version", "thaikpi.schemas", "thaikpi.pipeline.checks.cross*"),
    "thaikpi.pipeline.settings": ("thaikpi.schemas",),
    "thaikpi.pipeline.errors": (),
}


def modules() -> list[tuple[str, Path]]:
    found = []
    for folder, package in FOLDERS.items():
        for path in sorted((ROOT / folder).rglob("*.py")):
            parts = path.relative_to(ROOT / folder).with_suffix("").parts
            parts = parts[:-1] if parts[-1] == "__init__" else parts
            found.append((".".join((package, *parts)), path))
    return found


def imports_of(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{a.name}" for a in node.names)
    return {n for n in names if n == "thaikpi" or n.startswith("thaikpi.")}


def _allows(allowed: str, name: str) -> bool:
    if allowed.endswith("*"):  # label data: extractors.labels, labels_indicators, labels_metadata
        package, stem = allowed[:-1].rsplit(".", 1)
        module = name[len(package) + 1:].split(".")[0] if name.startswith(package + ".") else ""
        return module.startswith(stem)
    return name == allowed or name.startswith(allowed + ".")


def _layer(module: str):
    return max((layer for layer in ALLOWED if module == layer or module.startswith(layer + ".")), key=len, default=None)


@pytest.mark.parametrize("module,path", modules(), ids=lambda v: v if isinstance(v, str) else "")
def test_a_layer_imports_only_the_layers_below_it(module, path):
    layer = _layer(module)
    if layer is None:
        return  # run, cli, api: may import everything
    allowed = ALLOWED[layer]
    wrong = sorted(name for name in imports_of(path)
                   if not any(_allows(a, name) for a in allowed)
                   and not any(a.startswith(name + ".") for a in allowed))  # `from thaikpi.x import y`
    assert not wrong, f"{module} ({layer}) imports {wrong}"


@pytest.mark.parametrize("module,path", modules() + [(p.stem, p) for p in sorted((ROOT / "scripts").rglob("*.py"))],
                         ids=lambda v: v if isinstance(v, str) else "")
def test_no_module_passes_400_lines(module, path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 400


def test_the_package_installs_thaikpi_alone_at_the_top_level():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert {p.split(".")[0] for p in config["packages"]} == {"thaikpi"}
    listed = set(config["packages"])
    on_disk = {m for m, p in modules() if p.name == "__init__.py"}
    assert on_disk == listed, "every package folder is listed in pyproject (or the wheel leaves it out)"
