"""sources.toml (the documents facts rest on) and references.toml (the legal provisions), and the
checks every other file uses to cite them."""

from __future__ import annotations

from .files import cached, tables
from .reader import ID, DataError, Reader, enum
from .records import Reference, Source


@cached
def load_sources() -> dict[str, Source]:
    out: dict[str, Source] = {}
    for sid, r in tables("sources.toml"):
        out[sid] = Source(
            id=sid,
            title=r.text("title"),
            publisher=r.text("publisher"),
            kind=r.text("kind"),
            as_of=r.as_of("as_of"),
            url=r.text("url", required=False),
            note=r.text("note", required=False),
            language=r.get("language", enum("nb", "nn"), False) or "nb",
            as_of_text=r.text("as_of_text", required=False),
        )
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
        raise r.fail(k, f"ukjent kilde {sid!r} (ikke i sources.toml)")


def cited_references(r: Reader, k: str = "references", required: bool = True) -> tuple[str, ...]:
    """The reference ids under ``k``, each a key of references.toml (at least one when required)."""
    refs = r.ids(k)
    if required and not refs:
        raise r.fail(k, "mangler: et grunnlag i loven (nøkler i references.toml)")
    check_refs(r, k, refs)
    return refs
