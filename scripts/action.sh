#!/usr/bin/env bash
# The command line of the GitHub Action (action.yml); test/ci-integrations.test.ts runs it on the seeds.
# Inputs come as environment variables: PLANLINT_PATHS, PLANLINT_FORMAT, PLANLINT_REQUIREMENTS,
# PLANLINT_MAX_WARNINGS, PLANLINT_SARIF. Writes the SARIF report, prints PLANLINT_FORMAT to the log,
# sets the outputs sarif-file and exit-code, and exits with planlint's status (1 on errors).
set -uo pipefail
action_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# the project's own planlint if it has one, else the Action's checkout (built once);
# PLANLINT_BIN (a JavaScript file run with node) overrides both: the tests use a private bundle
if [ -n "${PLANLINT_BIN:-}" ]; then
  planlint=(node "$PLANLINT_BIN")
elif [ -x node_modules/.bin/planlint ]; then
  planlint=(node_modules/.bin/planlint)
else
  if [ ! -f "$action_dir/server/dist/cli.js" ]; then
    (cd "$action_dir" && npm ci --no-audit --no-fund --loglevel=error >&2) || { echo "planlint: could not install the Action's build tools" >&2; exit 2; }
  fi
  planlint=(node "$action_dir/server/bin/planlint.js")
fi

read -r -a paths <<<"$(printf '%s' "${PLANLINT_PATHS:-.}" | tr '\n' ' ')"
args=(check "${paths[@]}")
while IFS= read -r req; do
  req="$(printf '%s' "$req" | sed 's/^[[:space:]]*//;s/[[:space:]]*$//')"
  [ -n "$req" ] && args+=(--requirements "$req")
done < <(printf '%s\n' "${PLANLINT_REQUIREMENTS:-}" | tr ',' '\n')
args+=(--max-warnings "${PLANLINT_MAX_WARNINGS:--1}")
sarif="${PLANLINT_SARIF:-planlint.sarif}"
format="${PLANLINT_FORMAT:-github}"

"${planlint[@]}" "${args[@]}" --format sarif --output "$sarif"
status=$?
if [ "$format" != sarif ]; then
  # the log: same findings, the chosen format (github: annotations); the status is the SARIF run's
  "${planlint[@]}" "${args[@]}" --format "$format" || true
else
  cat "$sarif"
fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  { echo "sarif-file=$sarif"; echo "exit-code=$status"; } >>"$GITHUB_OUTPUT"
fi
exit "$status"
