"""The shared chat-completions client against a loopback fake endpoint."""

from __future__ import annotations

import logging

import pytest

from bot.llm import LLMClient, LLMError
from tests.fakes.llm_api import FakeLLM

SCHEMA = {"type": "object", "properties": {"x": {"type": "integer"}}}


async def test_returns_the_json_object_the_model_answered() -> None:
    async with FakeLLM() as fake:
        fake.reply_json({"x": 3})
        client = LLMClient(fake.base_url, "m-1", api_key="sk-test-secret-key-123456", timeout=5)
        assert await client.chat_json("sys", "user", SCHEMA) == {"x": 3}
    body = fake.requests[0]
    assert body["model"] == "m-1"
    assert [m["role"] for m in body["messages"]] == ["system", "user"]
    assert body["response_format"]["json_schema"]["schema"] == SCHEMA
    assert fake.headers[0]["Authorization"] == "Bearer sk-test-secret-key-123456"


async def test_accepts_json_wrapped_in_a_code_fence() -> None:
    async with FakeLLM() as fake:
        fake.reply_text('```json\n{"x": 1}\n```')
        assert await LLMClient(fake.base_url, "m").chat_json("s", "u", SCHEMA) == {"x": 1}


async def test_non_json_reply_raises_llm_error() -> None:
    async with FakeLLM() as fake:
        fake.reply_text("Sure! The judge was Smith.")
        with pytest.raises(LLMError, match="not JSON"):
            await LLMClient(fake.base_url, "m").chat_json("s", "u", SCHEMA)


async def test_json_array_reply_raises_llm_error() -> None:
    async with FakeLLM() as fake:
        fake.reply_text("[1, 2]")
        with pytest.raises(LLMError, match="not a JSON object"):
            await LLMClient(fake.base_url, "m").chat_json("s", "u", SCHEMA)


async def test_http_error_raises_llm_error_without_the_key(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    key = "sk-very-secret-key-abcdef123"
    async with FakeLLM() as fake:
        fake.fail(500)
        with pytest.raises(LLMError, match="HTTP 500") as info:
            await LLMClient(fake.base_url, "m", api_key=key).chat_json("s", "u", SCHEMA)
    assert key not in str(info.value)
    assert key not in caplog.text
    assert key not in repr(LLMClient(fake.base_url, "m", api_key=key))


async def test_timeout_raises_llm_error() -> None:
    async with FakeLLM() as fake:
        fake.stall(0.8, {"x": 1})
        with pytest.raises(LLMError, match="timed out"):
            await LLMClient(fake.base_url, "m", timeout=0.2).chat_json("s", "u", SCHEMA)


async def test_unreachable_endpoint_raises_llm_error() -> None:
    async with FakeLLM() as fake:
        url = fake.base_url
    with pytest.raises(LLMError, match="unreachable"):
        await LLMClient(url, "m", timeout=2).chat_json("s", "u", SCHEMA)
