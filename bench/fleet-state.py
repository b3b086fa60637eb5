#!/usr/bin/env python3
"""Writes a state directory shared by a fleet, to time a host's plan or apply among other hosts' journals:
    fleet-state.py STATE_DIR tagged|untagged [OTHERS]  (default 4000)
Three complete runs of FS01 (the README's sample host) on 2026-11-01..03, then OTHERS runs of 1000 other hosts,
all newer, so a lookup of FS01's newest runs that opens journals opens all of them. "tagged" names the journals
as this build writes them (<run-id>.h<host hash>.jsonl, JournalFiles.Tag), "untagged" as earlier builds did
(<run-id>.jsonl). Each journal is the one an apply of baselines/dpm-protected-server.json on the drifted sample
writes (7 lines), with its run id, time and host replaced.
    python3 bench/fleet-state.py /tmp/fleet tagged
    python3 bench/proc-time.py 7 dotnet src/BackupReconciler.Cli/bin/Release/net10.0/backup-reconciler.dll \\
        plan baselines/dpm-protected-server.json --snapshot samples/dpm-protected-server.drifted.json --state-dir /tmp/fleet"""
import json
import os
import random
import sys

JOURNAL = [json.loads(line) for line in [
    '{"event":"start","journalVersion":1,"runId":"20261207T222913Z-be43","time":"2026-12-07T22:29:13.709Z","command":"apply","baseline":"dpm-protected-server","host":"FS01","processId":20959}',
    '{"event":"before","resource":"dpm-agent-timeouts","type":"registry","changes":[{"property":"ConnectionNoActivityTimeoutForNonCCJobs","actual":null,"desired":7200,"action":"change"},{"property":"ConnectionNoActivityTimeout","actual":600,"desired":7200,"action":"change"},{"property":"AbortAgentOnLockTimeout","actual":null,"desired":1,"action":"change"},{"property":"CommandTimeout","actual":null,"desired":1800000,"action":"change"}],"restartServices":["DPMRA"],"undo":{"type":"registry","properties":{"key":"HKLM\\\\SOFTWARE\\\\Microsoft\\\\Microsoft Data Protection Manager\\\\Agent","view":64,"values":{"ConnectionNoActivityTimeoutForNonCCJobs":{"ensure":"absent"},"ConnectionNoActivityTimeout":{"kind":"dword","data":600},"AbortAgentOnLockTimeout":{"ensure":"absent"},"CommandTimeout":{"ensure":"absent"}}}}}',
    '{"event":"after","resource":"dpm-agent-timeouts","outcome":"changed","error":null}',
    '{"event":"before","resource":"tcp-max-data-retransmissions","type":"registry","changes":[{"property":"TcpMaxDataRetransmissions","actual":null,"desired":16,"action":"change"}],"restartServices":["DPMRA"],"undo":{"type":"registry","properties":{"key":"HKLM\\\\SYSTEM\\\\CurrentControlSet\\\\Services\\\\Tcpip\\\\Parameters","view":64,"values":{"TcpMaxDataRetransmissions":{"ensure":"absent"}}}}}',
    '{"event":"after","resource":"tcp-max-data-retransmissions","outcome":"changed","error":null}',
    '{"event":"restart","service":"DPMRA","outcome":"restarted","error":null,"reason":"requested by dpm-agent-timeouts, tcp-max-data-retransmissions","running":[],"waiting":null}',
    '{"event":"end","interrupted":false,"summary":{"total":2,"compliant":0,"drifted":0,"changed":2,"manual":0,"failed":0,"skipped":0,"predictedFailure":0,"notUndoable":0}}',
]]


def tag(host):
    """JournalFiles.Tag: FNV-1a (64 bits) of the host name with ASCII letters upper-cased; None when not all ASCII."""
    if not host or any(ord(c) > 127 for c in host):
        return None
    h = 14695981039346656037
    for c in host:
        o = ord(c) - 32 if "a" <= c <= "z" else ord(c)
        h = ((h ^ o) * 1099511628211) & 0xFFFFFFFFFFFFFFFF
    return "h%016x" % h


def write(folder, tagged, run_id, time, host):
    lines = json.loads(json.dumps(JOURNAL))
    lines[0].update(runId=run_id, time=time, host=host)
    name = run_id + ("." + tag(host) if tagged and tag(host) else "") + ".jsonl"
    with open(os.path.join(folder, name), "w", encoding="utf-8", newline="\n") as f:
        f.write("".join(json.dumps(line, separators=(",", ":")) + "\n" for line in lines))


state, style = sys.argv[1], sys.argv[2]
others = int(sys.argv[3]) if len(sys.argv) > 3 else 4000
if style not in ("tagged", "untagged"):
    sys.exit("style is tagged or untagged")
folder = os.path.join(state, "runs")
os.makedirs(folder, exist_ok=True)
rng = random.Random(1)
for i in range(3):
    write(folder, style == "tagged", f"202611{i + 1:02d}T010000Z-{rng.randrange(65536):04x}", f"2026-11-{i + 1:02d}T01:00:00.000Z", "FS01")
for i in range(others):
    day, minute = 10 + i // 200 % 20, i % 200
    stamp = f"{minute // 60:02d}{minute % 60:02d}00"
    write(folder, style == "tagged", f"202611{day:02d}T{stamp}Z-{rng.randrange(65536):04x}",
          f"2026-11-{day:02d}T{stamp[:2]}:{stamp[2:4]}:00.000Z", f"SRV{i % 1000:04d}")
