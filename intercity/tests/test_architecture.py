"""House rules a test keeps: modules stay short and no module imports itself through others.

Which floor may import which is checked by the contracts in `.importlinter`
(`lint-imports`, run by `make test`).
"""

from pathlib import Path

import grimp

PACKAGE = Path(__file__).resolve().parents[1]
LIMIT = 500


def is_product_code(module: str) -> bool:
    parts = module.split(".")
    return not {"tests", "migrations", "testing"} & set(parts)


def test_no_module_is_longer_than_500_lines():
    lengths = {
        str(path.relative_to(PACKAGE)): len(path.read_text(encoding="utf-8").splitlines())
        for path in PACKAGE.rglob("*.py")
        if is_product_code(".".join(path.relative_to(PACKAGE).with_suffix("").parts))
    }
    too_long = {name: n for name, n in lengths.items() if n > LIMIT}
    assert too_long == {}


def import_loops(edges: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import one another in a loop (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    loops: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in edges[module]:
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                loops.append(sorted(group))

    for module in sorted(edges):
        if module not in index:
            visit(module)
    return loops


def test_the_loop_finder_finds_a_loop():
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert import_loops(edges) == [["a", "b", "c"]]


def test_no_module_imports_itself_through_others():
    graph = grimp.build_graph("intercity", cache_dir=None)
    modules = {module for module in graph.modules if is_product_code(module)}
    edges = {
        module: {m for m in graph.find_modules_directly_imported_by(module) if m in modules}
        for module in modules
    }
    assert import_loops(edges) == []
