"""`python -m thaikpi`: the command line."""
from thaikpi.pipeline.cli import main

if __name__ == "__main__":
    main()
