"""A throw-away PostgreSQL + PostGIS cluster for the tests that write into a database.

Made in a temporary folder on a free port (TCP on 127.0.0.1, its socket in that folder), with
trust authentication, and removed at the end of the session. initdb refuses root: as root, the
cluster runs as the ``postgres`` user. Tests using it are skipped where PostgreSQL or PostGIS is
not installed (`make setup` installs both).
"""

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass

import pytest

USER = DATABASE = "anct"


@dataclass(frozen=True)
class Cluster:
    host: str
    port: int
    psql: str

    def sql(self, statement: str) -> str:
        """The answer of ``psql -Atc statement`` (rows of | separated values)."""
        run = subprocess.run(
            [self.psql, "-h", self.host, "-p", str(self.port), "-U", USER, "-d", DATABASE, "-Atc", statement],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert run.returncode == 0, run.stderr
        return run.stdout.strip()

    def count(self, schema: str, table: str) -> int:
        return int(self.sql(f'SELECT count(*) FROM "{schema}"."{table}"'))


def _binaries():
    """The bin folder of the newest PostgreSQL with PostGIS, or None."""
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        version = folder.split("/")[-2]
        if os.path.isfile(os.path.join(folder, "initdb")) and glob.glob(
            f"/usr/share/postgresql/{version}/extension/postgis.control"
        ):
            return folder
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def postgis():
    binaries = _binaries()
    if binaries is None:
        pytest.skip("PostgreSQL with PostGIS is not installed (make setup installs it)")
    as_user = []
    folder = tempfile.mkdtemp(prefix="anct-postgis-")
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root without a 'postgres' user for initdb")
        os.chown(folder, owner.pw_uid, owner.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    data, port = os.path.join(folder, "data"), _free_port()

    def run(*command):
        done = subprocess.run([*as_user, *command], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stdout + done.stderr

    try:
        run(f"{binaries}/initdb", "-D", data, "-U", USER, "--auth=trust", "-E", "UTF8", "--no-sync")
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        run(f"{binaries}/pg_ctl", "-D", data, "-o", options, "-l", os.path.join(folder, "log"), "-w", "start")
        cluster = Cluster("127.0.0.1", port, f"{binaries}/psql")
        run(f"{binaries}/createdb", "-h", cluster.host, "-p", str(port), "-U", USER, DATABASE)
        cluster.sql("CREATE EXTENSION postgis; CREATE SCHEMA anct;")
        yield cluster
    finally:
        subprocess.run([*as_user, f"{binaries}/pg_ctl", "-D", data, "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)
