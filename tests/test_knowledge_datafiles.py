"""A broken data file raises DataFileError naming the file, the entry's line, the problem
and the fix (knowledge_files.py). Each case breaks one line of a copy of data/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from treatywatch.errors import DataFileError
from treatywatch.knowledge import DATA_DIR, load_knowledge

DATA_FILES = ("parties.yaml", "groups.yaml", "people.yaml", "memberships.yaml", "treaties.yaml",
              "institutions.yaml", "bodies.yaml", "outlets.yaml")


def broken_copy(tmp_path: Path, file: str, old: str, new: str) -> tuple[Path, int]:
    """Copy data/ with `old` replaced by `new` in `file`; return the folder and the changed line."""
    for name in DATA_FILES:
        shutil.copy(DATA_DIR / name, tmp_path / name)
    original = (tmp_path / file).read_text(encoding="utf-8")
    assert original.count(old) == 1, f"the test's anchor {old!r} must occur once in {file}"
    text = original.replace(old, new)
    (tmp_path / file).write_text(text, encoding="utf-8")
    changed = next(i for i, (a, b) in enumerate(zip(original.splitlines(), text.splitlines())) if a != b)
    return tmp_path, changed + 1


BROKEN = [
    # file, old, new, words the message must contain
    ("people.yaml", "{party: KAZ, role: head_of_state, from: 2019-03-20",
     "{party: KAZZ, role: head_of_state, from: 2019-03-20",
     ["entry 'tokayev'", "unknown party id 'KAZZ'", "parties.yaml"]),
    ("memberships.yaml", "{state: FIN, status: member, from: 2023-04-04",
     "{state: FIN, status: member, from: 2023-13-04",
     ["entry 'NATO/FIN'", "bad date from: '2023-13-04'", "YYYY-MM-DD"]),
    ("people.yaml", "{party: KGZ, role: head_of_state, from: 2010-04-07, to: 2011-12-01",
     "{party: KGZ, role: head_of_state, from: 2012-04-07, to: 2011-12-01",
     ["entry 'otunbayeva'", "'from' 2012-04-07 is after 'to' 2011-12-01", "swap the dates"]),
    ("memberships.yaml", "{state: SWE, status: member, from: 2024-03-07, to: null, source: nato.int member countries}",
     "{state: SWE, status: member, from: 2024-03-07, to: null}",
     ["entry 'NATO/SWE'", "missing 'source'", "add 'source: ...'"]),
    ("outlets.yaml", "{id: unian, country: UKR,", "{id: tass, country: UKR,",
     ["entry 'tass'", "duplicate id (first defined on line", "rename one"]),
    ("memberships.yaml", "{state: ARM, status: frozen, from: 2024-02-22,",
     "{state: ARM, status: frozen, from: 2024-01-01,",
     ["entry 'CSTO/ARM'", "overlaps the one on line", "end the earlier period"]),
    ("memberships.yaml", "{state: KAZ, status: member, from: 1992-05-15",
     "{state: KAZ, status: memebr, from: 1992-05-15",
     ["unknown status 'memebr'", "member, suspended, frozen"]),
    ("bodies.yaml", "    org: OSCE\n", "    org: OSCEE\n",
     ["entry 'osce-permanent-council'", "'OSCEE' has no en names"]),
    ("people.yaml", "{party: RUS, role: foreign_minister, from: 2004-03-09",
     "{party: RUS, role: foreign_minster, from: 2004-03-09",
     ["entry 'lavrov'", "unknown role kind 'foreign_minster'", "institutions.yaml"]),
    ("parties.yaml", "  - id: TJK\n    names:", "  - id: TJK\n    nmaes:",
     ["unknown field 'nmaes'", "use one of"]),
    ("treaties.yaml", '      - number: "5"\n        provides: assistance', '      - number: "5"\n        provides: asistance',
     ["entry 'NATO'", "provides is 'asistance'", "provides: consultation or provides: assistance"]),
    ("treaties.yaml", "    org: CSTO\n    signed: 1992-05-15", "    org: KAZ\n    signed: 1992-05-15",
     ["entry 'CST'", "'KAZ' is a state, not an organization"]),
    ("parties.yaml", "      en: [Kazakhstan, Republic of Kazakhstan, Kazakstan]",
     "      en: [Kazakhstan, Republic of Kazakhstan, K]",
     ["'K' is too short to be a name", "remove it"]),
    ("groups.yaml", "      - {party: LVA, from: 1991-08-21}", "      - {party: LVX, from: 1991-08-21}",
     ["entry 'baltic-states'", "member 'LVX' is not a state in parties.yaml", "ISO 3166-1 alpha-3"]),
    ("groups.yaml", "      - {party: LVA, from: 1991-08-21}", "      - {party: NATO, from: 1991-08-21}",
     ["entry 'baltic-states'", "member 'NATO' is not a state"]),
    ("groups.yaml", "      - {party: LVA, from: 1991-08-21}", "      - {party: EST, from: 1991-08-21}",
     ["entry 'baltic-states'", "member 'EST' is listed twice", "one line per member"]),
    ("groups.yaml", "      - {party: LVA, from: 1991-08-21}", "      - {party: LVA, from: 1991-21-08}",
     ["entry 'baltic-states'", "bad date from: '1991-21-08'"]),
    ("groups.yaml", "  - id: benelux\n", "  - id: benelux\n    memebrs: []\n",
     ["entry 'benelux'", "unknown field 'memebrs'"]),
]


@pytest.mark.parametrize("file, old, new, words", BROKEN, ids=[w[-1][:40] for *_, w in BROKEN])
def test_knowledge_broken_data_file_names_file_line_and_fix(tmp_path, file, old, new, words):
    folder, line = broken_copy(tmp_path, file, old, new)
    with pytest.raises(DataFileError) as caught:
        load_knowledge(folder)
    message = str(caught.value)
    assert f"{file}:" in message
    for word in words:
        assert word in message
    if "entry '" in message:
        assert f"{file}:{line}:" in message


def test_knowledge_invalid_yaml_names_the_line(tmp_path):
    folder, line = broken_copy(tmp_path, "outlets.yaml", "{id: unian, country: UKR,", "{id: unian: country: UKR,")
    with pytest.raises(DataFileError, match=rf"outlets.yaml:{line}: invalid YAML"):
        load_knowledge(folder)


def test_knowledge_missing_file_is_named(tmp_path):
    for name in DATA_FILES:
        if name != "treaties.yaml":
            shutil.copy(DATA_DIR / name, tmp_path / name)
    with pytest.raises(DataFileError, match="treaties.yaml: data file not found"):
        load_knowledge(tmp_path)


def test_knowledge_loads_a_good_copy_and_caches_per_folder(tmp_path):
    for name in DATA_FILES:
        shutil.copy(DATA_DIR / name, tmp_path / name)
    first = load_knowledge(tmp_path)
    assert first is load_knowledge(tmp_path)
    assert first is not load_knowledge()
    assert first.member_of("KAZ", "CSTO", "2022-01-05").status == "member"
