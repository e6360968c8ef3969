#!/usr/bin/env bash
# Write to the preview repository's gh-pages branch (stage 2 and the clean-up).
#   tools/preview_repo.sh publish SITE_DIR PR_NUMBER   copy a checked site to pr-<N>/
#   tools/preview_repo.sh prune OPEN_PRS_FILE          remove pr-<N>/ of closed PRs
# Needs PREVIEW_REPO (owner/name) and PREVIEW_TOKEN (a token that can write to
# that repository only) in the environment. The token goes to git as an HTTP
# header, never into a URL, the remote's config or the log.
set -euo pipefail

: "${PREVIEW_REPO:?owner/name of the preview repository}" "${PREVIEW_TOKEN:?token}"
[[ "$PREVIEW_REPO" =~ ^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$ ]] || { echo "bad PREVIEW_REPO" >&2; exit 1; }
auth=$(printf 'x-access-token:%s' "$PREVIEW_TOKEN" | base64 -w0)
echo "::add-mask::$auth"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

g() { git -c http.extraHeader="Authorization: Basic $auth" -C "$work" "$@"; }

git -c http.extraHeader="Authorization: Basic $auth" clone --quiet --depth 1 --branch gh-pages \
  "https://github.com/${PREVIEW_REPO}.git" "$work"

case "${1:-}" in
  publish)
    site=$2 pr=$3
    [[ "$pr" =~ ^[1-9][0-9]{0,8}$ ]] || { echo "bad PR number" >&2; exit 1; }
    rm -rf "${work:?}/pr-$pr"
    cp -R "$site" "$work/pr-$pr"
    message="Preview of pull request #$pr"
    ;;
  prune)
    stale=$(python3 "$(dirname "$0")/preview_gate.py" stale --root "$work" --open "$2")
    for folder in $stale; do rm -rf "${work:?}/$folder"; done
    message="Remove previews of closed pull requests: ${stale//$'\n'/ }"
    ;;
  *) echo "usage: $0 publish SITE PR | prune OPEN_PRS_FILE" >&2; exit 2 ;;
esac

touch "$work/.nojekyll"
g add -A
if g diff --cached --quiet; then echo "preview repository: nothing to change"; exit 0; fi
g -c user.name="github-actions[bot]" -c user.email="41898282+github-actions[bot]@users.noreply.github.com" \
  commit --quiet -m "$message"
# Two pull requests may publish at once: replay on top of the other and retry.
for attempt in 1 2 3; do
  if g push --quiet origin HEAD:gh-pages; then exit 0; fi
  echo "push refused (attempt $attempt); rebasing on the new gh-pages"
  g pull --quiet --rebase --depth 50 origin gh-pages
done
exit 1
