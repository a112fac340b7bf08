"""The bundle's entry point: the desktop app, as ``lesesaal-gui`` starts it."""

import sys

from desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
