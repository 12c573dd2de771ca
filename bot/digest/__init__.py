"""Digest assembly: which stored rulings a channel gets, merged, ranked and capped."""

from bot.digest.build import build_digest
from bot.digest.plan import Decision, DigestPlan, Verdict

__all__ = ["Decision", "DigestPlan", "Verdict", "build_digest"]
