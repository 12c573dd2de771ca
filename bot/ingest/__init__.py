"""Ingestion: fetch feeds and pages safely, parse, extract, canonicalise, store."""
