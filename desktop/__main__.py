"""``python -m desktop`` starts the desktop app."""

from __future__ import annotations

import sys

from desktop.app import main

sys.exit(main())
