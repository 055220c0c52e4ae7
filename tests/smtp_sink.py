"""A real SMTP server for the email notification tests: aiosmtpd on 127.0.0.1 on a free port it
picks and prints, writing each message to OUT_DIR as <n>.eml (the raw message) and <n>.json (the
envelope and the login used), AUTH offered without TLS (loopback only) for USER/PASSWORD.
It stops when its standard input closes (the test ended).

usage: python smtp_sink.py OUT_DIR [USER PASSWORD]
"""
import asyncio
import itertools
import json
import os
import sys

from aiosmtpd.smtp import SMTP, AuthResult

OUT = sys.argv[1]
USER = sys.argv[2].encode() if len(sys.argv) > 3 else None
PASSWORD = sys.argv[3].encode() if len(sys.argv) > 3 else None
COUNT = itertools.count(1)


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = USER is not None and auth_data.login == USER and auth_data.password == PASSWORD
    return AuthResult(success=ok, auth_data=auth_data)


class Sink:
    async def handle_DATA(self, server, session, envelope):
        n = next(COUNT)
        login = session.auth_data.login.decode() if session.auth_data else None
        meta = {"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos, "login": login}
        # Written whole, then renamed: the test never reads half a message.
        for ext, data in (("json", json.dumps(meta).encode()), ("eml", envelope.original_content)):
            tmp = os.path.join(OUT, f".{n}.{ext}.tmp")
            with open(tmp, "wb") as f:
                f.write(data)
            os.rename(tmp, os.path.join(OUT, f"{n}.{ext}"))
        return "250 Message accepted for delivery"


async def main():
    loop = asyncio.get_running_loop()

    def factory():
        return SMTP(
            Sink(),
            hostname="sink.test",
            authenticator=authenticate if USER else None,
            auth_required=USER is not None,
            auth_require_tls=False,
        )

    server = await loop.create_server(factory, host="127.0.0.1", port=0)
    print(server.sockets[0].getsockname()[1], flush=True)
    # Ends with the test: EOF on stdin.
    await loop.run_in_executor(None, sys.stdin.read)


asyncio.run(main())
