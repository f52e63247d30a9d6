"""Allows `python -m intercity.business.scheduling INSTANCE ...`."""

import sys

from .cli import main

sys.exit(main())
