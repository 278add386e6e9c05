"""The RFC 2217 far end for the tests: pyserial's own example server (Debian python3-serial,
/usr/share/doc/python3-serial/examples/rfc2217_server.py) serving one serial port, here a socat
pty. Only the accept loop is ours, so it listens on 127.0.0.1 and a free port (printed as
"listening on PORT"); the protocol side is pyserial's Redirector and PortManager as shipped.

usage: python3 rfc2217-server.py SERIALPORT

A pty has no modem lines: reading CTS/DSR/RI/CD or setting DTR/RTS fails with ENOTTY, which
would end pyserial's redirector. PtySerial answers "off" for those lines and logs what was asked,
nothing else changes. BREAK (TIOCSBRK/TIOCCBRK) and the line settings (termios) are real on a pty.
"""
import errno
import importlib.util
import logging
import socket
import sys

import serial

EXAMPLE = '/usr/share/doc/python3-serial/examples/rfc2217_server.py'

spec = importlib.util.spec_from_file_location('rfc2217_example', EXAMPLE)
example = importlib.util.module_from_spec(spec)
spec.loader.exec_module(example)

logging.basicConfig(level=logging.INFO, stream=sys.stderr, format='%(name)s %(message)s')
logging.getLogger('rfc2217').setLevel(logging.INFO)



class PtySerial(serial.Serial):
    def _ignore_enotty(self, update):
        try:
            update()
        except OSError as e:
            if e.errno not in (errno.ENOTTY, errno.EINVAL):
                raise

    def _update_dtr_state(self):
        self._ignore_enotty(super()._update_dtr_state)

    def _update_rts_state(self):
        self._ignore_enotty(super()._update_rts_state)

    @property
    def cts(self):
        return False

    @property
    def dsr(self):
        return False

    @property
    def ri(self):
        return False

    @property
    def cd(self):
        return False


ser = PtySerial()
ser.port = sys.argv[1]
ser.timeout = 3
ser.open()
settings = ser.get_settings()

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(('127.0.0.1', 0))
srv.listen(1)
print('listening on {}'.format(srv.getsockname()[1]), flush=True)
while True:
    client, _ = srv.accept()
    client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    r = example.Redirector(ser, client, True)
    try:
        r.shortcircuit()
    finally:
        r.stop()
        client.close()
        ser.apply_settings(settings)
        print('disconnected', flush=True)
