"""The theme's navigation and tabs, rendered once per build and reused.

Material renders its whole navigation tree (``partials/nav.html``) and its
tabs for every page: with about a dozen entries, that was a fifth of a build
of 1,600 pages. For a page that is not in the nav, that HTML depends on
nothing of the page but where it sits: the nav's own titles, the active state
of its entries (none is active) and the links from the page to each entry,
which are relative. :class:`NavMemo` keys a render on exactly those, so two
pages whose links to every nav entry read the same get the same HTML, which
is rendered once.

The overrides in ``overrides/partials/{nav,tabs}.html`` call it with Jinja's
``{% call %}``; without the plugin they render Material's templates directly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context

#: The name the templates look for.
GLOBAL_NAME = "briefing_memo"


class NavMemo:
    """Renders of the nav and the tabs for one build, keyed by what they depend on."""

    def __init__(self) -> None:
        self._renders: dict[tuple[str, ...], str] = {}
        self._nav: Any = None
        self._items: tuple[Any, ...] = ()
        self._targets: tuple[str, ...] = ()
        # The nav and the tabs of one page share its links: computed once.
        self._last: tuple[Any, tuple[str, ...]] = (None, ())

    @pass_context
    def render(
        self, context: Context, name: str, caller: Callable[[], str], per_page: bool = True
    ) -> str:
        """The HTML ``caller`` renders, from memory when a page with the same key rendered it.

        Args:
            context: The page's template context (passed by Jinja).
            name: Which partial ("nav", "tabs"): part of the key.
            caller: The ``{% call %}`` block's body.
            per_page: False for a partial that depends on nothing of the page
                (the search box): rendered once for the whole build.
        """
        key = self._key(context, name) if per_page else (name,)
        if key is None:
            return caller()
        found = self._renders.get(key)
        if found is None:
            found = self._renders[key] = caller()
        return found

    def _key(self, context: Context, name: str) -> tuple[str, ...] | None:
        """What the partial's output depends on, or None for a page in the nav.

        A page in the nav makes itself and its sections active and shows its
        own table of contents there: its nav is rendered as Material does.
        """
        nav = context.get("nav")
        page = context.get("page")
        if nav is None or page is None:
            return None
        if nav is not self._nav:
            self._nav = nav
            self._items = tuple(_walk(nav.items))
            self._targets = _targets(nav, self._items, context.get("config"))
        if any(item.active for item in self._items):
            return None
        last_page, links = self._last
        if page is not last_page:
            url = context.environment.filters["url"]
            links = (str(context.get("base_url")), *(url(context, t) for t in self._targets))
            self._last = (page, links)
        return (name, *links)


def _walk(items: Iterable[Any]) -> Iterator[Any]:
    """Every entry of the nav: sections, pages and links, depth first."""
    for item in items:
        yield item
        yield from _walk(getattr(item, "children", None) or ())


def _targets(nav: Any, items: Iterable[Any], config: Any) -> tuple[str, ...]:
    """Every URL the nav and tabs print through the ``url`` filter."""
    targets = [str(item.url) for item in items if getattr(item, "url", None) is not None]
    homepage = getattr(nav, "homepage", None)
    if homepage is not None:
        targets.append(str(homepage.url))
    if config is not None:
        extra_home = config.extra.get("homepage") if config.extra else None
        logo = config.theme.get("logo") if config.theme else None
        targets += [str(value) for value in (extra_home, logo) if value]
    return tuple(targets)
