"""Database tables (SQLAlchemy Core), the same on SQLite and PostgreSQL.

The Alembic migrations in `bot/store/migrations` must produce exactly this metadata; a test
compares them. All timestamps are stored timezone-aware in UTC.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)

TS = DateTime(timezone=True)
ID = BigInteger().with_variant(Integer, "sqlite")  # SQLite autoincrements INTEGER PRIMARY KEY only

feeds = Table(
    "feeds",
    metadata,
    Column("id", ID, primary_key=True, autoincrement=True),
    Column("url", Text, nullable=False, unique=True),
    Column("name", Text),
    Column("outlet", Text),
    Column("enabled", Boolean, nullable=False, default=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_polled_at", TS),
    Column("last_ok_at", TS),
    Column("next_poll_at", TS),
    Column("failure_count", Integer, nullable=False, default=0),
    Column("first_failure_at", TS),
    Column("last_error", Text),
    Column("disabled_reason", Text),
    Column("first_poll_done", Boolean, nullable=False, default=False),
    Column("created_at", TS, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", ID, primary_key=True, autoincrement=True),
    Column("canonical_url", Text, nullable=False, unique=True),
    Column("url", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("outlet", Text),
    Column("feed_id", ID, ForeignKey("feeds.id", ondelete="SET NULL")),
    Column("published_at", TS),
    Column("fetched_at", TS, nullable=False),
    Column("text", Text, nullable=False),
    Column("content_hash", String(64), nullable=False, unique=True),
    # False for items recorded on a feed's first poll: stored, searchable, never in a digest.
    Column("digestible", Boolean, nullable=False, default=True),
    Column("extract_error", Text),  # why the page could not be had (feed content was used)
    Index("ix_articles_fetched_at", "fetched_at"),
)

facts = Table(
    "facts",
    metadata,
    Column("id", ID, primary_key=True, autoincrement=True),
    Column("article_id", ID, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("extractor", String(64), nullable=False),
    Column("version", String(32), nullable=False),
    Column("is_ruling", Boolean, nullable=False),
    Column("data", JSON, nullable=False),  # Facts.to_dict()
    Column("search_text", Text, nullable=False, default=""),  # judges, parties, court, headline
    Column("created_at", TS, nullable=False),
    UniqueConstraint("article_id", "extractor", "version", name="uq_facts_article_extractor"),
)

channels = Table(
    "channels",
    metadata,
    Column("id", ID, primary_key=True, autoincrement=True),
    Column("platform", String(16), nullable=False),
    Column("workspace_id", String(64)),
    Column("channel_id", String(64), nullable=False),
    Column("name", Text),
    Column("digest_time", String(5)),  # "HH:MM" local; NULL = digest off
    Column("timezone", String(64), nullable=False, default="UTC"),
    Column("announce_empty", Boolean, nullable=False, default=False),
    Column("max_items", Integer),  # NULL = settings.digest.max_items
    Column("since", TS, nullable=False),  # articles older than the subscription never show
    Column("last_digest_at", TS),  # cursor: the next digest holds rulings after this
    Column("created_at", TS, nullable=False),
    UniqueConstraint("platform", "channel_id", name="uq_channels_platform_channel"),
)

subscriptions = Table(
    "subscriptions",
    metadata,
    Column("id", ID, primary_key=True, autoincrement=True),
    Column("channel_pk", ID, ForeignKey("channels.id", ondelete="CASCADE"), nullable=False),
    Column("query", Text, nullable=False),  # as typed: "immigration court:9th judge:ortiz"
    Column("filters", JSON, nullable=False),  # parsed form
    Column("created_by", String(64)),
    Column("created_at", TS, nullable=False),
    UniqueConstraint("channel_pk", "query", name="uq_subscriptions_channel_query"),
)

# Exactly-once claim per (channel, local date); a lease lets another instance take over a
# run whose owner died.
digest_runs = Table(
    "digest_runs",
    metadata,
    Column("id", ID, primary_key=True, autoincrement=True),
    Column("channel_pk", ID, ForeignKey("channels.id", ondelete="CASCADE"), nullable=False),
    Column("local_date", String(10), nullable=False),  # YYYY-MM-DD in the channel's timezone
    Column("status", String(16), nullable=False),  # running | done | failed
    Column("owner", String(128)),
    Column("lease_until", TS),
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", TS),
    Column("window_start", TS),
    Column("window_end", TS),
    Column("error", Text),
    Column("created_at", TS, nullable=False),
    Column("finished_at", TS),
    UniqueConstraint("channel_pk", "local_date", name="uq_digest_runs_channel_date"),
)

# The delivery ledger and the record of every digest decision ("why").
deliveries = Table(
    "deliveries",
    metadata,
    Column("id", ID, primary_key=True, autoincrement=True),
    Column("run_id", ID, ForeignKey("digest_runs.id", ondelete="CASCADE"), nullable=False),
    Column("channel_pk", ID, ForeignKey("channels.id", ondelete="CASCADE"), nullable=False),
    Column("article_id", ID, ForeignKey("articles.id", ondelete="CASCADE")),
    Column("kind", String(16), nullable=False),  # header | item | empty | decision
    Column("position", Integer, nullable=False, default=0),
    # pending | posted | failed | merged | capped | filtered | not_ruling | too_old
    Column("status", String(16), nullable=False),
    Column("detail", Text),  # merged into which article, error text, matching filter…
    Column("message_id", String(128)),
    Column("thread_id", String(128)),
    Column("created_at", TS, nullable=False),
    Column("posted_at", TS),
    UniqueConstraint("run_id", "kind", "position", name="uq_deliveries_run_kind_position"),
    Index("ix_deliveries_channel_article", "channel_pk", "article_id"),
)

# Which article a thread belongs to, so follow-ups never need to read the thread back.
threads = Table(
    "threads",
    metadata,
    Column("id", ID, primary_key=True, autoincrement=True),
    Column("platform", String(16), nullable=False),
    Column("channel_id", String(64), nullable=False),
    Column("thread_id", String(128), nullable=False),
    # SET NULL, not CASCADE: a question in the thread of a deleted ruling gets a clear answer.
    Column("article_id", ID, ForeignKey("articles.id", ondelete="SET NULL")),
    Column("created_at", TS, nullable=False),
    UniqueConstraint("platform", "channel_id", "thread_id", name="uq_threads_platform_thread"),
)

# Follow-up questions and answers per thread: history for short follow-ups, rate limits.
thread_messages = Table(
    "thread_messages",
    metadata,
    Column("id", ID, primary_key=True, autoincrement=True),
    Column("thread_pk", ID, ForeignKey("threads.id", ondelete="CASCADE"), nullable=False),
    Column("user_id", String(64), nullable=False),
    Column("question", Text, nullable=False),
    Column("answer", Text, nullable=False),
    Column("found", Boolean, nullable=False),
    Column("asked_at", TS, nullable=False),
    Index("ix_thread_messages_thread_user", "thread_pk", "user_id", "asked_at"),
)

# Platform events already handled (Slack retries unacknowledged events).
processed_events = Table(
    "processed_events",
    metadata,
    Column("platform", String(16), primary_key=True),
    Column("event_id", String(128), primary_key=True),
    Column("processed_at", TS, nullable=False),
)

slack_installations = Table(
    "slack_installations",
    metadata,
    Column("id", ID, primary_key=True, autoincrement=True),
    Column("enterprise_id", String(32)),
    Column("team_id", String(32)),
    Column("user_id", String(32)),
    Column("bot_token", Text),
    Column("bot_id", String(32)),
    Column("bot_user_id", String(32)),
    Column("data", JSON, nullable=False),  # the full installation as slack_sdk serialises it
    Column("installed_at", TS, nullable=False),
    Index("ix_slack_installations_team", "enterprise_id", "team_id"),
)

slack_oauth_states = Table(
    "slack_oauth_states",
    metadata,
    Column("state", String(128), primary_key=True),
    Column("expires_at", TS, nullable=False),
)

# Small key/value facts an instance must remember (e.g. the hash of the last synced
# Discord command tree).
meta = Table(
    "meta",
    metadata,
    Column("key", String(128), primary_key=True),
    Column("value", Text, nullable=False),
    Column("updated_at", TS, nullable=False),
)

# Recent operational errors, shown by `rulingbot status` and `why`.
error_log = Table(
    "error_log",
    metadata,
    Column("id", ID, primary_key=True, autoincrement=True),
    Column("at", TS, nullable=False),
    Column("source", String(64), nullable=False),  # feed:<id> | channel:<pk> | slack | …
    Column("message", Text, nullable=False),
    Index("ix_error_log_at", "at"),
)

# Cached LLM results per (article content hash, backend, version): the LLM is never asked twice.
llm_cache = Table(
    "llm_cache",
    metadata,
    Column("key", String(128), primary_key=True),
    Column("value", JSON, nullable=False),
    Column("created_at", TS, nullable=False),
)
