"""No token reaches a log line: known secrets and token shapes are redacted, tracebacks too."""

from __future__ import annotations

import logging

import pytest

from bot.logs import REDACTED, RedactingFilter, redact


@pytest.mark.parametrize(
    "token",
    [
        "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp",
        "xapp-1-A0123456789-1234567890123-abcdef0123456789",
        "MTAxMjM0NTY3ODkwMTIzNDU2Nzg5.GaBcDe.abcdefghijklmnopqrstuvwxyz0123",
        "sk-abcdefghijklmnopqrstuvwx",
    ],
)
def test_token_shapes_are_redacted(token: str) -> None:
    assert token not in redact(f"calling api with {token} now")
    assert REDACTED in redact(f"calling api with {token} now")


def test_configured_secret_values_are_redacted_even_without_a_known_shape() -> None:
    assert redact("signing secret is hunter2-very-secret", ["hunter2-very-secret"]) == (
        f"signing secret is {REDACTED}"
    )


def test_filter_rewrites_messages_arguments_and_tracebacks(
    caplog: pytest.LogCaptureFixture,
) -> None:
    logger = logging.getLogger("tests.redaction")
    flt = RedactingFilter(["plain-secret-value"])
    logger.addFilter(flt)
    try:
        with caplog.at_level(logging.INFO, logger="tests.redaction"):
            logger.info("token %s and %s", "xoxb-1234567890-abcdefghij", "plain-secret-value")
            try:
                raise RuntimeError("auth failed for xoxb-1234567890-abcdefghij")
            except RuntimeError:
                logger.exception("request failed")
    finally:
        logger.removeFilter(flt)
    text = caplog.text
    assert "xoxb-1234567890" not in text and "plain-secret-value" not in text
    assert text.count(REDACTED) >= 3
