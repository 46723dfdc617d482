"""Forms that keep their input: a bad value draws the same page again, answered 400,
with what was typed in its field and the message beside it (`aria-describedby`), in
the interface language; no page sends the user to the command line."""

from __future__ import annotations

import re

import lxml.html
import pytest
from fastapi.testclient import TestClient

from serve_fixtures import KAZAKHSTAN, TAJIKISTAN, open_test_answers
from treatywatch.serve.app import ServeSettings, create_app

CLI_HINT = re.compile(r"treatywatch \w+|--\w+|`")


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    answers = open_test_answers(tmp_path_factory.mktemp("forms"))
    for annotated in (KAZAKHSTAN, TAJIKISTAN):
        answers.ingest_record(annotated.record)
    with TestClient(create_app(settings=ServeSettings(), answers=answers)) as client:
        yield client
    answers.close()


def field_and_error(html: str, selector_xpath: str) -> tuple[lxml.html.HtmlElement, str]:
    """The field, and the text of the element its aria-describedby names."""
    root = lxml.html.fromstring(html)
    [field] = root.xpath(selector_xpath)
    assert field.get("aria-invalid") == "true"
    described = field.get("aria-describedby")
    [error] = root.xpath(f"//*[@id='{described}']")
    # beside its field: in the same label as the field
    assert error.getparent() is field.getparent()
    return field, error.text_content()


@pytest.mark.parametrize("params, field, kept, says", [
    ({"state": "Kazakhstan", "org": "CSTO", "when": "2022-13"}, "when", "2022-13", "YYYY-MM"),
    ({"state": "Kazakhstan", "org": "CSTO", "when": "January"}, "when", "January", "Not a date"),
    ({"state": "Atlantis", "org": "CSTO", "when": "2022-01"}, "state", "Atlantis", "No state is known as “Atlantis”"),
    ({"state": "CSTO", "org": "NATO"}, "state", "CSTO", "is an organization"),
    ({"state": "Kazakhstan", "org": "Hogwarts"}, "org", "Hogwarts", "No organization is known as “Hogwarts”"),
    ({"state": "Kazakhstan", "org": "Kazakhstan"}, "org", "Kazakhstan", "the state itself"),
    ({"state": "Kazakhstan", "org": ""}, "org", "", "Fill this in"),
    ({"state": "Kazakhstan", "org": "CSTO", "when": "2999-01"}, "when", "2999-01", "in the future"),
    ({"state": "K" * 101, "org": "CSTO"}, "state", "K" * 101, "at most 100"),
])
def test_check_by_parties_keeps_the_input_and_puts_the_error_beside_its_field(client, params, field, kept, says):
    response = client.get("/check", params=params)
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/html")
    element, error = field_and_error(response.text, f"//form[@id='check-parties']//input[@name='{field}']")
    assert element.get("value", "") == kept
    assert says in error
    root = lxml.html.fromstring(response.text)
    for name, value in params.items():  # every field keeps what was typed
        [other] = root.xpath(f"//form[@id='check-parties']//input[@name='{name}']")
        assert other.get("value", "") == value.strip()
    assert not root.xpath("//section[@class='check-result']")
    assert not CLI_HINT.search(root.xpath("//main")[0].text_content())


def test_check_by_claim_keeps_the_sentence_when_its_date_is_bad(client):
    sentence = "Таджикистан попросил ОДКБ ввести войска"
    response = client.get("/check", params={"claim": sentence, "when": "2025-1", "lang": "ru"})
    assert response.status_code == 400
    element, error = field_and_error(response.text, "//form[@id='check-claim']//input[@name='when']")
    assert element.get("value") == "2025-1" and "Это не дата" in error
    root = lxml.html.fromstring(response.text)
    assert root.xpath("//textarea[@name='claim']")[0].text == sentence
    # the other form's date field is left alone
    assert root.xpath("//form[@id='check-parties']//input[@name='when']")[0].get("value", "") == ""


def test_check_by_claim_empty_or_too_long_is_an_error_beside_the_textarea(client):
    for claim, says in (("   ", "Заповніть"), ("ОДКБ " * 500, "не більше 2000")):
        response = client.get("/check", params={"claim": claim, "lang": "uk"})
        assert response.status_code == 400
        _, error = field_and_error(response.text, "//textarea[@name='claim']")
        assert says in error


def test_a_good_check_after_a_bad_one_is_200_with_no_error(client):
    response = client.get("/check", params={"state": "Kazakhstan", "org": "CSTO", "when": "2022-01"})
    assert response.status_code == 200
    assert "aria-invalid" not in response.text and "field-error" not in response.text
    assert client.get("/check").status_code == 200


@pytest.mark.parametrize("params, field, says", [
    ({"actor": "Atlantis"}, "actor", "No state is known"),
    ({"org": "Hogwarts"}, "org", "No organization is known"),
    ({"from": "last-year"}, "from", "Not a date"),
    ({"to": "2022-00"}, "to", "Not a date"),
])
def test_case_filters_with_a_bad_value_keep_the_form(client, params, field, says):
    response = client.get("/", params={"actor": "", "org": "", "from": "", "to": "", "verdict": "", **params})
    assert response.status_code == 400
    element, error = field_and_error(response.text, f"//form[contains(@class, 'filters')]//input[@name='{field}']")
    assert element.get("value") == params[field] and says in error
    assert "cases.none" not in response.text and "No case matches" not in response.text


def test_case_filter_verdict_outside_the_list_is_an_error_beside_the_select(client):
    response = client.get("/", params={"verdict": "maybe"})
    assert response.status_code == 400
    field_and_error(response.text, "//select[@name='verdict']")


@pytest.mark.parametrize("q, says", [("", "Type at least one word"), ("   ", "Type at least one word"),
                                     ("ОДКБ" * 130, "at most 500")])
def test_search_with_an_empty_or_too_long_query_is_an_error_beside_the_box(client, q, says):
    response = client.get("/search", params={"q": q})
    assert response.status_code == 400
    element, error = field_and_error(response.text, "//input[@name='q']")
    assert says in error and element.get("value") == q.strip()
    assert client.get("/search").status_code == 200  # no query yet: just the form
    assert "field-error" not in client.get("/search").text


@pytest.mark.parametrize("url, says", [
    ("/cases/NO-SUCH-CASE", "No case “NO-SUCH-CASE” is in the record"),
    ("/documents/no-such-document", "No document “no-such-document” is in the record"),
    ("/no-such-page", "There is nothing at this address"),
])
def test_error_pages_say_what_is_missing_without_the_command_line(client, url, says):
    response = client.get(url)
    assert response.status_code == 404
    main = lxml.html.fromstring(response.text).xpath("//main")[0].text_content()
    assert says in main
    assert not CLI_HINT.search(main), main
    ru = lxml.html.fromstring(client.get(url, params={"lang": "uk"}).text).xpath("//main")[0].text_content()
    assert "немає" in ru and not CLI_HINT.search(ru)


def test_the_api_keeps_its_errors_as_they_were(client):
    response = client.get("/api/check", params={"state": "Atlantis", "org": "CSTO"})
    assert response.status_code == 404 and response.json()["ok"] is False


@pytest.mark.parametrize("path, params, field, says", [
    ("/events", {"actor": "Atlantis"}, "actor", "No state is known"),
    ("/events", {"actor": "CSTO"}, "actor", "is an organization"),
    ("/events", {"org": "Hogwarts"}, "org", "No organization is known"),
    ("/events", {"from": "2022-13"}, "from", "Not a date"),
    ("/events", {"to": "soon"}, "to", "Not a date"),
    ("/documents", {"from": "2022-02-30"}, "from", "Not a date"),
    ("/documents", {"outlet": "N" * 201}, "outlet", "at most 200"),
])
def test_event_and_document_filters_with_a_bad_value_keep_the_form(client, path, params, field, says):
    response = client.get(path, params={"sort": "-published" if path == "/documents" else "-when",
                                        **params})
    assert response.status_code == 400
    element, error = field_and_error(response.text, f"//form[contains(@class, 'filters')]//input[@name='{field}']")
    assert element.get("value") == params[field] and says in error
    root = lxml.html.fromstring(response.text)
    assert not root.xpath("//table") and not root.xpath("//p[@class='empty']")
    assert root.xpath("//input[@name='sort']")[0].get("value").startswith("-")  # the sort is kept


@pytest.mark.parametrize("path, field", [("/events", "type"), ("/events", "polarity"),
                                         ("/events", "modality"), ("/documents", "language")])
def test_a_choice_outside_its_list_is_an_error_beside_the_select(client, path, field):
    response = client.get(path, params={field: "maybe", "lang": "uk"})
    assert response.status_code == 400
    _, error = field_and_error(response.text, f"//select[@name='{field}']")
    assert "Виберіть значення зі списку" in error


def test_good_event_and_document_filters_are_200_with_rows_and_no_error(client):
    for path, params in (("/events", {"actor": "Казахстан", "org": "ОДКБ", "from": "2022"}),
                         ("/documents", {"language": "en", "to": "2022-12"})):
        response = client.get(path, params=params)
        assert response.status_code == 200
        assert "aria-invalid" not in response.text
        assert lxml.html.fromstring(response.text).xpath("//tbody/tr")


@pytest.mark.parametrize("path, says", [
    ("/events.csv?actor=Atlantis&lang=ru", "Государство: Государство «Atlantis» неизвестно"),
    ("/cases.json?from=2022-13", "Start of the period: Not a date"),
    ("/documents.parquet?language=fr&lang=uk", "Мова: Виберіть значення зі списку"),
])
def test_a_download_with_a_bad_filter_is_a_page_naming_the_field_and_the_problem(client, path, says):
    response = client.get(path)
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/html")
    main = lxml.html.fromstring(response.text).xpath("//main")[0].text_content()
    assert says in main, main
    assert not CLI_HINT.search(main)
