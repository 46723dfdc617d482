"""Interface language: the choice of language and the message catalogues."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from treatywatch.knowledge import load_knowledge
from treatywatch.serve.i18n import LANGUAGES, Interface, catalogue, choose_language, format_when, translator


@pytest.mark.parametrize("query, header, expected", [
    ("ru", None, "ru"),
    ("RU", "en", "ru"),
    ("de", "ru-RU,ru;q=0.9", "ru"),          # unsupported ?lang= falls through
    (None, "uk-UA,uk;q=0.9,ru;q=0.8,en;q=0.5", "uk"),
    (None, "be-BY,be;q=0.9,ru;q=0.8,en;q=0.5", "ru"),  # first supported by quality
    ("UK", "ru", "uk"),
    (None, "en-GB,en;q=0.9,ru;q=0.8", "en"),
    (None, "ru;q=0.2, en;q=0.7", "en"),
    (None, "ru;q=0", "en"),
    (None, "fr", "en"),
    (None, None, "en"),
    (None, "ru;q=abc, en", "en"),
])
def test_i18n_choose_language(query, header, expected):
    assert choose_language(query, header) == expected


def test_i18n_catalogues_have_the_same_keys_and_fields():
    english = catalogue("en")
    for lang in LANGUAGES:
        other = catalogue(lang)
        assert set(other) == set(english), f"{lang}: keys differ from en"
        for key, text in other.items():
            assert set(re.findall(r"{(\w+)}", text)) == set(re.findall(r"{(\w+)}", english[key])), key


def test_i18n_russian_is_russian_and_fills_fields():
    t = translator("ru")
    assert re.search("[а-я]", t("nav.cases"))
    assert "404" in t("error.title", status=404)


# --- every key in every locale; the data in the interface language --------------------------

TEMPLATES = Path(__file__).resolve().parents[1] / "src" / "treatywatch" / "serve" / "templates"


def test_i18n_every_key_a_template_names_is_in_every_catalogue():
    """Keys written out in the templates (`t("nav.cases")`, `t('cases.org_example')`)."""
    used = set()
    for template in TEMPLATES.glob("*.html"):
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_.0-9]+)["']\s*[,)]""", template.read_text(encoding="utf-8")))
    assert len(used) > 50
    for lang in LANGUAGES:
        missing = sorted(used - set(catalogue(lang)))
        assert not missing, f"{lang}.yaml lacks {missing}"


def test_i18n_every_value_a_page_names_by_key_is_in_every_catalogue():
    """Keys built from data values: event types, polarity, modality, verdicts, statuses,
    weights; the findings' and explanation rows' keys as reason/ writes them."""
    from treatywatch.model import ASSISTANCE, EVENT_TYPES, MODALITIES, OUTCOMES, POLARITIES
    from treatywatch.reason.appeal import APPEAL_VERDICTS
    from treatywatch.reason.claims import RANK_LABELS

    keys = {f"type.{v}" for v in EVENT_TYPES} | {f"polarity.{v}" for v in POLARITIES}
    keys |= {f"modality.{v}" for v in MODALITIES} | {f"assistance.{v}" for v in ASSISTANCE}
    keys |= {f"outcome.{v}" for v in OUTCOMES} | {f"appeal.{v}" for v in APPEAL_VERDICTS}
    keys |= {f"status.{p}_{m}" for p in POLARITIES for m in MODALITIES}
    keys |= {f"weight.{v}" for v in RANK_LABELS.values()} | {f"doclang.{v}" for v in LANGUAGES}
    keys |= {f"finding.text.{key}" for key in _finding_keys()} | {f"why.text.{key}" for key in _why_keys()}
    assert len([k for k in keys if k.startswith("finding.text.")]) >= 17
    for lang in LANGUAGES:
        missing = sorted(keys - set(catalogue(lang)))
        assert not missing, f"{lang}.yaml lacks {missing}"


def _finding_keys() -> set[str]:
    """`rule.key` of every `_finding(rule, status, message, key, ...)` call in findings.py."""
    import ast

    import treatywatch.reason.findings as findings

    tree = ast.parse(Path(findings.__file__).read_text(encoding="utf-8"))
    return {f"{call.args[0].value}.{call.args[3].value}" for call in ast.walk(tree)
            if isinstance(call, ast.Call) and getattr(call.func, "id", None) == "_finding"}


def _why_keys() -> set[str]:
    """The key (second item) of every tuple `_why` returns in explain.py."""
    import ast

    import treatywatch.reason.explain as explain

    tree = ast.parse(Path(explain.__file__).read_text(encoding="utf-8"))
    why = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "_why")
    return {node.value.elts[1].value for node in ast.walk(why)
            if isinstance(node, ast.Return) and isinstance(node.value, ast.Tuple)}


def test_i18n_ukrainian_is_ukrainian_and_complete():
    english, ukrainian = catalogue("en"), catalogue("uk")
    assert set(ukrainian) == set(english)
    t = translator("uk")
    assert t("nav.cases") == "Випадки" and "і" in t("check.lead")
    # the same text as Russian is allowed only where the words are the same (names, numbers)
    same = [k for k, v in ukrainian.items() if v == catalogue("ru")[k] and re.search("[а-яіїєґ]{4}", v)]
    assert len(same) < 12, same


def test_i18n_party_names_come_from_the_knowledge_files_in_each_language():
    knowledge = load_knowledge()
    for lang in ("ru", "uk"):
        t = Interface(lang, knowledge)
        for party in knowledge.parties():
            own = party.names_in(lang)
            assert own, f"{party.id} has no {lang} name in parties.yaml"
            assert t.name(party.id) == own[0].text
        for record in (*knowledge.groups(), *knowledge.bodies()):
            assert record.names_in(lang), f"{record.id} has no {lang} name in {record.file}"
    ru, uk, en = (Interface(lang, knowledge) for lang in ("ru", "uk", "en"))
    assert (ru.name("KAZ"), ru.name("CSTO"), ru.name("NATO")) == ("Казахстан", "ОДКБ", "НАТО")
    assert (uk.name("KAZ"), uk.name("TJK"), uk.name("EU")) == ("Казахстан", "Таджикистан", "ЄС")
    assert en.name("KAZ") == "Kazakhstan" and en.name("media") == "the media"
    assert ru.name("XYZ") == "XYZ" and ru.name(None) == "—"
    assert ru.name("csto-permanent-council") == "Постоянный совет ОДКБ"  # {org} filled in


@pytest.mark.parametrize("lang, value, expected", [
    ("en", "2022-01-05", "5 January 2022"),
    ("ru", "2022-01-05", "5 января 2022"),
    ("uk", "2022-01-05", "5 січня 2022"),
    ("ru", "2022-01", "январь 2022"),
    ("uk", "2025-11", "листопад 2025"),
    ("uk", "2025-11-20/2025-11-30", "20 листопада 2025 – 30 листопада 2025"),
    ("ru", "2022", "2022"),
    ("ru", "2022-13", "2022-13"),  # not a date: shown as given
    ("ru", "2022-02-30", "2022-02-30"),
])
def test_i18n_dates_in_words_of_the_interface_language(lang, value, expected):
    assert format_when(value, lang) == expected


def test_i18n_treaty_articles_and_findings_in_the_interface_language():
    knowledge = load_knowledge()
    ru, uk = Interface("ru", knowledge), Interface("uk", knowledge)
    assert ru.basis("CST-4") == "Договор о коллективной безопасности, ст. 4"
    assert uk.basis("NATO-5") == "Північноатлантичний договір, ст. 5"
    assert ru.basis("XYZ-9") == "XYZ-9"
    finding = {"key": "membership.frozen", "message": "ARM had frozen ...",
               "fields": {"state": "ARM", "org": "CSTO", "when": "2024-03-01", "since": "2024-02-23",
                          "source": None}}
    assert ru.finding(finding) == "Армения: к 1 марта 2024 участие в ОДКБ заморожено с 23 февраля 2024; членство сохраняется."
    assert ru.finding({"message": "an older store's finding"}) == "an older store's finding"
    row = {"why": "outweighed: ...", "why_key": "outweighed", "why_fields": {"weight": "the party itself"}}
    assert "сама сторона" in ru.why(row)
