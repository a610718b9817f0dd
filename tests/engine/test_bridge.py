"""The bridge: every message gets one JSON reply; a failure reply carries a fixed Norwegian sentence
in ``error`` and the technical cause only in ``detail`` (for the console)."""

from __future__ import annotations

import json

import pytest

from guide_engine import bridge


def reply(message: str) -> dict:
    return json.loads(bridge.handle(message))


@pytest.mark.parametrize("message", ['{"op": "no-such-thing"}', "[]", '"ping"', "{}"])
def test_unknown_message_gets_a_fixed_sentence(message):
    """An unknown or malformed message is answered with the fixed sentence, no Python in it."""
    r = reply(message)
    assert r == {"ok": False, "error": bridge.UNKNOWN_MESSAGE, "detail": "unknown op"}


@pytest.mark.parametrize("message", ["{ikke json", "[" * 100_000, '{"op": "evaluate", "answers": ' + "[" * 100_000])
def test_broken_json_gets_a_fixed_sentence(message):
    """Broken or absurdly nested JSON gives the fixed internal-error sentence; the cause is in detail."""
    r = reply(message)
    assert r["ok"] is False and r["error"] == bridge.INTERNAL_ERROR
    assert "Error" in r["detail"]  # JSONDecodeError / RecursionError, for the console only


def test_an_exception_name_never_reaches_error(monkeypatch):
    """A fault inside an operation stays out of ``error``: only ``detail`` names it."""
    def boom(msg):
        raise KeyError("secret_internal_key")

    monkeypatch.setitem(bridge.OPS, "evaluate", boom)
    r = reply('{"op": "evaluate", "answers": {}}')
    assert r["error"] == bridge.INTERNAL_ERROR
    assert "KeyError" not in r["error"] and "secret_internal_key" not in r["error"]
    assert r["detail"].startswith("KeyError")


def test_failure_sentences_are_norwegian_sentences():
    """Both sentences are complete Norwegian sentences telling the user what to do next."""
    for s in (bridge.UNKNOWN_MESSAGE, bridge.INTERNAL_ERROR):
        assert s[0].isupper() and s.endswith(".") and "last inn siden på nytt" in s.lower()
