"""The hostile fixtures: every string a seed or registry controls stays inert text.

``tests/fixtures/hostile/`` is a seeds folder of attacks (with its own
``actors.yml`` and ``outlets.yml``). The site built from it must contain no
script, event handler or external resource in any page, ``<head>`` included,
and each attack that the author should hear about is reported with its file
and line.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.pipeline import Settings, build_corpus
from tests.conftest import FIXTURES, make_project
from tests.page_safety import theme_scripts, unsafe_parts
from tests.test_site_build import build

HOSTILE = FIXTURES / "hostile"

# Fixture → the problems of these kinds it must produce (code, line); others produce none.
CODES = {"external-image", "duplicate-id", "urls-lock", "markup-in-name"}
EXPECTED_PROBLEMS = {
    "08-external-images.md": [
        ("external-image", 8),
        ("external-image", 10),
        ("external-image", 10),
    ],
    # Sorts before 01-raw-html.md but must not take its URL.
    "0/01-raw-html.md": [("duplicate-id", 1)],
    # An actor, its alias and a place; an outlet.
    "actors.yml": [("markup-in-name", 2), ("markup-in-name", 4), ("markup-in-name", 7)],
    "outlets.yml": [("markup-in-name", 2)],
}
# Pages named after hostile names from seeds and registries: (page, what its title shows).
HOSTILE_TITLES = {
    "actors/alpha-title-svg-onload-object-alert-beta": "Alpha ‹/Title›‹Svg Onload",
    "actors/omega-script-src-evil-example-script-front": "Omega ‹Script Src=//Evil.Example›",
    "actors/hostile-title-svg-onload-window-pwned-actor-brigade": "Hostile ‹/Title›‹Svg",
    "places/port-title-svg-onload-window-pwned-place-town": "Port ‹/Title›‹Svg",
    "outlets/wire-title-svg-onload-window-pwned-outlet-service": "Wire ‹/Title›‹Svg",
}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("hostile"), HOSTILE)
    result = build(project, strict=False)
    assert result.returncode == 0, result.stderr
    return project / "site"


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


pytestmark = pytest.mark.slow


def test_no_page_runs_script_or_loads_from_another_host(hostile_site: Path) -> None:
    allowed = theme_scripts((hostile_site / "methodology" / "index.html").read_text("utf-8"))
    allowed += theme_scripts((hostile_site / "404.html").read_text("utf-8"))
    pages = html_pages(hostile_site)
    assert len(pages) > 40
    found = {
        page.relative_to(hostile_site).as_posix(): unsafe
        for page in pages
        if (unsafe := unsafe_parts(page.read_text("utf-8"), allowed))
    }
    assert found == {}


def test_the_checker_sees_a_script_in_the_head() -> None:
    # The attack of issue 8, as Material's title block wrote it before the fix.
    page = "<html><head><title>Alpha </Title><Svg Onload=Object-alert``>Beta</title></head></html>"
    assert unsafe_parts(page, []) == ["<svg onload='Object-alert``'>"]
    remote = '<head><title>x</title><script src="//evil.example"></script></head>'
    assert any("script not from the theme" in f for f in unsafe_parts(remote, []))
    assert unsafe_parts('<img src="https://t.example/p.gif">', []) != []


@pytest.mark.parametrize(("page", "shown"), sorted(HOSTILE_TITLES.items()))
def test_hostile_names_are_plain_text_in_the_head(
    hostile_site: Path, page: str, shown: str
) -> None:
    html = (hostile_site / page / "index.html").read_text("utf-8")
    head = html.split("</head>")[0]
    title = re.search(r"<title>(.*?)</title>", head, re.S)
    assert title is not None and shown in title.group(1)
    assert head.count("<title>") == 1 and "<svg" not in head.lower()
    assert "<script src=//" not in head.lower()


def test_no_generated_page_has_a_title_attribute(hostile_site: Path) -> None:
    for page in html_pages(hostile_site):
        content = page.read_text("utf-8").split('<article class="md-content__inner')
        if len(content) > 1:
            article = content[1].split("</article>")[0]
            assert " title=" not in article, page


def test_link_titles_are_dropped(hostile_site: Path) -> None:
    html = (hostile_site / "articles" / "07-link-titles" / "index.html").read_text("utf-8")
    for host in ("a.example", "b.example", "c.example"):
        assert f'href="https://{host}"' in html
    assert "__pwned" not in html.split('<article class="md-content__inner')[1]


def test_external_images_become_links(hostile_site: Path) -> None:
    html = (hostile_site / "articles" / "08-external-images" / "index.html").read_text("utf-8")
    links = re.findall(r'<a class="external-image" href="([^"]+)"[^>]*>([^<]*)</a>', html)
    assert links == [
        ("https://tracker.example/pixel.png?reader=1", "Image (not loaded): tracking pixel"),
        ("http://images.example/chart.png", "Image (not loaded): chart"),
        ("//cdn.example/x.gif", "Image (not loaded): x"),
    ]
    assert "<img" not in html.split('<article class="md-content__inner')[1]


def test_a_declared_title_is_not_markdown(hostile_site: Path) -> None:
    html = (hostile_site / "articles" / "09-declared-title-markdown" / "index.html").read_text(
        "utf-8"
    )
    declared = "7*7 is *not* 77, and _this_ is `not code` [nor a link](https://x.example)"
    assert f"<title>{declared} - Research briefing</title>" in html
    assert re.search(r"<h1[^>]*>" + re.escape(declared), html)


def test_each_hostile_fixture_gives_its_expected_problems() -> None:
    corpus = build_corpus(Settings(HOSTILE))
    found: dict[str, list[tuple[str, int]]] = {}
    for p in corpus.problems:
        if p.code in CODES:
            found.setdefault(p.file, []).append((p.code, p.line))
    assert found == EXPECTED_PROBLEMS
    images = [p for p in corpus.problems if p.code == "external-image"]
    assert {p.file for p in images} == {"08-external-images.md"}
    assert "tracker.example" in images[0].message


def test_a_subfolder_seed_does_not_take_a_top_level_url() -> None:
    ids = {a.file: a.id for a in build_corpus(Settings(HOSTILE)).articles}
    assert ids["01-raw-html.md"] == "01-raw-html"
    assert ids["0/01-raw-html.md"] == "01-raw-html-md"


def test_a_very_long_file_name_gets_a_short_url(hostile_site: Path) -> None:
    ids = {a.file: a.id for a in build_corpus(Settings(HOSTILE)).articles}
    long_id = ids["中" * 80 + ".md"]
    assert len(long_id.encode("utf-8")) <= 100 and re.search(r"-[0-9a-f]{8}$", long_id)
    assert (hostile_site / "articles" / long_id / "index.html").is_file()


def test_seed_headings_never_take_the_theme_element_ids(hostile_site: Path) -> None:
    html = (hostile_site / "articles" / "11-theme-element-ids" / "index.html").read_text("utf-8")
    for name in ("__config", "__search", "__drawer"):
        assert html.count(f'id="{name}"') == 1, name  # the theme's own
        assert f'id="h{name}"' in html
