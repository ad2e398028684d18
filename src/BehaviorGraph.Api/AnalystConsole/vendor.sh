#!/usr/bin/env bash
# Re-vendors the analyst console's third-party files from npm (run by a developer, never at build or run time).
# Change a version here, run the script, check the console's browser tests, and update Assets/vendor/README.txt.
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
packages=("cytoscape@3.34.4:dist/cytoscape.min.js" "cytoscape-fcose@2.2.0:cytoscape-fcose.js" "cose-base@2.2.0:cose-base.js"
  "layout-base@2.0.1:layout-base.js" "uplot@1.6.32:dist/uPlot.iife.min.js dist/uPlot.min.css")
rm -rf Assets/vendor/*/
for spec in "${packages[@]}"; do
  package=${spec%%:*}; files=${spec#*:}
  name=${package%@*}; version=${package#*@}
  (cd "$work" && npm pack --silent "$package" >/dev/null && mkdir -p "$name" && tar xzf "$name-$version.tgz" -C "$name")
  target="Assets/vendor/$name-$version"
  mkdir -p "$target"
  for file in $files; do cp "$work/$name/package/$file" "$target/"; done
  cp "$work/$name/package/LICENSE" "$target/LICENSE.txt"
done
ls -l Assets/vendor/*/
