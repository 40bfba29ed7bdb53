"""The mailboxes ``process_bounces`` reads: a Maildir, an mbox file or an IMAP folder.

Each gives its messages as bytes and then files every one away, so nothing
is read twice and nothing disappears unseen:

- Maildir: processed messages move to the ``.Processed`` folder, the ones
  that could not be matched or read to ``.Unmatched`` (Maildir++ folders,
  which mail clients show as sub-folders).
- mbox: they move to ``<file>.processed`` and ``<file>.unmatched`` (mbox files
  next to it); the original file keeps only what arrived meanwhile.
- IMAP (``imap://`` or ``imaps://user:password@host[:port]/folder``, folder
  INBOX by default): only unseen messages are read; processed ones are marked
  seen, unmatched ones seen and flagged, for a person to look at.
"""

import imaplib
import mailbox
from pathlib import Path
from urllib.parse import unquote, urlsplit

PROCESSED, UNMATCHED = "Processed", "Unmatched"


class MailboxError(Exception):
    pass


class MaildirSource:
    def __init__(self, path):
        self.box = mailbox.Maildir(path, factory=None, create=False)

    def messages(self):
        for key in list(self.box.keys()):
            yield key, self.box.get_bytes(key)

    def _folder(self, name):
        return self.box.get_folder(name) if name in self.box.list_folders() else self.box.add_folder(name)

    def file_away(self, key, *, matched):
        message = self.box.get_message(key)
        message.set_subdir("cur")
        message.add_flag("S")
        self._folder(PROCESSED if matched else UNMATCHED).add(message)
        self.box.remove(key)

    def close(self):
        self.box.close()


class MboxSource:
    def __init__(self, path):
        self.path = Path(path)
        self.box = mailbox.mbox(self.path, create=False)
        self.box.lock()

    def messages(self):
        for key in list(self.box.keys()):
            yield key, self.box.get_bytes(key)

    def file_away(self, key, *, matched):
        target = mailbox.mbox(f"{self.path}.{(PROCESSED if matched else UNMATCHED).lower()}")
        target.lock()
        try:
            target.add(self.box.get_message(key))
            target.flush()
        finally:
            target.unlock()
            target.close()
        self.box.remove(key)

    def close(self):
        try:
            self.box.flush()
        finally:
            self.box.unlock()
            self.box.close()


class ImapSource:
    def __init__(self, url):
        parts = urlsplit(url)
        connect = imaplib.IMAP4_SSL if parts.scheme == "imaps" else imaplib.IMAP4
        try:
            self.imap = connect(parts.hostname, parts.port or (993 if parts.scheme == "imaps" else 143), timeout=60)
            self.imap.login(unquote(parts.username or ""), unquote(parts.password or ""))
            status, _data = self.imap.select(unquote(parts.path.strip("/")) or "INBOX")
        except (OSError, imaplib.IMAP4.error) as error:
            raise MailboxError(f"cannot open the IMAP mailbox {parts.hostname}: {error}") from error
        if status != "OK":
            raise MailboxError(f"cannot select the IMAP folder {parts.path.strip('/') or 'INBOX'}")

    def messages(self):
        _status, data = self.imap.uid("SEARCH", None, "UNSEEN")
        for uid in (data[0] or b"").split():
            _status, fetched = self.imap.uid("FETCH", uid, "(BODY.PEEK[])")
            raw = next((item[1] for item in fetched if isinstance(item, tuple)), None)
            if raw is not None:
                yield uid, raw

    def file_away(self, key, *, matched):
        self.imap.uid("STORE", key, "+FLAGS", r"(\Seen)" if matched else r"(\Seen \Flagged)")

    def close(self):
        try:
            self.imap.close()
            self.imap.logout()
        except (OSError, imaplib.IMAP4.error):
            pass


def mailbox_open(location):
    """The source behind a path (a Maildir directory or an mbox file) or an imap(s):// URL."""
    if location.startswith(("imap://", "imaps://")):
        return ImapSource(location)
    path = Path(location)
    if path.is_dir():
        if not all((path / sub).is_dir() for sub in ("cur", "new", "tmp")):
            raise MailboxError(f"{location} is a directory but not a Maildir (no cur/, new/, tmp/)")
        return MaildirSource(path)
    if path.is_file():
        return MboxSource(path)
    raise MailboxError(f"{location} does not exist")
