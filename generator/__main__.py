"""``python -m generator`` runs the ``briefing`` command line."""

from __future__ import annotations

from generator.cli import main

raise SystemExit(main())
