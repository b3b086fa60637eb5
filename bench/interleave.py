#!/usr/bin/env python3
"""Times builds of the tool on a DPM-sized host one process at a time, in turn, so that every build sees the
same machine state (on a shared machine, cpu times drift by a quarter between minutes). Not in CI.
    python3 bench/gen-host.py dpm DIR
    python3 bench/interleave.py ROUNDS DIR EXE [EXE ...]
Per build: the median (and minimum) process cpu, user + system from wait4's rusage, of the host's `plan`, its
`validate`, and a `plan` with no resources against its snapshot (what reading that snapshot costs); and the
goal's ratio, plan over validate. Each case runs once per round per build, after one warm-up round."""
import os
import statistics
import subprocess
import sys
import tempfile

rounds, folder, builds = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
state = tempfile.mkdtemp(prefix="interleave-")
nothing = os.path.join(state, "nothing.json")
with open(nothing, "w") as f:
    f.write('{ "name": "nothing", "resources": [] }')
host = lambda name: os.path.join(folder, name)
cases = {
    "plan": ["plan", host("baseline.json"), "--snapshot", host("snapshot.json"), "--vars", host("vars.json"), "--state-dir", state],
    "validate": ["validate", host("baseline.json"), "--vars", host("vars.json")],
    "no resources": ["plan", nothing, "--snapshot", host("snapshot.json"), "--state-dir", state],
}
times = {(b, c): [] for b in builds for c in cases}


def cpu_ms(command):
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    return (usage.ru_utime + usage.ru_stime) * 1000


for i in range(rounds + 1):
    for case, arguments in cases.items():
        for build in builds:
            took = cpu_ms(build.split() + arguments)
            if i:
                times[(build, case)].append(took)

for build in builds:
    median = {c: statistics.median(times[(build, c)]) for c in cases}
    low = {c: min(times[(build, c)]) for c in cases}
    figures = "  ".join(f"{c} {median[c]:.1f} ({low[c]:.1f})" for c in cases)
    print(f"{build}: {figures}  plan/validate {median['plan'] / median['validate']:.2f}×")
