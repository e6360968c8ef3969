from __future__ import annotations

from pathlib import Path

from generator.actors import load_actor_registry
from generator.ingest.outlets import load_outlet_registry


def test_registries_are_not_read_through_symbolic_links(tmp_path: Path) -> None:
    outside = tmp_path / "outside.yml"
    outside.write_text("actors:\n  - name: Secret\n    type: person\noutlets: []\n", "utf-8")
    for name in ("actors.yml", "outlets.yml"):
        (tmp_path / name).symlink_to(outside)
    registry, problems = load_actor_registry(tmp_path / "actors.yml")
    assert registry.actors == () and [p.code for p in problems] == ["actors-symlink"]
    _, outlet_problems = load_outlet_registry(tmp_path / "outlets.yml")
    assert [p.code for p in outlet_problems] == ["registry-symlink"]
