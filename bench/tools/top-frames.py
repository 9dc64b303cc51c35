#!/usr/bin/env python3
"""Summarises a Speedscope profile written by dotnet-trace (--format Speedscope): the frames where the most CPU time
went, inclusive (the frame and what it called) and exclusive (the frame itself), across every thread.

    python3 bench/tools/top-frames.py trace.speedscope.json [--top 40] [--match Phso] [--under SessionTickets.RetrieveAsync]

--under counts only the samples taken beneath a frame whose name contains that text (what that call spends its time
on), as percentages of all samples.
"""
import argparse
import json
from collections import Counter

parser = argparse.ArgumentParser()
parser.add_argument("profile")
parser.add_argument("--top", type=int, default=40)
parser.add_argument("--match", default="", help="only frames whose name contains this")
parser.add_argument("--under", default="", help="only samples beneath a frame whose name contains this")
args = parser.parse_args()

data = json.load(open(args.profile))
frames = [f["name"] for f in data["shared"]["frames"]]
inclusive, exclusive = Counter(), Counter()
total = 0.0
for profile in data["profiles"]:
    if profile["type"] != "evented":
        continue
    stack, opened = [], {}
    last = profile["startValue"]
    for event in profile["events"]:
        at = event["at"]
        span = at - last
        # Only time on a CPU counts: dotnet-trace ends each sampled stack with CPU_TIME when the thread was running
        # managed code (UNMANAGED_CODE_TIME covers waiting and native work, which is mostly idle threads).
        if stack and span > 0 and frames[stack[-1]] == "CPU_TIME" and len(stack) > 1:
            total += span
            if args.under and not any(args.under in frames[f] for f in stack[:-1]):
                last = at
                if event["type"] == "O":
                    stack.append(event["frame"])
                elif stack:
                    stack.pop()
                continue
            exclusive[stack[-2]] += span
            for frame in set(stack[:-1]):
                inclusive[frame] += span
        last = at
        if event["type"] == "O":
            stack.append(event["frame"])
        elif stack:
            stack.pop()

def show(title, counter):
    print(f"\n{title} (of {total / 1000:.1f} s sampled)")
    shown = 0
    for frame, value in counter.most_common():
        name = frames[frame]
        if args.match and args.match not in name:
            continue
        print(f"{value / total * 100:6.1f}%  {name[:160]}")
        shown += 1
        if shown == args.top:
            break

try:
    show("Inclusive", inclusive)
    show("Exclusive", exclusive)
except BrokenPipeError:
    pass
