"""Shared fixtures. Heavy objects (knowledge, extractor) are built once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest_plugins = ["record_fixtures"]  # db_url, fresh_db: empty stores on SQLite and PostgreSQL

os.environ.setdefault("NO_COLOR", "1")
os.environ.setdefault("TERM", "dumb")

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TREATYWATCH_SHARED", REPO.parent / "shared"))
SEEDS = SHARED / "corpus" / "seeds"
DEV = SHARED / "corpus" / "dev"


def corpus_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in {".txt", ".html", ".htm"})


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    if not (SHARED / "corpus").is_dir():
        pytest.skip(f"shared corpus not found at {SHARED}")
    return SHARED / "corpus"


@pytest.fixture(scope="session")
def knowledge():
    from treatywatch.knowledge import load_knowledge

    return load_knowledge()


@pytest.fixture(scope="session")
def extractor():
    from treatywatch.extract import Extractor

    return Extractor()
