"""Digest delivery: exactly-once runs per (channel, local date), the ledger, the fan-out."""

from bot.delivery.fanout import Deliverer, DeliveryResult

__all__ = ["Deliverer", "DeliveryResult"]
