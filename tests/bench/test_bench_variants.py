"""bench/variants.py: copies of a built page with changed boot data, written beside it."""

from __future__ import annotations

import json

import pytest

from bench import variants

PAGE = """<html><head><script type="application/json" id="a-boot">{"snapshot": "x.snap", "n": 1}</script></head>
<body><script type="application/json" id="b-boot">{"snapshot": "x.snap"}</script><p>text</p></body></html>"""


@pytest.fixture
def site(tmp_path):
    (tmp_path / "side").mkdir()
    (tmp_path / "side" / "index.html").write_text(PAGE, encoding="utf-8")
    return tmp_path


def test_only_the_named_blocks_change_and_the_copy_lies_beside_the_page(site):
    """The change applies to each named block; the other block, the rest of the page and the original stay as they were."""
    url = variants.with_boot(site, "side", "none", lambda b: b.__setitem__("snapshot", None), ("a-boot",))
    assert url == "side-none/"
    copy = (site / "side-none" / "index.html").read_text(encoding="utf-8")
    assert json.loads(variants.boot_block(copy, "a-boot").group(2)) == {"snapshot": None, "n": 1}
    assert json.loads(variants.boot_block(copy, "b-boot").group(2)) == {"snapshot": "x.snap"}
    assert "<p>text</p>" in copy and (site / "side" / "index.html").read_text(encoding="utf-8") == PAGE
    assert variants.boot_data(site, "side-none", "a-boot")["snapshot"] is None


def test_a_closing_tag_in_the_data_cannot_end_its_block(site):
    """A value with "</" is escaped, so the block still ends where it did."""
    variants.with_boot(site, "side", "tag", lambda b: b.__setitem__("n", "</script><p>"), ("a-boot",))
    copy = (site / "side-tag" / "index.html").read_text(encoding="utf-8")
    assert json.loads(variants.boot_block(copy, "a-boot").group(2))["n"] == "</script><p>"


def test_a_missing_block_stops_the_benchmark(site):
    """A page whose boot data has changed its id is an error, not a silent copy."""
    with pytest.raises(SystemExit):
        variants.with_boot(site, "side", "x", lambda b: None, ("c-boot",))
