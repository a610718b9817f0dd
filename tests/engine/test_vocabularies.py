"""Permit groups and statuses each have one home, data/vocabularies/: the rules, the question's
options, the JSON schemas, the templates and the test strategies are checked against it, and a
value added to that home without its rule fails here with a message naming what is missing (and
reaches a user as a data error, never as an internal one)."""

from __future__ import annotations

import shutil

import pytest

from guide_engine import api, vocabularies
from guide_engine.data_loader import files, load_permit_groups, load_statuses, use_data_dir
from tests.helpers import strategies
from tests.helpers.engine_helpers import case

ON = "2026-11-23"


def every_problem() -> list[str]:
    """The one check: rules, question, schemas and templates (vocabularies.problems), and the strategies."""
    return vocabularies.problems({
        "tests/helpers/strategies.py permit_groups()": ("permit_groups", strategies.permit_groups),
    })


def test_every_home_follows_the_data():
    """The rules, the permit_group question, both schemas, the templates and the test strategies
    agree with data/vocabularies/permit_groups.toml and statuses.toml."""
    assert every_problem() == []
    assert len(load_permit_groups()) >= 7 and len(load_statuses()) == 5  # the check had values to compare


@pytest.fixture
def scratch(tmp_path):
    """A writable copy of guide_engine/data that the engine reads inside the test."""
    folder = tmp_path / "data"
    shutil.copytree(files.package_data_dir(), folder)
    with use_data_dir(folder):
        yield folder


def _append(path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


ASYLUM = '\n[asylum]\nlabel = "Asylsøker"\ntext = "som asylsøker"\nprovision = "ikke avklart"\nsettlement_agreement = true\napplied_from_abroad = false\n'


@pytest.mark.parametrize("rule, missing", [
    ("", "vocabularies/permit_groups.toml: asylum.rule: mangler"),
    ('rule = "asylum_seekers"\n', "vocabularies/permit_groups.toml: asylum.rule: ingen regel 'asylum_seekers' i guide_engine/decisions/eligibility.py"),
], ids=["no rule named", "a rule the engine lacks"])
def test_a_permit_group_added_without_its_rule_fails_naming_it(scratch, rule, missing):
    """In a scratch copy, one permit group added to its data home only: the check names the missing
    rule, and a case of that group gets a data error naming it, not an internal error."""
    _append(scratch / "vocabularies" / "permit_groups.toml", ASYLUM + rule)
    found = every_problem()
    assert any(p.startswith(missing) for p in found), found
    result = api.evaluate(case(permit_group="asylum"), ON)
    assert [e["field"] for e in result["errors"]] == ["_data"] and missing in result["errors"][0]["message"], result["errors"]


def test_a_permit_group_with_its_rule_still_needs_the_schema(scratch):
    """With a rule the engine has, the group decides cases; the case schema's enum still lacks it, and the check says so."""
    _append(scratch / "vocabularies" / "permit_groups.toml", ASYLUM + 'rule = "section_9"\n')
    assert every_problem() == ["schema/case.schema.json permit_group.enum lacks 'asylum', which vocabularies/permit_groups.toml defines"]
    result = api.evaluate(case(permit_group="asylum"), ON)
    assert result["ok"] and "som asylsøker" in result["eligibility"]["reasons"][0], result["errors"]


def test_a_status_added_without_its_rule_fails_naming_it(scratch):
    """In a scratch copy, one status added to its data home only: the check names the rule that
    gives none, and the schemas that lack it; the engine reports the data, not an internal error."""
    _append(scratch / "vocabularies" / "statuses.toml",
            '\n[conditional]\nlabel = "Betinget"\nsettled = true\nprovision = "—"\nreferred = true\n'
            'letter_basis = "integreringsloven § 11"\nletter = "Betinget."\n')
    found = every_problem()
    assert "vocabularies/statuses.toml: conditional: ingen regel i guide_engine/decisions/eligibility.py gir denne statusen (eligibility.STATUSES)" in found
    assert "schema/result.schema.json eligibility.status.enum lacks 'conditional', which vocabularies/statuses.toml defines" in found
    errors = api.evaluate(case(), ON)["errors"]
    assert [e["field"] for e in errors] == ["_data"] and "conditional" in errors[0]["message"]


def test_a_status_the_rules_give_but_the_data_lacks_fails_naming_it(scratch):
    """Removing "unclear" from the data while the rules still give it is named, not met at run time as a KeyError."""
    path = scratch / "vocabularies" / "statuses.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("[unclear]")], encoding="utf-8")
    found = every_problem()
    assert any(p.startswith("vocabularies/statuses.toml: unclear: mangler") for p in found), found


def test_a_template_that_words_a_value_itself_fails(tmp_path, monkeypatch):
    """A template section named for a status (its own wording of it) is a second home: named."""
    folder = tmp_path / "templates"
    shutil.copytree(vocabularies.TEMPLATES, folder)
    _append(folder / "referral_lines.txt", "## status_right_only\nRett, men ikke plikt.\n")
    monkeypatch.setattr(vocabularies, "TEMPLATES", folder)
    assert every_problem() == ["templates/referral_lines.txt: section 'status_right_only' words 'right_only' itself; "
                               "its words belong in vocabularies/statuses.toml"]


def test_a_strategy_with_its_own_list_fails():
    """Test strategies that kept their own list of permit groups would be named."""
    found = vocabularies.problems({"strategies GROUPS": ("permit_groups", lambda: ["refugee", "other", "stateless"])})
    assert "strategies GROUPS has 'stateless', which vocabularies/permit_groups.toml does not define" in found
    assert "strategies GROUPS lacks 'family', which vocabularies/permit_groups.toml defines" in found
