#!/usr/bin/env python3
"""Runs a command RUNS times (after one warm-up) and prints the median process cpu time (user + system, from
wait4's rusage, children included) and the median wall time, in milliseconds, tab-separated:
    proc-time.py RUNS COMMAND...      ->  cpu_ms<TAB>wall_ms<TAB>exit"""
import os
import statistics
import subprocess
import sys
import time

runs = int(sys.argv[1])
command = sys.argv[2:]
cpu, wall, code = [], [], None
for i in range(runs + 1):
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    took = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if i:
        cpu.append((usage.ru_utime + usage.ru_stime) * 1000)
        wall.append(took * 1000)
print(f"{statistics.median(cpu):.1f}\t{statistics.median(wall):.1f}\t{code}")
