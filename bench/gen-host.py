#!/usr/bin/env python3
"""Generates the benchmark hosts (snapshot + baseline), drifted, into a folder.

  gen-host.py registry N OUT   N registry resources (one dword each); half of them drifted
  gen-host.py dpm OUT          a DPM-sized host: the shipped dpm-server baseline and sample, grown to
                               2,000 SQL Agent jobs, 1,100 firewall rules, 500 registry values and
                               250 services, and a baseline of ~250 resources (the shipped 10 and 240
                               more registry, service and firewall rules)

Writes OUT/baseline.json, OUT/snapshot.json and (dpm) OUT/vars.json. Deterministic: the same files every time.
"""
import copy
import json
import os
import sys

REPO = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def write(out, name, document):
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        json.dump(document, f, indent=1)


def registry(n, out):
    resources, keys = [], {}
    for i in range(n):
        key = f"HKLM\\SOFTWARE\\BackupReconcilerBench\\Key{i:05d}"
        resources.append({"id": f"reg-{i:05d}", "type": "registry",
                          "properties": {"key": key, "values": {"Value": {"kind": "dword", "data": i}}}})
        keys[key] = {"Value": {"kind": "dword", "data": i if i % 2 else i + 1}}
    write(out, "baseline.json", {"name": f"bench-registry-{n}", "resources": resources})
    write(out, "snapshot.json", {"snapshotVersion": 1, "computerName": "BENCH01", "capturedAt": "2026-11-22T10:00:00Z",
                                 "facts": {}, "registry": keys})


def resolved(path):
    """A shipped baseline with its includes' resources in place, as one file."""
    with open(path, encoding="utf-8") as f:
        document = json.load(f)
    resources = []
    for include in document.pop("include", []):
        resources += resolved(os.path.join(os.path.dirname(path), include))["resources"]
    document["resources"] = resources + document.get("resources", [])
    document.pop("$schema", None)
    return document


def dpm(out):
    baseline = resolved(os.path.join(REPO, "baselines", "dpm-server.json"))
    with open(os.path.join(REPO, "samples", "dpm-server.drifted.json"), encoding="utf-8") as f:
        snapshot = json.load(f)
    with open(os.path.join(REPO, "samples", "dpm-server.vars.json"), encoding="utf-8") as f:
        variables = json.load(f)

    instance = next(iter(snapshot["sqlInstances"].values()))
    template = instance["jobs"][0]
    jobs = instance["jobs"]
    for i in range(len(jobs), 2000):
        job = copy.deepcopy(template)
        job["name"] = f"{i:08x}-0000-4000-8000-{i:012x}"
        job["enabled"] = i % 3 != 0
        jobs.append(job)

    rule = snapshot["firewallRules"][0]
    for i in range(len(snapshot["firewallRules"]), 1100):
        extra = copy.deepcopy(rule)
        extra["name"] = f"Bench rule {i:04d} (TCP-In)"
        extra["direction"] = "inbound"
        extra["protocol"] = "tcp"
        extra["localPorts"] = [str(10000 + i)]
        extra.pop("remotePorts", None)
        snapshot["firewallRules"].append(extra)

    registry = snapshot["registry"]
    count = sum(len(v) for v in registry.values())
    i = 0
    while count < 500:
        registry.setdefault(f"HKLM\\SOFTWARE\\BackupReconcilerBench\\Key{i // 10:03d}", {})[f"Value{i % 10}"] = {"kind": "dword", "data": i}
        i += 1
        count += 1

    services = snapshot["services"]
    for i in range(len(services), 250):
        services[f"BenchSvc{i:03d}"] = {"startType": "manual", "state": "stopped", "account": "LocalSystem", "dependsOn": []}

    added = []
    for i in range(0, 150):  # registry resources over the generated values, every third drifted
        key = f"HKLM\\SOFTWARE\\BackupReconcilerBench\\Key{i // 10:03d}"
        added.append({"id": f"bench-reg-{i:03d}", "type": "registry",
                      "properties": {"key": key, "values": {f"Value{i % 10}": {"kind": "dword", "data": i + (1 if i % 3 == 0 else 0)}}}})
    for i in range(0, 60):  # services, every fourth drifted
        added.append({"id": f"bench-svc-{i:03d}", "type": "service",
                      "properties": {"name": f"BenchSvc{i + 20:03d}", "startType": "automatic" if i % 4 == 0 else "manual"}})
    for i in range(0, 30):  # firewall rules, every fifth drifted
        added.append({"id": f"bench-fw-{i:03d}", "type": "firewallRule",
                      "properties": {"name": f"Bench rule {i + 10:04d} (TCP-In)", "enabled": i % 5 != 0}})
    baseline["name"] = "bench-dpm-host"
    baseline["resources"] += added
    write(out, "baseline.json", baseline)
    write(out, "snapshot.json", snapshot)
    write(out, "vars.json", variables)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "registry":
        os.makedirs(sys.argv[3], exist_ok=True)
        registry(int(sys.argv[2]), sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == "dpm":
        os.makedirs(sys.argv[2], exist_ok=True)
        dpm(sys.argv[2])
    else:
        sys.exit(__doc__)
