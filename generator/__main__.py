import sys

from generator.cli import main

if __name__ == "__main__":  # not when a spawned render worker imports the main module
    sys.exit(main())
