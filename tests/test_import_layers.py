"""The layers import downwards only: the knowledge of the world never imports the code
that reads text (not even inside a function), so there is no cycle between `knowledge`
and `extract`. Scanned from the source, every import statement included."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "treatywatch"
KNOWLEDGE_MODULES = ("knowledge.py", "knowledge_files.py", "knowledge_records.py", "errors.py", "model.py")


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_knowledge_never_imports_extract_or_higher_layers():
    for name in KNOWLEDGE_MODULES:
        imports = imported_modules(PACKAGE / name)
        upward = sorted(m for m in imports if m.startswith(("treatywatch.extract", "treatywatch.lookup",
                                                            "treatywatch.store", "treatywatch.serve",
                                                            "treatywatch.reason", "treatywatch.cli")))
        assert not upward, f"{name} imports {upward}"


def test_extract_imports_knowledge_only_for_types_or_lazily():
    """extract may use knowledge (facts), never lookup, store, serve, reason or cli."""
    for path in sorted((PACKAGE / "extract").rglob("*.py")):
        imports = imported_modules(path)
        upward = sorted(m for m in imports if m.startswith(("treatywatch.lookup", "treatywatch.store",
                                                            "treatywatch.serve", "treatywatch.reason",
                                                            "treatywatch.cli")))
        assert not upward, f"{path.relative_to(PACKAGE)} imports {upward}"


def test_the_scan_sees_imports_inside_functions(tmp_path):
    sample = tmp_path / "m.py"
    sample.write_text("def f():\n    from treatywatch.extract.names import NameIndex\n", encoding="utf-8")
    assert "treatywatch.extract.names" in imported_modules(sample)
