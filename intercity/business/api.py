"""REST API of the business app: its viewsets register on the shared /api/v1/ router."""


def register(router) -> None:
    """Add this app's viewsets to the /api/v1/ router."""
