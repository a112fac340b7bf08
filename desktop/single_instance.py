"""One window per library: a second start hands its arguments to the running instance over a local socket.

The socket's name is derived from the user and the library folder, so two libraries can be open at once. A
message is one line of JSON, a list of strings (absolute paths and ``lesesaal:`` links); the instance answers
``ok``. Local sockets (a Unix domain socket, a Windows named pipe) never reach the network.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

_ANSWER = b"ok\n"
_LIMIT = 1 << 20  # bytes one message may take


def server_name(library_dir: Path) -> str:
    folder = os.path.normcase(str(library_dir.expanduser().resolve()))
    digest = hashlib.sha256(f"{getpass.getuser()}\x1f{folder}".encode()).hexdigest()
    return f"lesesaal-{digest[:24]}"


def forward(name: str, arguments: Sequence[str], timeout_ms: int = 3000) -> bool:
    """Hand ``arguments`` to the instance listening on ``name``; False when there is none (or it did not answer)."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(json.dumps(list(arguments)).encode() + b"\n")
    answer = b""
    if socket.waitForBytesWritten(timeout_ms):
        while _ANSWER not in answer and socket.waitForReadyRead(timeout_ms):
            answer += socket.readAll().data()
    socket.disconnectFromServer()
    if _ANSWER not in answer:
        log.warning("a running Lesesaal took the connection but did not answer; starting another window")
        return False
    return True


class InstanceServer(QObject):
    """Listens on the library's name; ``arguments_received`` carries each forwarded list of arguments."""

    arguments_received = Signal(object)  # list[str]

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_new_connection)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        if self._server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)  # a socket file a killed instance left behind (Unix)
        if self._server.listen(self.name):
            return True
        log.warning("cannot listen for other starts of Lesesaal: %s", self._server.errorString())
        return False

    def close(self) -> None:
        self._server.close()

    def _on_new_connection(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._on_ready_read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _on_ready_read(self, socket: QLocalSocket) -> None:
        data = self._buffers.get(socket, b"") + socket.readAll().data()
        line, newline, _rest = data.partition(b"\n")
        if not newline:
            self._buffers[socket] = data if len(data) < _LIMIT else b""
            return
        self._buffers[socket] = b""
        try:
            arguments = json.loads(line)
        except ValueError:
            arguments = None
        if not isinstance(arguments, list) or not all(isinstance(a, str) for a in arguments):
            log.warning("ignored a message on the instance socket that is no list of arguments")
            socket.disconnectFromServer()
            return
        socket.write(_ANSWER)
        socket.flush()
        self.arguments_received.emit(arguments)

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()
