"""pty_session.py - drives a command on a pseudo-terminal as a person would: waits for each
expected text, then types the next answer. Usage:
  pty_session.py TRANSCRIPT -- COMMAND ARGS... <<< 'EXPECT\\tTYPE' lines
Each stdin line is "text to wait for<TAB>what to type" ("\\n" is Enter, "^D" ends the input).
Bounded: 20 s per expectation; exits 0 when the command ends after the last one, 1 otherwise.
"""
import os
import pty
import select
import sys
import time


def main():
    transcript = sys.argv[1]
    cmd = sys.argv[sys.argv.index("--") + 1:]
    steps = [line.rstrip("\n").split("\t", 1) for line in sys.stdin if line.strip()]
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(cmd[0], cmd)
    seen = b""  # what is left to match against
    log = []    # everything the command wrote, for the transcript

    def wait_for(text, limit=20.0):
        nonlocal seen
        end = time.time() + limit
        while text.encode() not in seen:
            left = end - time.time()
            if left <= 0:
                return False
            r, _, _ = select.select([fd], [], [], left)
            if not r:
                return False
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                return text.encode() in seen
            if not chunk:
                return False
            log.append(chunk)
            seen += chunk
        return True

    ok = True
    for expect, typed in steps:
        if not wait_for(expect):
            print("pty_session: never saw %r" % expect, file=sys.stderr)
            ok = False
            break
        seen = seen[seen.index(expect.encode()) + len(expect.encode()):]
        if typed == "^D":
            os.write(fd, b"\x04")
        else:
            os.write(fd, typed.replace("\\n", "\n").encode())
    # Drain what is left, bounded, then reap.
    end = time.time() + 20
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.5)
        if not r:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        log.append(chunk)
    # The terminal closes a moment before the process is gone: give it 10 s, then a command
    # still running is stuck; end it (bounded, always).
    done, status = 0, 0
    for _ in range(100):
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        time.sleep(0.1)
    if not done:
        print("pty_session: the command did not end; killed", file=sys.stderr)
        os.kill(pid, 9)
        _, status = os.waitpid(pid, 0)
        ok = False
    with open(transcript, "wb") as f:
        f.write(b"".join(log))
    sys.exit(0 if ok and os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0 else 1)


main()
