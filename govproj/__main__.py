"""`python -m govproj`."""
from __future__ import annotations

import sys

from govproj.cli import main

sys.exit(main())
