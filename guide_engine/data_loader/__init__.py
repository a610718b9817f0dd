"""Load and validate the data files under ``guide_engine/data`` (see data/README.md).

Standard library only: the same loader runs in CPython and in Pyodide. Every rule a file breaks
raises ``DataError`` naming the file and the key, so a bad fact fails the build, not the user.

The package, one module per concern (each imports only those above it):

    records       the record types the files are read into (no reading)
    reader        one table read against its rules; DataError; the value checks
    files         where the files are (``use_data_dir`` for a scratch copy), reading one, the cache
                  of everything read (``reload``)
    sources       sources.toml and references.toml, and the checks that cite them
    vocabularies  labels.toml, vocabularies/permit_groups.toml, vocabularies/statuses.toml,
                  vocabularies/sheet.toml
    questions     questions.toml (options from a vocabulary) and checklist.toml
    priority      priority.toml
    fact_keys     fact_keys.toml (a fact's value type may be a list of priority criteria)
    counties      counties/*.toml and national.toml, and the rules across county files
    searches      searches.toml, the record of each search for a county's routine
    practice      practice.toml, the practice cases (for the site build, not the engine)

This module is the loader's public face: the engine and the site build import from here.
"""

from .counties import check_verified_dates, load_counties, load_national, looks_private, parse_county
from .fact_keys import VALUE_TYPES, load_fact_keys
from .files import cached, load_rules, register, reload, use_data_dir
from .practice import load_practice
from .priority import load_priority_criteria
from .questions import CHECK_RULES, CHECKLIST_WHO, QUESTION_STAGES, QUESTION_TYPES, load_checklist, load_questions
from .reader import DataError
from .searches import check_search_dates, load_searches
from .records import CONFIRMATION_SCOPES, Confirmation, Contact, County, Criterion, Fact, FactKey, Period, PermitGroup, Reference, Routine, Search, Source, Status
from .sources import carried_sources, load_references, load_sources
from .vocabularies import load_labels, load_mailbox_stems, load_permit_groups, load_sheet_words, load_statuses, settled_statuses

__all__ = [
    "CHECK_RULES", "CHECKLIST_WHO", "QUESTION_STAGES", "QUESTION_TYPES", "VALUE_TYPES",
    "CONFIRMATION_SCOPES", "Confirmation", "Contact", "County", "Criterion", "DataError", "Fact", "FactKey", "Period", "PermitGroup", "Reference", "Routine",
    "Search", "Source", "Status",
    "cached", "carried_sources", "check_verified_dates", "load_checklist", "load_counties", "load_fact_keys", "load_labels", "load_mailbox_stems",
    "load_sheet_words",
    "load_national", "load_permit_groups", "load_practice", "load_priority_criteria", "load_questions", "load_references", "load_rules",
    "check_search_dates", "load_searches", "load_sources", "load_statuses", "looks_private", "parse_county", "register", "reload", "settled_statuses", "use_data_dir",
]
