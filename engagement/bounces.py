"""Reading bounce messages: RFC 3464 delivery-status notifications and the common other formats.

``bounce_parse`` turns one e-mail (bytes) into a ``BounceReport``: which of
our deliveries it names (the VERP token in the address it was sent to, or
our delivery header quoted back in the returned message) and which
recipients failed, how (hard or soft) and why. It never raises on bad input:
an unreadable message comes back with ``error`` set, so the caller can report
it and keep it for a person to look at.
"""

import email
import email.policy
import re
from dataclasses import dataclass, field

from .links import DELIVERY_HEADER, DELIVERY_TOKEN_RE, delivery_id_from_token
from .models.newsletter import BounceKind

# Headers under which mail servers record the address a message was delivered
# to: the VERP address "bounces+<token>@domain" appears in one of them.
ENVELOPE_HEADERS = ("Delivered-To", "X-Original-To", "Envelope-To", "X-Envelope-To", "To", "Return-Path")
DELIVERY_HEADER_RE = re.compile(rf"^{DELIVERY_HEADER}:\s*(\S+)", re.IGNORECASE | re.MULTILINE)
ENHANCED_STATUS_RE = re.compile(r"(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?![\d.])")
SMTP_REPLY_RE = re.compile(r"(?<!\d)([45])(\d\d)[ -]")
ADDRESS_RE = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")
# Non-standard bounces (qmail, older Exim/Postfix/Exchange, webmail providers):
# recognised by sender and subject; the cause is guessed from the text.
BOUNCE_SENDER_RE = re.compile(r"mailer-daemon|postmaster|mail delivery (sub)?system", re.IGNORECASE)
BOUNCE_SUBJECT_RE = re.compile(
    r"undeliver|delivery (status notification|failure|has failed)|mail delivery failed|failure notice"
    r"|returned mail|delivery problem|unzustellbar|nicht zustellbar|niedostarcz|nie dostarcz",
    re.IGNORECASE,
)
# Where a non-standard bounce starts quoting the original message.
QUOTED_ORIGINAL_RE = re.compile(
    r"^(?:-+ ?original message|-+ ?this is a copy|-+ ?below this line is a copy|received: )", re.I | re.M
)
SOFT_WORDS_RE = re.compile(
    r"mailbox (is )?full|over ?quota|quota exceeded|temporar|try again|deferred|greylist|delayed", re.IGNORECASE
)
HARD_WORDS_RE = re.compile(
    r"user unknown|unknown user|no such (user|mailbox|recipient)|does not exist|mailbox unavailable"
    r"|address rejected|recipient rejected|invalid (recipient|address|mailbox)|account (is )?disabled",
    re.IGNORECASE,
)


@dataclass
class FailedRecipient:
    address: str
    kind: str
    status: str = ""
    diagnostic: str = ""


@dataclass
class BounceReport:
    message_id: str = ""
    subject: str = ""
    is_bounce: bool = False
    delivery_ids: list = field(default_factory=list)
    recipients: list = field(default_factory=list)
    error: str = ""

    @property
    def kind(self):
        """The worst of the failures: one permanent failure makes the bounce hard."""
        kinds = {recipient.kind for recipient in self.recipients}
        return BounceKind.HARD if BounceKind.HARD in kinds else BounceKind.SOFT

    @property
    def status(self):
        return next((recipient.status for recipient in self.recipients if recipient.status), "")

    @property
    def diagnostic(self):
        return "; ".join(recipient.diagnostic for recipient in self.recipients if recipient.diagnostic)[:2000]


def _kind_from(status, text=""):
    if status.startswith("5"):
        return BounceKind.HARD
    if status.startswith("4"):
        return BounceKind.SOFT
    if HARD_WORDS_RE.search(text) and not SOFT_WORDS_RE.search(text):
        return BounceKind.HARD
    # Unknown cause: counted, but never enough on its own to suspend anyone.
    return BounceKind.SOFT


def _address(value):
    """``rfc822; someone@example.org`` (DSN address fields) → ``someone@example.org``."""
    value = str(value or "")
    _type, _sep, address = value.partition(";")
    address = (address or value).strip().strip("<>").strip()
    return address.lower() if ADDRESS_RE.fullmatch(address) else ""


def _text_of(message):
    """All text the message carries, headers of returned messages included, as one string."""
    chunks = []
    for part in message.walk():
        content_type = part.get_content_type()
        if content_type in ("message/rfc822", "message/delivery-status") or part.is_multipart():
            continue
        if part.get_content_maintype() == "text" or content_type == "text/rfc822-headers":
            payload = part.get_payload(decode=True) or b""
            chunks.append(payload.decode(part.get_content_charset() or "utf-8", errors="replace"))
    for part in message.walk():
        if part.get_content_type() == "message/rfc822":
            for returned in part.get_payload() if isinstance(part.get_payload(), list) else []:
                chunks.append("".join(f"{name}: {value}\n" for name, value in returned.items()))
    return "\n".join(chunks)


def _delivery_ids(message, text):
    candidates = []
    for name in ENVELOPE_HEADERS:
        for value in message.get_all(name, []):
            candidates += [match.group(0) for match in DELIVERY_TOKEN_RE.finditer(str(value).lower())]
    candidates += DELIVERY_HEADER_RE.findall(text)
    ids = []
    for token in candidates:
        delivery_id = delivery_id_from_token(token.strip("<>;"))
        if delivery_id is not None and delivery_id not in ids:
            ids.append(delivery_id)
    return ids


def _dsn_recipients(message):
    """Per-recipient fields of an RFC 3464 report (message/delivery-status)."""
    recipients = []
    for part in message.walk():
        if part.get_content_type() != "message/delivery-status":
            continue
        blocks = part.get_payload()
        if not isinstance(blocks, list):
            continue
        for block in blocks[1:]:  # the first block is per-message
            action = str(block.get("Action", "")).strip().lower()
            if action in ("delivered", "relayed", "expanded"):
                continue  # a success notice, not a bounce
            status_match = ENHANCED_STATUS_RE.search(str(block.get("Status", "")))
            status = ".".join(status_match.groups()) if status_match else ""
            diagnostic = " ".join(str(block.get("Diagnostic-Code", "")).split())
            kind = BounceKind.SOFT if action == "delayed" else _kind_from(status, diagnostic)
            address = _address(block.get("Original-Recipient")) or _address(block.get("Final-Recipient"))
            recipients.append(FailedRecipient(address=address, kind=kind, status=status, diagnostic=diagnostic))
    return recipients


def _heuristic_recipients(message, text, own_addresses):
    """Bounces without a delivery-status part: the cause and the address come from the text."""
    # Only the explanation, not the quoted original (which names our own addresses).
    explanation = QUOTED_ORIGINAL_RE.split(text, maxsplit=1)[0]
    status_match = ENHANCED_STATUS_RE.search(explanation)
    if status_match:
        status = ".".join(status_match.groups())
    else:
        reply = SMTP_REPLY_RE.search(explanation)
        status = f"{reply.group(1)}.0.0" if reply else ""
    diagnostic_line = next(
        (
            line.strip()
            for line in explanation.splitlines()
            if ENHANCED_STATUS_RE.search(line) or SMTP_REPLY_RE.search(line)
        ),
        "",
    )
    kind = _kind_from(status, explanation)
    addresses = []
    for address in ADDRESS_RE.findall(explanation):
        address = address.lower().rstrip(".")
        if address not in own_addresses and not BOUNCE_SENDER_RE.search(address) and address not in addresses:
            addresses.append(address)
    return [
        FailedRecipient(address=address, kind=kind, status=status, diagnostic=diagnostic_line[:500])
        for address in addresses
    ] or [FailedRecipient(address="", kind=kind, status=status, diagnostic=diagnostic_line[:500])]


def _own_addresses(message):
    own = set()
    for name in ("To", "Delivered-To", "X-Original-To", "From"):
        own.update(address.lower() for address in ADDRESS_RE.findall(str(message.get(name, ""))))
    return own


def bounce_parse(raw):
    """Read one message (bytes) into a BounceReport; bad input gives ``error``, never an exception."""
    report = BounceReport()
    try:
        message = email.message_from_bytes(raw, policy=email.policy.compat32)
        report.message_id = str(message.get("Message-ID", "")).strip()[:998]
        report.subject = " ".join(str(message.get("Subject", "")).split())[:200]
        if message.defects and not message.keys():
            report.error = "not an e-mail message"
            return report
        text = _text_of(message)
        report.delivery_ids = _delivery_ids(message, text)
        is_dsn = message.get_content_type() == "multipart/report" and (
            str(message.get_param("report-type", "")).lower() == "delivery-status"
        )
        if is_dsn:
            report.recipients = _dsn_recipients(message)
            report.is_bounce = bool(report.recipients)
            if not report.is_bounce and not any(
                part.get_content_type() == "message/delivery-status" for part in message.walk()
            ):
                report.error = "a delivery report without its delivery-status part"
            return report
        looks_like_bounce = (
            BOUNCE_SENDER_RE.search(str(message.get("From", "")))
            or BOUNCE_SUBJECT_RE.search(report.subject)
            or str(message.get("Return-Path", "")).strip() == "<>"
        )
        auto_reply = str(message.get("Auto-Submitted", "no")).lower().startswith("auto-replied")
        if looks_like_bounce and not auto_reply:
            report.recipients = _heuristic_recipients(message, text, _own_addresses(message))
            report.is_bounce = True
    except Exception as error:  # noqa: BLE001 -- whatever a broken message does, it is reported, not fatal
        report.error = f"could not read the message: {error!r}"[:500]
    return report
