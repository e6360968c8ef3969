"""The GitHub workflows: safety properties, and the preview gate's data handling."""

from __future__ import annotations

import json
import re
import socket
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT
from tools.port_free import port_problem
from tools.preview_gate import (
    MARKER,
    Rejected,
    copy_site,
    defuse,
    main,
    read_meta,
    stale_folders,
    trusted_pr,
)

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
SHA = "0123456789abcdef0123456789abcdef01234567"


def load(name: str) -> dict[Any, Any]:
    data: dict[Any, Any] = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text())
    return data


def triggers(workflow: dict[Any, Any]) -> dict[str, Any]:
    on = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as True
    return on if isinstance(on, dict) else {on: None}


def steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [s for job in workflow["jobs"].values() for s in job.get("steps", [])]


def test_the_four_workflows_exist_and_none_uses_pull_request_target() -> None:
    names = [p.name for p in WORKFLOWS]
    assert names == [
        "deploy.yml",
        "preview-build.yml",
        "preview-cleanup.yml",
        "preview-publish.yml",
    ]
    for path in WORKFLOWS:
        assert "pull_request_target" not in triggers(yaml.safe_load(path.read_text()))
        assert "pull_request_target" not in path.read_text(), path.name


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_by_full_commit_sha(path: Path) -> None:
    for step in steps(yaml.safe_load(path.read_text())):
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", step["uses"]), step["uses"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_expression_is_expanded_inside_a_script(path: Path) -> None:
    for step in steps(yaml.safe_load(path.read_text())):
        assert "${{" not in step.get("run", "")
        assert "${{" not in step.get("with", {}).get("script", "")


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_checkouts_keep_no_credentials_and_workflows_default_to_no_permission(path: Path) -> None:
    workflow = yaml.safe_load(path.read_text())
    for step in steps(workflow):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False
    assert workflow["permissions"] in ({}, {"contents": "read"})
    for job in workflow["jobs"].values():
        assert "permissions" in job


def test_preview_build_is_read_only_and_has_no_secret() -> None:
    workflow = load("preview-build.yml")
    assert list(triggers(workflow)) == ["pull_request"]
    assert workflow["jobs"]["build"]["permissions"] == {"contents": "read"}
    text = (ROOT / ".github" / "workflows" / "preview-build.yml").read_text()
    assert "secrets." not in text and "github.token" not in text
    runs = "\n".join(s.get("run", "") for s in steps(workflow))
    assert "briefing check seeds --format github" in runs
    assert "make preview" in runs and "GITHUB_STEP_SUMMARY" in runs


def cache_steps(name: str) -> list[dict[str, Any]]:
    return [s for s in steps(load(name)) if s.get("uses", "").startswith("actions/cache")]


def test_the_content_cache_is_saved_only_by_main_and_keyed_by_code() -> None:
    # The cache holds pickles: only main's deploy (trusted code) may write it; a
    # pull request's build restores main's entries and never saves its own.
    (deploy,) = cache_steps("deploy.yml")
    (preview,) = cache_steps("preview-build.yml")
    assert deploy["uses"].startswith("actions/cache@")
    assert preview["uses"].startswith("actions/cache/restore@")
    assert list(triggers(load("deploy.yml"))) == ["push", "workflow_dispatch"]
    for step in (deploy, preview):
        assert step["with"]["path"] == ".cache/briefing"
        # A change to the generator or to a pinned library starts a fresh cache.
        code = "hashFiles('generator/**', 'requirements.lock')"
        assert step["with"]["key"].startswith(f"briefing-${{{{ {code} }}}}-")
        assert step["with"]["restore-keys"] == f"briefing-${{{{ {code} }}}}-"
    for name in ("preview-cleanup.yml", "preview-publish.yml"):
        assert cache_steps(name) == []


def test_preview_publish_never_checks_out_pull_request_code() -> None:
    workflow = load("preview-publish.yml")
    assert list(triggers(workflow)) == ["workflow_run"]
    job = workflow["jobs"]["publish"]
    assert job["permissions"] == {
        "actions": "read",
        "contents": "read",
        "pull-requests": "write",
    }
    checkouts = [s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@")]
    assert len(checkouts) == 1
    assert "ref" not in checkouts[0]["with"] and "repository" not in checkouts[0]["with"]
    assert checkouts[0]["with"]["sparse-checkout"] == "tools"
    runs = "\n".join(s.get("run", "") for s in job["steps"])
    assert "make" not in runs.split() and ".venv" not in runs and "pip" not in runs


def test_only_the_deploy_job_can_write_pages() -> None:
    workflow = load("deploy.yml")
    assert workflow["jobs"]["build"]["permissions"] == {"contents": "read"}
    deploy = workflow["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    for path in WORKFLOWS:
        if path.name != "deploy.yml":
            assert "pages: write" not in path.read_text() and "id-token" not in path.read_text()


def artifact(tmp_path: Path, pr: int = 7, sha: str = SHA) -> Path:
    folder = tmp_path / "artifact"
    (folder / "site" / "articles" / "a").mkdir(parents=True)
    (folder / "site" / "index.html").write_text("<h1>home</h1>")
    (folder / "site" / "articles" / "a" / "index.html").write_text("<h1>a</h1>")
    (folder / "summary.md").write_text("## Summary\n\nping @octocat <!-- briefing-preview -->\n")
    assert (
        main(["meta", "--pr", str(pr), "--head-sha", sha, "--out", str(folder / "meta.json")]) == 0
    )
    return folder


def pulls(tmp_path: Path, number: int = 7, sha: str = SHA) -> Path:
    path = tmp_path / "pulls.json"
    path.write_text(json.dumps([{"number": number, "head": {"sha": sha}}]))
    return path


def verify(tmp_path: Path, folder: Path, pulls_file: Path, sha: str = SHA) -> int:
    url = "https://o.github.io/briefing-previews"
    out = str(tmp_path / "out")
    args = ["--artifact", str(folder), "--pulls", str(pulls_file), "--head-sha", sha]
    return main(["verify", *args, "--preview-url", url, "--out", out])


def test_the_gate_accepts_a_genuine_artifact(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert verify(tmp_path, artifact(tmp_path), pulls(tmp_path)) == 0
    assert capsys.readouterr().out == "pr=7\nfiles=2\n"
    comment = (tmp_path / "out" / "comment.md").read_text()
    assert comment.startswith(MARKER + "\n**Preview:** https://o.github.io/briefing-previews/pr-7/")
    assert comment.count("<!--") == 1 and "@octocat" not in comment
    assert (tmp_path / "out" / "site" / "articles" / "a" / "index.html").is_file()


@pytest.mark.parametrize(
    ("meta_pr", "meta_sha", "api_pr", "event_sha"),
    [
        (8, SHA, 7, SHA),  # the artifact claims another PR
        (7, "f" * 40, 7, SHA),  # the artifact claims another commit
        (7, SHA, 7, "e" * 40),  # the PR moved on since this run
    ],
)
def test_the_gate_rejects_a_mismatch(
    tmp_path: Path, meta_pr: int, meta_sha: str, api_pr: int, event_sha: str
) -> None:
    folder = artifact(tmp_path, meta_pr, meta_sha)
    assert verify(tmp_path, folder, pulls(tmp_path, api_pr, SHA), event_sha) == 1
    assert not (tmp_path / "out" / "comment.md").exists()


def test_the_gate_rejects_links_and_hidden_files(tmp_path: Path) -> None:
    folder = artifact(tmp_path)
    (folder / "site" / "secret").symlink_to("/etc/passwd")
    with pytest.raises(Rejected, match="link"):
        copy_site(folder / "site", tmp_path / "a")
    (folder / "site" / "secret").unlink()
    (folder / "site" / ".git").mkdir()
    with pytest.raises(Rejected, match="file name"):
        copy_site(folder / "site", tmp_path / "b")


def test_the_gate_rejects_malformed_metadata_and_api_answers(tmp_path: Path) -> None:
    meta = tmp_path / "meta.json"
    meta.write_text(json.dumps({"pr": "7", "head_sha": SHA}))
    with pytest.raises(Rejected):
        read_meta(meta, 7, SHA)
    with pytest.raises(Rejected):
        trusted_pr({"number": 7}, SHA)
    with pytest.raises(Rejected):
        trusted_pr([], SHA)


def test_defuse_caps_and_neutralises() -> None:
    text = defuse("@team " + "x" * 60_000)
    assert len(text) < 51_000 and text.startswith("@\u200bteam") and "cut" in text


def test_stale_folders_are_those_of_closed_pull_requests() -> None:
    names = ["pr-1", "pr-2", "pr-10", "assets", "pr-x", "pr-01"]
    assert stale_folders(names, [2]) == ["pr-1", "pr-10"]


def test_a_busy_port_gets_advice_not_a_traceback() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert "already in use" in (port_problem("127.0.0.1", port) or "")
        result = subprocess.run(
            ["make", "--no-print-directory", "serve", f"PORT={port}"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
        )
    assert result.returncode != 0
    assert f"port {port} on 127.0.0.1 is already in use" in result.stderr
    assert f"make serve PORT={port + 1}" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
