"""The vocabularies are data: fact keys, priority criteria and labels each have one file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from guide_engine import data_loader
from guide_engine.data_loader import DataError, load_fact_keys, load_labels, load_priority_criteria
from tests.engine.test_data_loader import data_copy  # noqa: F401 (the fixture: a writable copy of the data folder)

README = Path(str(data_loader.files.package_data_dir())) / "README.md"


def _value(fk) -> str:
    return {"text": "text", "integer": "integer", "email": "e-mail", "text_list": "list of text",
            "criteria": "list of ids (priority.toml)"}.get(fk.type) or " / ".join(f"`{v}`" for v in fk.values)


def expected_table() -> list[str]:
    rows = ["| key | value | core | meaning |", "|---|---|---|---|"]
    rows += [f"| `{k}` | {_value(fk)} | {'yes' if fk.core else ''} | {fk.meaning} |" for k, fk in load_fact_keys().items()]
    return rows


def test_readme_fact_table_is_in_step_with_fact_keys_toml():
    """The data README's fact-key table lists exactly the keys of fact_keys.toml, in order, with their types."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("### Fact keys and value types"):text.index("### Adding a fact key")]
    shown = [line for line in section.splitlines() if line.startswith("|")]
    assert shown == expected_table(), "paste this table into data/README.md:\n" + "\n".join(expected_table())


def test_every_county_fact_key_is_declared():
    """Every key a county file uses is in fact_keys.toml (the loader rejects others)."""
    keys = load_fact_keys()
    for county in data_loader.load_counties().values():
        assert set(county.facts) <= set(keys)


def test_priority_criteria_name_their_question_and_weight_basis():
    """Each criterion has a question, a weight and a source or an explicit note that the weight is the site's own."""
    from guide_engine.questions import question_map

    for c in load_priority_criteria().values():
        assert c.question in question_map()
        assert c.weight > 0
        assert c.weight_source or re.search(r"nettstedets egen", c.weight_note or "")


def test_labels_have_twelve_months_and_the_checklist_who():
    labels = load_labels()
    assert labels["months"][0] == "januar" and len(labels["months"]) == 12
    assert set(data_loader.CHECKLIST_WHO) <= set(labels["who"])
    assert set(labels["priority_level"]) >= {"high", "normal", "low", "none"}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


BROKEN = [
    ("fact_keys.toml", 'type = "integer"\nlabel = "Varighet"', 'type = "number"\nlabel = "Varighet"', data_loader.load_fact_keys, "session_length_minutes.type"),
    ("fact_keys.toml", 'values = ["normal", "limited"]\n', "", data_loader.load_fact_keys, "capacity.values"),
    ("priority.toml", 'question = "uncertain_plan"', 'question = "unsure"', data_loader.load_priority_criteria, "uncertain_plan.question"),
    ("priority.toml", 'weight_note = "Vekten 2 er nettstedets egen lesing: veiledning til en deltaker som er usikker på planen, kan gi stort utbytte."\n', "",
     data_loader.load_priority_criteria, "uncertain_plan.weight_source"),
    ("checklist.toml", 'references = ["integreringsloven-12"]', 'references = ["integreringsloven-999"]', data_loader.load_checklist, "vedtak.references"),
    ("checklist.toml", '[vedtak]\nwho = "municipality"', '[vedtak]\nwho = "nav"', data_loader.load_checklist, "vedtak.who"),
    ("questions.toml", 'id = "municipality"\ntext = "Hvilken kommune henviser deltakeren?"\nhelp', 'id = "municipality"\ntext = "Hvilken kommune henviser deltakeren?"\nhjelp',
     data_loader.load_questions, "question.municipality.help"),
    ("labels.toml", '"november", "desember"]', '"november"]', data_loader.load_labels, "months"),
]


@pytest.mark.parametrize("file, old, new, load, key", BROKEN, ids=[f"{b[0]}:{b[4]}" for b in BROKEN])
def test_every_data_file_names_file_and_key_when_broken(data_copy, file, old, new, load, key):
    """One error style for every TOML file: a DataError naming the file and the key."""
    _edit(data_copy / file, old, new)
    with pytest.raises(DataError) as err:
        load()
    assert (err.value.file, err.value.key) == (file, key)


def test_reload_clears_every_cache(data_copy):
    """After reload(), an edit to questions.toml and checklist.toml shows in the engine's output."""
    from guide_engine import api
    from guide_engine.texts import checklist_tasks

    api.questions(None), checklist_tasks()
    _edit(data_copy / "questions.toml", "Hvilken kommune henviser deltakeren?", "Hvilken kommune sender henvisningen?")
    _edit(data_copy / "checklist.toml", "Fatt vedtak om introduksjonsprogram", "Gjør vedtak om introduksjonsprogram")
    data_loader.reload()
    assert any(q["text"] == "Hvilken kommune sender henvisningen?" for q in api.questions(None))
    assert checklist_tasks()["vedtak"]["text"].startswith("Gjør vedtak")


def test_county_pages_take_label_and_core_from_fact_keys(data_copy):
    """A label or core flag changed in fact_keys.toml is what the county pages show: they keep no copy."""
    from site_build.hooks import county_pages

    _edit(data_copy / "fact_keys.toml", 'label = "Hvem bestiller tolk"\ncore = true', 'label = "Tolken bestilles av"\ncore = false')
    data = county_pages.load_data()
    mr = data["counties"]["more-og-romsdal"]
    assert ("interpreter_orders", "Tolken bestilles av") in [(k, label) for k, label, _ in county_pages.ordered_facts(mr)]
    assert "interpreter_orders" not in county_pages.core_keys()


NEW_QUESTION = '''
[[question]]
id = "has_job_offer"
text = "Har deltakeren et konkret jobbtilbud?"
help = "Testspørsmål."
type = "boolean"
required = true
stage = "preparation"
ask_if = "priority_criterion"
'''

NEW_CRITERION = '''
[job_offer]
question = "has_job_offer"
met_when = true
weight = 2
weight_note = "Vekten 2 er nettstedets egen lesing (test)."
label = "deltakeren har et konkret jobbtilbud"
met = "Deltakeren har et konkret jobbtilbud."
unmet = "Deltakeren har ikke et konkret jobbtilbud."
'''


def test_a_new_priority_criterion_is_data_only(data_copy):
    """A criterion added to priority.toml (with its question) is asked, scored and explained with no Python change."""
    from guide_engine import api
    from tests.helpers.scenario_table import rows

    (data_copy / "questions.toml").write_text((data_copy / "questions.toml").read_text(encoding="utf-8") + NEW_QUESTION, encoding="utf-8")
    (data_copy / "priority.toml").write_text((data_copy / "priority.toml").read_text(encoding="utf-8") + NEW_CRITERION, encoding="utf-8")
    _edit(data_copy / "counties" / "trondelag.toml", 'value = ["sector_hit_by_crisis"]', 'value = ["sector_hit_by_crisis", "job_offer"]')
    data_loader.reload()
    row = next(r for r in rows() if r["name"].startswith("Trøndelag høsten 2020: mål i en bransje"))
    assert "has_job_offer" in api.path(row["full_case"], row["on"])
    result = api.evaluate({**row["full_case"], "has_job_offer": True}, row["on"])
    assert result["ok"], result["errors"]
    crit = {c["id"]: c for c in result["priority"]["criteria"]}
    assert crit["job_offer"]["met"] is True and result["priority"]["score"] == 3 + 2
    assert "Deltakeren har et konkret jobbtilbud." in result["priority"]["reasons"]
    assert "Vekten 2 er nettstedets egen lesing (test)." in result["priority"]["weight_notes"]
