#!/usr/bin/env bash
# .ci/lane-expect.sh LANE LOG: checks a lane's log against its rows in .ci/lanes.expected.
# A row "LANE total N" needs the closing line "LANE: P passed, F failed" with P >= N and F = 0;
# a row "LANE AREA N" needs a line "LANE AREA: P passed" with P >= N. A missing line is a failure,
# and so is a lane without rows: a lane that says nothing about what it must prove proves nothing.
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: .ci/lane-expect.sh LANE LOG" >&2
  exit 2
fi
lane=$1 log=$2
expected="$(dirname "$0")/lanes.expected"
awk -v lane="$lane" -v expected="$expected" '
  FILENAME == expected {
    if ($0 ~ /^[[:space:]]*(#|$)/ || $1 != lane) next
    rows++; area[rows] = $2; least[rows] = $3 + 0; next
  }
  {
    sub(/\r$/, "")
    if ($0 ~ ("^" lane ": [0-9]+ passed, [0-9]+ failed$")) { seen["total"] = 1; got["total"] = $2 + 0; failed = $4 + 0 }
    else if ($1 == lane && $2 ~ /:$/ && $4 == "passed") { a = substr($2, 1, length($2) - 1); seen[a] = 1; got[a] = $3 + 0 }
  }
  END {
    if (rows == 0) { printf "%s: no expected counts in %s; add rows for this lane\n", lane, expected; exit 1 }
    bad = 0
    for (i = 1; i <= rows; i++) {
      a = area[i]
      if (!(a in seen)) { printf "%s: expected %s: at least %d passed; the log has no such line\n", lane, a, least[i]; bad = 1; continue }
      if (got[a] < least[i]) { printf "%s: expected %s: at least %d passed; %d did\n", lane, a, least[i], got[a]; bad = 1; continue }
      if (a == "total" && failed > 0) { printf "%s: expected total: no failures; %d failed\n", lane, failed; bad = 1; continue }
      printf "%s: expected %s: at least %d passed; %d did\n", lane, a, least[i], got[a]
    }
    exit bad
  }' "$expected" "$log"
