"""The offline demo: bundled sample articles served from loopback, run through the real pipeline."""

from bot.demo.server import DemoServer, demo_articles
from bot.demo.settings import demo_settings

__all__ = ["DemoServer", "demo_articles", "demo_settings"]
