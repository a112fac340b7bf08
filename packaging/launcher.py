"""The bundle's entry point: the desktop app, as ``lesesaal-gui`` starts it.

The import's reader processes and the search index's worker are started with multiprocessing's "spawn", which in a
frozen build runs this same executable: ``freeze_support`` turns such a start into the worker it was meant to be
(without it, the worker would parse the command line as the app and fail, and the import would wait forever).
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from desktop.app import main

    sys.exit(main())
