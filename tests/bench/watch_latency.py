#!/usr/bin/env python3
"""Save a file and time until a page shows it (bench.sh's watch step).

    watch_latency.py SOURCE NEW_TEXT_FILE PAGE MARKER {present|absent} [TIMEOUT_S]

Writes NEW_TEXT_FILE's bytes over SOURCE (one write, as an editor saves), then
polls PAGE every millisecond until MARKER is present in it (or absent), and
prints the milliseconds from the end of the save to the page as a number.
Exit 1 on timeout.
"""
import os
import sys
import time


def main():
    source, new_text, page, marker, want = sys.argv[1:6]
    timeout = float(sys.argv[6]) if len(sys.argv) > 6 else 600.0
    marker = marker.encode()
    with open(new_text, "rb") as f:
        data = f.read()
    with open(source, "wb") as f:
        f.write(data)
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        try:
            with open(page, "rb") as f:
                body = f.read()
            if (marker in body) == (want == "present"):
                print(f"{(time.monotonic() - t0) * 1000:.0f}")
                return 0
        except OSError:
            pass            # between the output's swap and the new page
        time.sleep(0.001)
    print(f"watch_latency: {page} did not change within {timeout:.0f} s", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
