#!/usr/bin/python3
"""Time `prongsai serve` from a saved measure to the live-reload event.

    serve.py PRONGSAI SITE [ROUNDS]

SITE is a site folder (bench/gen.py makes them); it is changed in place:
each round rewrites one measure's `progress:` line, the way an editor
saves, and times from the save to the "reload" event on two live-reload
streams, one for the measure's own page and one for its year's page
(the server sends it to a page only once its new file is in place; the
year's page is among the last made), then checks that the measure's
page shows the new value.  Prints the first build's time, each round's,
and the medians, in milliseconds.
Standard library only.
"""

import glob
import http.client
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.parse


ASCII = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def cpu_of(pid):
    """User and system seconds of process pid so far."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def stream(host, port, page):
    """A live-reload stream for the page whose file is page."""
    conn = http.client.HTTPConnection(host, port, timeout=60)
    conn.request("GET", "/.prongsai/events?page=" +
                 urllib.parse.quote(page, safe=""))
    return conn.getresponse()


def reload(resp):
    """Wait for the stream's next reload event."""
    while True:
        line = resp.fp.readline().decode()
        if line.startswith("event: reload"):
            return
        if line == "":
            raise SystemExit("the live-reload stream ended")


def main(argv):
    prog, site = argv[1], argv[2]
    rounds = int(argv[3]) if len(argv) > 3 else 5
    measures = sorted(glob.glob(os.path.join(site, "content/measures/*/*.md")))
    # An in-progress measure, so that a new progress is no warning.
    target = next(m for m in measures
                  if re.search(r"^status: in-progress$",
                               open(m, encoding="utf-8").read(), re.M))
    t0 = time.monotonic()
    srv = subprocess.Popen([prog, "serve", "--source", site, "--port", "0"],
                           stdout=subprocess.PIPE, text=True)
    try:
        for line in srv.stdout:
            m = re.search(r"http://([^/]+):(\d+)(/\S*)", line)
            if m:
                host, port, base = m.group(1), int(m.group(2)), m.group(3)
                break
        first = (time.monotonic() - t0) * 1000
        year, name = target.split("/")[-2], target.split("/")[-1][:-3]
        mine = stream(host, port, "/%s/measures/%s/index.html" % (year, name))
        yearly = stream(host, port, "/%s/index.html" % year)
        times, alls, cpus, firsts = [], [], [], []
        for r in range(rounds):
            text = open(target, encoding="utf-8").read()
            value = 10 + r
            text = re.sub(r"^progress: .*$", "progress: %d" % value, text,
                          count=1, flags=re.M)
            start = time.monotonic()
            cpu0 = cpu_of(srv.pid)
            with open(target, "w", encoding="utf-8") as f:
                f.write(text)
            reload(mine)
            times.append((time.monotonic() - start) * 1000)
            firsts.append((cpu_of(srv.pid) - cpu0) * 1000)
            reload(yearly)
            alls.append((time.monotonic() - start) * 1000)
            page = http.client.HTTPConnection(host, port, timeout=60)
            page.request("GET", "%s%s/measures/%s/" % (base, year, name))
            body = page.getresponse().read().decode()
            if "%d%%" % value not in body and \
                    "%d%%" % value not in body.translate(ASCII):
                raise SystemExit("the page does not show progress %d" % value)
            time.sleep(1.5)
            cpus.append((cpu_of(srv.pid) - cpu0) * 1000)
        print("first build and start: %.0f ms" % first)
        print("save to reload of the measure's page, ms: %s (median %.0f)" %
              (" ".join("%.0f" % t for t in times), statistics.median(times)))
        print("save to reload of its year's page (every page in place), "
              "ms: %s (median %.0f)" %
              (" ".join("%.0f" % t for t in alls), statistics.median(alls)))
        print("CPU time of the server until the measure's page reloaded, "
              "ms: %s (median %.0f)" %
              (" ".join("%.0f" % t for t in firsts),
               statistics.median(firsts)))
        print("CPU time of the server per save (user + system, all "
              "threads; the feeds and data included), ms: %s (median %.0f)" %
              (" ".join("%.0f" % t for t in cpus), statistics.median(cpus)))
        print("load average: %s" % open("/proc/loadavg").read().strip())
    finally:
        srv.terminate()
        srv.wait(timeout=60)


if __name__ == "__main__":
    main(sys.argv)
