"""Settings: `rulingbot.toml` plus `RULINGBOT_*` environment variables; secrets from env only.

Non-secret settings come from (highest first) explicit overrides, `RULINGBOT_*` variables
(nested keys with `__`, e.g. `RULINGBOT_FETCH__MAX_BYTES`), the TOML file, then defaults.
Secrets live in `Secrets`, which reads only the environment (bolt's conventional names such as
`SLACK_BOT_TOKEN`) or a secrets directory, so a token can never be committed in a config file.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AliasChoices,
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
)
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
SHIPPED_CONFIG_DIR = PACKAGE_ROOT / "config"
DEFAULT_FEED_CATALOG = SHIPPED_CONFIG_DIR / "feeds.toml"


def default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "rulingbot"


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FeedConfig(_Section):
    url: str
    name: str | None = None
    outlet: str | None = None
    enabled: bool = True


class FetchSettings(_Section):
    concurrency: int = Field(8, ge=1, le=256)
    timeout_seconds: float = Field(15.0, gt=0)
    max_bytes: int = Field(5_000_000, ge=1024)
    max_redirects: int = Field(5, ge=0, le=20)
    user_agent: str = "rulingbot/0.1 (court-ruling digest bot; +https://example.org/rulingbot)"
    allow_private_networks: bool = False
    fetch_pages: bool = True  # fetch each item's page; False uses the feed's own content
    poll_interval_minutes: float = Field(30.0, gt=0)
    poll_jitter_seconds: float = Field(60.0, ge=0)
    first_poll_records_only: bool = True
    backoff_max_minutes: float = Field(360.0, gt=0)
    disable_after_hours: float = Field(72.0, gt=0)


class SummarizerSettings(_Section):
    backend: Literal["rules", "llm"] = "rules"
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_timeout_seconds: float = Field(20.0, gt=0)


class DigestSettings(_Section):
    max_items: int = Field(10, ge=1, le=100)
    default_time: str = "08:00"
    default_timezone: str = "UTC"
    announce_empty: bool = False
    catchup_grace_hours: float = Field(6.0, ge=0)
    merge_window_days: float = Field(4.0, ge=0)
    lease_seconds: float = Field(300.0, gt=0)
    concurrency: int = Field(50, ge=1, le=1000)  # channels posting at the same time
    max_attempts: int = Field(8, ge=1)  # a failing channel's run is retried this often
    retry_base_seconds: float = Field(60.0, gt=0)  # doubled per attempt …
    retry_max_seconds: float = Field(3600.0, gt=0)  # … up to this
    send_timeout_seconds: float = Field(300.0, gt=0)  # one message, adapter retries included
    sweep_seconds: float = Field(30.0, gt=0)  # due/retry/takeover check and schedule refresh

    @field_validator("default_timezone")
    @classmethod
    def _tz(cls, value: str) -> str:
        check_timezone(value)
        return value

    @field_validator("default_time")
    @classmethod
    def _time(cls, value: str) -> str:
        parse_hhmm(value)
        return value


def _flat_slack_api_url() -> str | None:
    # RULINGBOT_SLACK_API_URL is accepted beside the nested RULINGBOT_SLACK__API_URL.
    return os.environ.get("RULINGBOT_SLACK_API_URL") or None


class SlackSettings(_Section):
    # Web API base, e.g. GovSlack or a loopback fake (default https://slack.com/api/).
    api_url: str | None = Field(default_factory=_flat_slack_api_url, validate_default=True)
    socket_mode: bool = True
    http_path: str = "/slack/events"  # HTTP mode: events, commands and interactivity
    command: str = "/ruling"
    pace_seconds: float = Field(1.0, ge=0)  # per-channel spacing of chat.postMessage
    timeout_seconds: float = Field(10.0, gt=0)  # one Web API call
    max_retry_after_seconds: float = Field(30.0, ge=0)  # longer 429 waits fail the post

    @field_validator("api_url")
    @classmethod
    def _api_url(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        value = value.strip()
        if not value.startswith(("http://", "https://")):
            raise ValueError(f"{value!r} is not an http(s) URL")
        return value if value.endswith("/") else value + "/"

    @field_validator("http_path", "command")
    @classmethod
    def _leading_slash(cls, value: str) -> str:
        if not value.startswith("/"):
            raise ValueError(f"{value!r} must start with /")
        return value


class DiscordSettings(_Section):
    api_url: str | None = None  # REST base, for a loopback fake
    gateway_url: str | None = None
    dev_guild_id: int | None = None
    shards: Literal["auto"] | int | None = None
    shard_ids: list[int] | None = None  # this process's shards, when several share the load
    message_content: bool = False  # privileged intent: every message in our threads is a question
    application_id: int | None = None  # for `rulingbot discord invite`
    guild_ready_timeout_seconds: float = Field(2.0, ge=0)
    ready_timeout_seconds: float = Field(60.0, gt=0)

    @field_validator("shard_ids")
    @classmethod
    def _shard_ids(cls, value: list[int] | None, info: Any) -> list[int] | None:
        shards = info.data.get("shards")
        if value is not None:
            if not isinstance(shards, int):
                raise ValueError("shard_ids needs shards set to the total shard count")
            bad = [i for i in value if not 0 <= i < shards]
            if bad or not value:
                raise ValueError(f"shard ids must be between 0 and {shards - 1}")
        return value


class HttpSettings(_Section):
    host: str = "127.0.0.1"
    port: int = Field(8080, ge=0, le=65535)
    enabled: bool = False  # serve /healthz and /metrics


class FollowupSettings(_Section):
    engine: Literal["rules", "llm"] = "rules"
    max_question_chars: int = Field(500, ge=20)
    per_user_per_thread_per_minute: int = Field(5, ge=1)


class Settings(BaseSettings):
    """Everything that is not a secret."""

    model_config = SettingsConfigDict(
        env_prefix="RULINGBOT_",
        env_nested_delimiter="__",
        extra="forbid",
        validate_default=True,
    )

    data_dir: Path = Field(default_factory=default_data_dir)
    database_url: str | None = None  # default: SQLite file in data_dir
    feed_catalog: str | None = str(DEFAULT_FEED_CATALOG)  # "" disables the shipped catalog
    feeds: list[FeedConfig] = Field(default_factory=list)
    log_level: str = "INFO"
    instance_id: str | None = None  # default: hostname:pid

    fetch: FetchSettings = Field(default_factory=FetchSettings)
    summarizer: SummarizerSettings = Field(default_factory=SummarizerSettings)
    digest: DigestSettings = Field(default_factory=DigestSettings)
    slack: SlackSettings = Field(default_factory=SlackSettings)
    discord: DiscordSettings = Field(default_factory=DiscordSettings)
    http: HttpSettings = Field(default_factory=HttpSettings)
    followup: FollowupSettings = Field(default_factory=FollowupSettings)

    # Set by load_settings(); not a config key.
    _source_path: Path | None = None

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # The TOML file arrives through init kwargs (see load_settings), *below* the environment.
        return (env_settings, init_settings)

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite+aiosqlite:///{self.data_dir / 'rulingbot.db'}"


class Secrets(BaseSettings):
    """Tokens and keys: environment variables (or files in RULINGBOT_SECRETS_DIR) only."""

    model_config = SettingsConfigDict(extra="ignore", populate_by_name=False)

    slack_bot_token: SecretStr | None = Field(None, validation_alias="SLACK_BOT_TOKEN")
    slack_signing_secret: SecretStr | None = Field(None, validation_alias="SLACK_SIGNING_SECRET")
    slack_app_token: SecretStr | None = Field(None, validation_alias="SLACK_APP_TOKEN")
    slack_client_id: str | None = Field(None, validation_alias="SLACK_CLIENT_ID")
    slack_client_secret: SecretStr | None = Field(None, validation_alias="SLACK_CLIENT_SECRET")
    slack_state_secret: SecretStr | None = Field(None, validation_alias="SLACK_STATE_SECRET")
    discord_token: SecretStr | None = Field(None, validation_alias="DISCORD_TOKEN")
    llm_api_key: SecretStr | None = Field(
        None, validation_alias=AliasChoices("RULINGBOT_LLM_API_KEY", "OPENAI_API_KEY")
    )


SECRET_KEYS = {
    "token",
    "bot_token",
    "app_token",
    "signing_secret",
    "client_secret",
    "api_key",
    "llm_api_key",
    "password",
}


@dataclass(frozen=True)
class ConfigProblem:
    key: str
    message: str

    def __str__(self) -> str:
        return f"{self.key}: {self.message}"


class ConfigError(Exception):
    """The configuration is unusable; `problems` names each bad key."""

    def __init__(self, problems: list[ConfigProblem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


def check_timezone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(
            f"unknown timezone {name!r} (use an IANA name such as Europe/Berlin)"
        ) from exc


def parse_hhmm(value: str) -> tuple[int, int]:
    parts = value.strip().split(":")
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        raise ValueError(f"{value!r} is not a time of day (use HH:MM, e.g. 08:00)")
    hour, minute = int(parts[0]), int(parts[1])
    if not (0 <= hour < 24 and 0 <= minute < 60):
        raise ValueError(f"{value!r} is not a time of day (use HH:MM, e.g. 08:00)")
    return hour, minute


def _find_secret_keys(data: Any, prefix: str = "") -> list[str]:
    found: list[str] = []
    if isinstance(data, dict):
        for key, value in data.items():
            path = f"{prefix}.{key}" if prefix else str(key)
            if str(key).lower() in SECRET_KEYS:
                found.append(path)
            found.extend(_find_secret_keys(value, path))
    return found


def config_path_from_env(explicit: str | Path | None) -> Path | None:
    """The config file: --config, else RULINGBOT_CONFIG, else ./rulingbot.toml if present."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("RULINGBOT_CONFIG")
    if env:
        return Path(env)
    local = Path("rulingbot.toml")
    return local if local.exists() else None


def load_settings(path: str | Path | None = None, **overrides: Any) -> Settings:
    """Read settings; raise ConfigError listing every problem with its key."""
    config_path = config_path_from_env(path)
    data: dict[str, Any] = {}
    problems: list[ConfigProblem] = []
    if config_path is not None:
        try:
            data = tomllib.loads(config_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError([ConfigProblem(str(config_path), "config file not found")]) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError([ConfigProblem(str(config_path), f"cannot read: {exc}")]) from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError([ConfigProblem(str(config_path), f"not valid TOML: {exc}")]) from None
        for key in _find_secret_keys(data):
            problems.append(
                ConfigProblem(key, "secrets belong in the environment, not in the config file")
            )
    data.update(overrides)
    try:
        settings = Settings(**data)
    except ValidationError as exc:
        for err in exc.errors():
            key = ".".join(str(part) for part in err["loc"]) or "(root)"
            message = err["msg"]
            if err["type"] == "extra_forbidden":
                message = "unknown key"
            problems.append(ConfigProblem(key, message))
        raise ConfigError(problems) from None
    if problems:
        raise ConfigError(problems)
    settings._source_path = config_path
    return settings


def load_secrets() -> Secrets:
    secrets_dir = os.environ.get("RULINGBOT_SECRETS_DIR")
    if secrets_dir:
        return Secrets(_secrets_dir=secrets_dir)  # type: ignore[call-arg]
    return Secrets()
