#!/usr/bin/env bash
# The artifacts an administrator copies, into dist/ (./build.sh publish; tools\publish.cmd on Windows):
#   dist/backup-reconciler-<version>-win-x64.zip   one self-contained, ReadyToRun backup-reconciler.exe
#                                                  (native libraries inside the bundle), the DSC manifest
#                                                  beside it, baselines/, schemas/, docs/, integrations/,
#                                                  README.md and SHA256SUMS of every file in the zip
#   dist/backup-reconciler-<version>-linux-x64     a Native AOT executable (needs clang and zlib to build;
#                                                  installed from Debian's packages when missing and root)
#   dist/SHA256SUMS                                the checksums of both, for `sha256sum -c SHA256SUMS`
# The version is Directory.Build.props' <Version>; the executables print it with the commit.
#   tools/publish.sh [win-x64] [linux-x64] [win-x64-folder]
# win-x64-folder (not built by default): the same Windows build as a folder, for Wine (see README).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(win-x64 linux-x64)

cli=src/BackupReconciler.Cli/BackupReconciler.Cli.csproj
version=$(dotnet msbuild "$cli" -nologo -getProperty:Version)
[ -n "$version" ] || { echo "publish: no <Version> in Directory.Build.props" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/publish.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p dist

publish() { # PROFILE OUT
  local started=$SECONDS log="$work/$1.log"
  if ! dotnet publish "$cli" -p:PublishProfile="$1" -o "$2" -nologo -clp:NoSummary >"$log" 2>&1; then
    grep -E 'error|warning' "$log" | sort -u >&2 || cat "$log" >&2
    echo "publish: $1 failed" >&2
    exit 1
  fi
  # The only warnings allowed: the trimming/AOT summaries of the two libraries the README lists.
  local unexpected
  unexpected=$(grep -E ': warning ' "$log" | grep -vE "(Newtonsoft\.Json|Serilog)\.dll : warning IL(2104|3053):" | sort -u || true)
  if [ -n "$unexpected" ]; then
    echo "$unexpected" >&2
    echo "publish: $1 has warnings beyond Newtonsoft.Json's and Serilog's (README, \"Trimming and Native AOT\")" >&2
    exit 1
  fi
  grep -E ': warning IL' "$log" | sed -E 's#^.*/([^/]+\.dll) : warning (IL[0-9]+): ([^[]*).*#publish: note: \1: \2 \3#' | sort -u || true
  echo "publish: $1 published in $((SECONDS - started)) s"
}

win_x64() {
  local name="backup-reconciler-$version-win-x64" stage="$work/win-x64"
  publish win-x64 "$work/win-x64-bin"
  # One file beside the DSC manifest, nothing loose: a native library, pdb or xml here would be a file
  # the administrator must not forget to copy.
  local loose
  loose=$(cd "$work/win-x64-bin" && ls | grep -vxE 'backup-reconciler\.exe|backup-reconciler\.dsc\.resource\.json' || true)
  if [ -n "$loose" ]; then
    echo "publish: files beside backup-reconciler.exe that belong in the bundle: $loose" >&2
    exit 1
  fi
  mkdir -p "$stage/$name"
  cp "$work/win-x64-bin/"* "$stage/$name/"
  cp -r baselines schemas docs integrations README.md "$stage/$name/"
  (cd "$stage/$name" && find . -type f ! -name SHA256SUMS | LC_ALL=C sort | sed 's|^\./||' | xargs -d '\n' sha256sum >SHA256SUMS)
  rm -f "dist/$name.zip"
  # -X: no Unix extra fields; the files' times are the checkout's.
  (cd "$stage" && zip -qrX "$OLDPWD/dist/$name.zip" "$name")
  echo "publish: dist/$name.zip ($(du -k "dist/$name.zip" | cut -f1) KiB)"
}

win_x64_folder() {
  publish win-x64-folder "dist/backup-reconciler-$version-win-x64-folder"
}

linux_x64() {
  local name="backup-reconciler-$version-linux-x64"
  if ! command -v clang >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "publish: Native AOT links with clang; installing clang, lld and zlib1g-dev from Debian's packages"
      apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends clang lld zlib1g-dev >/dev/null
    else
      echo "publish: Native AOT needs clang and zlib (apt-get install clang zlib1g-dev)" >&2
      exit 1
    fi
  fi
  publish linux-x64 "$work/linux-x64-bin"
  cp "$work/linux-x64-bin/backup-reconciler" "dist/$name"
  echo "publish: dist/$name ($(du -k "dist/$name" | cut -f1) KiB)"
}

for target in "${targets[@]}"; do
  case $target in
    win-x64) win_x64 ;;
    linux-x64) linux_x64 ;;
    win-x64-folder) win_x64_folder ;;
    *) echo "usage: tools/publish.sh [win-x64] [linux-x64] [win-x64-folder]" >&2; exit 1 ;;
  esac
done

# The checksums of this version's artifacts, whichever were built now or before.
(
  cd dist
  : >SHA256SUMS
  for artifact in "backup-reconciler-$version-win-x64.zip" "backup-reconciler-$version-linux-x64"; do
    if [ -f "$artifact" ]; then sha256sum "$artifact" >>SHA256SUMS; fi
  done
)
echo "publish: dist/SHA256SUMS"
cat dist/SHA256SUMS
