"""Pure-Python rules of the domain: calendar, codes, CCCD QR, text folding, statuses."""
