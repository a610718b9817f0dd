"""sources.toml (the documents facts rest on) and references.toml (the legal provisions), and the
checks every other file uses to cite them."""

from __future__ import annotations

import re

from .files import cached, data_dir, read_toml, tables
from .reader import ID, DataError, Reader, enum
from .records import Reference, Source

# A carried source's key: the county's id, then a name of its own (no file in sources/ needed).
SOURCE_KEY = re.compile(r"^[a-z0-9][a-z0-9.-]*$")


def _source(sid: str, r: Reader, carried_by: str | None = None) -> Source:
    """One source table, the same rules wherever it stands (sources.toml or a county file)."""
    return Source(
        id=sid,
        title=r.text("title"),
        publisher=r.text("publisher"),
        kind=r.text("kind"),
        as_of=r.as_of("as_of"),
        url=r.text("url", required=False),
        note=r.text("note", required=False),
        language=r.get("language", enum("nb", "nn"), False) or "nb",
        as_of_text=r.text("as_of_text", required=False),
        carried_by=carried_by,
    )


def carried_sources(file: str, raw: dict) -> dict[str, Source]:
    """The ``[sources."<key>"]`` tables a county file carries (a document a county sent with its routine),
    read with the rules of sources.toml."""
    table = raw.get("sources", {})
    if not isinstance(table, dict):
        raise DataError(file, "sources", "forventet tabeller [sources.\"<nøkkel>\"]")
    out: dict[str, Source] = {}
    for sid, t in table.items():
        r = Reader(file, f"sources.{sid}", t)
        prefix = file[: -len(".toml")] + "-"
        if not SOURCE_KEY.match(sid) or not sid.startswith(prefix):
            raise DataError(file, f"sources.{sid}", f"nøkkelen må begynne med «{prefix}» og bestå av a-z, 0-9, "
                                                  f"bindestrek og punktum (for eksempel «{prefix}rutine-2026»)")
        out[sid] = _source(sid, r, carried_by=file)
        r.done()
    return out


@cached
def load_sources() -> dict[str, Source]:
    """sources.toml, and the sources county files carry (each key once in all)."""
    out: dict[str, Source] = {sid: _source(sid, r) for sid, r in tables("sources.toml")}
    folder = data_dir() / "counties"
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".toml"):
            continue
        for sid, src in carried_sources(entry.name, read_toml(entry.name, entry)).items():
            if sid in out:
                where = out[sid].carried_by or "sources.toml"
                raise DataError(entry.name, f"sources.{sid}", f"kilden finnes allerede i {where}")
            out[sid] = src
    return out


@cached
def load_references() -> dict[str, Reference]:
    out: dict[str, Reference] = {}
    for rid, r in tables("references.toml"):
        if not ID.match(rid):
            raise DataError(r.file, rid, "id-en må være små bokstaver, tall og bindestrek (den er også ankeret)")
        url = r.get("url", lambda v: isinstance(v, str) and v.startswith("https://"), True, "en https-adresse")
        out[rid] = Reference(rid, r.text("label"), r.text("title"), url)
    return out


def check_refs(r: Reader, k: str, refs: tuple[str, ...]) -> None:
    known = load_references()
    for ref in refs:
        if ref not in known:
            raise r.fail(k, f"ukjent lovhenvisning {ref!r} (ikke i references.toml)")


def check_source(r: Reader, k: str, sid: str) -> None:
    if sid not in load_sources():
        raise r.fail(k, f"ukjent kilde {sid!r} (ikke i sources.toml eller i filens egne [sources])")


def cited_references(r: Reader, k: str = "references", required: bool = True) -> tuple[str, ...]:
    """The reference ids under ``k``, each a key of references.toml (at least one when required)."""
    refs = r.ids(k)
    if required and not refs:
        raise r.fail(k, "mangler: et grunnlag i loven (nøkler i references.toml)")
    check_refs(r, k, refs)
    return refs
