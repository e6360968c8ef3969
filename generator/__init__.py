"""Briefing: turn a folder of news articles into a research briefing site."""

from __future__ import annotations

__version__ = "0.1.0"
