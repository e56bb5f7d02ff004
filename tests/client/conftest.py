"""Starts the Jira 10 host with the plugin and the demo data for the client tests, and always stops it.

The host runs in its own process group on a port it picks itself (--port 0; the port is read
from the line it prints), with a fresh data directory and the demo anchored at 2026-11-30 as
in the browser tests. The group is killed when the session ends, and again at interpreter exit
should pytest be interrupted.
"""
import atexit
import os
import pathlib
import re
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.request

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
HOST_JAR = pathlib.Path(os.environ.get("CT_HOST_JAR", REPO / "java-bridge/host/target/capacity-host-jira10.jar"))
PLUGIN_JAR = pathlib.Path(os.environ.get("CT_PLUGIN_JAR", REPO / "java-bridge/plugin/target/capacity-tracker-jira10-0.1.0.jar"))
ANCHOR = "2026-11-30"
RUNNING_AT = re.compile(r"Capacity Tracker host is running at (http://\S+?)/?$")


def _stop(process, data_dir):
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=20)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            process.wait(timeout=10)
    shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def host_url():
    for jar in (HOST_JAR, PLUGIN_JAR):
        if not jar.is_file():
            pytest.fail(f"{jar} is missing; build with: cargo build --release && "
                        "mvn -B -q -f java-bridge/pom.xml install -DskipTests")
    data_dir = tempfile.mkdtemp(prefix="ct-client-data-")
    log_path = pathlib.Path(data_dir) / "host.log"
    log = open(log_path, "w+", encoding="utf-8")
    process = subprocess.Popen(
        [os.environ.get("JAVA", "java"), "-jar", str(HOST_JAR), "--jira", "10", "--plugin", str(PLUGIN_JAR),
         "--port", "0", "--bind", "127.0.0.1", "--data-dir", data_dir, "--demo-anchor", ANCHOR, "--demo", "basic"],
        cwd=REPO, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    atexit.register(_stop, process, data_dir)
    try:
        url = None
        deadline = time.monotonic() + 120
        while url is None:
            if process.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                pytest.fail("the host did not start:\n" + log.read()[-4000:])
            log.seek(0)
            for line in log.read().splitlines():
                match = RUNNING_AT.search(line.strip())
                if match:
                    url = match.group(1).replace("//localhost:", "//127.0.0.1:")
            time.sleep(0.2)
        with urllib.request.urlopen(url + "/rest/api/2/serverInfo", timeout=30) as answer:
            assert answer.status == 200
        yield url
    finally:
        _stop(process, data_dir)
        log.close()
