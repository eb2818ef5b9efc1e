"""The package's shape: no import cycles between its modules, and no module so long that it hides a
second concept (over `MAX_LINES` lines a module states at its top why it stays one)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "ca911"
MAX_LINES = 400
LENGTH_REASON = "One module because"  # the phrase a long module's docstring gives its reason with


def imports_of(source: str, package: str = "ca911") -> set[str]:
    """Modules of `package` a module imports anywhere (at top level or inside a function):
    `import ca911.x`, `from ca911 import x`, `from ca911.x import y`."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {a.name.split(".")[1] for a in node.names if a.name.startswith(package + ".")}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == package:
                found |= {a.name for a in node.names}
            elif node.module.startswith(package + "."):
                found.add(node.module.split(".")[1])
    return found


def import_graph(sources: dict[str, str]) -> dict[str, set[str]]:
    return {name: imports_of(text) & set(sources) - {name} for name, text in sources.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle as a path (a → b → a), or [] if there is none (depth-first search)."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return []

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)):
            return cycle
    return []


def package_sources() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(PACKAGE.glob("*.py"))}


def test_the_package_has_no_import_cycle():
    cycle = find_cycle(import_graph(package_sources()))
    assert not cycle, "import cycle: " + " → ".join(cycle)


def test_a_cycle_is_found_even_through_a_function_level_import():
    broken = {  # chronology ↔ plotting as it was: one import at the top, the other inside a function
        "chronology": "from ca911.data.package import load\ndef f():\n    from ca911.plotting import markdown_table\n",
        "plotting": "import ca911.analysis.chronology\n",
        "data": "import json\n",
    }
    assert find_cycle(import_graph(broken)) == ["chronology", "plotting", "chronology"]
    assert find_cycle(import_graph({**broken, "plotting": "from ca911 import data\n"})) == []


def long_modules_without_reason(sources: dict[str, str]) -> list[str]:
    out = []
    for name, text in sources.items():
        lines = len(text.splitlines())
        doc = ast.get_docstring(ast.parse(text)) or ""
        if lines > MAX_LINES and LENGTH_REASON not in doc:
            out.append(f"{name}.py: {lines} lines, and its docstring does not say '{LENGTH_REASON} …'")
    return out


def test_no_module_is_long_without_a_stated_reason():
    assert not long_modules_without_reason(package_sources())
    long_text = '"""A module."""\n' + "x = 1\n" * (MAX_LINES + 1)
    assert long_modules_without_reason({"long": long_text})
    justified = f'"""A module. {LENGTH_REASON} its parts share one layout."""\n' + "x = 1\n" * (MAX_LINES + 1)
    assert not long_modules_without_reason({"long": justified})
