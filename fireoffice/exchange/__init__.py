"""Spreadsheet and package readers/writers: plain data in, plain data out (no services, no Qt)."""
