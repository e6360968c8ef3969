"""The MkDocs plugin: the only module that imports mkdocs.

It turns MkDocs settings into plain :class:`~generator.pipeline.Settings`,
runs the pipeline once per build in ``on_files``, adds every generated page
as a virtual file, sanitises generated HTML, and watches the seeds in
``mkdocs serve``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from generator.models import Problem, Severity
from generator.pipeline import Settings, build_corpus
from generator.render import IN_NAV, render_site
from generator.sanitize import sanitize_html

log = logging.getLogger("mkdocs.plugins.briefing")

# MkDocs counts what its loggers emit at WARNING and above: `mkdocs build
# --strict` then fails, as it does for a broken link. Info stays informative.
_LEVELS = {
    Severity.ERROR: logging.ERROR,
    Severity.WARNING: logging.WARNING,
    Severity.INFO: logging.INFO,
}


class BriefingConfig(Config):
    """Options of the ``briefing`` plugin in ``mkdocs.yml``."""

    seeds = opt.Type(str, default="seeds")
    outlets = opt.Optional(opt.Type(str))
    actors = opt.Optional(opt.Type(str))
    strict = opt.Type(bool, default=False)


class BriefingPlugin(BasePlugin[BriefingConfig]):
    """Generate the briefing pages from the seeds folder."""

    def __init__(self) -> None:
        self._settings: Settings | None = None
        self._generated: set[str] = set()
        self._root = Path()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Resolve paths against mkdocs.yml and reset per-build state."""
        root = Path(config.config_file_path or ".").resolve().parent
        self._root = root
        self._generated = set()
        self._settings = Settings(
            seeds_dir=root / self.config.seeds,
            outlets_file=root / self.config.outlets if self.config.outlets else None,
            actors_file=root / self.config.actors if self.config.actors else None,
            strict=self.config.strict,
        )
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Run the pipeline and add every generated page as a virtual file."""
        settings = self._require_settings()
        if not settings.seeds_dir.is_dir():
            raise PluginError(f"briefing: the seeds folder {settings.seeds_dir} does not exist.")
        corpus = build_corpus(settings)
        if settings.strict and corpus.has_errors:
            first = next(p for p in corpus.problems if p.severity == "error")
            raise PluginError(f"briefing: {first.file}:{first.line}: {first.message} (strict mode)")
        for src_uri, content in render_site(corpus).items():
            if files.get_file_from_path(src_uri) is not None:
                raise PluginError(
                    f"briefing: docs/{src_uri} clashes with a generated page; remove it."
                )
            inclusion = InclusionLevel.INCLUDED if src_uri in IN_NAV else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, src_uri, content=content, inclusion=inclusion))
            self._generated.add(src_uri)
        for problem in corpus.problems:
            self._log_problem(problem, settings.seeds_dir)
        log.info("briefing: %d seed(s), %d problem(s)", corpus.seeds_read, len(corpus.problems))
        return files

    def _log_problem(self, problem: Problem, seeds_dir: Path) -> None:
        """Log one seed problem at its own severity, naming file:line as `briefing check` does."""
        path = seeds_dir / problem.file
        shown = path.relative_to(self._root) if path.is_relative_to(self._root) else path
        log.log(
            _LEVELS[problem.severity],
            "briefing: %s:%d: %s [%s]",
            shown.as_posix(),
            problem.line,
            problem.message,
            problem.code,
        )

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Sanitise generated pages: seed text must never run in a browser."""
        if page.file.src_uri in self._generated:
            return sanitize_html(html)
        return html

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        """Rebuild when a seed or a registry changes."""
        settings = self._require_settings()
        server.watch(str(settings.seeds_dir))
        for extra in (settings.outlets_file, settings.actors_file):
            if (
                extra is not None
                and extra.exists()
                and not extra.is_relative_to(settings.seeds_dir)
            ):
                server.watch(str(extra))
        return server

    def _require_settings(self) -> Settings:
        if self._settings is None:
            raise PluginError("briefing: on_config did not run.")
        return self._settings
