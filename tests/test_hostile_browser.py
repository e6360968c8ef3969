"""Every page built from the hostile fixtures, opened and hovered in Chromium (issue 8).

No dialog may open, no payload may set a global, and no request may leave the
local server: the site works offline and runs no seed's script, on load or on
hover (the theme renders ``title`` attributes as tooltips).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.browser_support import serve_directory
from tests.conftest import FIXTURES
from tests.test_browser import build_site

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Globals the fixtures' payloads try to set; any other new global is caught by
# comparing with a page no seed wrote.
PAYLOAD_GLOBALS = ("__pwned", "pwned")
LINKS_HOVERED_PER_PAGE = 60
GLOBALS = "Object.getOwnPropertyNames(window)"


@dataclass
class Findings:
    """What the pages did that they must not."""

    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    globals: dict[str, list[str]] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(
        tmp_path_factory.mktemp("hostile-browser"), FIXTURES / "hostile", strict=False
    )


def page_paths(site: Path) -> list[str]:
    paths = [p.relative_to(site).as_posix() for p in site.rglob("*.html")]
    return sorted(path.removesuffix("index.html") for path in paths)


def hover_links(page: Any) -> None:
    """Hover what a reader would: the mouse over the content's links, then hover
    and focus events on every other link and titled element."""
    content = page.locator("article a:visible")
    for index in range(min(content.count(), LINKS_HOVERED_PER_PAGE)):
        content.nth(index).hover(timeout=2_000)
    page.evaluate(
        """() => document.querySelectorAll("a, [title]").forEach(el => {
            for (const type of ["mouseover", "mouseenter", "mousemove", "focus"])
                el.dispatchEvent(new MouseEvent(type, {bubbles: true}));
        })"""
    )
    page.wait_for_timeout(50)


def visit(browser: Any, site: Path, baseline_path: str, paths: list[str]) -> Findings:
    """Open and hover every page in ``paths``; requests off the server are refused."""
    found = Findings()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    with serve_directory(site) as base:

        def route(route: Any) -> None:
            if route.request.url.startswith(base):
                route.continue_()
            else:
                found.requests.append(route.request.url)
                route.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.on("dialog", lambda dialog: (found.dialogs.append(dialog.message), dialog.dismiss()))
        current = [baseline_path]
        # A script error stops the theme (search, navigation) on that page.
        page.on("pageerror", lambda exc: found.errors.setdefault(current[0], []).append(str(exc)))
        page.goto(base + baseline_path)
        page.wait_for_load_state("networkidle")
        baseline = set(page.evaluate(GLOBALS))
        for path in paths:
            current[0] = path
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            hover_links(page)
            new = set(page.evaluate(GLOBALS)) - baseline
            new |= {g for g in PAYLOAD_GLOBALS if page.evaluate(f"'{g}' in window")}
            if new:
                found.globals[path] = sorted(new)
    context.close()
    return found


def test_no_page_runs_a_payload_or_leaves_the_server(browser: Any, hostile_site: Path) -> None:
    paths = page_paths(hostile_site)
    assert len(paths) > 40
    found = visit(browser, hostile_site, "methodology/", paths)
    assert found == Findings()


def test_the_browser_check_sees_a_payload(browser: Any, tmp_path: Path) -> None:
    (tmp_path / "base.html").write_text("<p>nothing</p>", encoding="utf-8")
    (tmp_path / "bad.html").write_text(
        '<title>x</title><img src="https://tracker.example/p.gif">'
        '<a href="#" onmouseover="window.__pwned=1">hover</a>'
        "<svg onload=\"alert('x')\"></svg><script>JSON.parse('__config')</script>",
        encoding="utf-8",
    )
    found = visit(browser, tmp_path, "base.html", ["bad.html"])
    assert found.dialogs == ["x"]
    assert found.requests == ["https://tracker.example/p.gif"]
    assert found.globals == {"bad.html": ["__pwned"]}
    assert list(found.errors) == ["bad.html"]
