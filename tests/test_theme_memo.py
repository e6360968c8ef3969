"""The theme's nav and tabs are rendered once per page location, with no byte changed."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from importlib.resources import files
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from mkdocs.utils import normalize_url

from generator.site.navmemo import GLOBAL_NAME, NavMemo
from tests.conftest import ROOT, SEEDS, make_project

MATERIAL = Path(str(files("material"))) / "templates" / "partials"


@pass_context
def _url(context: Context, value: str) -> str:
    return normalize_url(value, page=context["page"], base=context["base_url"])


def _memo_env(renders: list[str]) -> tuple[Environment, Any]:
    env = Environment()
    env.filters["url"] = _url
    env.globals[GLOBAL_NAME] = NavMemo().render

    def count() -> int:
        renders.append("x")
        return len(renders)

    env.globals["count"] = count
    template = env.from_string(
        '{% call briefing_memo("nav") %}{{ count() }}:{{ "events/" | url }}{% endcall %}'
    )
    return env, template


def _nav(*urls: str) -> Any:
    items = [SimpleNamespace(url=u, active=False, children=None) for u in urls]
    return SimpleNamespace(items=items, homepage=items[0])


def test_pages_with_the_same_links_share_one_render() -> None:
    renders: list[str] = []
    _, template = _memo_env(renders)
    nav = _nav("", "events/", "articles/")

    def page(url: str) -> SimpleNamespace:
        return SimpleNamespace(url=url)

    first = template.render(nav=nav, page=page("articles/a/"), base_url="../..")
    assert first == "1:../../events/"
    # Same links to every nav entry: the first render is reused.
    assert template.render(nav=nav, page=page("articles/b/"), base_url="../..") == first
    # Another folder links differently: rendered again.
    assert template.render(nav=nav, page=page("events/e/"), base_url="../..") == "2:../"
    assert template.render(nav=nav, page=page("x/"), base_url="..") == "3:../events/"
    assert len(renders) == 3


def test_a_page_in_the_nav_is_rendered_as_itself() -> None:
    renders: list[str] = []
    _, template = _memo_env(renders)
    nav = _nav("", "events/")
    events = nav.items[1]
    events.active = True
    for _ in range(2):
        template.render(nav=nav, page=events, base_url="..")
    assert len(renders) == 2


def test_the_copies_are_materials_own_templates() -> None:
    # partials/nav.html and tabs.html wrap verbatim copies; a Material upgrade must refresh them.
    copies = {"nav-tree.html": "nav.html", "tabs-bar.html": "tabs.html"}
    for copy, original in copies.items():
        ours = (ROOT / "overrides" / "partials" / copy).read_text("utf-8")
        assert ours == (MATERIAL / original).read_text("utf-8"), copy


def _build(project: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=True,
        capture_output=True,
    )
    return project / "site"


def _pages(site: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in sorted(site.rglob("*.html"))
        if "pagefind" not in p.parts
    }


@pytest.mark.slow
def test_the_memo_changes_no_byte_of_any_page(tmp_path: Path) -> None:
    (tmp_path / "on").mkdir()
    (tmp_path / "off").mkdir()
    with_memo = _build(make_project(tmp_path / "on", SEEDS))
    project = make_project(tmp_path / "off", SEEDS)
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(text.replace("  - briefing:\n", "  - briefing:\n      nav_memo: false\n"))
    without = _build(project)
    pages, plain = _pages(with_memo), _pages(without)
    assert len(pages) > 40
    assert pages.keys() == plain.keys()
    assert [name for name in pages if pages[name] != plain[name]] == []
    # A page in the nav still shows itself active; a page outside it shows nothing active.
    events = pages["events/index.html"].decode()
    assert '<li class="md-nav__item md-nav__item--active">' in events
    assert '<a href="./" class="md-nav__link md-nav__link--active">' in events
    assert re.search(r'md-tabs__item--active">\s*<a href="\./"', events)
    article = next(v.decode() for k, v in pages.items() if re.match(r"articles/[^/]+/index", k))
    assert "--active" not in article
