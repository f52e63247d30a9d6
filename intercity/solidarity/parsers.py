"""Lets the API take a CAP message as the raw request body (application/cap+xml)."""

from rest_framework.parsers import BaseParser


class CapXMLParser(BaseParser):
    media_type = "application/cap+xml"

    def parse(self, stream, media_type=None, parser_context=None) -> bytes:
        return stream.read()


class XMLParser(CapXMLParser):
    media_type = "application/xml"
